// SPDX-License-Identifier: MIT
// Local paths stay inside the plan's folder or --assets folders; escapes are errors and never read.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <random>

#include "validate/paths.hpp"
#include "validate_support.hpp"

namespace closeplan {
namespace {

namespace fs = std::filesystem;
using validate::detail::path_state;
using validate::detail::resolve_local_file;

// tmp/plan (the plan's folder), tmp/assets (an --assets folder), tmp/outside (never readable),
// with symlinks planted in tmp/plan pointing in and out.
class paths_test : public ::testing::Test {
protected:
    void SetUp() override {
        std::random_device random;
        root_ = fs::temp_directory_path() / ("closeplan-validate-" + std::to_string(random()));
        fs::create_directories(root_ / "plan" / "logos");
        fs::create_directories(root_ / "assets");
        fs::create_directories(root_ / "outside");
        fs::create_directories(root_ / "plan-other");
        write(root_ / "plan" / "logos" / "ok.png", "png");
        write(root_ / "assets" / "brand.png", "png");
        // Not YAML: reading it would show as a load error, so a test can tell it was never read.
        write(root_ / "outside" / "secret.yaml", "{{{ not: yaml\n");
        write(root_ / "plan-other" / "x.png", "png");
        fs::create_symlink(root_ / "outside" / "secret.yaml", root_ / "plan" / "evil.yaml");
        fs::create_symlink("../outside", root_ / "plan" / "out-dir");
        fs::create_symlink(root_ / "outside" / "missing.yaml", root_ / "plan" / "dangling.yaml");
        fs::create_symlink("logos/ok.png", root_ / "plan" / "inner.png");
        options_.base_dir = (root_ / "plan").string();
        options_.asset_dirs = {(root_ / "assets").string()};
    }
    void TearDown() override { fs::remove_all(root_); }

    static void write(const fs::path& path, std::string_view text) { std::ofstream(path) << text; }

    test::validation run(std::string_view rest) {
        const std::string text = "closeplan: 1\ndeal:\n  name: X\ntarget_close: 2026-06-30\n" + std::string(rest);
        return test::validate_text(text, "plan.yaml", options_);
    }

    fs::path root_;
    validate::validate_options options_;
};

TEST_F(paths_test, resolution_cases) {
    struct expectation {
        const char* written;
        path_state state;
        bool exists;
    };
    const std::string outside_abs = (root_ / "outside" / "secret.yaml").string();
    const std::string asset_abs = (root_ / "assets" / "brand.png").string();
    const expectation cases[] = {
        {"logos/ok.png", path_state::inside, true},
        {"logos/./ok.png", path_state::inside, true},
        {"logos/missing.png", path_state::inside, false},
        {"inner.png", path_state::inside, true},
        {"../outside/secret.yaml", path_state::outside, true},
        {"logos/../../outside/secret.yaml", path_state::outside, true},
        {"../../../../../../../../etc/passwd", path_state::outside, true},
        {"/etc/passwd", path_state::outside, true},
        {outside_abs.c_str(), path_state::outside, true},
        {"../plan-other/x.png", path_state::outside, true},
        {"evil.yaml", path_state::link_outside, true},
        {"out-dir/secret.yaml", path_state::link_outside, true},
        {"dangling.yaml", path_state::link_outside, false},
        {"../assets/brand.png", path_state::inside, true},
        {asset_abs.c_str(), path_state::inside, true},
        {"logos/ok.png\x01", path_state::bad_characters, false},
    };
    for (const auto& c : cases) {
        const auto file = resolve_local_file(c.written, options_);
        EXPECT_EQ(file.state, c.state) << c.written;
        if (c.state == path_state::inside) {
            EXPECT_EQ(file.exists, c.exists) << c.written;
        }
    }
}

TEST_F(paths_test, logo_escapes_are_errors) {
    auto escaped = test::validate_text(
        "closeplan: 1\n"
        "deal:\n"
        "  name: X\n"
        "  buyer: { name: Northwind, logo: ../../etc/passwd }\n"
        "  seller: { name: Acme, logo: evil.yaml }\n"
        "target_close: 2026-06-30\n",
        "plan.yaml", options_);
    EXPECT_EQ(escaped.report(),
              "plan.yaml:4:35: error[V207]: logo path \"../../etc/passwd\" leaves the allowed folders "
              "(at /deal/buyer/logo)\n"
              "  hint: keep local files inside the plan's folder, or name their folder with --assets DIR\n"
              "plan.yaml:5:31: error[V207]: logo path \"evil.yaml\" is a symbolic link to a place outside the "
              "allowed folders (at /deal/seller/logo)\n"
              "  hint: keep local files inside the plan's folder, or name their folder with --assets DIR");
    EXPECT_FALSE(escaped.plan);
}

TEST_F(paths_test, resource_path_absolute_outside_json) {
    const std::string text =
        "{\"closeplan\": 1, \"deal\": {\"name\": \"X\"}, \"target_close\": \"2026-06-30\",\n"
        " \"resources\": [{\"title\": \"Passwords\", \"path\": \"/etc/passwd\"}]}\n";
    auto v = test::validate_text(text, "plan.json", options_);
    EXPECT_EQ(v.report(),
              "plan.json:2:47: error[V207]: resource path \"/etc/passwd\" leaves the allowed folders "
              "(at /resources/0/path)\n"
              "  hint: keep local files inside the plan's folder, or name their folder with --assets DIR");
}

TEST_F(paths_test, value_map_symlink_outside_is_never_read) {
    auto v = run("value_map: evil.yaml\n");
    EXPECT_EQ(v.report(),
              "plan.yaml:5:12: error[V207]: value map path \"evil.yaml\" is a symbolic link to a place outside "
              "the allowed folders (at /value_map)\n"
              "  hint: keep local files inside the plan's folder, or name their folder with --assets DIR");
    for (const auto& d : v.diags.all()) EXPECT_NE(d.code.front(), 'L') << format_diagnostic(d);
}

TEST_F(paths_test, value_map_through_dotdot_is_never_read) {
    auto v = run("value_map: ../outside/secret.yaml\n");
    ASSERT_EQ(v.diags.all().size(), 1u) << v.report();
    EXPECT_EQ(v.diags.all()[0].code, "V207");
}

TEST_F(paths_test, missing_files) {
    auto v =
        run("resources:\n"
            "  - title: Deck\n"
            "    path: decks/missing.pdf\n"
            "value_map: nowhere.yaml\n");
    EXPECT_EQ(v.report(),
              "plan.yaml:7:11: warning[V213]: resource file \"decks/missing.pdf\" not found (at /resources/0/path)\n"
              "  hint: paths are relative to the plan file's folder\n"
              "plan.yaml:8:12: error[V214]: value map file \"nowhere.yaml\" not found (at /value_map)\n"
              "  hint: paths are relative to the plan file's folder");
}

TEST_F(paths_test, missing_files_json) {
    const std::string text =
        "{\"closeplan\": 1, \"deal\": {\"name\": \"X\", \"buyer\": {\"name\": \"N\", \"logo\": \"n.png\"}},\n"
        " \"target_close\": \"2026-06-30\", \"value_map\": \"vm.json\"}\n";
    auto v = test::validate_text(text, "plan.json", options_);
    EXPECT_EQ(v.report(),
              "plan.json:1:71: warning[V213]: logo file \"n.png\" not found (at /deal/buyer/logo)\n"
              "  hint: paths are relative to the plan file's folder\n"
              "plan.json:2:45: error[V214]: value map file \"vm.json\" not found (at /value_map)\n"
              "  hint: paths are relative to the plan file's folder");
}

TEST_F(paths_test, missing_logo_is_only_a_warning_and_assets_are_allowed) {
    auto v = test::validate_text(
        "closeplan: 1\n"
        "deal:\n"
        "  name: X\n"
        "  buyer: { name: Northwind, logo: logos/northwind.png }\n"
        "  seller: { name: Acme, logo: ../assets/brand.png }\n"
        "target_close: 2026-06-30\n",
        "plan.yaml", options_);
    EXPECT_EQ(v.report(),
              "plan.yaml:4:35: warning[V213]: logo file \"logos/northwind.png\" not found (at /deal/buyer/logo)\n"
              "  hint: paths are relative to the plan file's folder");
    ASSERT_TRUE(v.plan);
    EXPECT_EQ(v.plan->deal.seller.logo, "../assets/brand.png");
}

TEST_F(paths_test, value_map_file_diagnostics_carry_its_name) {
    write(root_ / "plan" / "vm.yaml",
          "closeplan-value-map: 1\n"
          "entries:\n"
          "  - match: { role: cfo }\n"
          "    cares_about: [Cost]\n");
    const std::string plan_file = (root_ / "plan" / "plan.yaml").string();
    auto v = test::validate_text(
        "closeplan: 1\n"
        "deal:\n"
        "  name: X\n"
        "target_close: 2026-06-30\n"
        "value_map: vm.yaml\n"
        "locale: en_US\n",
        plan_file, options_);
    const std::string vm_file = (root_ / "plan" / "vm.yaml").string();
    EXPECT_EQ(
        v.report(),
        vm_file +
            ":3:20: error[V203]: unknown role \"cfo\" (at /entries/0/match/role)\n"
            "  hint: role must be one of economic_buyer, champion, decision_maker, technical_evaluator, security, "
            "legal, procurement, executive_sponsor, end_user, account_executive, solutions_engineer, "
            "customer_success, sales_leader or other\n" +
            plan_file +
            ":6:9: error[V210]: locale \"en_US\" is not a language tag (at /locale)\n"
            "  hint: did you mean `en-US`?\n"
            "  hint: write a language tag such as en-US, en-GB, de or pt-BR");
    EXPECT_FALSE(v.plan);
}

TEST_F(paths_test, value_map_file_entries_are_merged) {
    write(root_ / "plan" / "vm.yaml",
          "closeplan-value-map: 1\n"
          "entries:\n"
          "  - match: { role: [economic_buyer, champion], title: CFO, id: nobody }\n"
          "    cares_about: [Cost]\n");
    auto v = run("value_map: vm.yaml\n");
    EXPECT_EQ(v.report(), "");
    ASSERT_TRUE(v.plan);
    ASSERT_EQ(v.plan->value_map.size(), 1u);
    EXPECT_EQ(v.plan->value_map[0].match_roles,
              (std::vector<model::role>{model::role::economic_buyer, model::role::champion}));
    EXPECT_EQ(v.plan->value_map[0].match_title_words, (std::vector<std::string>{"CFO"}));
    EXPECT_EQ(v.plan->value_map[0].match_ids, (std::vector<std::string>{"nobody"}));
}

}  // namespace
}  // namespace closeplan

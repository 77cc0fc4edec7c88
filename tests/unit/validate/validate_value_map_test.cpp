// SPDX-License-Identifier: MIT
// validate_value_map on whole value map files: shape, version, roles, wrong file kinds.
#include <gtest/gtest.h>

#include "validate_support.hpp"

namespace closeplan {
namespace {

struct value_map_run {
    std::optional<std::vector<model::value_entry>> entries;
    diagnostic_sink diags;
    [[nodiscard]] std::string report() const {
        std::string out;
        for (const auto& d : diags.all()) out += (out.empty() ? "" : "\n") + format_diagnostic(d);
        return out;
    }
};

value_map_run run(std::string_view text, const std::string& file = "vm.yaml") {
    value_map_run r;
    auto tree = load::load_document(text, file, load::syntax_for_path(file), r.diags);
    if (tree) r.entries = validate::validate_value_map(*tree, r.diags);
    return r;
}

TEST(validate_value_map, reads_entries) {
    auto r =
        run("closeplan-value-map: 1\n"
            "entries:\n"
            "  - match: { role: economic_buyer, title: [CFO, Finance] }\n"
            "    cares_about: [Cost, Risk]\n"
            "    proof: [roi]\n"
            "    milestones: [business_case]\n"
            "  - match: { id: dana }\n");
    EXPECT_EQ(r.report(), "");
    ASSERT_TRUE(r.entries);
    ASSERT_EQ(r.entries->size(), 2u);
    EXPECT_EQ((*r.entries)[0].match_roles, (std::vector<model::role>{model::role::economic_buyer}));
    EXPECT_EQ((*r.entries)[0].proof, (std::vector<std::string>{"roi"}));
    EXPECT_EQ((*r.entries)[1].match_ids, (std::vector<std::string>{"dana"}));
    EXPECT_EQ((*r.entries)[1].where.line, 7);
}

TEST(validate_value_map, problems_in_file_order) {
    auto r =
        run("closeplan-value-map: 3\n"
            "entries:\n"
            "  - match: { role: [champion, Champoin] }\n"
            "    cares_abut: [Cost]\n"
            "  - match: {}\n"
            "  - cares_about: [Cost]\n"
            "  - just text\n");
    EXPECT_EQ(r.report(),
              "vm.yaml:1:22: error[V201]: unsupported format version \"3\" (at /closeplan-value-map)\n"
              "  hint: this closeplan reads value map version 1: `closeplan-value-map: 1`\n"
              "vm.yaml:3:31: error[V203]: unknown role \"Champoin\" (at /entries/0/match/role/1)\n"
              "  hint: did you mean `champion`?\n"
              "  hint: role must be one of economic_buyer, champion, decision_maker, technical_evaluator, security, "
              "legal, procurement, executive_sponsor, end_user, account_executive, solutions_engineer, "
              "customer_success, sales_leader or other\n"
              "vm.yaml:4:5: warning[V208]: unknown field \"cares_abut\" (at /entries/0/cares_abut)\n"
              "  hint: did you mean `cares_about`?\n"
              "vm.yaml:5:12: error[V202]: match needs at least one of role, title or id (at /entries/1/match)\n"
              "  hint: write `match: { role: economic_buyer }` or `match: { title: [CFO] }`\n"
              "vm.yaml:6:5: error[V202]: missing required field \"match\" (at /entries/2/match)\n"
              "  hint: say whom the entry is for: `match: { role: ..., title: [...], id: ... }`\n"
              "vm.yaml:7:5: error[V209]: each value map entry must be a mapping, found text (at /entries/3)\n"
              "  hint: write each entry as `- match: {...}` with cares_about, proof and milestones");
    EXPECT_FALSE(r.entries);
}

TEST(validate_value_map, plan_passed_as_value_map_json) {
    auto r = run("{\"closeplan\": 1, \"deal\": {\"name\": \"X\"}}", "vm.json");
    EXPECT_EQ(r.report(),
              "vm.json:1:2: error[V201]: this is a plan file, not a value map (at /closeplan)\n"
              "  hint: pass the plan as the input file and a value map with --value-map FILE");
}

TEST(validate_value_map, missing_version_and_entries) {
    auto r = run("entries_: []\n");
    EXPECT_EQ(r.report(),
              "vm.yaml:1:1: error[V201]: missing format version (at /closeplan-value-map)\n"
              "  hint: add `closeplan-value-map: 1` at the top of the file\n"
              "vm.yaml:1:1: warning[V208]: unknown field \"entries_\" (at /entries_)\n"
              "  hint: did you mean `entries`?\n"
              "vm.yaml:1:1: error[V202]: missing required field \"entries\" (at /entries)\n"
              "  hint: list the entries under `entries:`\n"
              "  hint: `entries_` looks like a misspelling of `entries`");
}

}  // namespace
}  // namespace closeplan

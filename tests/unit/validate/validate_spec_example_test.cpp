// SPDX-License-Identifier: MIT
// The spec's full example plan (YAML and JSON) validates cleanly and every field lands in the model.
#include <gtest/gtest.h>

#include <filesystem>

#include "model/dates.hpp"
#include "validate_support.hpp"

namespace closeplan {
namespace {

model::date ymd(int y, unsigned m, unsigned d) {
    return model::date{std::chrono::year{y}, std::chrono::month{m}, std::chrono::day{d}};
}

test::validation validate_fixture(const std::string& file) {
    test::validation v;
    const auto dir = test::fixture_dir("spec-example");
    validate::validate_options options;
    options.base_dir = dir;
    auto tree = load::load_file(dir + "/" + file, v.diags);
    if (tree) v.plan = validate::validate_plan(*tree, options, v.diags);
    return v;
}

void expect_spec_example(const model::plan& p) {
    using model::side;
    EXPECT_EQ(p.format_version, 1);
    EXPECT_EQ(p.deal.id, "NW-2026-014");
    EXPECT_EQ(p.deal.name, "Claims analytics platform");
    EXPECT_EQ(p.deal.buyer.name, "Northwind Health");
    EXPECT_EQ(p.deal.buyer.logo, "logos/northwind.png");
    EXPECT_EQ(p.deal.seller.name, "Acme Analytics");
    EXPECT_EQ(p.deal.seller.logo, "logos/acme.png");
    EXPECT_EQ(p.deal.amount, "240000");
    EXPECT_EQ(p.deal.currency, "USD");
    EXPECT_EQ(p.deal.stage, "Proposal");
    EXPECT_EQ(p.as_of, ymd(2026, 5, 4));
    EXPECT_EQ(p.target_close, ymd(2026, 6, 30));
    EXPECT_EQ(p.go_live, ymd(2026, 8, 15));
    EXPECT_EQ(p.outcome, "Cut claims-processing time by 30% before open enrolment.");
    EXPECT_EQ(p.success_criteria, (std::vector<std::string>{"Claims backlog under 2 days by September"}));
    EXPECT_EQ(p.decision_criteria, (std::vector<std::string>{"Passes HIPAA security review"}));

    ASSERT_EQ(p.stakeholders.size(), 3u);
    const auto& dana = p.stakeholders[0];
    EXPECT_EQ(dana.id, "dana");
    EXPECT_EQ(dana.name, "Dana Ruiz");
    EXPECT_EQ(dana.title, "CFO");
    EXPECT_EQ(dana.party_side, side::buyer);
    EXPECT_EQ(dana.role_kind, model::role::economic_buyer);
    EXPECT_EQ(dana.influence, model::level::high);
    EXPECT_EQ(dana.email, "dana@northwind.example");
    EXPECT_EQ(dana.cares_about, (std::vector<std::string>{"Payback period"}));
    EXPECT_GT(dana.where.line, 0);
    EXPECT_EQ(dana.where.pointer, "/stakeholders/0");
    EXPECT_EQ(p.stakeholders[1].role_kind, model::role::security);
    EXPECT_EQ(p.stakeholders[1].influence, model::level::medium);
    EXPECT_EQ(p.stakeholders[2].party_side, side::seller);
    EXPECT_FALSE(p.stakeholders[2].influence);

    ASSERT_EQ(p.milestones.size(), 3u);
    const auto& docs = p.milestones[1];
    EXPECT_EQ(docs.id, "sec-docs");
    EXPECT_EQ(docs.title, "Security documentation sent");
    EXPECT_EQ(docs.owner, side::seller);
    EXPECT_EQ(docs.assignee, "sam");
    EXPECT_EQ(docs.workstream, "security");
    EXPECT_EQ(docs.due, ymd(2026, 5, 8));
    EXPECT_EQ(docs.baseline, ymd(2026, 5, 1));
    EXPECT_EQ(docs.state, model::status::done);
    EXPECT_EQ(docs.completed, ymd(2026, 5, 7));
    EXPECT_EQ(docs.depends_on, (std::vector<std::string>{"nda"}));
    EXPECT_EQ(docs.gate, "Security architecture review");
    EXPECT_EQ(docs.notes, "Sent the SOC 2 Type II report.");
    EXPECT_EQ(p.milestones[2].state, model::status::in_progress);
    EXPECT_EQ(p.milestones[0].state, model::status::done);

    ASSERT_EQ(p.resources.size(), 1u);
    EXPECT_EQ(p.resources[0].id, "roi");
    EXPECT_EQ(p.resources[0].title, "ROI model");
    EXPECT_EQ(p.resources[0].kind, model::resource_kind::roi);
    EXPECT_EQ(p.resources[0].url, "https://acme.example/roi/northwind");
    EXPECT_EQ(p.resources[0].path, "");
    EXPECT_EQ(p.resources[0].for_ids, (std::vector<std::string>{"dana"}));

    ASSERT_EQ(p.risks.size(), 1u);
    EXPECT_EQ(p.risks[0].title, "Security review queue is six weeks");
    EXPECT_EQ(p.risks[0].severity_level, model::level::high);
    EXPECT_EQ(p.risks[0].owner, side::buyer);
    EXPECT_EQ(p.risks[0].assignee, "lee");
    EXPECT_EQ(p.risks[0].mitigation, "Front-load the questionnaire in week 1.");
    EXPECT_EQ(p.risks[0].milestone_id, "sec-review");

    EXPECT_EQ(p.notes, "Procurement portal registration still to confirm.");
    ASSERT_TRUE(p.signatures.buyer);
    EXPECT_EQ(p.signatures.buyer->stakeholder_id, "dana");
    EXPECT_EQ(p.signatures.buyer->name, "Dana Ruiz");
    EXPECT_EQ(p.signatures.buyer->title, "CFO");
    ASSERT_TRUE(p.signatures.seller);
    EXPECT_EQ(p.signatures.seller->stakeholder_id, "");
    EXPECT_EQ(p.signatures.seller->name, "Chris Park");
    EXPECT_EQ(p.signatures.seller->title, "Account Executive");
    EXPECT_FALSE(p.signatures.seller->signed_on);

    ASSERT_EQ(p.value_map.size(), 2u);
    EXPECT_EQ(p.value_map[0].match_roles, (std::vector<model::role>{model::role::economic_buyer}));
    EXPECT_EQ(p.value_map[0].match_title_words, (std::vector<std::string>{"CFO", "Finance"}));
    EXPECT_EQ(p.value_map[0].cares_about, (std::vector<std::string>{"Cost", "Risk", "Payback period"}));
    EXPECT_EQ(p.value_map[0].proof, (std::vector<std::string>{"roi"}));
    EXPECT_EQ(p.value_map[0].milestones, (std::vector<std::string>{"business_case"}));
    EXPECT_EQ(p.value_map[1].match_title_words, (std::vector<std::string>{"CTO", "CIO", "IT", "Security"}));
    EXPECT_EQ(p.value_map[1].milestones, (std::vector<std::string>{"technical", "security"}));
    EXPECT_NE(p.value_map[1].where.file.find("value-map.yaml"), std::string::npos);

    EXPECT_EQ(p.locale, "en-US");
    ASSERT_EQ(p.commitments.size(), 1u);
    EXPECT_EQ(p.commitments[0].title, "Go-live before open enrolment");
    EXPECT_EQ(p.commitments[0].owner, side::seller);
    EXPECT_EQ(p.commitments[0].due, ymd(2026, 8, 15));
    EXPECT_EQ(p.commitments[0].source, "Proposal v3, section 4");
    EXPECT_EQ(p.scope_in, (std::vector<std::string>{"Claims dashboard", "Two data connectors"}));
    EXPECT_EQ(p.scope_out, (std::vector<std::string>{"Custom ML models"}));
    EXPECT_EQ(p.implementation.kickoff, ymd(2026, 7, 6));
    ASSERT_TRUE(p.implementation.cs_owner);
    EXPECT_EQ(p.implementation.cs_owner->name, "Rae Kim");
    EXPECT_EQ(p.implementation.cs_owner->title, "Customer Success Manager");
    EXPECT_EQ(p.implementation.cs_owner->email, "rae@acme.example");
}

TEST(validate_spec_example, yaml_validates_without_any_diagnostic) {
    auto v = validate_fixture("plan.yaml");
    EXPECT_EQ(v.report(), "");
    ASSERT_TRUE(v.plan);
    expect_spec_example(*v.plan);
    EXPECT_NE(v.plan->source_file.find("plan.yaml"), std::string::npos);
}

TEST(validate_spec_example, json_gives_the_same_plan) {
    auto v = validate_fixture("plan.json");
    EXPECT_EQ(v.report(), "");
    ASSERT_TRUE(v.plan);
    expect_spec_example(*v.plan);
}

TEST(validate_spec_example, value_map_file_validates_alone) {
    diagnostic_sink diags;
    auto tree = load::load_file(test::fixture_dir("spec-example") + "/value-map.yaml", diags);
    ASSERT_TRUE(tree);
    auto entries = validate::validate_value_map(*tree, diags);
    EXPECT_TRUE(diags.all().empty());
    ASSERT_TRUE(entries);
    EXPECT_EQ(entries->size(), 2u);
}

TEST(validate_spec_example, project_examples_have_no_errors) {
    // The examples/ folder is the user-facing showcase: it must always validate.
    for (const char* name :
         {"northwind/plan.yaml", "enterprise/plan.yaml", "pilot/plan.yaml", "stadtwerke/plan.json"}) {
        const std::string path = std::string(CLOSEPLAN_SOURCE_DIR) + "/examples/" + name;
        test::validation v;
        validate::validate_options options;
        options.base_dir = std::filesystem::path(path).parent_path().string();
        auto tree = load::load_file(path, v.diags);
        ASSERT_TRUE(tree) << v.report();
        v.plan = validate::validate_plan(*tree, options, v.diags);
        EXPECT_FALSE(v.diags.has_errors()) << name << "\n" << v.report();
    }
}

}  // namespace
}  // namespace closeplan

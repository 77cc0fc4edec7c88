// SPDX-License-Identifier: MIT
// The plan a schedule writes is a plan the validator accepts, with every text kept as written.
#include <gtest/gtest.h>

#include "load/load_document.hpp"
#include "model/dates.hpp"
#include "pipeline/pipeline.hpp"
#include "schedule/schedule.hpp"
#include "validate/validate_plan.hpp"

namespace closeplan::schedule {
namespace {

const std::string examples = std::string(CLOSEPLAN_SOURCE_DIR) + "/examples/playbooks/";

model::date d(const char* text) {
    return *model::parse_iso_date(text);
}

std::vector<std::string> messages(const diagnostic_sink& diags) {
    std::vector<std::string> out;
    for (const auto& x : diags.all()) out.push_back(format_diagnostic(x));
    return out;
}

/// Schedules a playbook file and reads the written plan back through the validator.
std::optional<model::plan> round_trip(const playbook& book, const deal_fields& deal, const business_calendar& cal,
                                      std::string* yaml_out = nullptr) {
    const auto scheduled = schedule_backward(book, d("2026-06-30"), d("2026-05-04"), cal);
    const auto yaml = to_plan_yaml(build_plan(book, scheduled, deal, d("2026-06-30"), d("2026-05-04")));
    if (yaml_out) *yaml_out = yaml;
    diagnostic_sink diags;
    const auto root = load::load_document(yaml, "scheduled.yaml", load::input_syntax::yaml, diags);
    EXPECT_TRUE(root) << yaml;
    if (!root) return std::nullopt;
    auto plan = validate::validate_plan(*root, {}, diags);
    EXPECT_FALSE(diags.has_errors()) << ::testing::PrintToString(messages(diags)) << yaml;
    return plan;
}

TEST(PlanYaml, ExamplePlaybooksGiveValidPlans) {
    diagnostic_sink diags;
    const auto holidays = load_holidays(examples + "holidays-us-2026.yaml", diags);
    ASSERT_TRUE(holidays) << ::testing::PrintToString(messages(diags));
    EXPECT_EQ(holidays->size(), 11u);
    const business_calendar cal(*holidays);
    for (const char* name : {"mid-market.yaml", "enterprise.yaml"}) {
        const auto book = load_playbook(examples + name, diags);
        ASSERT_TRUE(book) << name << ::testing::PrintToString(messages(diags));
        EXPECT_TRUE(diags.all().empty()) << name << ::testing::PrintToString(messages(diags));
        const auto plan = round_trip(*book, {}, cal);
        ASSERT_TRUE(plan) << name;
        ASSERT_EQ(plan->milestones.size(), book->steps.size());
        for (std::size_t i = 0; i < plan->milestones.size(); ++i) {
            const auto& m = plan->milestones[i];
            EXPECT_EQ(m.id, book->steps[i].id);
            EXPECT_EQ(m.depends_on, book->steps[i].depends_on);
            ASSERT_TRUE(m.due);
            EXPECT_TRUE(cal.is_business_day(*m.due)) << m.id;
            EXPECT_LE(*m.due, d("2026-06-30"));
        }
        EXPECT_EQ(plan->milestones.back().due, d("2026-06-30")) << name;
    }
    EXPECT_EQ(load_playbook(examples + "mid-market.yaml", diags)->steps.size(), 10u);
    EXPECT_EQ(load_playbook(examples + "enterprise.yaml", diags)->steps.size(), 15u);
}

TEST(PlanYaml, DealFieldsAndHostileTextStayText) {
    diagnostic_sink diags;
    const auto book = load_playbook_text(
        "closeplan-playbook: 1\nname: x\nmilestones:\n"
        "  - id: \"a: b\"\n"
        "    title: \"line one\\nkey: value # no comment\"\n"
        "    owner: both\n"
        "    days: 2\n"
        "    notes: \"*x* &anchor\"\n"
        "  - { id: '*alias', title: '=1+2', owner: buyer, days: 1, depends_on: ['a: b'] }\n",
        "h.yaml", diags);
    ASSERT_TRUE(book) << ::testing::PrintToString(messages(diags));
    deal_fields deal;
    deal.id = "OPP-1";
    deal.name = "Ünïcode: \"quoted\" deal\n- injected: item";
    deal.buyer = "{ name: Evil }";
    deal.seller = "Acme";
    deal.amount = "240000.50";
    deal.currency = "EUR";
    deal.stage = "Proposal";
    std::string yaml;
    const auto plan = round_trip(*book, deal, business_calendar{}, &yaml);
    ASSERT_TRUE(plan);
    EXPECT_EQ(plan->deal.id, "OPP-1");
    EXPECT_EQ(plan->deal.name, deal.name);
    EXPECT_EQ(plan->deal.buyer.name, "{ name: Evil }");
    EXPECT_EQ(plan->deal.amount, "240000.50");
    EXPECT_EQ(plan->deal.currency, "EUR");
    EXPECT_EQ(plan->deal.stage, "Proposal");
    EXPECT_EQ(plan->milestones[0].id, "a: b");
    EXPECT_EQ(plan->milestones[0].title, "line one\nkey: value # no comment");
    EXPECT_EQ(plan->milestones[0].notes, "*x* &anchor");
    EXPECT_EQ(plan->milestones[1].id, "*alias");
    EXPECT_EQ(plan->milestones[1].title, "=1+2");
    EXPECT_EQ(plan->as_of, d("2026-05-04"));
    EXPECT_EQ(plan->target_close, d("2026-06-30"));
    EXPECT_EQ(plan->milestones[1].due, d("2026-06-30"));
    // 3 business days needed, 42 there: spread five times (max_stretch), due 5 business days before the close.
    EXPECT_EQ(plan->milestones[0].due, d("2026-06-23"));
}

TEST(PlanYaml, SameInputSameBytes) {
    diagnostic_sink diags;
    const auto book = load_playbook(examples + "enterprise.yaml", diags);
    ASSERT_TRUE(book);
    const auto once = schedule_backward(*book, d("2026-09-30"), d("2026-05-04"), business_calendar{});
    const auto twice = schedule_backward(*book, d("2026-09-30"), d("2026-05-04"), business_calendar{});
    EXPECT_EQ(to_plan_yaml(build_plan(*book, once, {}, d("2026-09-30"), d("2026-05-04"))),
              to_plan_yaml(build_plan(*book, twice, {}, d("2026-09-30"), d("2026-05-04"))));
}

TEST(PlanYaml, ScheduledPlanRendersThroughThePipeline) {
    diagnostic_sink diags;
    const auto book = load_playbook(examples + "mid-market.yaml", diags);
    ASSERT_TRUE(book);
    const auto scheduled = schedule_backward(*book, d("2026-06-30"), d("2026-05-04"), business_calendar{});
    pipeline::render_request request;
    request.plan.path = "scheduled.yaml";
    request.plan.text = to_plan_yaml(build_plan(*book, scheduled, {}, d("2026-06-30"), d("2026-05-04")));
    request.formats = {"md"};
    request.today = d("2026-05-04");
    const auto result = pipeline::render_plan(request, diags);
    EXPECT_FALSE(diags.has_errors()) << ::testing::PrintToString(messages(diags));
    ASSERT_EQ(result.outputs.size(), 1u);
    EXPECT_NE(result.outputs[0].bytes.find("Order form signed"), std::string::npos);
}

}  // namespace
}  // namespace closeplan::schedule

// SPDX-License-Identifier: MIT
// analyze_plan: overdue and health boundaries, slips, progress, and the stakeholder-value merge.
#include <gtest/gtest.h>

#include "analyze/analysis.hpp"
#include "view_test_support.hpp"

namespace closeplan {
namespace {

using model::side;
using model::status;
using test::day;
using test::plan_builder;

TEST(AnalyzeOverdue, HealthBoundariesAtZeroOneSixAndSevenDays) {
    plan_builder b;
    b.milestone("due-today", side::buyer, "2026-05-10");
    b.milestone("one-day", side::buyer, "2026-05-09", status::in_progress);
    b.milestone("six-days", side::seller, "2026-05-04");
    b.milestone("seven-days", side::both, "2026-05-03", status::blocked);
    b.milestone("done-long-ago", side::both, "2026-04-01", status::done);
    b.milestone("future", side::buyer, "2026-06-01", status::scheduled);

    const auto a = analyze::analyze_plan(b.p, day("2026-05-10"));
    ASSERT_EQ(a.milestones.size(), 6u);

    EXPECT_FALSE(a.milestones[0].overdue);
    EXPECT_EQ(a.milestones[0].days_overdue, 0);
    EXPECT_EQ(a.milestones[0].health, analyze::step_health::on_track);

    EXPECT_TRUE(a.milestones[1].overdue);
    EXPECT_EQ(a.milestones[1].days_overdue, 1);
    EXPECT_EQ(a.milestones[1].health, analyze::step_health::at_risk);

    EXPECT_EQ(a.milestones[2].days_overdue, 6);
    EXPECT_EQ(a.milestones[2].health, analyze::step_health::at_risk);

    EXPECT_EQ(a.milestones[3].days_overdue, 7);
    EXPECT_EQ(a.milestones[3].health, analyze::step_health::stalled);

    EXPECT_FALSE(a.milestones[4].overdue);
    EXPECT_EQ(a.milestones[4].days_overdue, 0);
    EXPECT_EQ(a.milestones[4].health, analyze::step_health::done);

    EXPECT_FALSE(a.milestones[5].overdue);
    EXPECT_EQ(a.milestones[5].health, analyze::step_health::on_track);

    EXPECT_EQ(a.overdue_count, 3);
}

TEST(AnalyzeOverdue, DoneWithoutDueIsNeverOverdue) {
    plan_builder b;
    auto& m = b.milestone("nda", side::both, "", status::done);
    m.completed = day("2026-04-20");
    const auto a = analyze::analyze_plan(b.p, day("2026-05-10"));
    EXPECT_FALSE(a.milestones[0].overdue);
    EXPECT_FALSE(a.milestones[0].late_completion);
    EXPECT_EQ(a.milestones[0].health, analyze::step_health::done);
}

TEST(AnalyzeSlips, SlippedPulledInAndUnchanged) {
    plan_builder b;
    b.milestone("slipped", side::seller, "2026-05-08").baseline = day("2026-05-01");
    b.milestone("pulled", side::buyer, "2026-05-05").baseline = day("2026-05-10");
    b.milestone("same", side::buyer, "2026-05-20").baseline = day("2026-05-20");
    b.milestone("no-baseline", side::buyer, "2026-05-20");
    b.milestone("slipped-more", side::both, "2026-06-10").baseline = day("2026-06-01");

    const auto a = analyze::analyze_plan(b.p, day("2026-05-04"));
    EXPECT_TRUE(a.milestones[0].slipped);
    EXPECT_FALSE(a.milestones[0].pulled_in);
    EXPECT_EQ(a.milestones[0].slip_days, 7);
    EXPECT_EQ(a.milestones[0].baseline_delta_days, 7);

    EXPECT_FALSE(a.milestones[1].slipped);
    EXPECT_TRUE(a.milestones[1].pulled_in);
    EXPECT_EQ(a.milestones[1].slip_days, 0);
    EXPECT_EQ(a.milestones[1].baseline_delta_days, -5);

    EXPECT_FALSE(a.milestones[2].slipped);
    EXPECT_FALSE(a.milestones[2].pulled_in);
    EXPECT_FALSE(a.milestones[3].slipped);
    EXPECT_EQ(a.milestones[3].baseline_delta_days, 0);

    EXPECT_EQ(a.slipped_count, 2);
    EXPECT_EQ(a.total_slip_days, 7 + 9);
}

TEST(AnalyzeDates, LateCompletionAfterTargetCloseAndDaysToClose) {
    plan_builder b;
    auto& late = b.milestone("late", side::seller, "2026-05-01", status::done);
    late.completed = day("2026-05-03");
    auto& on_time = b.milestone("on-time", side::seller, "2026-05-01", status::done);
    on_time.completed = day("2026-05-01");
    b.milestone("kickoff", side::both, "2026-07-06");
    b.milestone("signature", side::both, "2026-06-30");

    auto a = analyze::analyze_plan(b.p, day("2026-05-04"));
    EXPECT_TRUE(a.milestones[0].late_completion);
    EXPECT_EQ(a.milestones[0].days_late, 2);
    EXPECT_FALSE(a.milestones[1].late_completion);
    EXPECT_TRUE(a.milestones[2].after_target_close);
    EXPECT_FALSE(a.milestones[3].after_target_close);
    EXPECT_EQ(a.days_to_close, 57);
    EXPECT_EQ(a.as_of, day("2026-05-04"));

    a = analyze::analyze_plan(b.p, day("2026-07-02"));
    EXPECT_EQ(a.days_to_close, -2);
}

TEST(AnalyzeProgress, OverallBySideAndByWorkstreamInPlanOrder) {
    plan_builder b;
    b.milestone("a", side::buyer, "2026-05-01", status::done).workstream = "security";
    b.milestone("b", side::buyer, "2026-05-02").workstream = "legal";
    b.milestone("c", side::seller, "2026-05-03", status::done).workstream = "security";
    b.milestone("d", side::both, "2026-05-04");
    b.milestone("e", side::seller, "2026-05-05", status::done);

    const auto a = analyze::analyze_plan(b.p, day("2026-05-04"));
    EXPECT_EQ(a.overall.done, 3);
    EXPECT_EQ(a.overall.total, 5);
    EXPECT_EQ(a.buyer.done, 1);
    EXPECT_EQ(a.buyer.total, 2);
    EXPECT_EQ(a.seller.done, 2);
    EXPECT_EQ(a.seller.total, 2);
    EXPECT_EQ(a.both.done, 0);
    EXPECT_EQ(a.both.total, 1);
    EXPECT_EQ(a.by_workstream.at("security").done, 2);
    EXPECT_EQ(a.by_workstream.at("security").total, 2);
    EXPECT_EQ(a.by_workstream.at("legal").total, 1);
    EXPECT_EQ(a.by_workstream.at("").total, 2);
    EXPECT_EQ(a.by_workstream.at("").done, 1);
    EXPECT_EQ(a.workstreams, (std::vector<std::string>{"security", "legal", ""}));
}

TEST(AnalyzeValueMap, PlanListFirstThenEntriesDeduplicatedCaseInsensitively) {
    plan_builder b;
    auto& dana = b.stakeholder("dana", "Dana Ruiz", "CFO", side::buyer, model::role::economic_buyer);
    dana.cares_about = {"Payback period", "cost"};
    auto& by_role = b.entry();
    by_role.match_roles = {model::role::economic_buyer};
    by_role.cares_about = {"Cost", "Risk", "PAYBACK PERIOD ", "Risk"};
    auto& by_title = b.entry();
    by_title.match_title_words = {"cfo"};
    by_title.cares_about = {"risk", "Forecast accuracy"};
    auto& other = b.entry();
    other.match_roles = {model::role::legal};
    other.cares_about = {"Liability"};

    const auto rows = analyze::map_stakeholder_values(b.p);
    ASSERT_EQ(rows.size(), 1u);
    EXPECT_EQ(rows[0].stakeholder_id, "dana");
    EXPECT_EQ(rows[0].cares_about, (std::vector<std::string>{"Payback period", "cost", "Risk", "Forecast accuracy"}));
}

TEST(AnalyzeValueMap, TitleMatchesWholeWordsCaseInsensitively) {
    plan_builder b;
    b.stakeholder("vp", "Lee Chen", "VP of IT", side::buyer);
    b.stakeholder("wit", "Wit Person", "Witness coordinator", side::buyer);
    b.stakeholder("ciso", "Kim Ode", "Chief Information Security Officer", side::buyer);
    b.stakeholder("fin", "Ana Ito", "Head of Finance/Controlling", side::buyer);
    b.stakeholder("cfo", "Bo Ek", "Chief Financial Officer (interim)", side::buyer);
    b.stakeholder("se", "Sam Lo", "Security Solutions Engineer", side::seller);
    b.stakeholder("ae", "Chris Park", "Account Executive", side::seller);
    auto& it = b.entry();
    it.match_title_words = {"it", "SECURITY"};
    it.cares_about = {"Integration"};
    auto& finance = b.entry();
    finance.match_title_words = {"Financial", "Chief Financial Officer"};
    finance.cares_about = {"Payback"};
    auto& by_id = b.entry();
    by_id.match_ids = {"ae"};
    by_id.cares_about = {"Quota"};

    const auto rows = analyze::map_stakeholder_values(b.p);
    ASSERT_EQ(rows.size(), 7u);
    EXPECT_EQ(rows[0].cares_about, (std::vector<std::string>{"Integration"}));  // "IT" is a word of "VP of IT"
    EXPECT_TRUE(rows[1].cares_about.empty());                                   // but not of "Witness"
    EXPECT_EQ(rows[2].cares_about, (std::vector<std::string>{"Integration"}));
    EXPECT_TRUE(rows[3].cares_about.empty());  // "Financial" is not "Finance"
    EXPECT_EQ(rows[4].cares_about, (std::vector<std::string>{"Payback"}));
    // Title and role matches are for the buyer side; an id match works on either side.
    EXPECT_TRUE(rows[5].cares_about.empty());
    EXPECT_FALSE(rows[5].relevant);
    EXPECT_EQ(rows[6].cares_about, (std::vector<std::string>{"Quota"}));
    EXPECT_TRUE(rows[6].relevant);
    EXPECT_TRUE(rows[1].relevant);  // buyer side, even with nothing mapped
}

TEST(AnalyzeValueMap, ProofResolvesIdsAndKindsInResourceOrderAndKeepsTheRest) {
    plan_builder b;
    b.stakeholder("dana", "Dana Ruiz", "CFO", side::buyer, model::role::economic_buyer);
    b.stakeholder("lee", "Lee Chen", "CTO", side::buyer, model::role::technical_evaluator);
    b.resource("case", "Mercy case study", model::resource_kind::case_study);
    b.resource("roi", "ROI model", model::resource_kind::roi);
    b.resource("soc2", "SOC 2 report", model::resource_kind::security);
    b.resource("pentest", "Pen test summary", model::resource_kind::security);
    b.resource("deck", "Exec deck", model::resource_kind::proposal).for_ids = {"dana"};
    b.milestone("disc", side::both, "2026-05-01").workstream = "discovery";
    b.milestone("bc", side::buyer, "2026-05-10").workstream = "business_case";
    b.milestone("sign", side::both, "2026-06-30").workstream = "signature";
    b.milestone("bc2", side::seller, "2026-05-12").workstream = "Business_Case";

    auto& money = b.entry();
    money.match_roles = {model::role::economic_buyer};
    money.cares_about = {"Payback"};
    money.proof = {"SECURITY", "benchmark", "roi", "case_study", "benchmark"};
    money.milestones = {"sign", "business_case", "nope"};
    auto& tech = b.entry();
    tech.match_title_words = {"CTO"};
    tech.cares_about = {"Integration"};
    tech.proof = {"reference"};

    const auto a = analyze::analyze_plan(b.p, day("2026-05-04"));
    const auto& dana = a.value_rows.at(0);
    EXPECT_EQ(dana.proof_resource_ids, (std::vector<std::string>{"case", "roi", "soc2", "pentest", "deck"}));
    EXPECT_EQ(dana.proof_unresolved, (std::vector<std::string>{"benchmark"}));
    EXPECT_EQ(dana.milestone_ids, (std::vector<std::string>{"bc", "sign", "bc2"}));
    EXPECT_TRUE(dana.covered);

    const auto& lee = a.value_rows.at(1);
    EXPECT_TRUE(lee.proof_resource_ids.empty());
    EXPECT_EQ(lee.proof_unresolved, (std::vector<std::string>{"reference"}));
    EXPECT_FALSE(lee.covered);  // cares about something, but nothing proves it yet

    EXPECT_EQ(a.value_covered, 1);
    EXPECT_EQ(a.value_relevant, 2);
}

TEST(AnalyzeValueMap, CoveredNeedsSomethingToCareAbout) {
    plan_builder b;
    b.stakeholder("pat", "Pat Doe", "Procurement lead", side::buyer);
    b.resource("msa", "MSA", model::resource_kind::legal).for_ids = {"pat"};
    const auto a = analyze::analyze_plan(b.p, day("2026-05-04"));
    EXPECT_EQ(a.value_rows[0].proof_resource_ids, (std::vector<std::string>{"msa"}));
    EXPECT_FALSE(a.value_rows[0].covered);
    EXPECT_EQ(a.value_covered, 0);
}

TEST(AnalyzeValueMap, DeterministicAcrossRuns) {
    plan_builder b;
    b.stakeholder("dana", "Dana Ruiz", "CFO", side::buyer, model::role::economic_buyer).cares_about = {"Cost"};
    b.resource("roi", "ROI", model::resource_kind::roi);
    b.entry().match_roles = {model::role::economic_buyer};
    b.p.value_map.back().proof = {"roi"};
    const auto first = analyze::analyze_plan(b.p, day("2026-05-04"));
    const auto second = analyze::analyze_plan(b.p, day("2026-05-04"));
    EXPECT_EQ(first.value_rows[0].proof_resource_ids, second.value_rows[0].proof_resource_ids);
    EXPECT_EQ(first.value_rows[0].cares_about, second.value_rows[0].cares_about);
}

}  // namespace
}  // namespace closeplan

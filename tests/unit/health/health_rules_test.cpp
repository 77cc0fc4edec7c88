// SPDX-License-Identifier: MIT
// Messages, severities, locations, totals and config overrides of the review.
#include <algorithm>
#include <fstream>
#include <iterator>

#include "health/report_output.hpp"
#include "health_test_support.hpp"

namespace closeplan::health {
namespace {

using testing::review_file;
using testing::rule_ids;
using testing::source_path;

std::string fixture(const std::string& name) { return source_path("tests/health/fixtures/" + name + ".yaml"); }

config parse(const std::string& text) {
    diagnostic_sink diags;
    auto settings = parse_config(text, "health.yaml", diags);
    EXPECT_TRUE(settings.has_value()) << (diags.all().empty() ? "" : format_diagnostic(diags.all().front()));
    return settings ? *settings : config{};
}

TEST(HealthRules, StalledStepIsAnErrorWithItsSideDaysAndPlace) {
    const auto result = review_file(fixture("H813-step-stalled"));
    ASSERT_EQ(result.findings.size(), 1u);
    const auto& f = result.findings[0];
    EXPECT_EQ(f.level, severity::error);
    EXPECT_EQ(f.rule_name, "step-stalled");
    EXPECT_EQ(f.message, "buyer step \"security\" is 10 days overdue (due 2026-04-24): stalled");
    EXPECT_EQ(f.milestone_id, "security");
    EXPECT_EQ(f.where.pointer, "/milestones/1/due");
    EXPECT_EQ(result.buyer_overdue.stalled, 1);
    EXPECT_EQ(result.seller_overdue.stalled + result.joint_overdue.stalled, 0);
    EXPECT_EQ(result.score, 90);
}

TEST(HealthRules, AtRiskAndStalledThresholdsAreConfigurable) {
    // 3 days overdue: at risk by default, stalled with stalled_days 3, nothing with at_risk_days 5.
    EXPECT_EQ(rule_ids(review_file(fixture("H812-step-at-risk"), parse("closeplan-health: 1\nrules:\n  step-stalled: { stalled_days: 3 }\n"))),
              (std::set<std::string>{"H813"}));
    EXPECT_EQ(rule_ids(review_file(fixture("H812-step-at-risk"), parse("closeplan-health: 1\nrules:\n  H812: { at_risk_days: 5 }\n"))),
              (std::set<std::string>{}));
}

TEST(HealthRules, RuleCanBeSwitchedOffOrMadeAnError) {
    EXPECT_TRUE(review_file(fixture("H817-no-champion"), parse("closeplan-health: 1\nrules: { no-champion: off }\n")).findings.empty());
    const auto result = review_file(fixture("H817-no-champion"), parse("closeplan-health: 1\nrules: { H817: error }\n"));
    ASSERT_EQ(result.findings.size(), 1u);
    EXPECT_EQ(result.findings[0].level, severity::error);
    EXPECT_EQ(result.errors, 1);
}

TEST(HealthRules, SlipsAndTheClosePushAreSummed) {
    const auto slipped = review_file(fixture("H814-step-slipped"));
    ASSERT_EQ(slipped.findings.size(), 1u);
    EXPECT_EQ(slipped.findings[0].message, "step \"business-case\" slipped 7 days (baseline 2026-05-15, due 2026-05-22, moved 2 times)");
    EXPECT_EQ(slipped.slips.steps_moved, 1);
    EXPECT_EQ(slipped.slips.total_days, 7);
    EXPECT_EQ(slipped.slips.close_pushed_days, 0);
    const auto pushed = review_file(fixture("H815-close-pushed"));
    EXPECT_EQ(pushed.slips.close_pushed_days, 7);
    EXPECT_EQ(pushed.findings.at(0).message,
              "the close was pushed 7 days: step \"signature\" (baseline 2026-06-23, due 2026-06-30)");
}

TEST(HealthRules, ThresholdsMoveTheRanges) {
    EXPECT_TRUE(review_file(fixture("H803-too-few-steps"), parse("closeplan-health: 1\nrules: { too-few-steps: { min_steps: 5 } }\n")).findings.empty());
    EXPECT_TRUE(review_file(fixture("H809-no-close-buffer"), parse("closeplan-health: 1\nrules: { no-close-buffer: { min_buffer_days: 3 } }\n")).findings.empty());
    EXPECT_TRUE(review_file(fixture("H810-missing-stall-step"), parse("closeplan-health: 1\nrules: { missing-stall-step: { min_amount: 500000 } }\n")).findings.empty());
    EXPECT_TRUE(review_file(fixture("H801-seller-heavy"), parse("closeplan-health: 1\nrules: { seller-heavy: { max_share: 0.6 } }\n")).findings.empty());
    EXPECT_TRUE(review_file(fixture("H802-buyer-idle"), parse("closeplan-health: 1\nrules: { buyer-idle: { window_days: 40 } }\n")).findings.empty());
}

TEST(HealthRules, TooManyStepsIsAnErrorAboveTheNoPlanSize) {
    const auto warning = review_file(fixture("H804-too-many-steps"));
    ASSERT_EQ(warning.findings.size(), 1u);
    EXPECT_EQ(warning.findings[0].level, severity::warning);
    EXPECT_EQ(warning.findings[0].message, "too long: 21 steps, more than 20");
    const auto error = review_file(fixture("H804-too-many-steps"), parse("closeplan-health: 1\nrules: { H804: { no_plan_steps: 20 } }\n"));
    ASSERT_EQ(error.findings.size(), 1u);
    EXPECT_EQ(error.findings[0].level, severity::error);
    EXPECT_EQ(error.findings[0].message, "too long: 21 steps, more than 20 (over 20 behaves like no plan)");
}

TEST(HealthRules, MissingStallStepsNameWhatIsMissing) {
    const auto result = review_file(fixture("H810-missing-stall-step"));
    ASSERT_EQ(result.findings.size(), 1u);
    EXPECT_EQ(result.findings[0].message, "no procurement step in a deal of 120000 USD");
}

TEST(HealthRules, StepDueBeforeItsDependencyNamesBothDatesAtItsDue) {
    const auto result = review_file(fixture("H830-due-before-dependency"));
    ASSERT_EQ(result.findings.size(), 1u);
    const auto& f = result.findings[0];
    EXPECT_EQ(f.rule_name, "due-before-dependency");
    EXPECT_EQ(f.message, "step \"security\" is due 2026-05-15, before step \"legal\" it depends on (due 2026-06-05)");
    EXPECT_EQ(f.milestone_id, "security");
    EXPECT_EQ(f.where.pointer, "/milestones/1/due");
    EXPECT_EQ(f.where.line, 13);
    EXPECT_GT(f.where.column, 1);
}

TEST(HealthRules, SlipPastASuccessorIsReportedAtTheMovedStep) {
    const auto result = review_file(fixture("H831-slip-breaks-successor"));
    const auto found = std::find_if(result.findings.begin(), result.findings.end(),
                                    [](const finding& f) { return f.rule_id == "H831"; });
    ASSERT_NE(found, result.findings.end());
    EXPECT_EQ(found->message,
              "step \"legal\" moved from 2026-06-05 to 2026-06-16, past step \"procurement\" that depends on it "
              "(due 2026-06-12)");
    EXPECT_EQ(found->where.pointer, "/milestones/3/due");
    EXPECT_EQ(found->milestone_id, "legal");
    // Each pair is one rule's finding: switched off, the slip does not come back as H830.
    const auto off = review_file(fixture("H831-slip-breaks-successor"), parse("closeplan-health: 1\nrules: { H831: off }\n"));
    EXPECT_EQ(rule_ids(off), (std::set<std::string>{"H814"}));
}

TEST(HealthRules, CloseBeforeTheSignatureIsReportedAtTargetCloseNotAsAStepAfterClose) {
    const auto result = review_file(fixture("H832-close-before-last-step"));
    ASSERT_EQ(result.findings.size(), 1u);
    EXPECT_EQ(result.findings[0].message,
              "target_close 2026-06-30 is before the last step \"signature\" (due 2026-07-07)");
    EXPECT_EQ(result.findings[0].where.pointer, "/target_close");
    // Switched off, the signature is a step after the close again (H807).
    EXPECT_EQ(rule_ids(review_file(fixture("H832-close-before-last-step"),
                                   parse("closeplan-health: 1\nrules: { close-before-last-step: off }\n"))),
              (std::set<std::string>{"H807"}));
}

TEST(HealthRules, DoneStepWaitingForAnOpenOneIsReportedAtItsStatus) {
    const auto result = review_file(fixture("H833-done-depends-on-open"));
    ASSERT_EQ(result.findings.size(), 1u);
    EXPECT_EQ(result.findings[0].message,
              "step \"business-case\" is done but depends on step \"security\", which is not_started");
    EXPECT_EQ(result.findings[0].where.pointer, "/milestones/2/status");
    EXPECT_EQ(result.findings[0].level, severity::warning);
    EXPECT_EQ(review_file(fixture("H833-done-depends-on-open"), parse("closeplan-health: 1\nrules: { H833: error }\n")).errors, 1);
}

TEST(HealthRules, HealthyPlanScoresFullMarks) {
    const auto result = review_file(fixture("healthy"));
    EXPECT_EQ(result.score, 100);
    EXPECT_EQ(result.errors + result.warnings + result.notes, 0);
}

TEST(HealthOutput, TextExplainsEachRuleOnceAndJsonIsStable) {
    const auto result = review_file(source_path("examples/enterprise/plan.yaml"));
    const auto text = format_findings(result);
    // Four H814 findings, one explanation.
    std::size_t whys = 0;
    for (auto at = text.find("why: slips"); at != std::string::npos; at = text.find("why: slips", at + 1)) ++whys;
    EXPECT_EQ(whys, 1u);
    EXPECT_EQ(to_json(result, "plan.yaml"), to_json(result, "plan.yaml"));
    EXPECT_NE(to_json(result, "plan.yaml").find("\"score\": 79"), std::string::npos);
}

}  // namespace
}  // namespace closeplan::health

namespace closeplan::health {
namespace {

TEST(HealthDocs, EveryRuleIsDocumentedWithItsOwnWords) {
    std::ifstream file(testing::source_path("docs/health.md"));
    const std::string doc((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
    ASSERT_FALSE(doc.empty());
    for (const auto& rule : rules()) {
        EXPECT_NE(doc.find("### " + std::string(rule.id) + " `" + std::string(rule.name) + "`"), std::string::npos) << rule.id;
        EXPECT_NE(doc.find(std::string(rule.why)), std::string::npos) << rule.id;
        EXPECT_NE(doc.find(std::string(rule.fix)), std::string::npos) << rule.id;
        for (const auto& p : rule.parameters) EXPECT_NE(doc.find("`" + std::string(p.key) + "`"), std::string::npos) << p.key;
    }
}

}  // namespace
}  // namespace closeplan::health

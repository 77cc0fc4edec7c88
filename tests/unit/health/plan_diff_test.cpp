// SPDX-License-Identifier: MIT
// closeplan diff: every change kind between two versions, the slip ledger,
// and plan text escaped in Markdown.
#include "diff/plan_diff.hpp"
#include "health_test_support.hpp"
#include "model/dates.hpp"

namespace closeplan::diff {
namespace {

using health::testing::load;
using health::testing::source_path;

model::plan fixture(const std::string& name) {
    auto plan = load(source_path("tests/cli/fixtures/diff/" + name));
    return plan ? *plan : model::plan{};
}

std::vector<std::string> kinds_and_ids(const plan_diff& result) {
    std::vector<std::string> out;
    for (const auto& c : result.changes) out.push_back(std::string(to_string(c.kind)) + " " + c.milestone_id);
    return out;
}

TEST(PlanDiff, ReportsEveryKindOfChangeInPlanOrder) {
    const auto result = compare(fixture("v1.yaml"), fixture("v2.yaml"));
    EXPECT_EQ(kinds_and_ids(result),
              (std::vector<std::string>{"removed nda", "status demo", "added references", "re-owned trial",
                                        "re-dated trial", "status trial", "re-dated security", "re-dated sign"}));
    EXPECT_EQ(result.close_moved_days, 14);
    const auto& reowned = result.changes[3];
    EXPECT_EQ(reowned.old_owner, model::side::both);
    EXPECT_EQ(reowned.new_owner, model::side::buyer);
    EXPECT_EQ(reowned.old_assignee, "ivo");
    EXPECT_EQ(reowned.new_assignee, "ana");
    EXPECT_EQ(result.changes[4].days, 14);
    EXPECT_EQ(result.changes[6].days, -4);  // pulled in: shown, never hidden
}

TEST(PlanDiff, SameVersionHasNoChanges) {
    const auto result = compare(fixture("v1.yaml"), fixture("v1.yaml"));
    EXPECT_TRUE(result.changes.empty());
    EXPECT_NE(to_text(result).find("no step changes; close unchanged"), std::string::npos);
}

TEST(PlanDiff, MarkdownEscapesPlanText) {
    const auto md = to_markdown(compare(fixture("v1.yaml"), fixture("v2.yaml")));
    EXPECT_NE(md.find("Two-week \\*trial\\* \\| with \\<b\\>dispatch\\</b\\> (`trial`)"), std::string::npos) << md;
    EXPECT_EQ(md.find("<b>"), std::string::npos);
}

TEST(SlipLedger, EveryDateEachStepHadInVersionOrder) {
    // Files sort b-first, c-middle, a-latest only by as_of; the CLI orders them.
    const auto ledger = build_ledger({fixture("history/b-first.yaml"), fixture("history/c-middle.yaml"),
                                      fixture("history/a-latest.yaml")});
    ASSERT_EQ(ledger.steps.size(), 5u);
    const auto& security = ledger.steps[3];
    EXPECT_EQ(security.milestone_id, "security");
    ASSERT_EQ(security.dates.size(), 3u);
    EXPECT_EQ(model::format_iso_date(*security.dates[0]), "2026-06-05");
    EXPECT_EQ(model::format_iso_date(*security.dates[1]), "2026-06-12");
    EXPECT_EQ(model::format_iso_date(*security.dates[2]), "2026-06-19");
    EXPECT_EQ(security.moves, 2);
    EXPECT_EQ(security.net_days, 14);
    EXPECT_EQ(ledger.close.moves, 1);
    EXPECT_EQ(ledger.close.net_days, 14);
    EXPECT_EQ(ledger.steps[0].moves, 0);
}

TEST(SlipLedger, StepMissingFromAVersionHasNoDateThere) {
    const auto ledger = build_ledger({fixture("v1.yaml"), fixture("v2.yaml")});
    const auto nda = std::find_if(ledger.steps.begin(), ledger.steps.end(), [](const auto& r) { return r.milestone_id == "nda"; });
    ASSERT_NE(nda, ledger.steps.end());
    EXPECT_TRUE(nda->dates[0].has_value());
    EXPECT_FALSE(nda->dates[1].has_value());
    EXPECT_EQ(nda->moves, 0);
}

}  // namespace
}  // namespace closeplan::diff

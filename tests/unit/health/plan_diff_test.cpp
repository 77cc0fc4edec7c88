// SPDX-License-Identifier: MIT
// closeplan diff: every change kind between two versions, the slip ledger,
// and plan text escaped in Markdown.
#include "diff/plan_diff.hpp"
#include "health_test_support.hpp"
#include "model/dates.hpp"
#include "render/template_set.hpp"

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

std::string people_markdown(const plan_diff& result, const std::string& locale, bool verbose = false) {
    diagnostic_sink diags;
    const render::template_set templates;
    const auto words = templates.load_labels(locale, diags);
    const auto md = to_people_markdown(result, words, templates, {verbose}, diags);
    EXPECT_TRUE(md.has_value());
    EXPECT_FALSE(diags.has_errors());
    return md ? *md : std::string();
}

TEST(PlanDiff, MarkdownEscapesPlanText) {
    const auto md = people_markdown(compare(fixture("v1.yaml"), fixture("v2.yaml")), "en-US");
    EXPECT_NE(md.find("Two-week \\*trial\\* \\| with \\<b\\>dispatch\\</b\\>"), std::string::npos) << md;
    EXPECT_EQ(md.find("<b>"), std::string::npos);
}

TEST(PlanDiff, MarkdownForPeopleSpeaksThePlansLanguageWithoutIdsOrPaths) {
    const auto result = compare(fixture("v1.yaml"), fixture("v2.yaml"));
    const auto de = people_markdown(result, "de");
    EXPECT_NE(de.find("### Planänderungen: Route planning rollout"), std::string::npos) << de;
    // German dates, side and status words, the assignee's name rather than the id.
    EXPECT_NE(de.find("14.07.2026 (14 Tage später)"), std::string::npos) << de;
    EXPECT_NE(de.find("| Neuer Status | Routing demo | Geplant | Erledigt |"), std::string::npos) << de;
    EXPECT_NE(de.find("Gemeinsam (Ivo Petrov)"), std::string::npos) << de;
    EXPECT_EQ(de.find("in_progress"), std::string::npos);
    EXPECT_EQ(de.find("(trial)"), std::string::npos);
    EXPECT_EQ(de.find("v2.yaml"), std::string::npos);
    const auto verbose = people_markdown(result, "de", true);
    EXPECT_NE(verbose.find("(trial)"), std::string::npos);
    EXPECT_NE(verbose.find("v2.yaml"), std::string::npos);
}

TEST(PlanDiff, HtmlForPeopleIsEscapedAndScriptFree) {
    diagnostic_sink diags;
    const render::template_set templates;
    const auto words = templates.load_labels("fr", diags);
    const auto page = to_people_html(compare(fixture("v1.yaml"), fixture("v2.yaml")), words, templates, {}, diags);
    ASSERT_TRUE(page.has_value());
    EXPECT_NE(page->find("<html lang=\"en-US\">"), std::string::npos);  // the plan's locale; labels from --locale
    EXPECT_NE(page->find("Two-week *trial* | with &lt;b&gt;dispatch&lt;/b&gt;"), std::string::npos) << *page;
    EXPECT_EQ(page->find("<script"), std::string::npos);
    EXPECT_NE(page->find("Nouvelle date"), std::string::npos);
}

TEST(PlanDiff, DateMovedLaterWithoutKeepingTheEarlierOneIsASilentRoll) {
    const auto result = compare(fixture("v1.yaml"), fixture("v2.yaml"));
    EXPECT_TRUE(result.close_silent_roll);
    std::vector<std::string> silent;
    for (const auto& c : result.changes)
        if (c.silent_roll) silent.push_back(c.milestone_id);
    // security moved earlier: a pull-in is no roll.
    EXPECT_EQ(silent, (std::vector<std::string>{"trial", "sign"}));
    diagnostic_sink diags;
    report_silent_rolls(result, diags);
    ASSERT_EQ(diags.all().size(), 3u);
    EXPECT_EQ(diags.all()[0].code, "H835");
    EXPECT_EQ(diags.all()[1].code, "H834");
    EXPECT_EQ(diags.all()[1].message,
              "step \"trial\" moved from 2026-05-22 to 2026-06-05 with no baseline or history keeping the earlier date "
              "(a silent roll)");
    EXPECT_EQ(diags.all()[1].where.pointer, "/milestones/2/due");
    EXPECT_EQ(diags.all()[1].hints.at(0).find("`baseline: 2026-05-22`") != std::string::npos, true);
}

TEST(PlanDiff, BaselineHistoryOrCloseBaselineKeepTheEarlierDate) {
    const auto result = compare(fixture("v1.yaml"), fixture("v2-recorded.yaml"));
    EXPECT_FALSE(result.close_silent_roll);
    for (const auto& c : result.changes) EXPECT_FALSE(c.silent_roll) << c.milestone_id;
    diagnostic_sink diags;
    report_silent_rolls(result, diags);
    EXPECT_TRUE(diags.all().empty());
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

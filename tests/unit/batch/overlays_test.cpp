// SPDX-License-Identifier: MIT
// Per-deal overlays: merged over the export's plan by the plan format's own
// rules, every problem at its place in the overlay.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "batch/default_playbook.hpp"
#include "batch/overlays.hpp"
#include "export_plan_fixture.hpp"
#include "model/dates.hpp"
#include "schedule/business_calendar.hpp"
#include "schedule/schedule.hpp"

namespace closeplan::batch {
namespace {

namespace fs = std::filesystem;

using test_support::export_plan;

bool apply(model::plan& plan, const std::string& text, std::vector<row_error>& errors) {
    return apply_overlay(plan, text, "overlays/006A1.yaml", ".", "export.csv", 7, errors);
}

TEST(Overlays, OutcomeRisksAndPeopleJoinTheExportsPlan) {
    auto plan = export_plan();
    const auto first_step = plan.milestones.front().id;
    std::vector<row_error> errors;
    ASSERT_TRUE(apply(plan,
                      "outcome: Cut claims time by 30%\n"
                      "success_criteria: [Backlog under 2 days]\n"
                      "stakeholders:\n"
                      "  - {id: dana, name: Dana Ruiz, title: CFO, side: buyer, role: economic_buyer}\n"
                      "risks:\n"
                      "  - {title: Security queue is six weeks, severity: high, owner: buyer, assignee: dana, milestone: " +
                          first_step + "}\n"
                      "sign_off: {buyer: dana}\n",
                      errors))
        << (errors.empty() ? "" : errors.front().message);
    EXPECT_EQ(plan.outcome, "Cut claims time by 30%");
    ASSERT_EQ(plan.success_criteria.size(), 1u);
    ASSERT_EQ(plan.risks.size(), 1u);
    EXPECT_EQ(plan.risks[0].milestone_id, first_step);
    ASSERT_EQ(plan.stakeholders.size(), 2u);  // the rep from the export stays
    EXPECT_EQ(plan.stakeholders[0].id, "deal-owner");
    ASSERT_TRUE(plan.signatures.buyer);
    EXPECT_EQ(plan.signatures.buyer->name, "Dana Ruiz");
    EXPECT_EQ(plan.notes, "Send the security pack");
    EXPECT_EQ(plan.deal.name, "Claims analytics");
}

TEST(Overlays, MilestonesWithTheSameIdReplaceNewOnesAdd) {
    auto plan = export_plan();
    const auto count = plan.milestones.size();
    const auto id = plan.milestones.front().id;
    std::vector<row_error> errors;
    ASSERT_TRUE(apply(plan,
                      "milestones:\n"
                      "  - {id: " + id + ", title: Discovery done, owner: both, due: 2026-06-10, status: done, completed: 2026-06-09}\n"
                      "  - {id: pilot, title: Pilot with two teams, owner: buyer, due: 2026-07-15}\n",
                      errors))
        << (errors.empty() ? "" : errors.front().message);
    ASSERT_EQ(plan.milestones.size(), count + 1);
    EXPECT_EQ(plan.milestones.front().title, "Discovery done");
    EXPECT_EQ(plan.milestones.front().state, model::status::done);
    EXPECT_EQ(plan.milestones.back().id, "pilot");
}

TEST(Overlays, AnUnknownFieldIsALocatedError) {
    auto plan = export_plan();
    std::vector<row_error> errors;
    EXPECT_FALSE(apply(plan, "risks:\n  - title: Budget freeze\n    severty: high\n", errors));
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_EQ(errors[0].code, "B730");
    EXPECT_EQ(errors[0].line, 7);
    EXPECT_NE(errors[0].message.find("overlays/006A1.yaml:3:5: unknown field \"severty\""), std::string::npos)
        << errors[0].message;
    EXPECT_NE(errors[0].message.find("severity"), std::string::npos);  // did you mean
    EXPECT_EQ(plan.risks.size(), 0u);  // untouched on failure
}

TEST(Overlays, TopLevelTyposAndRunOwnedFieldsAreErrors) {
    auto plan = export_plan();
    std::vector<row_error> errors;
    EXPECT_FALSE(apply(plan, "outcom: x\nas_of: 2026-01-01\n", errors));
    ASSERT_EQ(errors.size(), 2u);
    EXPECT_EQ(errors[0].code, "B730");
    EXPECT_EQ(errors[1].code, "B730");
    EXPECT_NE(errors[0].message.find("as_of"), std::string::npos);  // found while merging, before validation
    EXPECT_NE(errors[1].message.find("overlays/006A1.yaml:1:1"), std::string::npos);
}

TEST(Overlays, OtherProblemsKeepThePlanFormatsCodes) {
    auto plan = export_plan();
    std::vector<row_error> errors;
    EXPECT_FALSE(apply(plan, "risks:\n  - {title: x, severity: huge}\n", errors));
    ASSERT_FALSE(errors.empty());
    EXPECT_EQ(errors[0].code, "V203");
    EXPECT_NE(errors[0].message.find("overlays/006A1.yaml:2:"), std::string::npos);
    errors.clear();
    EXPECT_FALSE(apply(plan, "outcome: [unclosed\n", errors));
    ASSERT_FALSE(errors.empty());
    EXPECT_EQ(errors[0].code, "L102");
}

TEST(OverlayFolder, FindsByDealIdAndReportsTheUnused) {
    const auto dir = fs::temp_directory_path() / ("closeplan-overlays-test-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (auto name : {"006A1.yaml", "006A2.json", "notes.txt", "gone.yml"}) std::ofstream(dir / name) << "{}\n";
    diagnostic_sink diags;
    auto folder = overlay_folder::open(dir.string(), diags);
    ASSERT_TRUE(folder);
    EXPECT_EQ(folder->size(), 3u);
    ASSERT_NE(folder->find("006A1"), nullptr);
    EXPECT_EQ(fs::path(*folder->find("006A1")).filename(), "006A1.yaml");
    EXPECT_EQ(folder->find("006A3"), nullptr);
    folder->mark_used("006A2");
    folder->report_unused(diags);
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(diags.all()[0].code, "B732");
    EXPECT_NE(diags.all()[0].message.find("\"gone\""), std::string::npos);

    std::ofstream(dir / "006A1.json") << "{}\n";
    diagnostic_sink twice;
    EXPECT_FALSE(overlay_folder::open(dir.string(), twice));
    EXPECT_EQ(twice.all().at(0).code, "B731");
    diagnostic_sink missing;
    EXPECT_FALSE(overlay_folder::open((dir / "nope").string(), missing));
    EXPECT_EQ(missing.all().at(0).code, "B733");
    fs::remove_all(dir);
}

}  // namespace
}  // namespace closeplan::batch

// SPDX-License-Identifier: MIT
// Export columns into plan fields (`plan:`) and per-row regions (`regions:`):
// paths checked against the plan field table, values checked by the plan
// validator, every problem located by row and column.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "batch/deal_builder.hpp"
#include "batch/deal_plan.hpp"
#include "batch/mapping.hpp"
#include "model/dates.hpp"

namespace closeplan::batch {
namespace {

namespace fs = std::filesystem;

fs::path temp_dir() {
    const auto dir = fs::temp_directory_path() / ("closeplan-plan-columns-test-" + std::to_string(::getpid()));
    fs::create_directories(dir / "holidays");
    return dir;
}

std::string write_temp(const std::string& name, const std::string& text) {
    const auto path = temp_dir() / name;
    std::ofstream(path) << text;
    return path.string();
}

const char* mapping_text =
    "closeplan-mapping: 1\n"
    "deal: { id: Id, name: Name, close_date: Close, region: Region }\n"
    "plan:\n"
    "  outcome: Description\n"
    "  success_criteria[]: { column: Success Criteria, split: \";\" }\n"
    "  risks[].title: { column: Risks, split: \";\" }\n"
    "  risks[].severity: { value: high }\n"
    "  go_live: Go-Live\n"
    "  resources[].url: Proposal\n"
    "  resources[].title: { value: Proposal }\n"
    "regions:\n"
    "  EMEA-DE: { locale: de, holidays: holidays/de.yaml }\n"
    "  US: { locale: en-US }\n";

struct fixture {
    column_mapping mapping;
    header_row header{std::vector<std::string>{"Id", "Name", "Close", "Region", "Description", "Success Criteria",
                                               "Risks", "Go-Live", "Proposal"}};
    row_reader reader;
    schedule::playbook book;

    fixture() {
        write_temp("holidays/de.yaml", "- { date: 2027-05-31, name: Test holiday }\n");
        diagnostic_sink diags;
        auto loaded = load_mapping(write_temp("mapping.yaml", mapping_text), diags);
        EXPECT_TRUE(loaded) << (diags.all().empty() ? "" : diags.all()[0].message);
        mapping = *loaded;
        reader.header = &header;
        reader.mapping = &mapping;
        reader.columns = resolve_columns(mapping, header);
        reader.close_dates = date_style::automatic;
        reader.file_name = "export.csv";
        reader.as_of = *model::parse_iso_date("2027-05-03");
        schedule::playbook_step review;
        review.id = "review";
        review.title = "Review";
        review.owner = model::side::buyer;
        review.days = 3;
        schedule::playbook_step sign;
        sign.id = "sign";
        sign.title = "Sign";
        sign.days = 1;
        sign.depends_on = {"review"};
        book.steps = {review, sign};
        book.max_stretch = 1;  // as late as possible: the holiday's effect is plain to see
        EXPECT_TRUE(schedule::prepare_playbook(book, diags));
    }

    built_deal build(std::vector<std::string> values) {
        return build_deal_from_row({7, std::move(values)}, reader, book, {});
    }
};

TEST(PlanColumns, MappedCellsReachThePlan) {
    fixture f;
    const auto built = f.build({"D1", "Claims", "2027-06-02", "US", "Cut claims time by 30%", "Backlog under 2 days; NPS 40",
                                "Budget freeze; Security queue", "2027-07-01", "https://example.com/proposal"});
    ASSERT_TRUE(built.plan) << (built.errors.empty() ? "" : built.errors[0].message);
    const auto& plan = *built.plan;
    EXPECT_EQ(plan.outcome, "Cut claims time by 30%");
    EXPECT_EQ(plan.success_criteria, (std::vector<std::string>{"Backlog under 2 days", "NPS 40"}));
    ASSERT_EQ(plan.risks.size(), 2u);
    EXPECT_EQ(plan.risks[1].title, "Security queue");
    EXPECT_EQ(plan.risks[1].severity_level, model::level::high);  // the `value:` on every item of the list
    ASSERT_TRUE(plan.go_live);
    EXPECT_EQ(model::format_iso_date(*plan.go_live), "2027-07-01");
    ASSERT_EQ(plan.resources.size(), 1u);
    EXPECT_EQ(plan.resources[0].url, "https://example.com/proposal");
    EXPECT_EQ(plan.resources[0].title, "Proposal");
    EXPECT_EQ(plan.locale, "en-US");
    EXPECT_EQ(plan.milestones.size(), 2u);  // the playbook's steps are still there
}

TEST(PlanColumns, EmptyCellsLeaveTheFieldOut) {
    fixture f;
    const auto built = f.build({"D1", "Claims", "2027-06-02", "", "", "", "", "", ""});
    ASSERT_TRUE(built.plan);
    EXPECT_TRUE(built.plan->outcome.empty());
    EXPECT_TRUE(built.plan->risks.empty());
    EXPECT_TRUE(built.plan->resources.empty());  // the title `value:` alone makes no resource
}

TEST(PlanColumns, ABadCellIsThePlanValidatorsErrorAtItsRowAndColumn) {
    fixture f;
    const auto built = f.build({"D1", "Claims", "2027-06-02", "", "", "", "", "2027-13-45", "javascript:alert(1)"});
    EXPECT_FALSE(built.plan);
    ASSERT_EQ(built.errors.size(), 2u);
    for (const auto& e : built.errors) EXPECT_EQ(e.line, 7);
    EXPECT_EQ(built.errors[0].column, "Go-Live");
    EXPECT_EQ(built.errors[0].value, "2027-13-45");
    EXPECT_EQ(built.errors[0].code, "V204");
    EXPECT_NE(built.errors[0].message.find("plan field go_live"), std::string::npos);
    EXPECT_EQ(built.errors[1].column, "Proposal");
    EXPECT_EQ(built.errors[1].code, "V206");
}

// A deal with mapped cells and an overlay is validated once (deal_plan.hpp):
// the overlay's value wins over the cell's, and the problems of both come back together.
TEST(PlanColumns, CellsAndAnOverlayAreCheckedTogetherOnce) {
    fixture f;
    const std::vector<std::string> row{"D1", "Claims", "2027-06-02", "US", "From the CRM", "", "", "2027-13-45", ""};
    const std::string path = write_temp("D1.yaml", "outcome: Kept by hand\nrisks:\n  - {title: Budget, severty: high}\n");
    const std::string folder = temp_dir().string();
    auto kept = build_deal_from_row({7, row}, f.reader, f.book, {}, mapped_cells::kept);
    ASSERT_TRUE(kept.plan);
    EXPECT_EQ(kept.plan->outcome, "");  // the cells wait for the one validation
    EXPECT_FALSE(kept.cells.empty());
    const overlay_source overlay{"outcome: Kept by hand\nrisks:\n  - {title: Budget, severty: high}\n", path, folder};
    std::vector<row_error> errors;
    EXPECT_FALSE(complete_plan(*kept.plan, kept.cells, &overlay, "export.csv", 7, errors));
    ASSERT_EQ(errors.size(), 2u);  // in the validator's order
    const auto& cell = errors[0].code == "V204" ? errors[0] : errors[1];
    const auto& field = errors[0].code == "V204" ? errors[1] : errors[0];
    EXPECT_EQ(cell.code, "V204");
    EXPECT_EQ(cell.column, "Go-Live");  // the cell, by its column
    EXPECT_EQ(cell.value, "2027-13-45");
    EXPECT_EQ(field.code, "B730");  // the overlay's unknown field, at its place
    EXPECT_NE(field.message.find("D1.yaml:3:"), std::string::npos) << field.message;

    auto good_row = row;
    good_row[7] = "2027-07-01";
    auto good = build_deal_from_row({7, good_row}, f.reader, f.book, {}, mapped_cells::kept);
    ASSERT_TRUE(good.plan);
    const overlay_source fine{"outcome: Kept by hand\n", path, folder};
    errors.clear();
    ASSERT_TRUE(complete_plan(*good.plan, good.cells, &fine, "export.csv", 7, errors))
        << (errors.empty() ? "" : errors[0].message);
    EXPECT_EQ(good.plan->outcome, "Kept by hand");  // the overlay is laid over the cells
    ASSERT_TRUE(good.plan->go_live);
    EXPECT_EQ(model::format_iso_date(*good.plan->go_live), "2027-07-01");  // and the cell is there too
}

TEST(PlanColumns, ARegionGivesTheDealsLocaleAndHolidays) {
    fixture f;
    // 2027-05-31 (a Monday) is a holiday in EMEA-DE only: the review, due the
    // business day before the signing on Tuesday 2027-06-01, is due on Friday there.
    const auto de = f.build({"D1", "Claims", "2027-06-01", "emea-de ", "", "", "", "", ""});
    ASSERT_TRUE(de.plan);
    EXPECT_EQ(de.plan->locale, "de");
    EXPECT_EQ(model::format_iso_date(*de.plan->milestones[0].due), "2027-05-28");
    const auto us = f.build({"D2", "Claims", "2027-06-01", "US", "", "", "", "", ""});
    ASSERT_TRUE(us.plan);
    EXPECT_EQ(us.plan->locale, "en-US");
    EXPECT_EQ(model::format_iso_date(*us.plan->milestones[0].due), "2027-05-31");
    // --locale wins over every region.
    f.reader.locale = "fr";
    f.reader.locale_forced = true;
    EXPECT_EQ(f.build({"D1", "Claims", "2027-06-02", "EMEA-DE", "", "", "", "", ""}).plan->locale, "fr");
}

TEST(PlanColumns, AnUnknownRegionOrLocaleIsALocatedRowError) {
    fixture f;
    const auto built = f.build({"D1", "Claims", "2027-06-02", "APAC", "", "", "", "", ""});
    EXPECT_FALSE(built.plan);
    ASSERT_EQ(built.errors.size(), 1u);
    EXPECT_EQ(built.errors[0].code, "B742");
    EXPECT_EQ(built.errors[0].column, "Region");
    EXPECT_EQ(built.errors[0].value, "APAC");

    diagnostic_sink diags;
    auto mapping = load_mapping(write_temp("locale.yaml", "closeplan-mapping: 1\n"
                                                          "deal: { name: Name, close_date: Close }\n"
                                                          "plan: { locale: Language }\n"),
                                diags);
    ASSERT_TRUE(mapping);
    const header_row header({"Name", "Close", "Language"});
    f.reader.header = &header;
    f.reader.mapping = &*mapping;
    f.reader.columns = resolve_columns(*mapping, header);
    const auto german = build_deal_from_row({3, {"A", "2027-06-02", "de"}}, f.reader, f.book, {});
    ASSERT_TRUE(german.plan);
    EXPECT_EQ(german.plan->locale, "de");
    const auto klingon = build_deal_from_row({4, {"B", "2027-06-02", "tlh"}}, f.reader, f.book, {});
    ASSERT_EQ(klingon.errors.size(), 1u);
    EXPECT_EQ(klingon.errors[0].code, "B741");
    EXPECT_EQ(klingon.errors[0].column, "Language");
}

TEST(PlanColumns, PathsAreCheckedAgainstThePlanFieldTable) {
    diagnostic_sink diags;
    const auto path = write_temp("bad.yaml",
                                 "closeplan-mapping: 1\n"
                                 "plan:\n"
                                 "  outcomes: Description\n"
                                 "  risks.title: Risk\n"
                                 "  risks[].colour: Risk\n"
                                 "  resources[].path: File\n"
                                 "  as_of: Today\n"
                                 "  outcome: { column: Description, split: \";\" }\n"
                                 "  notes: { column: A, value: B }\n"
                                 "  sign_off: Signer\n"
                                 "regions:\n"
                                 "  XX: { locale: tlh }\n");
    EXPECT_FALSE(load_mapping(path, diags));
    std::vector<std::string> messages;
    for (const auto& d : diags.all()) {
        EXPECT_EQ(d.code, "B701");
        EXPECT_GT(d.where.line, 2);
        messages.push_back(d.message);
    }
    ASSERT_EQ(messages.size(), 9u);
    EXPECT_EQ(messages[0], "`plan: outcomes`: `outcomes` is not a field of plan");
    EXPECT_EQ(messages[1], "`plan: risks.title`: `risks` is a list");
    EXPECT_EQ(messages[2], "`plan: risks[].colour`: `colour` is not a field of risk");
    EXPECT_EQ(messages[3], "`plan: resources[].path`: `path` names a local file, which a CRM cell may not");
    EXPECT_EQ(messages[4], "`plan: as_of`: `as_of` belongs to the batch run, not to a column");
    EXPECT_EQ(messages[5], "`plan: outcome` splits its cell, but `outcome` is not in a list");
    EXPECT_EQ(messages[6], "`plan: notes` needs either `column` or `value`");
    EXPECT_EQ(messages[7], "`plan: sign_off`: `sign_off` holds several fields: name one of them");
    EXPECT_EQ(messages[8], "the region `XX` names locale `tlh`, which closeplan has no labels for");
}

}  // namespace
}  // namespace closeplan::batch

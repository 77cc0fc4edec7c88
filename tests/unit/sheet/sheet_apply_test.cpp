// SPDX-License-Identifier: MIT
// Reading a sheet back: rows matched by id, moved dates kept, new rows given
// ids, and a located error (file, row, column, field) for every bad cell.
#include <gtest/gtest.h>

#include "model/dates.hpp"
#include "sheet/sheet_apply.hpp"
#include "sheet/sheet_read.hpp"
#include "sheet/sheet_write.hpp"

namespace closeplan::sheet {
namespace {

model::date day(const char* iso) { return *model::parse_iso_date(iso); }

model::plan sample_plan() {
    model::plan plan;
    plan.deal.name = "Claims platform";
    plan.stakeholders.push_back({.id = "dana", .name = "Dana Ruiz"});
    plan.stakeholders.push_back({.id = "lee", .name = "Lee Chen"});
    model::milestone nda;
    nda.id = "nda";
    nda.title = "NDA signed";
    nda.owner = model::side::both;
    nda.due = day("2026-05-01");
    nda.state = model::status::done;
    model::milestone sec;
    sec.id = "sec";
    sec.title = "=HYPERLINK(\"http://evil\")";
    sec.owner = model::side::buyer;
    sec.assignee = "lee";
    sec.due = day("2026-05-20");
    sec.baseline = day("2026-05-10");
    sec.notes = "-1 day buffer";
    plan.milestones = {nda, sec};
    return plan;
}

std::optional<plan_patch> apply_csv(const std::string& csv, diagnostic_sink& diags, apply_options options = {}) {
    const auto table = read_sheet(csv, "edits.csv", diags);
    if (!table) return std::nullopt;
    return changes_from_sheet(sample_plan(), *table, options, diags);
}

std::string messages(const diagnostic_sink& diags) {
    std::string out;
    for (const auto& d : diags.all()) out += format_diagnostic(d) + "\n";
    return out;
}

TEST(SheetCsv, NeutralisesFormulasAndReadsBackUnchanged) {
    const auto csv = write_csv(sample_plan());
    EXPECT_EQ(csv, "\"id\",\"title\",\"owner\",\"assignee\",\"due\",\"status\",\"notes\"\r\n"
                   "\"nda\",\"NDA signed\",\"both\",\"\",\"2026-05-01\",\"done\",\"\"\r\n"
                   "\"sec\",\"'=HYPERLINK(\"\"http://evil\"\")\",\"buyer\",\"lee\",\"2026-05-20\",\"not_started\","
                   "\"'-1 day buffer\"\r\n");
    diagnostic_sink diags;
    const auto patch = apply_csv(csv, diags);
    ASSERT_TRUE(patch) << messages(diags);
    EXPECT_TRUE(patch->empty()) << "the sheet as written changes nothing";
    EXPECT_TRUE(diags.all().empty()) << messages(diags);
}

TEST(SheetApply, KeepsAMovedDateAsBaselineOrInHistory) {
    diagnostic_sink diags;
    const auto patch = apply_csv("id,due,status\r\nnda,2026-05-08,done\r\nsec,2026-05-27,In progress\r\n", diags);
    ASSERT_TRUE(patch) << messages(diags);
    ASSERT_EQ(patch->edits.size(), 2u);
    const auto& nda = patch->edits[0];
    ASSERT_EQ(nda.values.size(), 2u);
    EXPECT_EQ(nda.values[0].key, "due");
    EXPECT_EQ(nda.values[0].value, "2026-05-08");
    EXPECT_EQ(nda.values[1].key, "baseline");
    EXPECT_EQ(nda.values[1].value, "2026-05-01");
    const auto& sec = patch->edits[1];
    EXPECT_EQ(sec.history_append, "2026-05-20") << "the baseline stays the first agreed date";
    EXPECT_EQ(sec.values.back().key, "status");
    EXPECT_EQ(sec.values.back().value, "in_progress");
}

TEST(SheetApply, NewRowsGetIdsAndMissingRowsAreKeptOrRemoved) {
    diagnostic_sink diags;
    const auto csv = "id,title,owner,due\r\nnda,NDA signed,both,2026-05-01\r\n,NDA signed,seller,2026-06-01\r\n";
    const auto patch = apply_csv(csv, diags);
    ASSERT_TRUE(patch) << messages(diags);
    ASSERT_EQ(patch->added.size(), 1u);
    EXPECT_EQ(patch->added[0][0].value, "nda-signed");
    EXPECT_TRUE(patch->removed.empty());
    EXPECT_EQ(messages(diags), "edits.csv: warning[V270]: the step \"sec\" (\"=HYPERLINK(\\\"http://evil\\\")\") has no "
                               "row in the sheet; it is kept\n  hint: pass --allow-remove to remove the steps whose "
                               "rows were deleted\n");
    diagnostic_sink again;
    const auto removing = apply_csv(csv, again, {.allow_remove = true});
    ASSERT_TRUE(removing);
    EXPECT_EQ(removing->removed, std::vector<std::size_t>{1});
}

TEST(SheetApply, LocatesEveryCellItCannotRead) {
    // Row numbers are the spreadsheet's: the quoted title with a line break is one row (3), not two lines.
    diagnostic_sink diags;
    const auto csv = "id,title,owner,assignee,due,status\r\n"
                     "nda,NDA signed,vendor,dana,30/06/2026,done\r\n"
                     "\"sec\",\"Security\nreview\",buyer,Lee Chen,2026-05-20,finished\r\n"
                     "sce,x,buyer,,2026-05-20,done\r\n"
                     ",,buyer,,2026-05-20,done\r\n"
                     ",Kickoff,both,kim,,\r\n";
    EXPECT_FALSE(apply_csv(csv, diags));
    EXPECT_EQ(messages(diags),
              "edits.csv:2:3: error[V266]: row 2, column C (owner): unknown owner \"vendor\" (at /milestones/0/owner)\n"
              "  hint: did you mean `seller`?\n  hint: owner must be buyer, seller or both\n"
              "edits.csv:2:5: error[V264]: row 2, column E (due): \"30/06/2026\" is not a date (at /milestones/0/due)\n"
              "  hint: write the date as 2026-06-30, or make the cell a date cell in the spreadsheet program\n"
              "edits.csv:3:6: error[V265]: row 3, column F (status): unknown status \"finished\" (at /milestones/1/status)\n"
              "  hint: did you mean `done`?\n"
              "  hint: status must be one of not_started, scheduled, in_progress, done or blocked\n"
              "edits.csv:4:1: error[V262]: row 4, column A (id): no step has the id \"sce\"\n"
              "  hint: did you mean `sec`?\n"
              "  hint: ids come from the plan and cannot be changed in the sheet; leave the id empty on a new step\n"
              "edits.csv:5:2: error[V268]: row 5, column B (title): a new step (no id) has no title (at /milestones/2/title)\n"
              "  hint: give the step a title; closeplan makes its id from it\n"
              "edits.csv:6:4: error[V267]: row 6, column D (assignee): no stakeholder is \"kim\" (at /milestones/2/assignee)\n"
              "  hint: an assignee is one of the plan's stakeholders: dana, lee\n"
              "edits.csv:6:5: error[V269]: row 6, column E (due): a new step has no due date (at /milestones/2/due)\n"
              "  hint: write the date the step is due (only a done step may go without one)\n");
}

TEST(SheetRead, RefusesASheetWithoutItsIdColumnOrWithATwiceNamedOne) {
    diagnostic_sink diags;
    EXPECT_FALSE(read_sheet("title,due\r\nA,2026-05-01\r\n", "edits.csv", diags));
    EXPECT_EQ(diags.all().at(0).code, "V261");
    diagnostic_sink twice;
    EXPECT_FALSE(read_sheet("id,Due, due \r\n", "edits.csv", twice));
    EXPECT_EQ(twice.all().at(0).message, "the column due appears twice (columns B and C)");
    diagnostic_sink broken;
    EXPECT_FALSE(read_sheet("PK\3\4 not a zip", "edits.xlsx", broken));
    EXPECT_EQ(broken.all().at(0).code, "V260");
}

// A control character in a cell (a NUL, U+001E from a damaged export) is
// replaced with U+FFFD as the plan loader does (L113), with a warning naming
// the cell, so that the plan written from the sheet holds none.
TEST(SheetRead, ReplacesControlCharactersInCellsWithAWarningAtTheCell) {
    using namespace std::string_literals;
    diagnostic_sink diags;
    const auto table = read_sheet("id,title,notes\r\na,Sign\x1e\x1eoff,\"Sent\0 twice\"\r\n"s, "edits.csv", diags);
    ASSERT_TRUE(table);
    ASSERT_EQ(table->lines.size(), 1u);
    EXPECT_EQ(*table->lines[0][field::title], "Sign\xEF\xBF\xBD\xEF\xBF\xBDoff");
    EXPECT_EQ(*table->lines[0][field::notes], "Sent\xEF\xBF\xBD twice");
    ASSERT_EQ(diags.all().size(), 2u);
    EXPECT_EQ(format_diagnostic(diags.all()[0]),
              "edits.csv:2:2: warning[L113]: row 2, column B (title): control character U+001E replaced with U+FFFD "
              "(and 1 more in this value)\n"
              "  hint: remove terminal escapes, bells and other control characters from the text");
    EXPECT_EQ(diags.all()[1].where.column, 3);
}

TEST(SheetApply, IdsFromTitles) {
    EXPECT_EQ(id_from_title("Security review (IT)", {}), "security-review-it");
    EXPECT_EQ(id_from_title("Sécurité", {}), "s-curit");
    EXPECT_EQ(id_from_title("日本語", {}), "step");
    EXPECT_EQ(id_from_title("NDA", {"nda", "nda-2"}), "nda-3");
}

}  // namespace
}  // namespace closeplan::sheet

// SPDX-License-Identifier: MIT
// The evidence a column's values give, and the one verdict drawn from it.
#include <gtest/gtest.h>

#include "batch/column_survey.hpp"

namespace closeplan::batch {
namespace {

csv_record record(int line, std::vector<std::string> fields) {
    csv_record r;
    r.line = line;
    r.fields = std::move(fields);
    return r;
}

const header_row header({"Name", "Close Date", "Amount"});

TEST(ColumnSurvey, KeepsTheFirstTwoProofsOfEachReading) {
    column_survey survey({1}, {2});
    survey.observe(record(2, {"a", "4/7/2026", "240,000"}));
    survey.observe(record(3, {"b", "3/31/2027", "1,234.50"}));
    survey.observe(record(4, {"c", " 12/13/2026 ", "9"}));
    survey.observe(record(5, {"d", "1/30/2026", "9"}));
    auto broken = record(6, {"e", "13/1/2026", "1.234,5"});
    broken.problem = "broken quoting";  // fails on its own, proves nothing
    survey.observe(broken);
    ASSERT_EQ(survey.dates().size(), 1u);
    const auto& month_first = survey.dates()[0].proofs[0];
    ASSERT_EQ(month_first.size(), 2u);
    EXPECT_EQ(month_first[0].line, 3);
    EXPECT_EQ(month_first[1].value, "12/13/2026") << "values are trimmed";
    EXPECT_TRUE(survey.dates()[0].proofs[1].empty());
    EXPECT_EQ(survey.amounts()[0].proofs[0].size(), 1u);
    EXPECT_TRUE(survey.amounts()[0].proofs[1].empty());

    diagnostic_sink diags;
    const auto settled = settle_columns(survey, header, {}, "x.csv", "", diags);
    ASSERT_TRUE(settled);
    EXPECT_TRUE(diags.all().empty());
    EXPECT_EQ(settled->date_style_of(1), date_style::month_first);
    EXPECT_EQ(settled->date_style_of(0), std::nullopt);
    EXPECT_EQ(settled->decimal, decimal_mark::point);
}

TEST(ColumnSurvey, NothingSettledKeepsTheStatedStyleOrTheSeparatorsMark) {
    column_survey survey({1}, {2});
    survey.observe(record(2, {"a", "4/7/2026", "240.000"}));
    stated_styles stated;
    stated.default_decimal = decimal_mark::comma;
    diagnostic_sink diags;
    auto settled = settle_columns(survey, header, stated, "x.csv", "", diags);
    ASSERT_TRUE(settled);
    EXPECT_EQ(settled->date_style_of(1), std::nullopt) << "unsettled: its ambiguous rows fail (B706)";
    EXPECT_EQ(settled->decimal, decimal_mark::comma);
    stated.dates = date_style::day_first;
    stated.decimal = decimal_mark::point;
    settled = settle_columns(survey, header, stated, "x.csv", "", diags);
    EXPECT_EQ(settled->date_style_of(1), date_style::day_first);
    EXPECT_EQ(settled->decimal, decimal_mark::point);
}

TEST(ColumnSurvey, NonUtf8FilesAreOneErrorButOneBrokenValueInUtf8IsNot) {
    column_survey latin1({1}, {2});
    latin1.observe(record(2, {"ok", "2026-01-01", "1"}));
    latin1.observe(record(3, {"line\nM\xFCller", "2026-01-01", "1"}));
    ASSERT_TRUE(latin1.first_bad_byte());
    EXPECT_EQ(latin1.first_bad_byte()->line, 4) << "the line the byte is on, after the value's line break";
    EXPECT_EQ(latin1.first_bad_byte()->column, 0u);
    diagnostic_sink diags;
    EXPECT_FALSE(settle_columns(latin1, header, {}, "x.csv", "", diags));
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(diags.all()[0].code, "B720");
    EXPECT_EQ(diags.all()[0].where.line, 4);

    column_survey utf8({1}, {2});
    utf8.observe(record(2, {"M\xFCller", "2026-01-01", "1"}));
    utf8.observe(record(3, {"Z\xC3\xBCrich", "2026-01-01", "1"}));
    EXPECT_TRUE(utf8.saw_utf8());
    diagnostic_sink none;
    EXPECT_TRUE(settle_columns(utf8, header, {}, "x.csv", "", none));
}

TEST(ColumnSurvey, FloatNoiseIsCountedOnlyForPlainNumbers) {
    column_survey survey({1}, {2});
    survey.observe(record(2, {"a", "2026-01-01", "48715.200000000004"}));
    survey.observe(record(3, {"b", "2026-01-01", "1,234,567,890,123,456"}));
    survey.observe(record(4, {"c", "2026-01-01", "\x1b[2J48715.200000000004"}));
    EXPECT_EQ(survey.noisy_amounts(), 1u);
    diagnostic_sink diags;
    ASSERT_TRUE(settle_columns(survey, header, {}, "x.csv", "JPY", diags));
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(diags.all()[0].level, severity::note);
    EXPECT_NE(diags.all()[0].message.find("becomes 48715"), std::string::npos) << diags.all()[0].message;
}

}  // namespace
}  // namespace closeplan::batch

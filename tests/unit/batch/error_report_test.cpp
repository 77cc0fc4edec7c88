// SPDX-License-Identifier: MIT
// errors.csv: formulas neutralised, fields quoted; JSON escaped.
#include <gtest/gtest.h>

#include "batch/error_report.hpp"

namespace closeplan::batch {
namespace {

TEST(ErrorReport, FormulasAreNeutralised) {
    EXPECT_EQ(neutralise_formula("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
    EXPECT_EQ(neutralise_formula("+1"), "'+1");
    EXPECT_EQ(neutralise_formula("-2"), "'-2");
    EXPECT_EQ(neutralise_formula("@SUM(A1)"), "'@SUM(A1)");
    EXPECT_EQ(neutralise_formula("\tx"), "'\tx");
    EXPECT_EQ(neutralise_formula("\rx"), "'\rx");
    EXPECT_EQ(neutralise_formula("plain = text"), "plain = text");
    EXPECT_EQ(neutralise_formula(""), "");
}

TEST(ErrorReport, FieldsAreQuotedWithQuotesDoubled) {
    EXPECT_EQ(csv_field("a,b"), "\"a,b\"");
    EXPECT_EQ(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
    EXPECT_EQ(csv_field("=1+1"), "\"'=1+1\"");
    EXPECT_EQ(csv_field("two\nlines"), "\"two\nlines\"");
    EXPECT_EQ(csv_field("Jos\xE9"), "\"Jos\xEF\xBF\xBD\"");
}

TEST(ErrorReport, OneLinePerProblem) {
    const row_error e{7, "Close Date", "=cmd|' /C calc'!A0", "B706", "close date \"x\" is not a date"};
    EXPECT_EQ(errors_csv_header(), "row,column,value,code,message,deal_id,deal_name,owner,sheet_row\r\n");
    EXPECT_EQ(errors_csv_line(e),
              "7,\"Close Date\",\"'=cmd|' /C calc'!A0\",\"B706\",\"close date \"\"x\"\" is not a date\",\"\",\"\",\"\",\r\n");
    // The deal it belongs to, for the operator: id, name, owner, and the row as a spreadsheet counts it.
    EXPECT_EQ(errors_csv_line(e, {"006A1", "=HYPERLINK(x)", "Nora Quinn", 5}),
              "7,\"Close Date\",\"'=cmd|' /C calc'!A0\",\"B706\",\"close date \"\"x\"\" is not a date\",\"006A1\","
              "\"'=HYPERLINK(x)\",\"Nora Quinn\",5\r\n");
    EXPECT_EQ(error_json(e), "{\"row\":7,\"column\":\"Close Date\",\"value\":\"=cmd|' /C calc'!A0\",\"code\":\"B706\","
                             "\"message\":\"close date \\\"x\\\" is not a date\"}");
}

}  // namespace
}  // namespace closeplan::batch

// SPDX-License-Identifier: MIT
// CRM dates: ISO, US, European; ambiguous ones reported, never guessed.
#include <gtest/gtest.h>

#include "batch/crm_dates.hpp"
#include "model/dates.hpp"

namespace closeplan::batch {
namespace {

std::string parsed(std::string_view text, date_style style = date_style::automatic) {
    auto result = parse_crm_date(text, style);
    if (auto* d = std::get_if<model::date>(&result)) return model::format_iso_date(*d);
    return "error: " + std::get<std::string>(result);
}

TEST(CrmDates, IsoDatesAndDatetimes) {
    EXPECT_EQ(parsed("2026-06-30"), "2026-06-30");
    EXPECT_EQ(parsed("2018-12-19 00:00:00"), "2018-12-19");
    EXPECT_EQ(parsed("2024-05-22 12:22"), "2024-05-22");
    EXPECT_EQ(parsed("2018-12-18 18:20:30.829"), "2018-12-18");
    EXPECT_EQ(parsed("2026-06-30T08:00:00Z"), "2026-06-30");
    EXPECT_EQ(parsed("2026-06-30T08:00:00+02:00"), "2026-06-30");
}

TEST(CrmDates, UnambiguousUsAndEuropeanDates) {
    EXPECT_EQ(parsed("6/30/2026"), "2026-06-30");
    EXPECT_EQ(parsed("30/6/2026"), "2026-06-30");
    EXPECT_EQ(parsed("30.06.2026"), "2026-06-30");
    EXPECT_EQ(parsed("1/18/2021 0:00"), "2021-01-18");
    EXPECT_EQ(parsed("2/4/2008 3:54 AM", date_style::month_first), "2008-02-04");
    EXPECT_EQ(parsed("7/7/2026"), "2026-07-07");
}

TEST(CrmDates, AmbiguousDatesAreReportedUnlessTheStyleIsNamed) {
    EXPECT_EQ(parsed("5/6/2026"),
              "error: is ambiguous: May 6 or June 5, and no date of its column says which; name the style with `dates: M/D/YYYY` (or D/M/YYYY) in the "
              "mapping or --date-format");
    EXPECT_EQ(parsed("5/6/2026", date_style::month_first), "2026-05-06");
    EXPECT_EQ(parsed("5/6/2026", date_style::day_first), "2026-06-05");
    // Dotted dates are day first whatever the style.
    EXPECT_EQ(parsed("05.06.2026", date_style::month_first), "2026-06-05");
}

TEST(CrmDates, AValueProvesAStyleOnlyWhenOneReadingIsImpossible) {
    EXPECT_EQ(proven_style("3/31/2027"), date_style::month_first);
    EXPECT_EQ(proven_style("31/3/2027"), date_style::day_first);
    EXPECT_EQ(proven_style(" 13/07/2027 0:00"), std::nullopt) << "values come trimmed";
    EXPECT_EQ(proven_style("13/07/2027 0:00"), date_style::day_first);
    EXPECT_EQ(proven_style("4/7/2026"), std::nullopt);
    EXPECT_EQ(proven_style("7/7/2026"), std::nullopt);
    EXPECT_EQ(proven_style("2026-06-30"), std::nullopt);
    EXPECT_EQ(proven_style("30.06.2026"), std::nullopt) << "dotted dates are day first whatever the column";
    EXPECT_EQ(proven_style("13/13/2026"), std::nullopt) << "impossible either way: the row fails on its own";
    EXPECT_EQ(proven_style("2/30/2026"), std::nullopt);
    EXPECT_EQ(proven_style("12/31/1800"), std::nullopt) << "out of range either way";
    EXPECT_STREQ(style_name(date_style::month_first), "M/D/YYYY");
    EXPECT_STREQ(style_name(date_style::day_first), "D/M/YYYY");
}

TEST(CrmDates, BadDatesSayWhy) {
    EXPECT_EQ(parsed(""), "error: is empty");
    EXPECT_EQ(parsed("2026-02-30"), "error: is not a date that exists");
    EXPECT_EQ(parsed("13/13/2026"), "error: is not a date that exists");
    EXPECT_EQ(parsed("6/30/26"), "error: needs a four-digit year");
    EXPECT_EQ(parsed("Feb 10"), "error: is not a date (expected 2026-06-30, 6/30/2026 or 30.06.2026)");
    EXPECT_EQ(parsed("2026-06-30 noon"), "error: is not an ISO date like 2026-06-30");
    EXPECT_EQ(parsed("6/30/2026x"), "error: has something after the date that is not a time");
}

TEST(CrmDates, StyleNames) {
    EXPECT_EQ(parse_date_style("M/D/YYYY"), date_style::month_first);
    EXPECT_EQ(parse_date_style("D.M.YYYY"), date_style::day_first);
    EXPECT_EQ(parse_date_style("YYYY-MM-DD"), date_style::automatic);
    EXPECT_FALSE(parse_date_style("DD-MM-YY"));
}

}  // namespace
}  // namespace closeplan::batch

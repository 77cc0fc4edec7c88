// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include "model/dates.hpp"
#include "schedule/business_calendar.hpp"

namespace closeplan::schedule {
namespace {

std::vector<std::string> messages(const diagnostic_sink& diags) {
    std::vector<std::string> out;
    for (const auto& d : diags.all()) out.push_back(format_diagnostic(d));
    return out;
}

TEST(Holidays, DatesWithAndWithoutNames) {
    diagnostic_sink diags;
    const auto days = load_holidays_text("- 2026-07-03\n- { date: 2026-12-25, name: Christmas Day }\n", "h.yaml", diags);
    ASSERT_TRUE(days) << ::testing::PrintToString(messages(diags));
    ASSERT_EQ(days->size(), 2u);
    EXPECT_EQ(model::format_iso_date((*days)[0].day), "2026-07-03");
    EXPECT_EQ((*days)[1].name, "Christmas Day");
    EXPECT_EQ((*days)[1].where.line, 2);
}

TEST(Holidays, MistakesAreLocated) {
    diagnostic_sink diags;
    const auto days = load_holidays_text(
        "- 12/25/2026\n- { date: 2026-02-30 }\n- { name: Boxing Day }\n- { date: 2026-12-28, nme: x }\n- [2026-01-01]\n",
        "h.yaml", diags);
    EXPECT_FALSE(days);
    EXPECT_EQ(messages(diags),
              (std::vector<std::string>{
                  "h.yaml:1:3: error[P610]: \"date\" must be a date like 2026-06-30, found \"12/25/2026\" (at /0)\n"
                  "  hint: write dates as YYYY-MM-DD\n"
                  "  hint: did you mean `2026-12-25`?",
                  "h.yaml:2:11: error[P610]: date \"2026-02-30\" does not exist (at /1/date)\n"
                  "  hint: February 2026 has 28 days",
                  "h.yaml:3:3: error[P601]: missing required field \"date\" (at /2/date)",
                  "h.yaml:4:23: error[P602]: unknown field \"nme\" (at /3/nme)\n"
                  "  hint: did you mean `name`?",
                  "h.yaml:5:3: error[P611]: each holiday must be a date or a mapping with `date:`, found a list (at /4)",
              }));
}

TEST(Holidays, MustBeAList) {
    diagnostic_sink diags;
    EXPECT_FALSE(load_holidays_text("holidays: [2026-07-03]\n", "h.yaml", diags));
    EXPECT_EQ(messages(diags),
              std::vector<std::string>{
                  "h.yaml:1:1: error[P611]: a holidays file must be a list of dates, found a mapping\n"
                  "  hint: write one `- 2026-07-03` or `- { date: 2026-07-03, name: Independence Day }` a line"});
}

TEST(Holidays, EmptyFileHasNoHolidays) {
    diagnostic_sink diags;
    for (const char* text : {"", "# none this year\n", "[]\n"}) {
        const auto days = load_holidays_text(text, "h.yaml", diags);
        ASSERT_TRUE(days) << text;
        EXPECT_TRUE(days->empty());
    }
    EXPECT_TRUE(diags.all().empty());
}

TEST(Holidays, CalendarFromSeveralFiles) {
    diagnostic_sink diags;
    business_calendar cal;
    cal.add(*load_holidays_text("- 2026-07-03\n", "us.yaml", diags));
    cal.add(*load_holidays_text("- 2026-07-03\n- 2026-08-31\n", "uk.yaml", diags));
    EXPECT_EQ(cal.holiday_days().size(), 2u);
    EXPECT_FALSE(cal.is_business_day(*model::parse_iso_date("2026-08-31")));
}

TEST(Holidays, AYearOutsideTheSupportedRangeIsLocated) {
    diagnostic_sink diags;
    const auto days = load_holidays_text("- 2026-07-03\n- 0001-12-25\n- 3000-01-01\n", "h.yaml", diags);
    EXPECT_FALSE(days);
    const auto all = messages(diags);
    ASSERT_EQ(all.size(), 2u) << ::testing::PrintToString(all);
    EXPECT_NE(all[0].find("h.yaml:2:3: error[P610]: date \"0001-12-25\" is outside the years 1900 to 2999"), std::string::npos)
        << all[0];
    EXPECT_NE(all[1].find("h.yaml:3:3"), std::string::npos) << all[1];
}

TEST(Dates, SupportedRangeIsOneRuleForEveryCommand) {
    EXPECT_TRUE(model::in_supported_range(*model::parse_iso_date("1900-01-01")));
    EXPECT_TRUE(model::in_supported_range(*model::parse_iso_date("2999-12-31")));
    EXPECT_FALSE(model::in_supported_range(*model::parse_iso_date("1899-12-31")));
    EXPECT_FALSE(model::in_supported_range(*model::parse_iso_date("3000-01-01")));
    EXPECT_EQ(model::range_problem(*model::parse_iso_date("0001-06-29")), "is outside the years 1900 to 2999");
    EXPECT_FALSE(model::range_problem(*model::parse_iso_date("2026-06-29")));
}

}  // namespace
}  // namespace closeplan::schedule

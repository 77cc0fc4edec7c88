// SPDX-License-Identifier: MIT
#include <gtest/gtest.h>

#include <random>

#include "model/dates.hpp"
#include "schedule/business_calendar.hpp"

namespace closeplan::schedule {
namespace {

model::date d(const char* text) {
    return *model::parse_iso_date(text);
}

std::string iso(model::date day) {
    return model::format_iso_date(day);
}

model::date plus_days(model::date day, int n) {
    return model::date(std::chrono::sys_days(day) + std::chrono::days(n));
}

TEST(BusinessCalendar, WeekendsAreNotBusinessDays) {
    const business_calendar cal;
    EXPECT_TRUE(cal.is_business_day(d("2026-05-01")));   // Friday
    EXPECT_FALSE(cal.is_business_day(d("2026-05-02")));  // Saturday
    EXPECT_FALSE(cal.is_business_day(d("2026-05-03")));  // Sunday
    EXPECT_TRUE(cal.is_business_day(d("2026-05-04")));   // Monday
}

TEST(BusinessCalendar, AddingCrossesWeekends) {
    const business_calendar cal;
    EXPECT_EQ(iso(cal.add_business_days(d("2026-05-01"), 1)), "2026-05-04");  // Fri + 1 = Mon
    EXPECT_EQ(iso(cal.add_business_days(d("2026-05-04"), -1)), "2026-05-01");  // Mon - 1 = Fri
    EXPECT_EQ(iso(cal.add_business_days(d("2026-05-04"), 5)), "2026-05-11");
    EXPECT_EQ(iso(cal.add_business_days(d("2026-05-04"), -10)), "2026-04-20");
    EXPECT_EQ(iso(cal.add_business_days(d("2026-05-06"), 0)), "2026-05-06");
    // From a weekend day, counting starts at the Friday before it.
    EXPECT_EQ(iso(cal.add_business_days(d("2026-05-03"), 0)), "2026-05-01");
    EXPECT_EQ(iso(cal.add_business_days(d("2026-05-03"), 1)), "2026-05-04");
}

TEST(BusinessCalendar, NearestBusinessDays) {
    business_calendar cal;
    cal.add(d("2026-05-25"));  // Memorial Day, a Monday
    EXPECT_EQ(iso(cal.on_or_before(d("2026-05-25"))), "2026-05-22");
    EXPECT_EQ(iso(cal.on_or_after(d("2026-05-23"))), "2026-05-26");
    EXPECT_EQ(iso(cal.on_or_after(d("2026-05-26"))), "2026-05-26");
    EXPECT_EQ(iso(cal.on_or_before(d("2026-05-26"))), "2026-05-26");
}

TEST(BusinessCalendar, HolidaysAreSkipped) {
    business_calendar cal;
    cal.add(std::vector<holiday>{{d("2026-07-03"), "Independence Day (observed)", {}}});
    EXPECT_FALSE(cal.is_business_day(d("2026-07-03")));
    EXPECT_EQ(iso(cal.add_business_days(d("2026-07-02"), 1)), "2026-07-06");
    EXPECT_EQ(iso(cal.add_business_days(d("2026-07-06"), -1)), "2026-07-02");
    EXPECT_EQ(cal.business_days_between(d("2026-06-29"), d("2026-07-06")), 4);
}

TEST(BusinessCalendar, WeekendHolidaysChangeNothing) {
    business_calendar cal;
    cal.add(d("2026-07-04"));  // a Saturday
    cal.add(d("2026-07-03"));
    cal.add(d("2026-07-03"));  // twice: once is enough
    EXPECT_EQ(cal.holiday_days().size(), 1u);
}

TEST(BusinessCalendar, YearEnd) {
    business_calendar cal;
    cal.add(d("2026-12-25"));
    cal.add(d("2027-01-01"));
    // Thu 2026-12-24 + 1 skips Christmas (Fri) and the weekend.
    EXPECT_EQ(iso(cal.add_business_days(d("2026-12-24"), 1)), "2026-12-28");
    // Thu 2026-12-31 + 1 skips New Year's Day (Fri) and the weekend.
    EXPECT_EQ(iso(cal.add_business_days(d("2026-12-31"), 1)), "2027-01-04");
    EXPECT_EQ(iso(cal.add_business_days(d("2027-01-04"), -5)), "2026-12-24");
    EXPECT_EQ(cal.business_days_between(d("2026-12-21"), d("2027-01-04")), 8);
}

TEST(BusinessCalendar, LeapDay) {
    const business_calendar cal;
    EXPECT_EQ(iso(cal.add_business_days(d("2028-02-28"), 1)), "2028-02-29");  // Monday -> Tuesday
    EXPECT_EQ(iso(cal.add_business_days(d("2028-03-01"), -2)), "2028-02-28");
}

TEST(BusinessCalendar, BeforeTheEpoch) {
    const business_calendar cal;
    EXPECT_EQ(iso(cal.add_business_days(d("1970-01-01"), -1)), "1969-12-31");  // Thu -> Wed
    EXPECT_EQ(iso(cal.add_business_days(d("1970-01-05"), -1)), "1970-01-02");  // Mon -> Fri
    EXPECT_EQ(iso(cal.add_business_days(d("1969-12-26"), 1)), "1969-12-29");
}

// The counting arithmetic against the obvious day-by-day walk, over ten years
// with clusters of holidays (bridges of up to a week).
TEST(BusinessCalendar, AgreesWithWalkingDayByDay) {
    std::mt19937 random(20260504);
    business_calendar cal;
    const auto start = d("2024-01-01");
    for (int i = 0; i < 300; ++i) {
        const auto first = plus_days(start, static_cast<int>(random() % 3650));
        const auto run = static_cast<int>(random() % 6);
        for (int j = 0; j <= run; ++j) cal.add(plus_days(first, j));
    }
    for (int trial = 0; trial < 2000; ++trial) {
        const auto from = plus_days(start, 200 + static_cast<int>(random() % 3200));
        const int n = static_cast<int>(random() % 121) - 60;
        auto walked = from;
        while (!cal.is_business_day(walked)) walked = plus_days(walked, -1);
        for (int k = 0; k < std::abs(n); ++k) {
            do walked = plus_days(walked, n > 0 ? 1 : -1);
            while (!cal.is_business_day(walked));
        }
        ASSERT_EQ(iso(cal.add_business_days(from, n)), iso(walked)) << "from " << iso(from) << " n " << n;
        // Counting needs walked on or after from: a forward move from a business day.
        if (n < 0 || !cal.is_business_day(from)) continue;
        int counted = 0;  // business days in [from, walked)
        for (auto day = from; day != walked; day = plus_days(day, 1)) counted += cal.is_business_day(day) ? 1 : 0;
        ASSERT_EQ(cal.business_days_between(from, walked), counted);
    }
}

}  // namespace
}  // namespace closeplan::schedule

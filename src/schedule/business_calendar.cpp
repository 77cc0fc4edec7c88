// SPDX-License-Identifier: MIT
// Business-day arithmetic by counting, not walking: weekdays before a day follow
// from its week number, holidays before it from a binary search, so moving a
// date by n business days costs the same for n = 1 and n = 1000.
#include "schedule/business_calendar.hpp"

#include <algorithm>

namespace closeplan::schedule {

namespace {

// Day numbers count from 1970-01-01; 1969-12-29 is the Monday before, so
// shifting by 3 makes a multiple of 7 fall on a Monday.
constexpr long monday_shift = 3;

long floor_div(long a, long b) {
    return a / b - ((a % b != 0) && ((a < 0) != (b < 0)) ? 1 : 0);
}

int day_number(model::date day) {
    return static_cast<int>(std::chrono::sys_days(day).time_since_epoch().count());
}

model::date from_day_number(long n) {
    return model::date(std::chrono::sys_days(std::chrono::days(n)));
}

/// 0 = Monday ... 6 = Sunday.
long weekday_of(long n) {
    const long t = n + monday_shift;
    return t - 7 * floor_div(t, 7);
}

/// Weekdays (Mon-Fri) in [epoch Monday, n).
long weekdays_before(long n) {
    const long t = n + monday_shift;
    const long weeks = floor_div(t, 7);
    return 5 * weeks + std::min<long>(t - 7 * weeks, 5);
}

/// The weekday that has exactly `count` weekdays before it.
long weekday_with_index(long count) {
    const long weeks = floor_div(count, 5);
    return 7 * weeks + (count - 5 * weeks) - monday_shift;
}

}  // namespace

void business_calendar::add(const std::vector<holiday>& holidays) {
    for (const auto& h : holidays) add(h.day);
}

void business_calendar::add(model::date day) {
    const int n = day_number(day);
    if (weekday_of(n) >= 5) return;  // a weekend day is no business day anyway
    const auto at = std::lower_bound(holidays_.begin(), holidays_.end(), n);
    if (at == holidays_.end() || *at != n) holidays_.insert(at, n);
}

bool business_calendar::is_business_day(model::date day) const {
    const int n = day_number(day);
    return weekday_of(n) < 5 && !std::binary_search(holidays_.begin(), holidays_.end(), n);
}

long business_calendar::index_before(model::date day) const {
    const int n = day_number(day);
    const auto holidays_before = std::lower_bound(holidays_.begin(), holidays_.end(), n) - holidays_.begin();
    return weekdays_before(n) - holidays_before;
}

model::date business_calendar::day_at(long index) const {
    // Guess the weekday with `index` weekdays before it, then move past the
    // holidays on or before the guess until none is left to skip. The guess only
    // grows and never passes the answer, so this ends after at most one round
    // per holiday crossed.
    long day = weekday_with_index(index);
    for (;;) {
        const auto holidays_up_to =
            std::upper_bound(holidays_.begin(), holidays_.end(), day) - holidays_.begin();
        const long next = weekday_with_index(index + holidays_up_to);
        if (next == day) return from_day_number(day);
        day = next;
    }
}

model::date business_calendar::on_or_after(model::date day) const {
    return day_at(index_before(day));
}

model::date business_calendar::on_or_before(model::date day) const {
    const auto next = std::chrono::sys_days(day) + std::chrono::days(1);
    return day_at(index_before(model::date(next)) - 1);
}

model::date business_calendar::add_business_days(model::date day, int n) const {
    const auto next = std::chrono::sys_days(day) + std::chrono::days(1);
    return day_at(index_before(model::date(next)) - 1 + n);
}

int business_calendar::business_days_between(model::date from, model::date to) const {
    return static_cast<int>(index_before(to) - index_before(from));
}

}  // namespace closeplan::schedule

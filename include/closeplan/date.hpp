// SPDX-License-Identifier: MIT
/// @file
/// A calendar date as the options take it (render_options::as_of,
/// schedule_options::close ...): year, month and day, plain numbers.
///
/// The public headers compile as C++17, so they hold no std::chrono calendar
/// type (C++20); the library converts a date to one inside. A date may hold
/// any numbers: the functions taking it check that it is a real date in the
/// years 1900 to 2999 and report A100 otherwise (2026-02-30, month 13).
///
/// Example:
/// ```cpp
/// closeplan::render_options options;
/// options.as_of = closeplan::date{2026, 3, 2};  // 2 March 2026
/// ```
///
/// Thread-safety: a plain value.
#pragma once

namespace closeplan {
inline namespace v0 {

/// Year, month (1 to 12) and day of the month (1 to 31), in the Gregorian calendar.
struct date {
    int year = 0;
    unsigned month = 0;
    unsigned day = 0;

    /// True when the date exists: month 1 to 12 and a day that month has (no 2026-02-30).
    [[nodiscard]] constexpr bool ok() const noexcept {
        if (month < 1 || month > 12 || day < 1) return false;
        const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
        const unsigned lengths[12] = {31, leap ? 29u : 28u, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        return day <= lengths[month - 1];
    }
};

/// Dates compare by year, then month, then day.
[[nodiscard]] constexpr bool operator==(const date& a, const date& b) noexcept {
    return a.year == b.year && a.month == b.month && a.day == b.day;
}
[[nodiscard]] constexpr bool operator!=(const date& a, const date& b) noexcept { return !(a == b); }
[[nodiscard]] constexpr bool operator<(const date& a, const date& b) noexcept {
    if (a.year != b.year) return a.year < b.year;
    if (a.month != b.month) return a.month < b.month;
    return a.day < b.day;
}
[[nodiscard]] constexpr bool operator>(const date& a, const date& b) noexcept { return b < a; }
[[nodiscard]] constexpr bool operator<=(const date& a, const date& b) noexcept { return !(b < a); }
[[nodiscard]] constexpr bool operator>=(const date& a, const date& b) noexcept { return !(a < b); }

}  // namespace v0
}  // namespace closeplan

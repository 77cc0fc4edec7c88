// SPDX-License-Identifier: MIT
// Strict ISO dates: a typo in a date must be an error, never a guess.
#include "model/dates.hpp"

#include <cstdio>

namespace closeplan::model {

namespace {
bool all_digits(std::string_view s) {
    for (char c : s)
        if (c < '0' || c > '9') return false;
    return !s.empty();
}
int to_int(std::string_view s) {
    int v = 0;
    for (char c : s) v = v * 10 + (c - '0');
    return v;
}
}  // namespace

std::optional<date> parse_iso_date(std::string_view text) {
    if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
    auto y = text.substr(0, 4), m = text.substr(5, 2), d = text.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    date result{std::chrono::year{to_int(y)}, std::chrono::month{static_cast<unsigned>(to_int(m))},
                std::chrono::day{static_cast<unsigned>(to_int(d))}};
    if (!result.ok()) return std::nullopt;
    return result;
}

bool in_supported_range(date d) {
    const int y = static_cast<int>(d.year());
    return y >= earliest_year && y <= latest_year;
}

std::optional<std::string> range_problem(date d) {
    if (in_supported_range(d)) return std::nullopt;
    return "is outside the years " + std::to_string(earliest_year) + " to " + std::to_string(latest_year);
}

std::string format_iso_date(date d) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02u", static_cast<int>(d.year()),
                  static_cast<unsigned>(d.month()), static_cast<unsigned>(d.day()));
    return buffer;
}

int days_between(date from, date to) {
    return static_cast<int>((std::chrono::sys_days{to} - std::chrono::sys_days{from}).count());
}

}  // namespace closeplan::model

// SPDX-License-Identifier: MIT
// CRM date parsing: strict shapes, explicit styles, no guessing.
#include "batch/crm_dates.hpp"

#include <cctype>

#include "model/dates.hpp"

namespace closeplan::batch {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Reads 1..max_digits digits; advances `pos`.
std::optional<int> read_number(std::string_view text, std::size_t& pos, std::size_t max_digits) {
    std::size_t start = pos;
    int value = 0;
    while (pos < text.size() && is_digit(text[pos]) && pos - start < max_digits) value = value * 10 + (text[pos++] - '0');
    if (pos == start || (pos < text.size() && is_digit(text[pos]))) return std::nullopt;
    return value;
}

// A time after the date: `[ T]H:MM[:SS[.fff]][Z| AM| PM|+hh:mm]`. Only its shape is checked.
bool is_time_suffix(std::string_view rest) {
    if (rest.empty()) return true;
    if (rest.front() != ' ' && rest.front() != 'T') return false;
    rest.remove_prefix(1);
    std::size_t pos = 0;
    if (!read_number(rest, pos, 2) || pos >= rest.size() || rest[pos] != ':') return false;
    ++pos;
    if (!read_number(rest, pos, 2)) return false;
    if (pos < rest.size() && rest[pos] == ':') {
        ++pos;
        if (!read_number(rest, pos, 2)) return false;
        if (pos < rest.size() && rest[pos] == '.') {
            ++pos;
            while (pos < rest.size() && is_digit(rest[pos])) ++pos;
        }
    }
    auto tail = rest.substr(pos);
    return tail.empty() || tail == "Z" || tail == " AM" || tail == " PM" ||
           ((tail.front() == '+' || tail.front() == '-') && tail.size() == 6 && tail[3] == ':');
}

date_result make_date(int year, int month, int day) {
    const model::date d{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                        std::chrono::day{static_cast<unsigned>(day)}};
    if (month < 1 || month > 12 || !d.ok()) return std::string("is not a date that exists");
    if (auto why = model::range_problem(d)) return *why;
    return d;
}

const char* month_names[] = {"January", "February", "March", "April", "May", "June",
                             "July", "August", "September", "October", "November", "December"};

}  // namespace

std::optional<date_style> parse_date_style(std::string_view text) {
    if (text == "auto" || text == "YYYY-MM-DD") return date_style::automatic;
    if (text == "M/D/YYYY" || text == "MM/DD/YYYY") return date_style::month_first;
    if (text == "D/M/YYYY" || text == "DD/MM/YYYY" || text == "D.M.YYYY" || text == "DD.MM.YYYY")
        return date_style::day_first;
    return std::nullopt;
}

std::optional<date_style> proven_style(std::string_view text) {
    // Only slash dates depend on the style: cheap shape check first, since every row's date comes here.
    const auto slash = text.find('/');
    if (slash == std::string_view::npos || slash > 2) return std::nullopt;
    const bool month_first = std::holds_alternative<model::date>(parse_crm_date(text, date_style::month_first));
    const bool day_first = std::holds_alternative<model::date>(parse_crm_date(text, date_style::day_first));
    if (month_first == day_first) return std::nullopt;
    return month_first ? date_style::month_first : date_style::day_first;
}

const char* style_name(date_style style) {
    switch (style) {
        case date_style::month_first: return "M/D/YYYY";
        case date_style::day_first: return "D/M/YYYY";
        case date_style::automatic: break;
    }
    return "auto";
}

date_result parse_crm_date(std::string_view text, date_style style) {
    if (text.empty()) return std::string("is empty");
    std::size_t pos = 0;
    const auto first = read_number(text, pos, 4);
    if (!first || pos >= text.size()) return std::string("is not a date (expected 2026-06-30, 6/30/2026 or 30.06.2026)");
    const char sep = text[pos];
    if (sep == '-' && pos == 4) {
        ++pos;
        const auto month = read_number(text, pos, 2);
        if (!month || pos >= text.size() || text[pos] != '-') return std::string("is not an ISO date like 2026-06-30");
        ++pos;
        const auto day = read_number(text, pos, 2);
        if (!day || !is_time_suffix(text.substr(pos))) return std::string("is not an ISO date like 2026-06-30");
        return make_date(*first, *month, *day);
    }
    if ((sep != '/' && sep != '.') || pos > 2) return std::string("is not a date (expected 2026-06-30, 6/30/2026 or 30.06.2026)");
    ++pos;
    const auto second = read_number(text, pos, 2);
    if (!second || pos >= text.size() || text[pos] != sep) return std::string("is not a date (expected 2026-06-30, 6/30/2026 or 30.06.2026)");
    ++pos;
    const auto year_start = pos;
    const auto year = read_number(text, pos, 4);
    if (!year || pos - year_start != 4) return std::string("needs a four-digit year");
    if (!is_time_suffix(text.substr(pos))) return std::string("has something after the date that is not a time");

    if (sep == '.') return make_date(*year, *second, *first);  // dotted dates are always day first
    if (style == date_style::month_first) return make_date(*year, *first, *second);
    if (style == date_style::day_first) return make_date(*year, *second, *first);
    if (*first > 12 && *second <= 12) return make_date(*year, *second, *first);
    if (*second > 12 && *first <= 12) return make_date(*year, *first, *second);
    if (*first == *second) return make_date(*year, *first, *second);
    if (*first > 12) return std::string("is not a date that exists");
    return std::string("is ambiguous: ") + month_names[*first - 1] + " " + std::to_string(*second) + " or " +
           month_names[*second - 1] + " " + std::to_string(*first) +
           ", and no date of its column says which; name the style with `dates: M/D/YYYY` (or D/M/YYYY) in the mapping or --date-format";
}

}  // namespace closeplan::batch

// SPDX-License-Identifier: MIT
// Business days: Monday to Friday, minus holidays read from holiday files.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "model/plan.hpp"

namespace closeplan::schedule {

/// One entry of a holidays file.
struct holiday {
    model::date day;
    std::string name;  ///< may be empty
    source_location where;
};

/// Reads a holidays file: a YAML (or JSON) list whose items are ISO dates
/// (`- 2026-07-03`) or mappings `{ date: 2026-07-03, name: Independence Day }`.
/// Problems are located P6xx errors; nullopt when any error was reported.
/// An unreadable file throws closeplan::error (L100).
std::optional<std::vector<holiday>> load_holidays(const std::string& path, diagnostic_sink& diags);
std::optional<std::vector<holiday>> load_holidays_text(std::string_view text, const std::string& file,
                                                       diagnostic_sink& diags);

/// Monday to Friday, less the holidays added. Cheap to copy for a few dozen
/// holidays; every query is a binary search at most (no day-by-day walking).
///
/// Business days are numbered: index(d) counts the business days before d
/// since a fixed epoch, so "n business days before" is index arithmetic.
class business_calendar {
public:
    business_calendar() = default;
    explicit business_calendar(const std::vector<holiday>& holidays) { add(holidays); }

    /// Adds holidays (several files may be added; the same day twice is fine).
    /// Holidays on a Saturday or Sunday change nothing.
    void add(const std::vector<holiday>& holidays);
    void add(model::date day);

    [[nodiscard]] bool is_business_day(model::date day) const;
    /// `day` itself when it is a business day, else the nearest one before / after it.
    [[nodiscard]] model::date on_or_before(model::date day) const;
    [[nodiscard]] model::date on_or_after(model::date day) const;
    /// The business day `n` business days after `day` (before, for negative n).
    /// `day` itself need not be a business day: it is first moved to on_or_before(day).
    [[nodiscard]] model::date add_business_days(model::date day, int n) const;
    /// Business days in [from, to) (negative when to < from).
    [[nodiscard]] int business_days_between(model::date from, model::date to) const;

    /// The number of business days before `day` since a fixed epoch: the index
    /// of `day` when it is a business day, else the index of the next one.
    [[nodiscard]] long index_before(model::date day) const;
    /// The business day with this index.
    [[nodiscard]] model::date day_at(long index) const;

    /// Weekday holidays, as day numbers since 1970-01-01, sorted, unique.
    [[nodiscard]] const std::vector<int>& holiday_days() const { return holidays_; }

private:
    std::vector<int> holidays_;
};

}  // namespace closeplan::schedule

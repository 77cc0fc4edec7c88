// SPDX-License-Identifier: MIT
// Strict ISO date parsing and day arithmetic shared by every stage.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/plan.hpp"

namespace closeplan::model {

/// Parses exactly `YYYY-MM-DD` and rejects impossible dates (2026-02-30).
std::optional<date> parse_iso_date(std::string_view text);

/// The years every date in closeplan lies within: plans, flags, holidays,
/// CRM exports and every date scheduling works out. Outside them a date is
/// almost surely a typo (0001-06-29), and day arithmetic and calendars are
/// not meant for it.
inline constexpr int earliest_year = 1900;
inline constexpr int latest_year = 2999;

/// Whether `d` lies in earliest_year..latest_year.
bool in_supported_range(date d);

/// Why `d` is refused ("is outside the years 1900 to 2999"); nullopt when it is in range.
std::optional<std::string> range_problem(date d);

/// `YYYY-MM-DD`.
std::string format_iso_date(date d);

/// Whole days from `from` to `to` (negative when `to` is earlier).
int days_between(date from, date to);

}  // namespace closeplan::model

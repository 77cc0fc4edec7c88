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

/// `YYYY-MM-DD`.
std::string format_iso_date(date d);

/// Whole days from `from` to `to` (negative when `to` is earlier).
int days_between(date from, date to);

}  // namespace closeplan::model

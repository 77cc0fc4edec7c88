// SPDX-License-Identifier: MIT
// Dates as CRM exports write them: ISO dates and datetimes, US `6/30/2026`,
// European `30.06.2026`. An ambiguous date is reported, never guessed.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <variant>

#include "model/plan.hpp"

namespace closeplan::batch {

enum class date_style {
    automatic,  ///< ISO, `D.M.YYYY`, and `A/B/YYYY` only when A or B is above 12
    month_first,  ///< `M/D/YYYY` (and ISO)
    day_first,    ///< `D/M/YYYY` and `D.M.YYYY` (and ISO)
};

/// "M/D/YYYY", "D/M/YYYY", "D.M.YYYY", "YYYY-MM-DD" or "auto"; nullopt for anything else.
std::optional<date_style> parse_date_style(std::string_view text);

/// A parsed date, or the reason it is not one (a sentence without the value).
using date_result = std::variant<model::date, std::string>;

/// Accepts a date optionally followed by a time (` 12:22`, ` 0:00`, `T08:00:00Z`,
/// ` 3:54 AM`); the time is ignored, since a close date is a day.
date_result parse_crm_date(std::string_view text, date_style style);

/// The style a value proves, if it proves one: `3/31/2027` can only be
/// month first and `31/3/2027` only day first; `4/7/2026`, ISO and dotted
/// dates prove nothing. A column's style is decided from all its values
/// (column_survey.hpp), so one such value settles the ambiguous ones.
std::optional<date_style> proven_style(std::string_view text);

/// "M/D/YYYY" or "D/M/YYYY", for messages; "auto" for automatic.
const char* style_name(date_style style);

}  // namespace closeplan::batch

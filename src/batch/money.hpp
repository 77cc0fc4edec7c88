// SPDX-License-Identifier: MIT
// Amounts from CRM exports, parsed exactly into integer minor units and a
// currency: `$240,000.00`, `240.000,00 €`, `9552.0`, `EUR 1.234,5`.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <variant>

namespace closeplan::batch {

/// Which mark separates decimals when a number has only one kind of mark and
/// three digits after it (`240,000` vs `240.000`): the export's convention.
enum class decimal_mark { point, comma };

struct money {
    std::int64_t minor = 0;  ///< amount in minor units (cents); exact
    int scale = 2;           ///< digits after the decimal mark for this currency
    std::string currency;    ///< ISO 4217 code, empty when the export does not say
    bool rounded = false;    ///< the text was floating-point noise (`48715.200000000004`), rounded to `scale`

    /// Plain decimal text for the plan (`240000.00`), as model::deal_info wants it.
    [[nodiscard]] std::string decimal_text() const;
};

/// Digits after the decimal mark for an ISO 4217 code (JPY 0, KWD 3, else 2).
int minor_digits(std::string_view currency);

/// A parsed amount or why it is not one (a sentence without the value).
/// `default_currency` applies when the text names none; a text naming a
/// different one than `default_currency` keeps its own. More decimals than
/// the currency has are an error, except in floating-point noise: a number
/// of 15 or more significant digits (what a spreadsheet or HubSpot writes for
/// a computed double, `48715.200000000004`) is rounded half away from zero to
/// the minor unit, and `rounded` says so.
using money_result = std::variant<money, std::string>;
money_result parse_money(std::string_view text, decimal_mark mark, std::string_view default_currency = {});

/// The decimal mark a value proves, if it proves one: `1,234.56`, `9552.0`
/// and `1,234,567` are written with a point, `1.234,56`, `240000,5` and
/// `1.234.567` with a comma; `240,000`, `240.000` and `240000` prove nothing.
/// A column's mark is decided from all its values (column_survey.hpp).
std::optional<decimal_mark> proven_mark(std::string_view text);

}  // namespace closeplan::batch

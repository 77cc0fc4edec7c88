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

    /// Plain decimal text for the plan (`240000.00`), as model::deal_info wants it.
    [[nodiscard]] std::string decimal_text() const;
};

/// Digits after the decimal mark for an ISO 4217 code (JPY 0, KWD 3, else 2).
int minor_digits(std::string_view currency);

/// A parsed amount or why it is not one (a sentence without the value).
/// `default_currency` applies when the text names none; a text naming a
/// different one than `default_currency` keeps its own.
using money_result = std::variant<money, std::string>;
money_result parse_money(std::string_view text, decimal_mark mark, std::string_view default_currency = {});

}  // namespace closeplan::batch

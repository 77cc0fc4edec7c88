// SPDX-License-Identifier: MIT
// Token boundaries in JSON text, for positions nlohmann's SAX parser does not give.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace closeplan::load::detail {

inline constexpr std::size_t no_token = std::string_view::npos;

/// End of the JSON number that starts at `pos` (as greedy as nlohmann's
/// lexer), or no_token when the text there is not a complete JSON number.
std::size_t json_number_end(std::string_view text, std::size_t pos);

/// One past the closing quote of the string whose opening quote is at `pos`,
/// or no_token when it is not closed.
std::size_t json_string_end(std::string_view text, std::size_t pos);

/// nlohmann refuses numbers beyond the range of double ("number overflow",
/// e.g. 1e999), though they are valid JSON. The loader keeps numbers as text,
/// so it parses a copy where each such number is "0" padded with spaces to the
/// same length, which keeps every offset. Nullopt when there is none.
std::optional<std::string> without_huge_numbers(std::string_view text);

}  // namespace closeplan::load::detail

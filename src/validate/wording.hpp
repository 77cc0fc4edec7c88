// SPDX-License-Identifier: MIT
// Wording helpers for validation messages: quoting user text, lists, "did you mean" suggestions.
#pragma once

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace closeplan::validate::detail {

/// Removes spaces, tabs and line breaks at both ends.
std::string_view trim(std::string_view text);

/// `"text"` for a message: control characters escaped, long text shortened with "...".
std::string quote(std::string_view text);

/// Lower case, with spaces and hyphens turned into underscores ("In Progress" -> "in_progress").
std::string normalise_word(std::string_view text);

/// Edit distance counting a swap of two neighbours as one edit (optimal string alignment).
std::size_t edit_distance(std::string_view a, std::string_view b);

/// The candidate the user most likely meant: same word ignoring case, `_`, `-` and
/// spaces, else the nearest within a small edit distance; nullopt when nothing is close.
std::optional<std::string> closest(std::string_view written, std::span<const std::string> candidates);
std::optional<std::string> closest(std::string_view written, std::span<const std::string_view> candidates);

/// "a, b or c".
std::string join_or(std::span<const std::string_view> names);

/// "dana, lee, sam" or "a, b, c, d, e and 3 more".
std::string join_capped(std::span<const std::string> names, std::size_t cap = 5);

/// "did you mean `due`?"
std::string did_you_mean(std::string_view name);

}  // namespace closeplan::validate::detail

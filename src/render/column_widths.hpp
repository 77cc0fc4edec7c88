// SPDX-License-Identifier: MIT
// Table column widths from their content, shared by the DOCX tables and the
// Markdown separator lines (whose dash counts pandoc reads as relative widths).
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "view/document.hpp"

namespace closeplan::render::detail {

/// What a column's content asks for: `min` is its longest unbreakable word
/// (no-break spaces join words, as the view joins a date's parts), `max` its
/// longest line set without breaks. Both in the caller's unit.
struct column_need {
    double min = 0;
    double max = 0;
};

/// Grows `need` to hold `content`, measured by `measure` (text -> width):
/// lines split at hard line breaks, words at ordinary spaces.
void add_content(column_need& need, const view::inlines& content, const std::function<double(std::string_view)>& measure);
void add_content(column_need& need, std::string_view plain, const std::function<double(std::string_view)>& measure);

/// Shares `available` among the columns as the CSS automatic table layout
/// does: when every column fits on one line, each gets its line and the rest
/// in proportion to it; else each gets its longest word and the rest in
/// proportion to how much more its lines want; when even the words do not
/// fit, the words' widths scaled down. The result sums to `available`.
std::vector<double> share_width(const std::vector<column_need>& needs, double available);

}  // namespace closeplan::render::detail

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

/// Measures text, bold or not, in the caller's unit.
using text_measure = std::function<double(std::string_view text, bool bold)>;

/// Grows `need` to hold `content`, measured by `measure`: lines split at hard
/// line breaks, words at ordinary spaces; strong text and badges are bold.
/// `line_break_as`, when set, is the text a hard line break is written as
/// instead. `whole_badges`: a badge is one unbreakable box (the DOCX writes
/// its spaces as no-break spaces); Markdown writes a badge as bold words.
void add_content(column_need& need, const view::inlines& content, const text_measure& measure,
                 const char* line_break_as = nullptr, bool whole_badges = true);
/// add_content for a measure that counts display columns (a bold face may
/// widen them): a cell that is one ASCII text, as most are, is sized in one
/// pass over its bytes, with no call to `measure` (an ASCII text is as many
/// columns as bytes, layout/display_width.hpp); any other cell is add_content's.
void add_content_in_columns(column_need& need, const view::inlines& content, const text_measure& measure,
                            const char* line_break_as = nullptr, bool whole_badges = true);
/// The same for plain text (a header label), all in the face `bold` says.
void add_content(column_need& need, std::string_view plain, bool bold, const text_measure& measure);

/// Shares `available` among the columns, much as the CSS automatic table
/// layout does: when every column fits on one line, each gets its line and
/// the rest in proportion to it; else the short columns (no wider than an
/// equal share) get their whole line while the others' words still fit, and
/// the others their longest word and the rest in proportion to how much more
/// their lines want; when even the words do not fit, the words' widths
/// scaled down. The result sums to `available`.
std::vector<double> share_width(const std::vector<column_need>& needs, double available);

}  // namespace closeplan::render::detail

// SPDX-License-Identifier: MIT
// Breaking styled text into lines on measured widths (libharu's own wrapping breaks UTF-8).
#pragma once

#include <string>
#include <vector>

#include "layout/fonts.hpp"
#include "layout/frame.hpp"

namespace closeplan::layout {

/// A stretch of text in one style. A "\n" inside `text` forces a line break.
struct styled_span {
    std::string text;  ///< UTF-8
    font_face face = font_face::regular;
    color fill;
    std::string url;   ///< non-empty: the span is a link
};

/// Part of a line in one style, placed at `x` from the line's start.
struct line_piece {
    std::string text;
    font_face face = font_face::regular;
    color fill;
    std::string url;
    double x = 0;
    double width = 0;
};

struct line {
    std::vector<line_piece> pieces;
    double width = 0;  ///< without trailing spaces
};

/// Greedy line breaking at spaces, after hyphens and slashes (so URLs and
/// "buyer/seller" break), and, for a word wider than `max_width`, at code
/// point boundaries. Never splits a UTF-8 sequence; never returns a line wider
/// than `max_width` unless one code point alone is wider. Spaces at a break
/// are dropped. Empty input gives no lines.
std::vector<line> break_lines(const std::vector<styled_span>& spans, double max_width, double size,
                              const font_metrics& metrics);

}  // namespace closeplan::layout

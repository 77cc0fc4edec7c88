// SPDX-License-Identifier: MIT
// The style tokens (styles/default.yaml keys) read as numbers and colours for layout.
#pragma once

#include <map>
#include <string>

#include "layout/frame.hpp"
#include "view/document.hpp"

namespace closeplan::layout::detail {

struct badge_colors {
    color bg, fg;
};

/// Everything layout needs from the style, in points and 0..1 colours.
struct page_style {
    double width = 612, height = 792;
    double margin_top = 28.35, margin_right = 31.18, margin_bottom = 28.35, margin_left = 31.18;
    double body = 9, small = 8, h1 = 15, h2 = 9.5;  ///< sizes; the fitter scales them
    double line_height = 1.12;
    double section_gap = 7, paragraph_gap = 3, cell_x = 3.5, cell_y = 1.4, column_gap = 14;
    double rule_thin = 0.5, rule_thick = 1.5;
    color text, muted, rule, accent, header_bg, background;
    std::map<view::tone, color> tone_colors;
    std::map<view::tone, badge_colors> badges;

    [[nodiscard]] double content_width() const { return width - margin_left - margin_right; }
    [[nodiscard]] double leading(double size) const { return size * line_height; }
    [[nodiscard]] color tone_color(view::tone t) const;
    [[nodiscard]] badge_colors badge(view::tone t) const;
};

/// Reads the tokens (missing or unreadable ones keep the defaults of styles/default.yaml,
/// which render::style has already checked). `paper` overrides page.size when non-empty.
page_style read_style(const std::map<std::string, std::string>& tokens, const std::string& paper);
/// read_style, remembered for the last tokens and paper on this thread: a batch
/// lays out thousands of deals in one style, and comparing its tokens costs a
/// fraction of reading their lengths and colours again. The same page_style.
page_style remembered_style(const std::map<std::string, std::string>& tokens, const std::string& paper);

/// "10mm", "7.5pt", "0.5in", "1cm" or a plain number of points; `fallback` when unreadable.
double parse_length(const std::string& value, double fallback);
/// "#rgb" or "#rrggbb"; `fallback` when unreadable.
color parse_color(const std::string& value, color fallback);

}  // namespace closeplan::layout::detail

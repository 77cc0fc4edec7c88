// SPDX-License-Identifier: MIT
// Style tokens as a template context, and the colour pairs that must stay readable (internal to render/).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "render/template_engine.hpp"
#include "render/template_set.hpp"

namespace closeplan::render::detail {

/// The tokens as nested objects: "colors.accent" is {{colors.accent}} in the CSS template.
template_value style_context(const style& look);

/// A text colour and the background it is drawn on.
struct color_pair {
    std::string foreground;  ///< token key
    std::string background;  ///< token key
};

/// Every text-on-background pair the page uses; each must reach 4.5:1.
const std::vector<color_pair>& readable_pairs();

/// WCAG 2 contrast ratio of two colours written #rgb or #rrggbb (1 to 21).
double contrast_ratio(std::string_view a, std::string_view b);

}  // namespace closeplan::render::detail

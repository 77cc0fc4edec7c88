// SPDX-License-Identifier: MIT
// Which page template a text format (HTML, Markdown) renders with for a template name.
#pragma once

#include <memory>
#include <string_view>

#include "closeplan/diagnostics.hpp"
#include "render/template_set.hpp"

namespace closeplan::render {

/// The page template every format has: the buyer plan.
inline constexpr std::string_view buyer_plan_template = "buyer-plan";
/// The template name the PDF lays out by itself, without a template file
/// (layout/layout_document.cpp): every row, on as many pages as it takes.
inline constexpr std::string_view full_template = "full";

/// The page template `<name><suffix>` (suffix ".html.mustache", ".fragment.md.mustache", ...).
/// `full` without a file of its own for this format (none is built in) renders with
/// the buyer plan's template, which in HTML and Markdown already shows every row, and
/// says so in note T409 located at the template used; so `-f pdf,html,md --template
/// full` writes all three. Any other missing template is error T406 (and null).
/// Built-in templates are shared (template_set::find_shared).
std::shared_ptr<const resource_text> find_page_template(const template_set& templates, std::string_view name,
                                                std::string_view suffix, diagnostic_sink& diags);

}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// The pack's HTML page: the shared HTML writer plus a linked table of contents.
#pragma once

#include <string>

#include "render/render.hpp"

namespace closeplan::handoff {

/// Where the page shell wants the table of contents (templates/handoff.html.mustache).
/// A comment, so a template without it is still valid HTML; plan text can never
/// produce it because the writer escapes `<`.
inline constexpr std::string_view contents_marker = "<!-- closeplan:contents -->";

/// render_html with the contents list (one link per section that has content,
/// to the section's id) put in place of the marker.
std::string render_handoff_html(const view::document& doc, const render::render_context& ctx,
                                const std::string& contents_title, diagnostic_sink& diags);

}  // namespace closeplan::handoff

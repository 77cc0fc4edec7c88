// SPDX-License-Identifier: MIT
// The HTML writer's parts (internal to render/): inlines, blocks, sections.
#pragma once

#include <string>
#include <string_view>

#include "closeplan/diagnostics.hpp"
#include "view/document.hpp"

namespace closeplan::render::detail {

/// Inline content as HTML; text escaped, links only to allowed URLs.
std::string html_inlines(const view::inlines& content, diagnostic_sink& diags);

/// Inline content of a table cell or fact value. A line break also carries a
/// middle dot that replaces it in print, so rows stay one line on paper. Links
/// stay links on paper too (underlined and coloured by the page CSS).
std::string html_cell_inlines(const view::inlines& content, diagnostic_sink& diags);
/// html_cell_inlines(content, diags) appended to `out` (a table being written).
void append_html_cell_inlines(std::string& out, const view::inlines& content, diagnostic_sink& diags);

/// The buyer's and seller's logos as <img> elements with data: URIs (checked
/// like the PDF's; a bad file is left out with warning O512); "" when none.
std::string html_logos(const view::document& doc, diagnostic_sink& diags);

/// Blocks as HTML. `label` names tables that have no caption of their own
/// (the section title), so every table has an accessible name.
std::string html_blocks(const view::blocks& content, std::string_view label, diagnostic_sink& diags);

/// A whole section: <section aria-labelledby> with its <h2>, or "" when it has no content.
/// `heading_level` is the title's level (2 on a page; 2 + offset in a fragment) and
/// `id_prefix` goes before its ids ("closeplan-" in a fragment, so they cannot clash with the host page's).
std::string html_section(const view::section& s, diagnostic_sink& diags, int heading_level = 2,
                         std::string_view id_prefix = {});

/// The finished page with at most one empty line in a row (none at the top;
/// never changed inside <pre>), ending with exactly one newline. Sections a
/// plan does not have leave empty lines where the template placed them.
std::string tidy_html(std::string page);

}  // namespace closeplan::render::detail

// SPDX-License-Identifier: MIT
// Markdown fields (CommonMark + GFM) parsed once into the document's own blocks.
#pragma once

#include <string_view>

#include "closeplan/diagnostics.hpp"
#include "view/document.hpp"

namespace closeplan::view {

/// Parses a Markdown field with cmark-gfm (table, strikethrough, autolink,
/// tagfilter, tasklist; never CMARK_OPT_UNSAFE) and converts the tree into
/// view blocks. Raw HTML (block or inline) is dropped: its text never reaches
/// any output. Links and images keep only http, https and mailto targets;
/// others become plain text, and a warning (V250) names the field at `where`.
/// Images become links to their target (the document never loads anything).
/// Thread-safe: parsing is serialised internally (cmark-gfm's extension
/// tables are process-global).
blocks parse_markdown_field(std::string_view markdown, const source_location& where, diagnostic_sink& diags);

/// The same, flattened to one run of inlines for a table cell: paragraphs are
/// joined with line breaks, list items with "; ".
inlines parse_markdown_inline(std::string_view markdown, const source_location& where, diagnostic_sink& diags);

/// True for an absolute http(s) or mailto URL without control characters or spaces.
bool is_safe_url(std::string_view url);

}  // namespace closeplan::view

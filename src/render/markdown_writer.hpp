// SPDX-License-Identifier: MIT
// The Markdown writer's parts (internal to render/): inlines, blocks, sections, final tidying.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "view/document.hpp"

namespace closeplan::render::detail {

/// Inline content as GFM. In a table cell (or any one-line position) line
/// breaks become " / ", newlines spaces and pipes are escaped.
std::string markdown_inlines(const view::inlines& content, bool single_line, diagnostic_sink& diags);
/// markdown_inlines(content, true, diags) appended to `out` (a table row being written).
void append_markdown_cell(std::string& out, const view::inlines& content, diagnostic_sink& diags);

/// Blocks as lines of GFM, separated by blank lines; no trailing newline.
std::vector<std::string> markdown_blocks(const view::blocks& content, diagnostic_sink& diags);

/// A whole section: "## Title" (`heading_level` hashes, at most 6), a blank line, its blocks;
/// "" when it has no content.
std::string markdown_section(const view::section& s, diagnostic_sink& diags, int heading_level = 2);

/// Final tidying of a page: no trailing spaces, at most one blank line in a
/// row (outside code fences), no leading blank lines, exactly one final newline.
std::string tidy_markdown(std::string_view text);

}  // namespace closeplan::render::detail

// SPDX-License-Identifier: MIT
// Choosing which sections a document keeps, and in what order, before any
// writer or the layout sees it, so HTML, Markdown and PDF all agree.
#pragma once

#include <string>
#include <vector>

#include "view/document.hpp"
#include "view/section_table.hpp"  // section_keys(), for callers that list the names

namespace closeplan::view {

/// Keeps only the sections named in `keys` (keys of the section table,
/// view/section_table.hpp), in that order, and marks the
/// document as ordered by the caller. Returns the names that are not section
/// keys; when there are any the document is left unchanged. Naming a section
/// twice keeps it once, where it was first named.
std::vector<std::string> select_sections(document& doc, const std::vector<std::string>& keys);

/// Moves every heading down `offset` levels (negative values count as 0):
/// section titles by way of document::heading_offset, headings written
/// inside Markdown fields directly. Writers clamp at level 6.
void shift_headings(document& doc, int offset);

}  // namespace closeplan::view

// SPDX-License-Identifier: MIT
// The handoff pack on pages: every section flowed over as many pages as it needs,
// a linked table of contents and a PDF bookmark per section.
#pragma once

#include <string>

#include "layout/layout_document.hpp"

namespace closeplan::layout {

/// Lays out the title block, a contents list (`contents_title`, then one
/// line per section with content, its page number, and an internal link to
/// the section) and every section in document order, with "page X of Y"
/// footers. Fills paged_document::outline and each page's jumps. Characters
/// the fonts cannot paint are replaced and reported once (O511).
paged_document layout_handoff(const view::document& doc, const font_metrics& metrics, const layout_options& options,
                              const std::string& contents_title, diagnostic_sink& diags);

/// The bookmarks and contents links as stable text, to go after dump_pages()
/// in golden files.
std::string dump_navigation(const paged_document& pages);

}  // namespace closeplan::layout

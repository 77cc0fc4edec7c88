// SPDX-License-Identifier: MIT
// The PDF painter: laid-out pages (layout/frame.hpp) to PDF bytes through libharu.
#pragma once

#include <string>

#include "closeplan/diagnostics.hpp"
#include "layout/frame.hpp"
#include "render/pdf_standard.hpp"

namespace closeplan::render {

/// Paints the pages and returns the PDF file's bytes. Deterministic (no dates,
/// no ids): the same pages give the same bytes. A logo that is missing or not
/// a sound PNG/JPEG is left out with a warning (O512); a refused link with O501.
/// A libharu failure is reported as O504 and the result is then empty.
/// Thread-safe: each call uses its own libharu document.
/// Every PDF is tagged (a structure tree in reading order, marked content, /Lang,
/// XMP metadata); `standard` adds what PDF/UA-1 or PDF/A-2 ask besides.
/// `tagging` off leaves out the structure tree, the marked content and the metadata:
/// only bench/tagging_bench asks for it, to measure what tagging costs.
enum class pdf_tagging { on, off_for_measuring };
std::string render_pdf(const layout::paged_document& doc, diagnostic_sink& diags, const pdf_standard& standard = {},
                       pdf_tagging tagging = pdf_tagging::on);

}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// The DOCX writer and --reference-docx: a Word document from the view document.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "closeplan/diagnostics.hpp"
#include "render/render.hpp"

namespace closeplan::render {

/// A reference DOCX larger than this is refused before it is opened.
inline constexpr std::size_t max_reference_docx_bytes = 32u << 20;
/// Its word/styles.xml may inflate to this much at most.
inline constexpr std::size_t max_reference_styles_bytes = 4u << 20;

/// A WordprocessingML document: real tables sized from their content, header
/// rows that repeat, badges as shaded character styles, the sign-off as a
/// two-column table, links, logos, and styles with stable names (docs/docx.md).
/// Uses ctx.docx_styles as word/styles.xml when it is not empty.
std::string render_docx(const view::document& doc, const render_context& ctx, diagnostic_sink& diags);

/// The word/styles.xml of a reference DOCX's bytes, checked: a zip archive
/// holding a well-formed w:styles part with no DTD. Problems are T416 errors
/// naming `file`. Every reference DOCX goes through here (fuzz/fuzz_reference_docx.cpp).
std::optional<std::string> reference_docx_styles(std::string_view bytes, const std::string& file, diagnostic_sink& diags);

/// Reads `path` (T415 when it cannot be read) and checks it as above.
std::optional<std::string> read_reference_docx(const std::string& path, diagnostic_sink& diags);

}  // namespace closeplan::render

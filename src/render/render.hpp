// SPDX-License-Identifier: MIT
// The writers: one function per output format, and the one table that lists them.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "render/render_request.hpp"
#include "render/template_set.hpp"
#include "view/document.hpp"

namespace closeplan::render {

/// What a writer needs besides the document: the one request (its settings:
/// template_name, fragment, fit, pdf_standard) and what the pipeline worked
/// out from it once. One context serves one document, rendered in any number
/// of formats.
struct render_context {
    const template_set& templates;
    const closeplan::render::style& look;
    const render_request& request;
    /// The paper, "letter" or "a4", chosen from request.paper, the style and
    /// the locale (render/paper.hpp paper_for); empty = the style's page.size.
    std::string paper = {};
    /// DOCX: the word/styles.xml of request.reference_docx (render/docx.hpp
    /// checked it); empty = closeplan's own styles.
    std::string docx_styles = {};
    /// The document's print density ("roomy", "normal", "compact"), worked out
    /// by the first writer that needs it (render/page_fit.cpp walks the whole
    /// document for it) and reused by the others.
    mutable std::string density = {};
};

/// One self-contained HTML page (CSS inline, no scripts, no external requests).
/// Template problems are reported as T4xx errors and the result is then empty.
std::string render_html(const view::document& doc, const render_context& ctx, diagnostic_sink& diags);

/// A Word document (render/docx.hpp).
std::string render_docx(const view::document& doc, const render_context& ctx, diagnostic_sink& diags);

/// GitHub-flavoured Markdown.
std::string render_markdown(const view::document& doc, const render_context& ctx, diagnostic_sink& diags);

/// The single registry of output formats (pandoc's `writers` table).
struct output_format {
    std::string name;       ///< as given to -f: "html", "md"
    std::string extension;  ///< file extension without dot
    std::function<std::string(const view::document&, const render_context&, diagnostic_sink&)> write;
    /// Has a --fragment form: a piece to paste into another document (html, md, docx).
    bool fragment = false;
};
/// The names of the formats with a fragment form, "html, md, docx".
std::string fragment_format_names();
const std::vector<output_format>& output_formats();
const output_format* find_output_format(std::string_view name);

}  // namespace closeplan::render

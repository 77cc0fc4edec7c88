// SPDX-License-Identifier: MIT
// The writers: one function per output format, and the one table that lists them.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "render/pdf_standard.hpp"
#include "render/template_set.hpp"
#include "view/document.hpp"

namespace closeplan::render {

struct render_options {
    std::string template_name = "buyer-plan";  ///< page shell: templates/<name>.<format>.mustache
    std::string paper;  ///< "letter" or "a4" for paged formats (render/paper.hpp chooses it); empty = the style's page.size
    /// HTML and Markdown: a piece to paste into another document instead of a
    /// page (templates/<name>.fragment.<format>.mustache; HTML styled by
    /// fragment.css.mustache, every rule under .closeplan-plan).
    bool fragment = false;
    /// The PDF buyer plan's page budget: "two-pages" or "one-page" (layout_options::fit).
    std::string fit = "two-pages";
    /// DOCX: the word/styles.xml of --reference-docx (render/docx.hpp checked
    /// it); empty = closeplan's own styles.
    std::string docx_styles = {};
    /// --pdf-standard: what the PDF claims beyond being tagged (PDF/UA-1, PDF/A-2b/u).
    pdf_standard pdf;
};

/// What a writer needs besides the document. One context serves one
/// document, rendered in any number of formats.
struct render_context {
    const template_set& templates;
    const closeplan::render::style& look;
    render_options options;
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

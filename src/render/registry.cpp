// SPDX-License-Identifier: MIT
// The one table of output formats: name, file extension, writer.
#include <algorithm>

#include "layout/layout_document.hpp"
#include "render/docx.hpp"
#include "render/pdf.hpp"
#include "render/render.hpp"

namespace closeplan::render {

namespace {

// The style's font files (already checked and resolved by style::from_file).
layout::font_request fonts_of(const style& look, const pdf_standard& standard) {
    layout::font_request request;
    // PDF/UA and PDF/A forbid the standard fonts, which are named, not embedded.
    request.always_embed = look.get("font.pdf.embed") == "always" || standard.embeds_fonts();
    const auto regular = look.get("font.pdf.regular");
    if (regular.empty()) return request;
    request.brand = true;
    const auto face = [&](const char* key) {
        const auto file = look.get(key);
        return file.empty() ? regular : file;
    };
    request.paths = {regular, face("font.pdf.bold"), face("font.pdf.italic"), face("font.pdf.bold_italic")};
    return request;
}

layout::paged_document laid_out(const view::document& doc, const render_context& ctx, diagnostic_sink& diags) {
    const auto metrics = layout::metrics_for(doc, fonts_of(ctx.look, ctx.request.pdf_standard));
    // The style outlives the layout: its tokens are read where they are, not copied.
    return layout::layout_document(doc, *metrics, {ctx.request.template_name, ctx.paper, {}, ctx.request.fit, &ctx.look.tokens()},
                                   diags);
}

std::string write_pdf(const view::document& doc, const render_context& ctx, diagnostic_sink& diags) {
    return render_pdf(laid_out(doc, ctx, diags), diags, ctx.request.pdf_standard);
}

std::string write_pdf_layout(const view::document& doc, const render_context& ctx, diagnostic_sink& diags) {
    return layout::dump_pages(laid_out(doc, ctx, diags));
}

std::string write_pdf_bounds(const view::document& doc, const render_context& ctx, diagnostic_sink& diags) {
    return layout::dump_pages(laid_out(doc, ctx, diags), true);
}

}  // namespace

const std::vector<output_format>& output_formats() {
    static const std::vector<output_format> formats = {
        {"html", "html", render_html, true},
        {"md", "md", render_markdown, true},
        {"pdf", "pdf", write_pdf},
        {"docx", "docx", render_docx, true},
        {"pdf-layout", "layout.txt", write_pdf_layout},
        {"pdf-bounds", "bounds.txt", write_pdf_bounds},
    };
    return formats;
}

std::string fragment_format_names() {
    std::string names;
    for (const auto& f : output_formats())
        if (f.fragment) names += (names.empty() ? "" : ", ") + f.name;
    return names;
}

const output_format* find_output_format(std::string_view name) {
    const auto& formats = output_formats();
    const auto it = std::find_if(formats.begin(), formats.end(), [&](const output_format& f) { return f.name == name; });
    return it == formats.end() ? nullptr : &*it;
}

}  // namespace closeplan::render

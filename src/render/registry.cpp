// SPDX-License-Identifier: MIT
// The one table of output formats: name, file extension, writer.
#include <algorithm>

#include "layout/layout_document.hpp"
#include "render/pdf.hpp"
#include "render/render.hpp"

namespace closeplan::render {

namespace {

layout::paged_document laid_out(const view::document& doc, const render_context& ctx, diagnostic_sink& diags) {
    const auto metrics = layout::metrics_for(doc);
    return layout::layout_document(doc, *metrics, {ctx.options.template_name, ctx.options.paper, ctx.look.tokens()}, diags);
}

std::string write_pdf(const view::document& doc, const render_context& ctx, diagnostic_sink& diags) {
    return render_pdf(laid_out(doc, ctx, diags), diags);
}

std::string write_pdf_layout(const view::document& doc, const render_context& ctx, diagnostic_sink& diags) {
    return layout::dump_pages(laid_out(doc, ctx, diags));
}

}  // namespace

const std::vector<output_format>& output_formats() {
    static const std::vector<output_format> formats = {
        {"html", "html", render_html},
        {"md", "md", render_markdown},
        {"pdf", "pdf", write_pdf},
        {"pdf-layout", "layout.txt", write_pdf_layout},
    };
    return formats;
}

const output_format* find_output_format(std::string_view name) {
    const auto& formats = output_formats();
    const auto it = std::find_if(formats.begin(), formats.end(), [&](const output_format& f) { return f.name == name; });
    return it == formats.end() ? nullptr : &*it;
}

}  // namespace closeplan::render

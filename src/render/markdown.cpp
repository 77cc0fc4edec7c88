// SPDX-License-Identifier: MIT
// Converts a document to GitHub-flavoured Markdown through the page template, with no raw HTML.
#include "render/markdown_writer.hpp"
#include "render/render.hpp"
#include "render/template_engine.hpp"
#include "render/page_fit.hpp"
#include "render/page_template.hpp"
#include "render/writer_support.hpp"

namespace closeplan::render {
namespace detail {

std::string tidy_markdown(std::string_view text) {
    std::string out;
    out.reserve(text.size() + 1);
    std::string fence;  // the open code fence, empty outside code
    bool pending_blank = false;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string_view::npos) nl = text.size();
        std::string_view line = text.substr(start, nl - start);
        start = nl + 1;
        line = line.substr(0, line.find_last_not_of(" \t\r") + 1);  // npos + 1 == 0: a blank line is empty

        // The fence is what follows list indentation and quote markers.
        const std::string_view bare = line.substr(std::min(line.size(), line.find_first_not_of(" >")));
        const std::size_t ticks = bare.find_first_not_of('`') == std::string_view::npos ? bare.size()
                                                                                       : bare.find_first_not_of('`');
        if (fence.empty() && ticks >= 3 && bare.find('`', ticks) == std::string_view::npos) {
            fence = std::string(ticks, '`');
        } else if (!fence.empty() && ticks >= fence.size() && ticks == bare.size()) {
            fence.clear();
        } else if (fence.empty() && line.empty()) {
            pending_blank = !out.empty();
            if (nl == text.size()) break;
            continue;
        }
        if (pending_blank) out += '\n';
        pending_blank = false;
        out += line;
        out += '\n';
        if (nl == text.size()) break;
    }
    return out.empty() ? std::string("\n") : out;
}

}  // namespace detail

std::string render_markdown(const view::document& doc, const render_context& ctx, diagnostic_sink& diags) {
    const auto shell = find_page_template(ctx.templates, ctx.request.template_name,
                                          ctx.request.fragment ? ".fragment.md.mustache" : ".md.mustache", diags);
    if (!shell) return {};
    detail::page_parts parts;
    parts.density = detail::density_name(doc, ctx);
    parts.chosen_slot = detail::chosen_sections_slot(doc, shell->text);
    parts.lists = detail::section_lists_used(shell->text);
    for (const auto& f : doc.title_facts.facts) parts.fact_values.push_back(detail::markdown_inlines(f.value, true, diags));
    for (const auto& s : doc.sections)
        parts.sections.push_back({s.key, s.title, detail::markdown_section(s, diags, 2 + doc.heading_offset)});

    const auto page = render_template(*shell, template_format::markdown, detail::page_context(doc, std::move(parts), false),
                                      ctx.templates, diags);
    return page ? detail::tidy_markdown(*page) : std::string();
}

}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// A table of contents for the pack's HTML page, linking to the section ids the HTML writer gives.
#include "handoff/handoff_html.hpp"

#include "render/escape.hpp"

namespace closeplan::handoff {

std::string render_handoff_html(const view::document& doc, const render::render_context& ctx,
                                const std::string& contents_title, diagnostic_sink& diags) {
    std::string page = render::render_html(doc, ctx, diags);
    const auto at = page.find(contents_marker);
    if (page.empty() || at == std::string::npos) return page;
    std::string nav = "<nav class=\"section contents\" aria-labelledby=\"contents-title\">\n<h2 id=\"contents-title\">" +
                      render::escape_html(contents_title) + "</h2>\n<ol>\n";
    for (const auto& s : doc.sections) {
        if (s.content.empty()) continue;
        // The same id the HTML writer gives the section (render/html_blocks.cpp).
        nav += "<li><a href=\"#" + render::css_identifier(s.key) + "\">" + render::escape_html(s.title) + "</a></li>\n";
    }
    nav += "</ol>\n</nav>";
    page.replace(at, contents_marker.size(), nav);
    return page;
}

}  // namespace closeplan::handoff

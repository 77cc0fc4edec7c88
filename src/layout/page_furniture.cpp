// SPDX-License-Identifier: MIT
// What every multi-page layout adds around its content: "page X of Y" footers (in the
// plan's language), the title line atop every page after the first, and the one
// warning about characters no font could paint.
#include <cstdio>

#include "layout/layout_parts.hpp"
#include "layout/structure_tags.hpp"

namespace closeplan::layout::detail {

namespace {

std::string code_point_name(char32_t cp) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
    return buffer;
}

}  // namespace

void add_footers(std::vector<page>& pages, const page_style& st, const context& ctx, const view::document& doc) {
    const std::size_t total = pages.size();
    for (std::size_t i = 0; i < total; ++i) {
        const std::string label = ctx.paintable(
            view::layout_text(doc, "page.of", std::nullopt, {{"page", std::to_string(i + 1)}, {"pages", std::to_string(total)}}));
        const double w = ctx.metrics().width(label, font_face::regular, ctx.small);
        pages[i].items.push_back({text_run{st.width - st.margin_right - w,
                                           st.margin_bottom + ctx.metrics().descent(ctx.small) + 0.5,
                                           font_face::regular, ctx.small, st.muted, label, w, st.margin_left,
                                           st.width - st.margin_right}});
        pages[i].items.back().tag.path[0] = {tag_role::artifact, 0};  // page furniture
        pages[i].items.back().tag.depth = 1;
    }
}

fragment running_head(const view::document& doc, double width, const context& ctx, std::list<view::inlines>& keep) {
    fragment head = flow(ctx.text(doc.title, keep), width, {ctx.small, view::align::left}, ctx,
                         {font_face::bold, ctx.style().muted, false});
    const double y = head.height + 1.5;
    head.items.push_back({rule{0, y, width, y, ctx.style().rule_thin, ctx.style().rule, false}});
    head.height = y + ctx.style().paragraph_gap * 2;
    tag_artifact(head);  // the title again, atop every later page: page furniture
    return head;
}

void add_running_heads(std::vector<page>& pages, const fragment& head, const page_frame& frame) {
    for (std::size_t i = 1; i < pages.size(); ++i) place(head, frame.left, frame.top, pages[i]);
}

void report_unpaintable(const std::set<char32_t>& unpaintable, const font_metrics& metrics, diagnostic_sink& diags) {
    if (unpaintable.empty()) return;
    std::string list;
    for (char32_t cp : unpaintable) list += (list.empty() ? "" : ", ") + code_point_name(cp);
    const std::string with = metrics.can_paint(U'\u25A1') ? "\u25A1" : "?";
    diags.warning("O511", "characters no available font can paint were replaced with " + with + ": " + list, {},
                  {"remove emoji and other symbols from the plan, or use words instead"});
}

}  // namespace closeplan::layout::detail

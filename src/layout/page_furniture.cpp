// SPDX-License-Identifier: MIT
// What every multi-page layout adds around its content: "page X of Y" footers (in the
// plan's language), the title line atop every page after the first, and the one
// warning about characters no font could paint.
#include <cstdio>
#include <map>

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

namespace {

// The buyer's words stay: the hints name the fonts that would paint them.
std::vector<std::string> unpaintable_hints(const std::set<char32_t>& unpaintable, const std::string& with) {
    const auto in = [](char32_t cp, char32_t first, char32_t last) { return cp >= first && cp <= last; };
    bool cjk = false, emoji = false, other = false;
    for (const char32_t cp : unpaintable) {
        if (in(cp, 0x2E80, 0x9FFF) || in(cp, 0xAC00, 0xD7AF) || in(cp, 0xF900, 0xFAFF) || in(cp, 0xFF00, 0xFFEF) ||
            in(cp, 0x20000, 0x3FFFF))
            cjk = true;  // Han, kana, Hangul, CJK punctuation and full-width forms
        else if (in(cp, 0x1F000, 0x1FAFF) || in(cp, 0x2600, 0x27BF))
            emoji = true;
        else
            other = true;
    }
    std::vector<std::string> hints;
    if (cjk) hints.emplace_back("install the Noto CJK fonts for Chinese, Japanese and Korean (Debian: fonts-noto-cjk)");
    if (other) hints.emplace_back("install the Noto fonts for the other scripts (Debian: fonts-noto-core)");
    if (cjk || other)
        hints.emplace_back("or name TrueType files that have these characters in the style's font.pdf.regular and bold");
    if (emoji) hints.emplace_back("emoji have no PDF font: they stay " + with + " in the PDF (the HTML shows them)");
    return hints;
}

}  // namespace

void report_unpaintable(const std::set<char32_t>& unpaintable, const font_metrics& metrics, diagnostic_sink& diags) {
    if (unpaintable.empty()) return;
    // Characters a missing font package would paint: one warning per package, naming it.
    std::map<std::string, std::string, std::less<>> by_package;
    std::string list;
    for (char32_t cp : unpaintable) {
        const std::string_view package = metrics.missing_package_for(cp);
        std::string& into = package.empty() ? list : by_package[std::string(package)];
        into += (into.empty() ? "" : ", ") + code_point_name(cp);
    }
    const std::string square = metrics.can_paint(U'\u25A1') ? "\u25A1" : "?";
    for (const auto& [package, codes] : by_package)
        diags.warning("O542", "the font package " + package + " is not installed, so characters of the plan were replaced with " +
                                  square + ": " + codes,
                      {}, {"install it (apt-get install " + package + ") and render again; fontconfig finds it (docs/fonts.md)"});
    if (list.empty()) return;
    const std::string with = metrics.can_paint(U'\u25A1') ? "\u25A1" : "?";
    diags.warning("O511", "characters no available font can paint were replaced with " + with + ": " + list, {},
                  unpaintable_hints(unpaintable, with));
}

}  // namespace closeplan::layout::detail

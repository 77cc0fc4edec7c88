// SPDX-License-Identifier: MIT
// The handoff pack on pages: contents with page numbers and internal links, sections flowed, bookmarks.
#include "layout/mirror.hpp"
#include "layout/layout_handoff.hpp"

#include <cstdio>
#include <set>

#include "layout/layout_parts.hpp"
#include "layout/structure_tags.hpp"
#include "layout/page_builder.hpp"
#include "layout/style_tokens.hpp"

namespace closeplan::layout {

namespace {

using namespace detail;

// Markers ride through pagination as link areas (the only item that keeps a
// rectangle) and are taken out again before the painter sees the pages.
constexpr std::string_view anchor_mark = "closeplan-anchor:";
constexpr std::string_view jump_mark = "closeplan-jump:";
constexpr double number_room = 36;  // the contents' page-number column

struct place_of {
    std::size_t page = 0;
    double top = 0;
};

std::string two_decimals(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    return buffer;
}

context make_context(const font_metrics& m, const page_style& st, std::set<char32_t>* unpaintable) {
    context ctx;
    ctx.metrics_ = &m;
    ctx.style_ = &st;
    ctx.body = st.body;
    ctx.small = 8;
    ctx.h1 = st.h1;
    ctx.h2 = st.h2;
    ctx.unpaintable = unpaintable;
    return ctx;
}

link_area marker(std::string_view kind, std::size_t index, double width, double height) {
    return link_area{0, 0, width, height, std::string(kind) + std::to_string(index)};
}

// One contents line: the title (wrapped when long), its page number on the first line, all of it clickable.
fragment contents_line(const std::string& title, std::size_t index, const std::string& page_label, double width,
                       const context& ctx) {
    const view::inlines words{view::inline_node{view::text{title}}};
    fragment f = flow({{&words, {font_face::regular, ctx.style().accent, false}, 0, false}}, width - number_room,
                      {ctx.body, view::align::left}, ctx);
    if (!page_label.empty()) {
        double baseline = ctx.metrics().ascent(ctx.body);
        for (const auto& it : f.items)
            if (const auto* run = std::get_if<text_run>(&it.value)) {
                baseline = run->y;
                break;
            }
        const double w = ctx.metrics().width(page_label, font_face::regular, ctx.body);
        f.items.push_back({text_run{width - w, baseline, font_face::regular, ctx.body, ctx.style().text, page_label, w, 0,
                                    width}});
    }
    f.items.push_back({marker(jump_mark, index, width, f.height)});
    // The title, its page number and the jump are one Link in its own P (the jump's
    // annotation joins the Link through the tag internal_link keeps).
    tag(f, tag_role::link);
    tag(f, tag_role::p);
    f.space_before = ctx.style().paragraph_gap * ctx.gap_scale;
    return f;
}

fragment anchored_heading(const std::string& title, std::size_t index, double width, const context& ctx) {
    fragment h = section_heading(title, nullptr, 0, width, ctx);
    h.items.push_back({marker(anchor_mark, index, 0, 0)});
    return h;
}

// A section that opens with a short lead-in (the timeline's totals, the gaps'
// intro line) keeps it with what follows, as the heading keeps with it: else
// the heading and one line sit at a page foot and the section's body starts
// on the next page.
void keep_lead_in_with_body(std::vector<fragment>& body, const context& ctx) {
    const double short_lead_in = 2.5 * ctx.leading(ctx.body);
    if (body.size() > 1 && body.front().height <= short_lead_in) body.front().keep_with_next = true;
}

// Entry 0 is the contents list itself; entry i + 1 is sections[i].
std::vector<fragment> pack_flow(const view::document& doc, const std::vector<const view::section*>& sections,
                                const std::string& contents_title, const std::vector<std::string>& page_labels,
                                double width, const context& ctx) {
    std::vector<fragment> flow{title_block(doc, width, ctx)};
    flow.push_back(anchored_heading(contents_title, 0, width, ctx));
    for (std::size_t i = 0; i < sections.size(); ++i)
        flow.push_back(contents_line(sections[i]->title, i + 1, i + 1 < page_labels.size() ? page_labels[i + 1] : "",
                                     width, ctx));
    for (std::size_t i = 0; i < sections.size(); ++i) {
        flow.push_back(anchored_heading(sections[i]->title, i + 1, width, ctx));
        auto body = layout_blocks(sections[i]->content, width, ctx);
        if (!body.empty()) body.front().space_before = 0;
        keep_lead_in_with_body(body, ctx);
        for (auto& f : body) flow.push_back(std::move(f));
    }
    return flow;
}

std::size_t marker_index(std::string_view url, std::string_view kind) {
    return static_cast<std::size_t>(std::stoul(std::string(url.substr(kind.size()))));
}

// Takes the markers out of the pages: anchors become places, jump areas become the pages' jumps.
std::vector<place_of> resolve_markers(std::vector<page>& pages, std::size_t count, std::vector<internal_link>& jumps) {
    std::vector<place_of> anchors(count);
    jumps.clear();
    for (std::size_t p = 0; p < pages.size(); ++p) {
        auto& items = pages[p].items;
        std::vector<item> kept;
        kept.reserve(items.size());
        for (auto& it : items) {
            const auto* l = std::get_if<link_area>(&it.value);
            if (l && l->url.starts_with(anchor_mark)) {
                const auto i = marker_index(l->url, anchor_mark);
                if (i < count) anchors[i] = {p, l->y + l->height};
            } else if (l && l->url.starts_with(jump_mark)) {
                jumps.push_back({p, l->x, l->y, l->width, l->height, marker_index(l->url, jump_mark), 0, it.tag});
            } else {
                kept.push_back(std::move(it));
            }
        }
        items = std::move(kept);
    }
    for (auto& j : jumps) {
        const auto target = j.target_page < count ? anchors[j.target_page] : place_of{};
        j.target_page = target.page;
        j.target_top = target.top;
    }
    return anchors;
}

}  // namespace

paged_document layout_handoff(const view::document& doc, const font_metrics& metrics, const layout_options& options,
                              const std::string& contents_title, diagnostic_sink& diags) {
    const page_style st = remembered_style(options.style_tokens(), options.paper);
    const double width = st.content_width();
    std::set<char32_t> unpaintable;
    const context ctx = make_context(metrics, st, &unpaintable);
    page_frame frame{st.width, st.height, st.margin_top, st.margin_bottom, st.margin_left, 0};
    frame.footer = ctx.leading(ctx.small) + 4;

    std::vector<const view::section*> sections;
    for (const auto& s : doc.sections)
        if (!s.content.empty()) sections.push_back(&s);
    const std::size_t count = sections.size() + 1;

    // First without page numbers to learn where each section starts; the
    // numbers sit in room already kept for them, so the second pass breaks
    // pages in the same places.
    std::vector<internal_link> jumps;
    auto pages = paginate(pack_flow(doc, sections, contents_title, {}, width, ctx), frame);
    const auto first = resolve_markers(pages, count, jumps);
    std::vector<std::string> labels;
    for (const auto& a : first) labels.push_back(std::to_string(a.page + 1));
    pages = paginate(pack_flow(doc, sections, contents_title, labels, width, ctx), frame);
    const auto anchors = resolve_markers(pages, count, jumps);

    paged_document out;
    out.title = doc.title;
    out.author = doc.seller.name;
    out.subject = doc.deal_name;
    out.lang = doc.lang;
    out.fonts = metrics.choice();
    out.outline.push_back({contents_title, anchors[0].page, anchors[0].top});
    for (std::size_t i = 0; i < sections.size(); ++i)
        out.outline.push_back({sections[i]->title, anchors[i + 1].page, anchors[i + 1].top});
    add_footers(pages, st, ctx, doc);
    out.pages = std::move(pages);
    out.jumps = std::move(jumps);

    report_unpaintable(unpaintable, metrics, diags);
    mirror_for_right_to_left(out);
    return out;
}

std::string dump_navigation(const paged_document& pages) {
    std::string out = "navigation\n";
    for (const auto& e : pages.outline)
        out += "  bookmark page " + std::to_string(e.page + 1) + " top " + two_decimals(e.top) + " \"" + e.title + "\"\n";
    for (const auto& j : pages.jumps)
        out += "  link page " + std::to_string(j.page + 1) + " [" + two_decimals(j.x) + " " + two_decimals(j.y) + " " +
               two_decimals(j.width) + " " + two_decimals(j.height) + "] -> page " +
               std::to_string(j.target_page + 1) + " top " + two_decimals(j.target_top) + "\n";
    return out;
}

}  // namespace closeplan::layout

// SPDX-License-Identifier: MIT
// The document on pages: sections in the buyer plan's order, fitted to one page or flowed over many.
#include "layout/layout_document.hpp"

#include <algorithm>
#include <cstdio>
#include <set>

#include "layout/condense.hpp"
#include "layout/layout_parts.hpp"

namespace closeplan::layout {

namespace {

using namespace detail;

const view::section* section_of(const view::document& doc, std::string_view key) {
    const auto* s = doc.find_section(key);
    return s && !s->content.empty() ? s : nullptr;
}

// A section's blocks; a heading directly before a fact list shares its line.
std::vector<fragment> section_body(const view::section& s, const std::vector<const view::block*>& skip, double width,
                                   const context& ctx) {
    std::vector<fragment> out;
    for (std::size_t i = 0; i < s.content.size(); ++i) {
        const auto& b = s.content[i];
        if (std::find(skip.begin(), skip.end(), &b) != skip.end()) continue;
        std::vector<fragment> parts;
        const auto* h = std::get_if<view::heading>(&b.value);
        const auto* facts = i + 1 < s.content.size() ? std::get_if<view::fact_list>(&s.content[i + 1].value) : nullptr;
        if (h && facts) {
            parts.push_back(layout_facts(*facts, width, ctx.body, ctx, &h->content));
            parts.back().space_before = ctx.style().paragraph_gap * ctx.gap_scale * 1.5;
            ++i;
        } else {
            parts = layout_block(b, width, ctx);
        }
        if (!parts.empty() && out.empty()) parts.front().space_before = 0;
        if (!parts.empty() && !out.empty())
            parts.front().space_before = std::max(parts.front().space_before, ctx.style().paragraph_gap * ctx.gap_scale);
        for (auto& p : parts) out.push_back(std::move(p));
    }
    return out;
}

// Figures shown on the heading's line: milestone progress, value-map coverage.
const view::block* figure_of(const view::section& s) {
    if (s.key == "milestones")
        for (const auto& b : s.content)
            if (const auto* f = std::get_if<view::fact_list>(&b.value); f && f->key == "milestone_progress") return &b;
    if (s.key == "value_map" && s.content.size() > 1 && std::holds_alternative<view::paragraph>(s.content.back().value))
        return &s.content.back();
    return nullptr;
}

std::vector<fragment> section_flow(const view::section& s, double width, const context& ctx) {
    const view::block* figure = figure_of(s);
    fragment fig;
    double fig_w = 0;
    if (figure) {
        if (const auto* f = std::get_if<view::fact_list>(&figure->value)) {
            fig_w = std::min(width, measure_facts(*f, ctx.small, ctx).natural + 1);
            fig = layout_facts(*f, fig_w, ctx.small, ctx);
        } else if (const auto* p = std::get_if<view::paragraph>(&figure->value)) {
            fig_w = std::min(width, measure({{&p->content, {font_face::regular, ctx.style().muted, false}, 0, false}},
                                            {ctx.small, view::align::left}, ctx).natural + 1);
            fig = flow(p->content, fig_w, {ctx.small, view::align::left}, ctx, {font_face::regular, ctx.style().muted, false});
        }
    }
    std::vector<fragment> out{section_heading(s.title, figure ? &fig : nullptr, fig_w, width, ctx)};
    for (auto& f : section_body(s, {figure}, width, ctx)) out.push_back(std::move(f));
    return out;
}

// The summary's groups (a heading and what follows it) split into two balanced columns.
fragment summary_columns(const view::section& s, double width, const context& ctx) {
    const double col = (width - ctx.style().column_gap) / 2;
    std::vector<view::section> groups;
    for (const auto& b : s.content) {
        if (groups.empty() || std::holds_alternative<view::heading>(b.value)) groups.push_back({s.key, "", {}});
        groups.back().content.push_back(b);
    }
    std::vector<fragment> parts;
    for (const auto& g : groups) parts.push_back(stack(section_body(g, {}, col, ctx)));
    auto column = [&](std::size_t from, std::size_t to) {
        std::vector<fragment> c(parts.begin() + static_cast<std::ptrdiff_t>(from), parts.begin() + static_cast<std::ptrdiff_t>(to));
        for (std::size_t i = 0; i < c.size(); ++i) c[i].space_before = i ? ctx.style().paragraph_gap * ctx.gap_scale * 2 : 0;
        return stack(c);
    };
    std::size_t best = parts.size();
    double best_h = column(0, parts.size()).height;
    for (std::size_t split = 1; split < parts.size(); ++split) {
        const double h = std::max(column(0, split).height, column(split, parts.size()).height);
        if (h < best_h - 0.01) best_h = h, best = split;
    }
    return two_columns(column(0, best), column(best, parts.size()), width, ctx);
}

struct laid_out {
    std::vector<fragment> flow;
};

std::vector<fragment> document_flow(const view::document& doc, double width, bool full, const context& ctx) {
    std::vector<fragment> flow{title_block(doc, width, ctx)};
    auto add = [&](std::vector<fragment> parts) {
        for (auto& p : parts) flow.push_back(std::move(p));
    };
    if (const auto* s = section_of(doc, "summary")) {
        fragment body = summary_columns(*s, width, ctx);
        body.space_before = 0;
        add({section_heading(s->title, nullptr, 0, width, ctx), std::move(body)});
    }
    for (const char* key : {"milestones", "value_map", "stakeholders", "risks"})
        if (const auto* s = section_of(doc, key)) add(section_flow(*s, width, ctx));
    const auto* resources = section_of(doc, "resources");
    const auto* open = section_of(doc, "open_items");
    if (resources && open && !full) {
        const double col = (width - ctx.style().column_gap) / 2;
        flow.push_back(two_columns(stack(section_flow(*resources, col, ctx)), stack(section_flow(*open, col, ctx)), width, ctx));
    } else {
        for (const auto* s : {resources, open})
            if (s) add(section_flow(*s, width, ctx));
    }
    for (const auto& s : doc.sections) {
        static const std::set<std::string> placed{"summary", "milestones", "value_map", "stakeholders", "risks", "resources", "open_items", "signoff"};
        if (!placed.count(s.key) && !s.content.empty()) add(section_flow(s, width, ctx));
    }
    if (const auto* s = section_of(doc, "signoff")) {
        // The sign-off is one piece: its heading, words and lines never part.
        fragment f = stack(section_flow(*s, width, ctx));
        add({std::move(f)});
    }
    return flow;
}

context make_context(const font_metrics& m, const page_style& st, double body, std::set<char32_t>* unpaintable) {
    context ctx;
    ctx.metrics_ = &m;
    ctx.style_ = &st;
    ctx.body = body;
    ctx.small = 8;
    ctx.h1 = std::max(8.0, st.h1 * body / st.body);
    ctx.h2 = std::max(8.0, st.h2 * body / st.body);
    ctx.gap_scale = 1.0 - (st.body - body) * 0.35;
    ctx.unpaintable = unpaintable;
    return ctx;
}

void add_footers(std::vector<page>& pages, const page_style& st, const context& ctx) {
    const std::size_t total = pages.size();
    for (std::size_t i = 0; i < total; ++i) {
        const std::string label = "page " + std::to_string(i + 1) + " of " + std::to_string(total);
        const double w = ctx.metrics().width(label, font_face::regular, ctx.small);
        pages[i].items.push_back({text_run{st.width - st.margin_right - w, st.margin_bottom + ctx.metrics().descent(ctx.small) + 0.5,
                                           font_face::regular, ctx.small, st.muted, label}});
    }
}

std::string code_point_name(char32_t cp) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", static_cast<unsigned>(cp));
    return buffer;
}

}  // namespace

paged_document layout_document(const view::document& doc, const font_metrics& metrics, const layout_options& options,
                               diagnostic_sink& diags) {
    const page_style st = read_style(options.style, options.paper);
    const bool full = options.template_name == "full";
    const double width = st.content_width();
    page_frame frame{st.width, st.height, st.margin_top, st.margin_bottom, st.margin_left, 0};
    std::set<char32_t> unpaintable;

    paged_document out;
    out.title = doc.title;
    out.author = doc.seller.name;
    out.subject = doc.deal_name;
    out.lang = doc.lang;
    out.fonts = metrics.choice();

    std::vector<fragment> flow;
    std::vector<std::string> notes;
    context ctx = make_context(metrics, st, st.body, &unpaintable);
    if (full) {
        frame.footer = ctx.leading(ctx.small) + 4;
        flow = document_flow(doc, width, true, ctx);
    } else {
        bool fits = false;
        for (double body = st.body; body >= 8.0 - 1e-9 && !fits; body -= 0.25) {
            ctx = make_context(metrics, st, body, &unpaintable);
            flow = document_flow(doc, width, false, ctx);
            fits = stacked_height(flow) <= frame.content_height();
        }
        condense_state state;
        while (!fits && state.next(doc)) {
            notes.clear();
            flow = document_flow(condense(doc, state, notes), width, false, ctx);
            fits = stacked_height(flow) <= frame.content_height();
        }
        if (!notes.empty()) {
            std::string message = "the plan was condensed to fit one page at 8 pt: ";
            for (std::size_t i = 0; i < notes.size(); ++i) message += (i ? ", " : "") + notes[i];
            diags.warning("O510", message, {}, {"render with --template full to see every row"});
        }
        if (!fits)
            diags.warning("O510", "the plan does not fit on one page even condensed; it continues on a second page", {},
                          {"shorten the summary or render with --template full"});
    }
    out.pages = paginate(flow, frame);
    if (full) add_footers(out.pages, st, ctx);

    if (!unpaintable.empty()) {
        std::string list;
        for (char32_t cp : unpaintable) list += (list.empty() ? "" : ", ") + code_point_name(cp);
        const std::string with = metrics.can_paint(U'\u25A1') ? "\u25A1" : "?";
        diags.warning("O511", "characters no available font can paint were replaced with " + with + ": " + list, {},
                      {"remove emoji and other symbols from the plan, or use words instead"});
    }
    return out;
}

}  // namespace closeplan::layout

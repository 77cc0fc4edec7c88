// SPDX-License-Identifier: MIT
// The document on pages: sections in the buyer plan's order, fitted to one page or flowed over many.
#include "layout/layout_document.hpp"
#include "layout/mirror.hpp"

#include <algorithm>
#include <cstdint>
#include <limits>
#include <list>
#include <optional>
#include <set>
#include <span>

#include "layout/condense.hpp"
#include "layout/layout_parts.hpp"
#include "layout/structure_tags.hpp"
#include "view/section_table.hpp"
#include "layout/upper_case.hpp"

namespace closeplan::layout {

namespace {

using namespace detail;

const view::section* section_of(const view::document& doc, std::string_view key) {
    const auto* s = doc.find_section(key);
    return s && !s->content.empty() ? s : nullptr;
}

// A section's blocks; a heading directly before a fact list shares its line.
std::vector<fragment> section_body(std::span<const view::block> content, const std::vector<const view::block*>& skip,
                                   double width, const context& ctx) {
    std::vector<fragment> out;
    for (std::size_t i = 0; i < content.size(); ++i) {
        const auto& b = content[i];
        if (std::find(skip.begin(), skip.end(), &b) != skip.end()) continue;
        std::vector<fragment> parts;
        const auto* h = std::get_if<view::heading>(&b.value);
        const auto* facts = i + 1 < content.size() ? std::get_if<view::fact_list>(&content[i + 1].value) : nullptr;
        if (h && facts) {
            parts.push_back(layout_facts(*facts, width, ctx.body, ctx, &h->content));
            tag(parts.back(), tag_role::p);
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

// The figure shown on the heading's line: the section's first block its builder
// marked as one (milestone progress, value-map coverage, the sign-off's words).
const view::block* figure_of(const view::section& s) {
    for (const auto& b : s.content)
        if (b.role == view::block_role::figure) return &b;
    return nullptr;
}

// A section's title with its figure on the same line when there is room.
fragment heading_of(const std::string& title, const view::block* figure, double width, const context& ctx,
                    const view::timeline* strip) {
    fragment fig;
    double fig_w = 0;
    if (figure) {
        if (const auto* all = std::get_if<view::fact_list>(&figure->value)) {
            // The timeline's key already counts each side's steps.
            view::fact_list shown{all->key, {}};
            for (const auto& fact : all->facts)
                if (!(strip && !strip->legend.empty() && (fact.key == "buyer" || fact.key == "seller" || fact.key == "both")))
                    shown.facts.push_back(fact);
            fig_w = std::min(width, measure_facts(shown, ctx.small, ctx).natural + 1);
            fig = layout_facts(shown, fig_w, ctx.small, ctx);
        } else if (const auto* p = std::get_if<view::paragraph>(&figure->value)) {
            fig_w = std::min(width, measure(flow_span{&p->content, {font_face::regular, ctx.style().muted, false}, 0, false},
                                            {ctx.small, view::align::left}, ctx).natural + 1);
            fig = flow(p->content, fig_w, {ctx.small, view::align::left}, ctx, {font_face::regular, ctx.style().muted, false});
        }
        tag(fig, tag_role::p);  // read after the title it sits beside
    }
    return section_heading(title, figure ? &fig : nullptr, fig_w, width, ctx);
}

std::vector<fragment> section_flow(const view::section& s, double width, const context& ctx,
                                   const view::timeline* strip = nullptr) {
    const view::block* figure = figure_of(s);
    auto out = fragments(heading_of(s.title, figure, width, ctx, strip));
    if (strip) out.push_back(timeline_strip(*strip, width, ctx));
    for (auto& f : section_body(s.content, {figure}, width, ctx)) out.push_back(std::move(f));
    return out;
}

// A merged_table pair as one table under both titles, the base's title first and
// the detail's figure on the line (stakeholders with their value-map rows as second
// lines); empty when the rows do not pair up.
std::vector<fragment> merged_flow(const view::section& base, const view::section& detail, double width,
                                  const context& ctx) {
    auto table = merged_people_table(base, detail, width, ctx);
    if (table.empty()) return {};
    auto out = fragments(heading_of(base.title + " \u00b7 " + detail.title, figure_of(detail), width, ctx, nullptr));
    for (auto& f : table) out.push_back(std::move(f));
    return out;
}

// The gap between groups stacked in one summary column.
double group_gap(const context& ctx) { return ctx.style().paragraph_gap * ctx.gap_scale * 2; }

// Stacks parts [from, to) as one column, a group gap between them.
fragment column_of(const std::vector<fragment>& parts, std::size_t from, std::size_t to, const context& ctx) {
    std::vector<fragment> c(parts.begin() + static_cast<std::ptrdiff_t>(from), parts.begin() + static_cast<std::ptrdiff_t>(to));
    for (std::size_t i = 0; i < c.size(); ++i) c[i].space_before = i ? group_gap(ctx) : 0;
    return stack(std::move(c));
}

// What column_of(parts, from, to).height would be, without building the column
// (summed in the same order, so the figures are the same to the last bit).
double column_height(const std::vector<fragment>& parts, std::size_t from, std::size_t to, const context& ctx) {
    double h = 0;
    for (std::size_t i = from; i < to; ++i) {
        if (i > from) h += group_gap(ctx);
        h += parts[i].height;
    }
    return h;
}

// The summary's groups (a heading and what follows it) in two or three balanced
// columns, whichever is shorter: a long outcome beside short criteria wastes a column.
// Cuts are compared by height (measured only); only the shortest is laid out.
fragment summary_columns(const view::section& s, double width, const context& ctx) {
    std::vector<std::span<const view::block>> groups;
    for (std::size_t i = 0; i < s.content.size(); ++i) {
        if (groups.empty() || std::holds_alternative<view::heading>(s.content[i].value)) groups.emplace_back(&s.content[i], 0);
        groups.back() = {groups.back().data(), groups.back().size() + 1};
    }
    context measuring = ctx;
    measuring.measure_only = true;
    const double gap = ctx.style().column_gap;
    auto column_width = [&](std::size_t n) { return (width - gap * static_cast<double>(n - 1)) / static_cast<double>(n); };
    auto groups_at = [&](double col, const context& c) {
        std::vector<fragment> parts;
        for (const auto& g : groups) parts.push_back(stack(section_body(g, {}, col, c)));
        return parts;
    };
    struct choice {
        std::size_t n = 0, a = 0, b = 0;
    } best;
    std::vector<fragment> best_parts;  // as measured
    double best_h = std::numeric_limits<double>::infinity();
    for (std::size_t n = 2; n <= std::max<std::size_t>(2, std::min<std::size_t>(3, groups.size())); ++n) {
        auto parts = groups_at(column_width(n), measuring);
        const std::size_t k = parts.size();
        // Every way to cut the groups into n runs (the last ones may be empty).
        for (std::size_t a = 1; a <= k; ++a)
            for (std::size_t b = n == 3 ? a : k; b <= k; ++b) {
                double h = std::max(column_height(parts, 0, a, ctx), column_height(parts, a, b, ctx));
                if (n == 3) h = std::max(h, column_height(parts, b, k, ctx));
                if (h >= best_h - 0.01) continue;
                best_h = h;
                best = {n, a, b};
            }
        if (best.n == n) best_parts = std::move(parts);
    }
    if (best.n == 0) return {};
    const double col = column_width(best.n);
    // When only heights are wanted, the measured groups are the answer.
    const auto parts = ctx.measure_only ? std::move(best_parts) : groups_at(col, ctx);
    auto cols = fragments(column_of(parts, 0, best.a, ctx), column_of(parts, best.a, best.b, ctx));
    if (best.n == 3) cols.push_back(column_of(parts, best.b, parts.size(), ctx));
    return side_by_side(std::move(cols), std::vector<double>(best.n, col), ctx);
}

// Two sections side by side, the page split where the taller of them is shortest.
// Splits are compared by height (measured only); the best one is laid out.
fragment paired_sections(const view::section& left, const view::section& right, double width, const context& ctx) {
    const double room = width - ctx.style().column_gap;
    context measuring = ctx;
    measuring.measure_only = true;
    double best_share = 0;
    fragment l, r;  // the best split as measured
    double best_h = std::numeric_limits<double>::infinity();
    // Even halves first, so a tie keeps them.
    for (double share : {0.5, 0.45, 0.55, 0.4, 0.6, 0.35, 0.65}) {
        const double lw = room * share;
        fragment ml = stack(section_flow(left, lw, measuring));
        if (ml.height >= best_h - 0.01) continue;  // no better, however short the right column is
        fragment mr = stack(section_flow(right, room - lw, measuring));
        const double h = std::max(ml.height, mr.height);
        if (h >= best_h - 0.01) continue;
        best_h = h;
        best_share = share;
        l = std::move(ml);
        r = std::move(mr);
    }
    const double lw = room * best_share;
    if (!ctx.measure_only) {
        l = stack(section_flow(left, lw, ctx));
        r = stack(section_flow(right, room - lw, ctx));
    }
    return side_by_side(fragments(std::move(l), std::move(r)), {lw, room - lw}, ctx);
}

// How the one page is put together; the fitter tries the roomier ways first.
struct flow_choice {
    bool columns = true;        ///< pairs meant to sit side by side do (false: --template full)
    bool merge_people = false;  ///< a merged_table pair is one table when its rows pair up
};

// A section alone, shaped by its row of the section table (view/section_table.hpp).
std::vector<fragment> placed_section(const view::section& s, const view::document& doc, double width,
                                     const context& ctx) {
    const auto* entry = view::find_section_entry(s.key);
    const view::layout_hints hints = entry ? entry->layout : view::layout_hints{};
    if (hints.balanced_columns) {
        fragment body = summary_columns(s, width, ctx);
        body.space_before = 0;
        return fragments(section_heading(s.title, nullptr, 0, width, ctx), std::move(body));
    }
    const view::timeline* strip = hints.timeline_strip && doc.schedule ? &*doc.schedule : nullptr;
    auto out = section_flow(s, width, ctx, strip);
    if (hints.keep_together) return fragments(stack(std::move(out)));
    return out;
}

// Sections in the order the page places them (view::page_rows): each alone, or a
// pair side by side or merged into one table when the choice allows and both
// have content. Empty sections take no room.
std::vector<fragment> document_flow(const view::document& doc, double width, flow_choice choice, const context& ctx) {
    auto flow = fragments(title_block(doc, width, ctx));
    auto add = [&](std::vector<fragment> parts) {
        for (auto& p : parts) flow.push_back(std::move(p));
    };
    for (const auto& row : view::page_rows(doc)) {
        if (row.size() == 2 && !row.sections[0]->content.empty() && !row.sections[1]->content.empty()) {
            const auto& lead = *row.sections[0];
            const auto& partner = *row.sections[1];
            if (row.pair == view::pairing::beside && choice.columns) {
                flow.push_back(paired_sections(lead, partner, width, ctx));
                continue;
            }
            if (row.pair == view::pairing::merged_table && choice.merge_people) {
                auto merged = merged_flow(partner, lead, width, ctx);
                if (!merged.empty()) {
                    add(std::move(merged));
                    continue;
                }
            }
        }
        for (std::size_t i = 0; i < row.size(); ++i)
            if (!row.sections[i]->content.empty()) add(placed_section(*row.sections[i], doc, width, ctx));
    }
    return flow;
}

// Whether the fitter may try a merged table: the document has both sections of a
// merged_table pair with content, and their rows pair up. (Asked of the sections
// alone, --sections or not, so pages made before the section table stay the same.)
bool can_merge_tables(const view::document& doc) {
    for (const auto& entry : view::section_table()) {
        if (entry.layout.pair != view::pairing::merged_table) continue;
        const auto* lead = section_of(doc, entry.key);
        const auto* partner = section_of(doc, entry.layout.pair_with);
        if (lead && partner && people_pair_up(*partner, *lead)) return true;
    }
    return false;
}

// One fitting attempt: the body size and how tall the page came out.
struct tried_size {
    double body, height;
};

// Whether the page probably fits at `body`, extrapolating from the last two sizes
// tried (height falls about linearly as the type shrinks). Only a guess of which
// attempt to lay out in full; never decides what fits.
bool probably_fits(const std::vector<tried_size>& tried, double body, double limit) {
    if (tried.size() < 2) return false;
    const auto& a = tried[tried.size() - 2];
    const auto& b = tried.back();
    const double per_point = (b.height - a.height) / (b.body - a.body);
    return b.height + per_point * (body - b.body) <= limit;
}

context make_context(const font_metrics& m, const page_style& st, double body, std::set<char32_t>* unpaintable,
                     token_cache* words) {
    context ctx;
    ctx.words = words;
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

// The rows of a section's tables and the items of its lists that name something.
std::size_t rows_in(const view::section& s) {
    std::size_t n = 0;
    for (const auto& b : s.content) {
        if (const auto* t = std::get_if<view::data_table>(&b.value))
            n += static_cast<std::size_t>(std::count_if(t->rows.begin(), t->rows.end(), [](const view::table_row& r) {
                return !r.cells.empty() && !r.cells.front().empty();
            }));
        else if (const auto* l = std::get_if<view::bullet_list>(&b.value))
            n += l->items.size();
    }
    return n;
}

// A height the page flow of `doc` never comes out shorter than, at any type size
// and whichever way the fitter places the sections: half an 8 pt line for each
// table row and list item, a pair of sections counting the one with more.
// The fitter skips laying out an attempt whose room is less than this (a plan of
// 20,000 stakeholders, at every size, before condensing can help); as the attempt
// could not have fitted, what it picks is the same.
double least_height(const view::document& doc, const context& ctx) {
    std::size_t rows = 0;
    for (const auto& row : view::page_rows(doc)) {
        std::size_t most = 0;
        for (std::size_t i = 0; i < row.size(); ++i) most = std::max(most, rows_in(*row.sections[i]));
        rows += most;
    }
    return static_cast<double>(rows) * ctx.leading(8) / 2;
}

// Whether the first size is laid out in full rather than measured: a plan whose
// least height is under an eighth of the room (a one-page pilot or batch deal:
// 0.04-0.1; the plans that need a smaller size or condensing: 0.17 and more).
// Such a plan almost always fits at once, and a fit at a measured size is laid
// out again; a guess like probably_fits, never deciding what fits.
bool short_for(const view::document& doc, const std::vector<tried_size>& tried, double room, const context& ctx) {
    return tried.empty() && least_height(doc, ctx) * 8 <= room;
}

// `ctx` with the cap on one text's height that `from` has.
context with_cap(context ctx, const context& from) {
    ctx.max_flow_height = from.max_flow_height;
    ctx.cut_texts = from.cut_texts;
    return ctx;
}

}  // namespace

namespace {

// A step with many levels left (people rows, given up one at a time) is settled by
// bisection rather than one level per attempt: each level only removes rows, so the
// page is shorter the higher the level, and the fewest that fit are found in a handful
// of attempts, each a copy of the whole document. Tried one by one, a plan of 20,000
// stakeholders copied itself some sixty times. When even the whole step does not fit,
// `state` is left at its last level so that the policy goes on to its next step.
// Returns whether a level fitted; `condensed` and `notes` are then that level's.
template <class TryPage>
bool fewest_levels_that_fit(const view::document& doc, condense_state& state, std::optional<view::document>& condensed,
                            std::vector<std::string>& notes, TryPage& try_page) {
    constexpr std::size_t worth_bisecting = 4;
    const std::size_t levels = state.levels(doc);
    if (levels < state.level + worth_bisecting) return false;
    const auto attempt = [&](std::size_t level, std::vector<std::string>& made_notes) {
        condense_state s = state;
        s.level = level;
        made_notes.clear();
        auto d = condense(doc, s, made_notes);
        const bool ok = try_page(d, false).second;
        return std::pair{std::move(d), ok};
    };
    std::vector<std::string> most_notes;
    auto [most, fits] = attempt(levels, most_notes);
    if (!fits) {
        state.level = levels;
        condensed = std::move(most);
        notes = std::move(most_notes);
        return false;
    }
    std::size_t fails = state.level, fit = levels;  // the level that failed, the least known to fit
    condensed = std::move(most);
    notes = std::move(most_notes);
    while (fit - fails > 1) {
        const std::size_t mid = fails + (fit - fails) / 2;
        std::vector<std::string> mid_notes;
        auto [d, ok] = attempt(mid, mid_notes);
        if (!ok) {
            fails = mid;
            continue;
        }
        fit = mid;
        condensed = std::move(d);
        notes = std::move(mid_notes);
    }
    state.level = fit;
    return true;
}

// What the fitter settled on: the flow to paginate and what it had to do for it.
struct fitted {
    std::vector<fragment> flow;
    std::vector<std::string> notes;  ///< condensed parts, for the O510 warning
    std::size_t pages_allowed = 1;   ///< 1, or 2 when the plan took its second page
    bool fits = false;               ///< within pages_allowed
    bool never_drop_cut = false;     ///< a last-resort step hid something never dropped
};

// The buyer plan on at most `pages` pages: the largest type first with every table
// as the HTML has it; then stakeholders and value map in one table; then, at 8 pt,
// the condensing policy (condense.cpp) up to what is never dropped, and past it only
// when `last_resort`; `at_floor` starts at 8 pt (a larger size is known not to fit). Attempts only measure heights, and the chosen one is laid out
// in full at the end; except an attempt the heights before it say will probably
// fit, which is laid out in full at once and kept when it does fit. A wrong guess
// costs time, never a different page: both ways give the same fragments. A flow that
// does not fit is laid out only when `lay_out_unfit` (the caller will print it): the
// caller that goes on to two pages would throw it away, and for a plan of thousands
// of people rows that layout was most of the time spent.
fitted fit_pages(const view::document& doc, const font_metrics& metrics, const page_style& st, const page_frame& frame,
                 std::size_t pages, bool last_resort, bool at_floor, bool lay_out_unfit, std::set<char32_t>* unpaintable,
                 token_cache* words, context& ctx) {
    const double width = st.content_width();
    const bool can_merge = can_merge_tables(doc);
    // One page is a height; two are a count of page breaks, with headings kept with what follows.
    const double room = frame.content_height() * static_cast<double>(pages);
    const auto within = [&](const std::vector<fragment>& f, double height) {
        return pages == 1 ? height <= frame.content_height() : page_starts(f, frame).size() <= pages;
    };
    fitted out;
    out.pages_allowed = pages;
    flow_choice choice;
    const context cap = ctx;  // the cap on one text's height, kept at every size
    std::optional<std::vector<fragment>> kept;  // the flow of a full attempt that fitted
    // Texts cut in the laid-out flow only: an attempt at a larger size may cut what the chosen one does not.
    const auto forget_cuts = [&] {
        if (ctx.cut_texts) ctx.cut_texts->clear();
    };
    const auto try_page = [&](const view::document& d, bool in_full) {
        if (const double least = least_height(d, ctx); least > room) return std::pair{least, false};
        context attempt = ctx;
        attempt.measure_only = !in_full;
        if (in_full) forget_cuts();
        auto f = document_flow(d, width, choice, attempt);
        const double height = stacked_height(f);
        const bool ok = within(f, height);
        if (in_full && ok) kept = std::move(f);
        return std::pair{height, ok};
    };
    for (const bool merge : {false, true}) {
        if (out.fits || (merge && !can_merge)) break;
        choice.merge_people = merge;
        std::vector<tried_size> tried;
        for (double body = at_floor ? 8.0 : st.body; body >= 8.0 - 1e-9 && !out.fits; body -= 0.25) {
            ctx = with_cap(make_context(metrics, st, body, unpaintable, words), cap);
            const auto [height, ok] = try_page(doc, probably_fits(tried, body, room) || short_for(doc, tried, room, ctx));
            tried.push_back({body, height});
            out.fits = ok;
        }
    }
    condense_state state;
    std::optional<view::document> condensed;
    while (!out.fits && state.next(doc, last_resort)) {
        out.notes.clear();
        condensed = condense(doc, state, out.notes);
        out.fits = try_page(*condensed, false).second;
        if (!out.fits) out.fits = fewest_levels_that_fit(doc, state, condensed, out.notes, try_page);
    }
    // Steps taken on the way that the page turns out not to need are given back, the
    // latest (most valued) first; one the page cannot take back is skipped and the
    // earlier ones still tried, so the page is as full as it can be (contact details
    // come back when only the notes had to go). Never once a step is hidden.
    if (out.fits && condensed && !state.past_never_drop())
        for (const std::size_t i : state.taken_before(doc)) {
            condense_state fewer = state;
            fewer.given_back |= std::uint32_t{1} << i;
            std::vector<std::string> notes;
            auto d = condense(doc, fewer, notes);
            if (!try_page(d, false).second) continue;
            state = fewer;
            condensed = std::move(d);
            out.notes = std::move(notes);
            kept.reset();
        }
    out.never_drop_cut = condensed && state.past_never_drop();
    if (!kept) forget_cuts();
    if (kept) out.flow = std::move(*kept);
    else if (out.fits || lay_out_unfit) out.flow = document_flow(condensed ? *condensed : doc, width, choice, ctx);
    return out;
}

// The section titles a laid-out fragment starts (its bold runs that read as a section heading).
std::vector<std::string> titles_in(const view::document& doc, const fragment& f) {
    std::vector<std::string> found;
    for (const auto& it : f.items) {
        const auto* run = std::get_if<text_run>(&it.value);
        if (!run || run->face != font_face::bold) continue;
        for (const auto& s : doc.sections)
            if (!s.content.empty() && !s.title.empty() && run->text.starts_with(upper_case(s.title)) &&
                std::find(found.begin(), found.end(), s.title) == found.end())
                found.push_back(s.title);
    }
    return found;
}

// What the flow puts on page 2, for the warning: the sections whose headings are
// there, and the one whose rows run on to it ("Milestones (continued)").
std::vector<std::string> moved_sections(const view::document& doc, const std::vector<fragment>& flow,
                                        const page_frame& frame) {
    const auto starts = page_starts(flow, frame);
    std::vector<std::string> moved;
    if (starts.size() < 2) return moved;
    std::string current;
    for (std::size_t i = 0; i < flow.size(); ++i) {
        const auto titles = titles_in(doc, flow[i]);
        if (i == starts[1] && !current.empty() && (titles.empty() || titles.front() != current) && !flow[i].keep_with_next)
            moved.push_back(current + " (continued)");
        if (i >= starts[1])
            for (const auto& t : titles)
                if (std::find(moved.begin(), moved.end(), t) == moved.end()) moved.push_back(t);
        if (!titles.empty()) current = titles.back();
    }
    return moved;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (std::size_t i = 0; i < parts.size(); ++i) out += (i ? ", " : "") + parts[i];
    return out;
}

}  // namespace

paged_document layout_document(const view::document& doc, const font_metrics& metrics, const layout_options& options,
                               diagnostic_sink& diags) {
    const page_style st = remembered_style(options.style_tokens(), options.paper);
    const bool full = options.template_name == "full";
    const double width = st.content_width();
    page_frame frame{st.width, st.height, st.margin_top, st.margin_bottom, st.margin_left, 0};
    std::set<char32_t> unpaintable;
    std::set<std::string> cut_texts;
    token_cache words(doc);  // doc outlives it: its text is found by address

    paged_document out;
    out.title = doc.title;
    out.author = doc.seller.name;
    out.subject = doc.deal_name;
    out.lang = doc.lang;
    out.fonts = metrics.choice();

    std::vector<fragment> flow;
    context ctx = make_context(metrics, st, st.body, &unpaintable, &words);
    bool footers = full;
    std::optional<fragment> head;
    std::list<view::inlines> head_text;
    if (full) {
        frame.footer = ctx.leading(ctx.small) + 4;
        flow = document_flow(doc, width, {.columns = false}, ctx);
    } else {
        // One text may take a third of the page: an overlong field is cut (visibly,
        // with a warning) rather than pushing steps off the one or two pages.
        ctx.max_flow_height = frame.content_height() / 3;
        ctx.cut_texts = &cut_texts;
        // One page first; in --fit one-page the policy then goes on past what is
        // never dropped (completed and later steps first, never the signature).
        const bool one_page = options.fit == "one-page";
        auto fit = fit_pages(doc, metrics, st, frame, 1, one_page, false, one_page, &unpaintable, &words, ctx);
        std::vector<std::string> moved;
        if (!fit.fits && !one_page) {
            // What is never dropped does not fit one page at 8 pt: a second page, with the
            // footers and the title line atop it, instead of hiding steps.
            frame.footer = ctx.leading(ctx.small) + 4;
            head = running_head(doc, width, ctx, head_text);
            frame.running_head = head->height;
            fit = fit_pages(doc, metrics, st, frame, 2, false, false, false, &unpaintable, &words, ctx);
            // Not even two pages hold it: say so, then the last resort, never the signature.
            if (!fit.fits) {
                auto last = fit_pages(doc, metrics, st, frame, 2, true, true, true, &unpaintable, &words, ctx);
                last.never_drop_cut = true;
                fit = std::move(last);
            }
            footers = true;
            moved = moved_sections(doc, fit.flow, frame);
        }
        flow = std::move(fit.flow);
        // One warning names every condensed or moved part.
        std::vector<std::string> told;
        if (fit.pages_allowed == 2)
            told.push_back("it takes two pages" + (moved.empty() ? std::string() : " (page 2: " + joined(moved) + ")"));
        if (fit.never_drop_cut)
            told.push_back(std::string(one_page ? "one page" : "even two pages") +
                           " cannot hold every open, overdue and slipped step at 8 pt");
        if (!fit.notes.empty()) told.push_back("condensed at 8 pt: " + joined(fit.notes));
        if (!fit.fits) told.push_back("even condensed it continues on more pages");
        if (!told.empty())
            diags.warning("O510", "the buyer plan does not fit one page: " + [&] {
                std::string m;
                for (std::size_t i = 0; i < told.size(); ++i) m += (i ? "; " : "") + told[i];
                return m;
            }(), {}, {"add `--template full` to the same render command to see every row (HTML and Markdown keep their page)"});
    }
    out.pages = paginate(std::move(flow), frame);
    if (head) add_running_heads(out.pages, *head, frame);
    if (footers) add_footers(out.pages, st, ctx, doc);

    if (!cut_texts.empty()) {
        std::string which;
        for (const auto& t : cut_texts) which += (which.empty() ? "\"" : ", \"") + t + "\"";
        diags.warning("O536",
                      "the buyer plan cuts " + std::to_string(cut_texts.size()) + (cut_texts.size() == 1 ? " text" : " texts") +
                          " taller than a third of the page, ending with \u2026: " + which,
                      {}, {"shorten the text in the plan; `--template full`, the HTML and the Markdown show it whole"});
    }
    report_unpaintable(unpaintable, metrics, diags);
    mirror_for_right_to_left(out);
    return out;
}

}  // namespace closeplan::layout

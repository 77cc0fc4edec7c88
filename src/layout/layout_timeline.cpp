// SPDX-License-Identifier: MIT
// The timeline strip: milestones as coloured markers on a date axis, "#n" labels staggered, today marked.
#include <algorithm>
#include <cmath>
#include <limits>

#include "layout/layout_parts.hpp"
#include "layout/structure_tags.hpp"

namespace closeplan::layout::detail {

namespace {

constexpr std::size_t max_levels = 3;
constexpr double label_gap = 3;  // between two labels on one row
constexpr double marker = 5.4;   // marker diameter
constexpr double ring = 1.6;     // the overdue ring's distance outside the marker

// Marks on the same day share one label ("#7 #8") and sit side by side.
struct group {
    int day = 0;
    std::vector<const view::timeline_mark*> marks;
    std::string text;
    double width = 0, x = 0;
    std::size_t level = 0;
};

std::vector<group> groups_of(const view::timeline& t) {
    std::vector<const view::timeline_mark*> by_day;
    for (const auto& m : t.marks) by_day.push_back(&m);
    std::stable_sort(by_day.begin(), by_day.end(), [](const auto* a, const auto* b) { return a->day < b->day; });
    std::vector<group> out;
    for (const auto* m : by_day) {
        if (out.empty() || out.back().day != m->day) out.push_back(group{m->day, {}, {}, 0, 0, 0});
        auto& g = out.back();
        g.text += (g.marks.empty() ? "" : " ") + m->label;
        g.marks.push_back(m);
    }
    return out;
}

// Greedy rows: each label goes on the lowest row where it clears the previous one;
// when none does, on the row that ends first, moved right. Returns the rows used.
std::size_t stagger(std::vector<group>& groups, double width) {
    std::vector<double> row_end(max_levels, -std::numeric_limits<double>::infinity());
    std::size_t used = 0;
    for (auto& g : groups) {
        double x = std::clamp(g.x - g.width / 2, 0.0, std::max(0.0, width - g.width));
        std::size_t level = max_levels;
        for (std::size_t l = 0; l < max_levels && level == max_levels; ++l)
            if (row_end[l] + label_gap <= x) level = l;
        if (level == max_levels) {
            level = static_cast<std::size_t>(std::min_element(row_end.begin(), row_end.end()) - row_end.begin());
            x = row_end[level] + label_gap;
        }
        g.x = x;
        g.level = level;
        row_end[level] = x + g.width;
        used = std::max(used, level + 1);
    }
    // Labels pushed past the right end move back left, each clearing the next.
    for (std::size_t l = 0; l < max_levels; ++l) {
        double limit = width;
        for (auto it = groups.rbegin(); it != groups.rend(); ++it) {
            if (it->level != l) continue;
            it->x = std::max(0.0, std::min(it->x, limit - it->width));
            limit = it->x - label_gap;
        }
    }
    return used;
}

struct tick_label {
    std::string text;
    double anchor = 0;  ///< where the tick is
    int align = 0;      ///< -1 starts at the anchor's left, 0 centred, 1 ends at it
    font_face face = font_face::regular;
    color fill;
    bool movable = false;  ///< may step aside for a label placed before it (else it is left out)
};

// Places tick labels in order of importance; one that cannot clear those before it is left out.
std::vector<std::pair<double, const tick_label*>> place_ticks(const std::vector<tick_label>& ticks, double width,
                                                              const context& ctx) {
    std::vector<std::pair<double, const tick_label*>> placed;
    std::vector<std::pair<double, double>> taken;
    for (const auto& t : ticks) {
        const double w = ctx.metrics().width(t.text, t.face, ctx.small);
        if (w > width) continue;
        int align = t.align;
        // Near an end a centred label would be pushed off its tick: it hangs from the tick instead.
        if (align == 0 && t.anchor + w / 2 > width) align = 1;
        if (align == 0 && t.anchor - w / 2 < 0) align = -1;
        const double want = std::clamp(align < 0 ? t.anchor : align > 0 ? t.anchor - w : t.anchor - w / 2, 0.0, width - w);
        auto clear = [&](double x) {
            if (x < -1e-9 || x + w > width + 1e-9) return false;
            return std::all_of(taken.begin(), taken.end(), [&](const auto& s) { return x + w + label_gap * 2 <= s.first || x >= s.second + label_gap * 2; });
        };
        std::vector<double> tries{want};
        if (t.movable)
            for (const auto& s : taken) tries.push_back(s.second + label_gap * 2), tries.push_back(s.first - label_gap * 2 - w);
        double best = std::numeric_limits<double>::infinity();
        for (double x : tries)
            if (clear(x) && std::abs(x - want) < std::abs(best - want)) best = x;
        if (!std::isfinite(best)) continue;
        placed.emplace_back(best, &t);
        taken.emplace_back(best, best + w);
    }
    return placed;
}

void circle(fragment& f, double cx, double cy, double d, std::optional<color> fill, std::optional<color> stroke, double sw) {
    f.items.push_back({box{cx - d / 2, cy - d / 2, d, d, fill, stroke, sw, d / 2}});
}

// The colour key, one line per side, in the strip's left margin, `width` wide.
fragment legend(const view::timeline& t, double width, const context& ctx) {
    fragment f;
    const double size = ctx.small, lead = ctx.leading(size);
    const double asc = ctx.metrics().ascent(size), desc = ctx.metrics().descent(size);
    for (const auto& [side, label] : t.legend) {
        const std::string text = ctx.paintable(label);
        circle(f, marker / 2, f.height + lead / 2, marker, ctx.style().tone_color(side), std::nullopt, 0);
        const double text_width = ctx.metrics().width(text, font_face::regular, size);
        f.items.push_back({text_run{marker + 3, f.height + (lead - asc - desc) / 2 + asc, font_face::regular, size,
                                    ctx.style().text, text, text_width, 0, width}});
        f.height += lead;
    }
    return f;
}

double legend_width(const view::timeline& t, const context& ctx) {
    double w = 0;
    for (const auto& entry : t.legend)
        w = std::max(w, ctx.metrics().width(ctx.paintable(entry.second), font_face::regular, ctx.small));
    return w > 0 ? w + marker + 3 : 0;
}

fragment axis_strip(const view::timeline& t, double width, const context& ctx) {
    fragment f;
    const auto& st = ctx.style();
    const double size = ctx.small, lead = ctx.leading(size);
    const double asc = ctx.metrics().ascent(size), desc = ctx.metrics().descent(size);
    auto groups = groups_of(t);
    std::size_t widest = 1;
    for (const auto& g : groups) widest = std::max(widest, g.marks.size());
    // Markers never cross the margins, even a day's group at either end.
    const double step = marker + 0.8;
    const double inset = step * static_cast<double>(widest) / 2 + ring + 0.5;
    const double span = std::max(1, t.span_days);
    auto at = [&](int day) { return inset + (width - 2 * inset) * std::clamp(day, 0, t.span_days) / span; };
    auto late = [](const group& g) { return std::any_of(g.marks.begin(), g.marks.end(), [](const auto* m) { return m->overdue; }); };
    for (auto& g : groups) {
        g.text = ctx.paintable(g.text);
        g.width = ctx.metrics().width(g.text, late(g) ? font_face::bold : font_face::regular, size);
        g.x = at(g.day);
    }
    std::vector<double> centres;
    for (const auto& g : groups) centres.push_back(g.x);
    const std::size_t rows = std::max<std::size_t>(1, stagger(groups, width));

    const double labels_h = static_cast<double>(rows) * lead;
    const double band = marker / 2 + ring + 0.6;  // half the marker row
    const double axis = labels_h + band;

    // Axis, month ticks, start/close/end ticks, today's line: under the markers.
    f.items.push_back({rule{inset, axis, width - inset, axis, 0.9, st.rule, false}});
    for (int d : t.month_days) f.items.push_back({rule{at(d), axis, at(d), axis + 2, st.rule_thin, st.rule, false}});
    for (int d : {0, t.span_days}) f.items.push_back({rule{at(d), axis - 2.5, at(d), axis + 2.5, 0.8, st.muted, false}});
    f.items.push_back({rule{at(t.close_day), axis - band, at(t.close_day), axis + band, 1.2, st.text, false}});
    f.items.push_back({rule{at(t.today_day), axis - band, at(t.today_day), axis + band, 1.2, st.accent, false}});

    for (std::size_t i = 0; i < groups.size(); ++i) {
        const auto& g = groups[i];
        const double n = static_cast<double>(g.marks.size());
        for (std::size_t k = 0; k < g.marks.size(); ++k) {
            const auto& m = *g.marks[k];
            const double cx = centres[i] + (static_cast<double>(k) - (n - 1) / 2) * step;
            const color side = st.tone_color(m.side);
            if (m.overdue) circle(f, cx, axis, marker + 2 * ring, std::nullopt, st.tone_color(view::tone::bad), 1.0);
            if (m.done) circle(f, cx, axis, marker, side, std::nullopt, 0);
            else circle(f, cx, axis, marker - 0.9, st.background, side, 1.1);
        }
        // Level 0 sits just above the markers; higher levels stack upwards.
        const double top = static_cast<double>(rows - 1 - g.level) * lead;
        const bool done = std::all_of(g.marks.begin(), g.marks.end(), [](const auto* m) { return m->done; });
        const color fill = late(g) ? st.tone_color(view::tone::bad) : done ? st.muted : st.text;
        f.items.push_back({text_run{g.x, top + (lead - asc - desc) / 2 + asc, late(g) ? font_face::bold : font_face::regular,
                                    size, fill, g.text, g.width, 0, width}});
    }

    std::vector<tick_label> ticks{{t.today_label, at(t.today_day), 0, font_face::bold, st.accent, true},
                                  {t.close_label, at(t.close_day), t.close_day >= t.span_days ? 1 : 0, font_face::bold, st.text, true}};
    // The axis ends' dates only where they belong; moved, they would name the wrong tick.
    if (t.today_day > 0 && t.close_day > 0) ticks.push_back({t.start_label, 0, -1, font_face::regular, st.muted, false});
    if (!t.end_label.empty()) ticks.push_back({t.end_label, width, 1, font_face::regular, st.muted, false});
    for (auto& tk : ticks) tk.text = ctx.paintable(tk.text);
    const double ticks_top = axis + band;
    for (const auto& [x, tk] : place_ticks(ticks, width, ctx))
        f.items.push_back({text_run{x, ticks_top + (lead - asc - desc) / 2 + asc, tk->face, size, tk->fill, tk->text,
                                    ctx.metrics().width(tk->text, tk->face, size), 0, width}});
    f.height = ticks_top + lead;
    return f;
}

}  // namespace

fragment timeline_strip(const view::timeline& t, double width, const context& ctx) {
    // The key stands in for the heading's per-side progress figures, so it is always drawn.
    const double key_w = std::min(legend_width(t, ctx), width / 3);
    const bool keyed = key_w > 0;
    const double gap = keyed ? ctx.style().column_gap : 0;
    const fragment axis = axis_strip(t, width - (keyed ? key_w + gap : 0), ctx);
    fragment f;
    f.height = axis.height;
    if (keyed) {
        const fragment key = legend(t, key_w, ctx);
        f.height = std::max(f.height, key.height);
        f.append(key, 0, (f.height - key.height) / 2);
    }
    f.append(axis, keyed ? key_w + gap : 0, (f.height - axis.height) / 2);
    f.space_before = ctx.style().paragraph_gap * ctx.gap_scale;
    // One Figure: its labels ("#3") mean little alone; the alternative text says it all.
    tag_figure(f, t.alt);
    return f;
}

}  // namespace closeplan::layout::detail

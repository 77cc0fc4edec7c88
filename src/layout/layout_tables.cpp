// SPDX-License-Identifier: MIT
// Tables: column widths chosen from measured content, wrapped cells, a shaded header, row rules.
#include <algorithm>
#include <memory>
#include <numeric>

#include "layout/layout_parts.hpp"
#include "layout/structure_tags.hpp"

namespace closeplan::layout::detail {

namespace {

// A column's label is one unit: it breaks inside itself only when wider than its column.
span_style header_style(const context& ctx) { return {font_face::bold, ctx.style().text, true, false, true}; }

span_style cell_style(const table_input::row& r, std::size_t column, const context& ctx) {
    return {r.bold_first && column == 0 ? font_face::bold : font_face::regular, r.muted ? ctx.style().muted : ctx.style().text,
            false, true};
}

// Widths between each column's widest word (or unit) and its one-line width, shrunk in
// proportion; when the widest words do not fit side by side, between the widest parts
// nothing but grapheme clusters can cut and the widest words. Never wider than `width`.
std::vector<double> column_widths(const table_input& t, double width, const context& ctx) {
    const std::size_t n = t.header.size();
    std::vector<double> least(n, 0), lo(n, 0), hi(n, 0);
    const double pad = 2 * ctx.style().cell_x;
    auto take = [&](std::size_t c, const flow_widths& w) {
        least[c] = std::max(least[c], w.least + pad);
        lo[c] = std::max(lo[c], w.minimum + pad);
        hi[c] = std::max(hi[c], w.natural + pad);
    };
    for (std::size_t c = 0; c < n; ++c)
        take(c, measure(flow_span{t.header[c], header_style(ctx), 0, false}, {ctx.small, view::align::left}, ctx));
    for (const auto& r : t.rows) {
        if (r.span_all) continue;
        for (std::size_t c = 0; c < n && c < r.cells.size(); ++c)
            take(c, measure(flow_span{&r.cells[c], cell_style(r, c, ctx), 0, false}, {ctx.body, view::align::left}, ctx));
    }
    const double sum_least = std::accumulate(least.begin(), least.end(), 0.0);
    const double sum_lo = std::accumulate(lo.begin(), lo.end(), 0.0);
    const double sum_hi = std::accumulate(hi.begin(), hi.end(), 0.0);
    std::vector<double> w(n);
    if (sum_hi > width && sum_lo <= width) {
        // Max-min fair shares: short columns keep their one-line width, so a row
        // wraps only in the columns with long text; a column is kept at its
        // one-line width only while the others keep room for their widest words.
        std::vector<bool> fixed(n, false);
        double room = width, open_least_room = sum_lo;
        std::size_t open = n;
        for (bool changed = true; changed && open > 0;) {
            changed = false;
            for (std::size_t c = 0; c < n; ++c) {
                if (fixed[c] || hi[c] > room / static_cast<double>(open)) continue;
                if (room - hi[c] < open_least_room - lo[c]) continue;
                fixed[c] = changed = true;
                w[c] = hi[c];
                room -= hi[c];
                open_least_room -= lo[c];
                --open;
            }
        }
        double open_lo = 0, open_hi = 0;
        for (std::size_t c = 0; c < n; ++c)
            if (!fixed[c]) open_lo += lo[c], open_hi += hi[c];
        const double f = open_hi > open_lo ? std::clamp((room - open_lo) / (open_hi - open_lo), 0.0, 1.0) : 0.0;
        for (std::size_t c = 0; c < n; ++c)
            if (!fixed[c]) w[c] = lo[c] + (hi[c] - lo[c]) * f;
        return w;
    }
    if (sum_hi <= width) {
        // Spare room goes to the columns with the most text.
        for (std::size_t c = 0; c < n; ++c) w[c] = hi[c] + (width - sum_hi) * hi[c] / sum_hi;
    } else if (sum_least <= width) {
        // Units and addresses break where they allow, in proportion.
        const double f = sum_lo > sum_least ? (width - sum_least) / (sum_lo - sum_least) : 0.0;
        for (std::size_t c = 0; c < n; ++c) w[c] = least[c] + (lo[c] - least[c]) * f;
    } else {
        // Even the parts only grapheme cuts can split do not fit: columns whose parts
        // fit an equal share keep them, the others share what is left equally.
        std::vector<bool> fixed(n, false);
        double room = width;
        std::size_t open = n;
        for (bool changed = true; changed && open > 0;) {
            changed = false;
            for (std::size_t c = 0; c < n; ++c) {
                if (fixed[c] || least[c] > room / static_cast<double>(open)) continue;
                fixed[c] = changed = true;
                w[c] = least[c];
                room -= least[c];
                --open;
            }
        }
        for (std::size_t c = 0; c < n; ++c)
            if (!fixed[c]) w[c] = room / static_cast<double>(open);
    }
    return w;
}

}  // namespace

std::vector<fragment> layout_table(const table_input& t, double width, const context& ctx) {
    std::vector<fragment> out;
    const std::size_t n = t.header.size();
    if (n == 0) return out;
    const auto widths = column_widths(t, width, ctx);
    const double cx = ctx.style().cell_x, cy = ctx.style().cell_y * ctx.gap_scale;  // NOLINT
    auto alignment = [&](std::size_t c) { return c < t.alignments.size() ? t.alignments[c] : view::align::left; };

    // A label wrapped in a narrow column ("CARES / ABOUT") makes the header row taller,
    // rather than run its second line into the first row.
    std::vector<fragment> labels;
    double label_height = ctx.leading(ctx.small);
    for (std::size_t c = 0; c < n; ++c) {
        labels.push_back(flow(flow_span{t.header[c], header_style(ctx), 0, false}, widths[c] - 2 * cx,
                              {ctx.small, alignment(c)}, ctx));
        label_height = std::max(label_height, labels.back().height);
    }
    fragment header;
    header.height = label_height + 2 * cy;
    header.items.push_back({box{0, 0, width, header.height, ctx.style().header_bg, std::nullopt, 0, 0}});
    double x = 0;
    for (std::size_t c = 0; c < n; ++c) {
        tag(labels[c], tag_role::th);  // a column header: the painter gives it /Scope /Column (it is in THead)
        header.append(std::move(labels[c]), x + cx, cy);
        x += widths[c];
    }
    header.items.push_back({rule{0, header.height, width, header.height, ctx.style().rule_thin, ctx.style().rule, false}});
    tag(header, tag_role::tr);
    // Repeated atop a page the table runs on to, it is page furniture; the first one is the THead.
    fragment repeated = header;
    tag_artifact(repeated);
    auto shared_header = std::make_shared<const fragment>(std::move(repeated));
    tag(header, tag_role::thead);
    out.push_back(std::move(header));
    out.front().space_before = ctx.style().paragraph_gap * ctx.gap_scale;

    for (const auto& r : t.rows) {
        fragment row;
        double h = 0;
        // Each cell is flowed straight into its row, at its column (flow_into: the
        // items append() would give, without a fragment per cell).
        const auto cell = [&](const flow_span& span, double x_at, double cell_width, view::align a, tag_role role) {
            const std::size_t first = row.items.size();
            h = std::max(h, flow_into(row, x_at + cx, cy, span, cell_width, {ctx.body, a}, ctx));
            tag_items(row.items, {role, new_tag_id()}, first);
        };
        if (r.span_all) {
            cell(flow_span{&r.cells.front(), cell_style(r, 1, ctx), 0, false}, 0, width - 2 * cx, view::align::left,
                 tag_role::td);
        } else {
            x = 0;
            for (std::size_t c = 0; c < n; ++c) {
                static const view::inlines empty;
                const view::inlines* content = c < r.cells.size() ? &r.cells[c] : &empty;
                // The cell that names its row is a row header (/Scope /Row, from its place in TBody).
                cell(flow_span{content, cell_style(r, c, ctx), 0, false}, x, widths[c] - 2 * cx, alignment(c),
                     r.bold_first && c == 0 ? tag_role::th : tag_role::td);
                x += widths[c];
            }
        }
        if (!r.detail.empty()) {
            // Indented a little under the row's name, so it reads as that row's and keeps the width.
            const double indent = std::min(widths[0], ctx.body * 1.5);
            fragment detail = flow(r.detail, width - indent - 2 * cx, {ctx.body, view::align::left}, ctx);
            tag(detail, tag_role::td);
            row.append(std::move(detail), indent + cx, cy + h);
            h += detail.height;
        }
        row.height = h + 2 * cy;
        row.items.push_back({rule{0, row.height, width, row.height, ctx.style().rule_thin * 0.6, ctx.style().rule, false}});
        row.repeat_header = shared_header;
        tag(row, tag_role::tr);
        out.push_back(std::move(row));
    }
    {
        // TBody around the rows, Table around it all, each one element across pages.
        const tag_level body{tag_role::tbody, new_tag_id()};
        for (std::size_t i = 1; i < out.size(); ++i) tag_items(out[i].items, body);
        tag(out, tag_role::table);
    }
    // The header stays with the first row.
    out.front().keep_with_next = true;
    return out;
}

}  // namespace closeplan::layout::detail

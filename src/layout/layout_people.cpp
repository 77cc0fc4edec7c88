// SPDX-License-Identifier: MIT
// Stakeholders and their value in one table: a person's row, then what they care about, the proof and the steps.
#include <algorithm>
#include <deque>
#include <optional>
#include <string>
#include <unordered_map>

#include "layout/layout_parts.hpp"

namespace closeplan::layout::detail {

namespace {

const view::data_table* table_in(const view::section& s) {
    for (const auto& b : s.content)
        if (const auto* t = std::get_if<view::data_table>(&b.value)) return t;
    return nullptr;
}

// A value-map row names its person before the line break (the title follows).
std::string name_in(const view::inlines& cell) {
    view::inlines head;
    for (const auto& n : cell) {
        if (std::holds_alternative<view::line_break>(n.value)) break;
        head.push_back(n);
    }
    return plain_text(head);
}

// The value row of each stakeholder row (or none); nullopt when a value row finds
// no person. People trimmed for the full plan take their value rows with them.
std::optional<std::vector<const view::table_row*>> pair_up(const view::data_table& pt, const view::data_table& vt) {
    const bool trimmed = std::any_of(pt.rows.begin(), pt.rows.end(), [](const auto& r) { return r.row_class == "condensed"; });
    // Each name's person rows, first first: a value row takes the first of its
    // name not taken yet. One pass over each table, however many people there are.
    std::unordered_map<std::string, std::deque<std::size_t>> rows_named;
    for (std::size_t i = 0; i < pt.rows.size(); ++i) {
        const auto& pr = pt.rows[i];
        if (pr.row_class == "condensed" || pr.cells.empty()) continue;
        rows_named[plain_text(pr.cells.front())].push_back(i);
    }
    std::vector<const view::table_row*> value_of(pt.rows.size(), nullptr);
    for (const auto& vr : vt.rows) {
        // A condensed line ("Proof ... in the full plan") names no person: it goes below the merged table.
        if (vr.row_class == "condensed") continue;
        if (vr.cells.empty()) return std::nullopt;
        const auto it = rows_named.find(name_in(vr.cells.front()));
        if (it != rows_named.end() && !it->second.empty()) {
            value_of[it->second.front()] = &vr;
            it->second.pop_front();
        } else if (!trimmed) {
            return std::nullopt;
        }
    }
    return value_of;
}

}  // namespace

bool people_pair_up(const view::section& people, const view::section& value) {
    const auto* pt = table_in(people);
    const auto* vt = table_in(value);
    return pt && vt && pt->columns.size() > 1 && vt->columns.size() > 1 && pair_up(*pt, *vt);
}

std::vector<fragment> merged_people_table(const view::section& people, const view::section& value, double width,
                                          const context& ctx) {
    if (!people_pair_up(people, value)) return {};
    const auto* pt = table_in(people);
    const auto* vt = table_in(value);
    const auto value_of = *pair_up(*pt, *vt);

    std::vector<view::inlines> labels;
    for (std::size_t c = 1; c < vt->columns.size(); ++c) {
        labels.push_back({view::inline_node{view::text{vt->columns[c].label}}});
    }
    table_input in;
    for (const auto& c : pt->columns) {
        in.header.push_back(&ctx.text(c.label, in.header_text));
        in.alignments.push_back(c.alignment);
    }
    // The lines that say what was condensed, from both tables, share one line below the people.
    view::inlines condensed;
    auto add_condensed = [&](const view::table_row& r) {
        if (r.cells.empty()) return;
        if (!condensed.empty()) condensed.push_back(view::inline_node{view::text{" \u00b7 "}});
        condensed.insert(condensed.end(), r.cells.front().begin(), r.cells.front().end());
    };
    for (std::size_t i = 0; i < pt->rows.size(); ++i) {
        const auto& r = pt->rows[i];
        if (r.row_class == "condensed") {
            add_condensed(r);
            continue;
        }
        table_input::row row;
        row.cells = r.cells;
        row.bold_first = r.row_header_first;
        if (const auto* v = value_of[i])
            for (std::size_t c = 1; c < v->cells.size() && c - 1 < labels.size(); ++c) {
                if (v->cells[c].empty()) continue;
                const double gap = row.detail.empty() ? 0 : ctx.body * 1.1;
                // A label never breaks inside itself ("Delivered / by") and keeps the start of its value.
                row.detail.push_back({&labels[c - 1], {font_face::italic, ctx.style().muted, false, false, true}, gap, false});
                row.detail.push_back({&v->cells[c], {font_face::regular, ctx.style().text, false, true}, ctx.body * 0.35, false, true});
            }
        in.rows.push_back(std::move(row));
    }
    for (const auto& vr : vt->rows)
        if (vr.row_class == "condensed") add_condensed(vr);
    if (!condensed.empty()) {
        table_input::row row;
        row.cells = std::span<const view::inlines>(&condensed, 1);
        row.span_all = true;
        in.rows.push_back(std::move(row));
    }
    return layout_table(in, width, ctx);
}

}  // namespace closeplan::layout::detail

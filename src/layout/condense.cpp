// SPDX-License-Identifier: MIT
// Condensing: done steps into one line, later rows into "+N more ... in the full plan".
#include "layout/condense.hpp"

#include <algorithm>

#include "layout/inline_flow.hpp"

namespace closeplan::layout::detail {

namespace {

// The section's first data table, const or not.
template <class Document>
auto table_of(Document& doc, const std::string& key) -> decltype(std::get_if<view::data_table>(&doc.sections[0].content[0].value)) {
    for (auto& s : doc.sections)
        if (s.key == key)
            for (auto& b : s.content)
                if (auto* t = std::get_if<view::data_table>(&b.value)) return t;
    return nullptr;
}

std::size_t column_of(const view::data_table& t, const std::string& key) {
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].key == key) return i;
    return t.columns.size() > 1 ? 1 : 0;
}

// The milestone's own title: the cell's text before its first line break (a gate follows).
std::string title_of(const view::inlines& cell) {
    view::inlines head;
    for (const auto& n : cell) {
        if (std::holds_alternative<view::line_break>(n.value)) break;
        head.push_back(n);
    }
    return plain_text(head);
}

view::table_row condensed_row(std::string text, std::size_t columns) {
    view::table_row row;
    row.row_class = "condensed";
    row.row_header_first = false;
    row.cells.assign(std::max<std::size_t>(columns, 1), {});
    row.cells.front().push_back(view::inline_node{view::emphasis{{view::inline_node{view::text{std::move(text)}}}}});
    return row;
}

std::string plural(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

void trim(view::data_table& t, std::size_t keep, const std::string& one, const std::string& many,
          std::vector<std::string>& notes, const std::string& what) {
    // Rows already condensed stay; only real rows count.
    std::vector<view::table_row> rows;
    std::size_t kept = 0, dropped = 0;
    for (auto& r : t.rows) {
        if (r.row_class == "condensed" || kept < keep) {
            kept += r.row_class == "condensed" ? 0 : 1;
            rows.push_back(std::move(r));
        } else {
            ++dropped;
        }
    }
    if (dropped == 0) {
        t.rows = std::move(rows);
        return;
    }
    rows.push_back(condensed_row("+" + plural(dropped, one, many) + " in the full plan", t.columns.size()));
    t.rows = std::move(rows);
    notes.push_back(plural(dropped, what, what + "s") + " left for the full plan");
}

std::size_t rows_of(const view::document& doc, const std::string& key) {
    const auto* t = table_of(doc, key);
    return t ? t->rows.size() : 0;
}

}  // namespace

bool condense_state::next(const view::document& doc) {
    const std::size_t milestones = rows_of(doc, "milestones");
    // No page shows more rows of one table than this at 8 pt, so a long table
    // jumps straight there instead of being re-laid out once per dropped row
    // (2,000 milestones would otherwise take minutes).
    constexpr std::size_t most_rows_on_a_page = 60;
    auto step = [](std::size_t& value, std::size_t rows, std::size_t floor) {
        const std::size_t current = std::min(value, rows);
        if (current <= floor) return false;
        value = current > most_rows_on_a_page ? most_rows_on_a_page : current - 1;
        return true;
    };
    // Details go first: a step's title, owner, date and status matter more than its notes.
    if (!drop_details) {
        drop_details = true;
        return true;
    }
    if (!collapse_done) {
        collapse_done = true;
        return true;
    }
    // Milestone titles and stakeholder names go last: the page exists to show them.
    const std::size_t value = people_merged ? 0 : rows_of(doc, "value_map");
    return step(value_rows, value, 3) || step(risk_rows, rows_of(doc, "risks"), 2) ||
           step(milestone_rows, milestones, 3) || step(stakeholder_rows, rows_of(doc, "stakeholders"), 4) ||
           step(value_rows, value, 1) || step(risk_rows, rows_of(doc, "risks"), 1);
}

view::document condense(const view::document& doc, const condense_state& state, std::vector<std::string>& notes) {
    view::document out = doc;
    if (auto* t = table_of(out, "milestones")) {
        if (state.drop_details) {
            const std::size_t title = column_of(*t, "title");
            bool dropped = false;
            for (auto& r : t->rows) {
                if (title >= r.cells.size()) continue;
                auto& cell = r.cells[title];
                const auto cut = std::find_if(cell.begin(), cell.end(), [](const view::inline_node& n) {
                    return std::holds_alternative<view::line_break>(n.value);
                });
                if (cut == cell.end()) continue;
                cell.erase(cut, cell.end());
                dropped = true;
            }
            if (dropped) notes.push_back("step gates and notes left for the full plan");
        }
        if (state.collapse_done) {
            const std::size_t title = column_of(*t, "title");
            std::vector<std::string> done;
            std::vector<view::table_row> rest;
            for (auto& r : t->rows) {
                if (r.row_class == "done" && title < r.cells.size()) done.push_back(title_of(r.cells[title]));
                else rest.push_back(std::move(r));
            }
            if (!done.empty()) {
                std::string line = plural(done.size(), "completed step", "completed steps") + ": ";
                for (std::size_t i = 0; i < done.size(); ++i) line += (i ? "; " : "") + done[i];
                rest.insert(rest.begin(), condensed_row(line, t->columns.size()));
                rest.front().row_class = "condensed";
                notes.push_back(plural(done.size(), "completed step", "completed steps") + " in one line");
            }
            t->rows = std::move(rest);
        }
        if (state.milestone_rows != condense_state::all) trim(*t, state.milestone_rows, "more step", "more steps", notes, "milestone");
    }
    if (auto* t = table_of(out, "value_map"); t && state.value_rows != condense_state::all)
        trim(*t, state.value_rows, "more stakeholder", "more stakeholders", notes, "value map row");
    if (auto* t = table_of(out, "risks"); t && state.risk_rows != condense_state::all)
        trim(*t, state.risk_rows, "more risk", "more risks", notes, "risk");
    if (auto* t = table_of(out, "stakeholders"); t && state.stakeholder_rows != condense_state::all)
        trim(*t, state.stakeholder_rows, "more stakeholder", "more stakeholders", notes, "stakeholder");
    return out;
}

}  // namespace closeplan::layout::detail

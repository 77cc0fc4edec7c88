// SPDX-License-Identifier: MIT
// The timeline as agreed versus as it happened: baseline, each move (history), due, completion, slip.
#include "handoff/handoff_sections.hpp"

#include <algorithm>
#include <iterator>

#include "view/markdown_field.hpp"

namespace closeplan::handoff {

step_moves moves_of(const model::milestone& m) {
    std::vector<model::date> dates;
    if (m.baseline) dates.push_back(*m.baseline);
    dates.insert(dates.end(), m.history.begin(), m.history.end());
    if (m.due) dates.push_back(*m.due);
    step_moves out;
    if (dates.empty()) return out;
    out.agreed = dates.front();
    for (std::size_t i = 1; i < dates.size(); ++i) {
        if (dates[i] == dates[i - 1]) continue;
        ++out.moves;
        // The last date is the current due; the ones between are where it went on the way.
        if (i + 1 < dates.size()) out.via.push_back(dates[i]);
    }
    return out;
}

namespace detail {

using namespace view;
using namespace view::detail;
// The public API's closeplan::section (an enum, include/closeplan/options.hpp) is visible here too.
using view::section;

namespace {

inlines moved_cell(const build_context& ctx, const step_moves& moves) {
    const auto& w = ctx.words;
    if (moves.moves == 0) return {muted(w.get("handoff.timeline.never"))};
    inlines cell{text_node(count_text(w, "handoff.timeline.moves", moves.moves))};
    if (!moves.via.empty()) {
        std::string dates;
        for (const auto& d : moves.via) dates += (dates.empty() ? "" : ", ") + format_date(d, w);
        cell.push_back(inline_node{line_break{}});
        cell.push_back(muted(fill(w.get("handoff.timeline.via"), {{"dates", dates}})));
    }
    return cell;
}

inlines slip_cell(const build_context& ctx, const analyze::milestone_analysis& a) {
    const auto& w = ctx.words;
    inlines cell;
    if (a.slipped) cell.push_back(badge_node(count_text(w, "badge.slipped", a.slip_days), tone::warn));
    if (a.pulled_in) cell.push_back(badge_node(count_text(w, "badge.pulled_in", -a.baseline_delta_days), tone::info));
    if (a.late_completion) {
        if (!cell.empty()) append_text(cell, " ");
        cell.push_back(badge_node(count_text(w, "badge.late", a.days_late), tone::warn));
    }
    if (a.overdue) {
        if (!cell.empty()) append_text(cell, " ");
        cell.push_back(badge_node(count_text(w, "badge.overdue", a.days_overdue), tone::bad));
    }
    return cell;
}

tone status_tone(model::status state) {
    switch (state) {
        case model::status::done: return tone::ok;
        case model::status::in_progress: return tone::info;
        case model::status::blocked: return tone::bad;
        case model::status::scheduled:
        case model::status::not_started: return tone::neutral;
    }
    return tone::neutral;
}

// Each step's gate and notes under its number and title, so nothing said about a step is lost.
void add_gates_and_notes(const build_context& ctx, blocks& content) {
    const auto& w = ctx.words;
    bool any = false;
    for (const auto& m : ctx.plan.milestones) {
        if (m.gate.empty() && m.notes.empty()) continue;
        if (!any) content.push_back(block{heading{1, {text_node(w.get("handoff.timeline.details"))}}});
        any = true;
        content.push_back(block{heading{2, {text_node(milestone_ref(ctx, m.id))}}});
        if (!m.gate.empty()) content.push_back(block{paragraph{{text_node(fill(w.get("milestone.gate"), {{"gate", m.gate}}))}}});
        if (m.notes.empty()) continue;
        // A heading inside the notes stays below the step's own.
        blocks notes = parse_markdown_field(m.notes, field_where(ctx, m.where, "/notes"), ctx.diags);
        for (auto& b : notes)
            if (auto* h = std::get_if<heading>(&b.value)) h->level = std::min(h->level + 2, 6);
        content.insert(content.end(), std::make_move_iterator(notes.begin()), std::make_move_iterator(notes.end()));
    }
}

}  // namespace

section build_timeline_record(const build_context& ctx) {
    const auto& w = ctx.words;
    section s{"timeline", w.get("handoff.section.timeline"), {}};
    if (ctx.plan.milestones.empty()) {
        s.content.push_back(none_paragraph(w, "handoff.timeline.none"));
        return s;
    }
    int moved_steps = 0;
    data_table table;
    table.key = "timeline";
    table.caption = w.get("caption.timeline");
    table.columns = {{"number", w.get("column.number"), align::right}, {"milestone", w.get("column.milestone"), align::left},
                     {"owner", w.get("column.owner"), align::left},    {"agreed", w.get("column.agreed"), align::left},
                     {"moved", w.get("column.moved"), align::left},    {"due", w.get("column.due"), align::left},
                     {"status", w.get("column.status"), align::left}, {"slip", w.get("column.slip"), align::left}};
    for (std::size_t i = 0; i < ctx.plan.milestones.size(); ++i) {
        const auto& m = ctx.plan.milestones[i];
        const auto& a = ctx.facts.milestones[i];
        const auto moves = moves_of(m);
        if (moves.moves > 0) ++moved_steps;
        table_row r;
        r.row_header_first = false;
        r.cells.push_back({text_node(std::to_string(i + 1))});
        r.cells.push_back({text_node(m.title)});
        r.cells.push_back(owner_cell(ctx, m.owner, m.assignee));
        r.cells.push_back(moves.agreed ? inlines{text_node(format_date(*moves.agreed, w))} : inlines{});
        r.cells.push_back(moved_cell(ctx, moves));
        r.cells.push_back(m.due ? inlines{text_node(format_date(*m.due, w))} : inlines{});
        // Every status told apart (done, in progress, blocked, scheduled, not started), with the day a step was done.
        inlines state{badge_node(label_of(w, "status", model::to_string(m.state)), status_tone(m.state))};
        if (m.completed) {
            state.push_back(inline_node{line_break{}});
            append_text(state, format_date(*m.completed, w));
        }
        r.cells.push_back(std::move(state));
        r.cells.push_back(slip_cell(ctx, a));
        r.row_class = m.state == model::status::done      ? "done"
                      : m.state == model::status::blocked ? "blocked"
                      : a.overdue                         ? "overdue"
                      : a.slipped                         ? "slipped"
                                                          : "";
        table.rows.push_back(std::move(r));
    }
    fact_list totals{"timeline_totals", {}};
    totals.facts.push_back(fact{"total_slip", w.get("handoff.timeline.total_slip"),
                                {text_node(count_text(w, "handoff.timeline.days", ctx.facts.total_slip_days))}});
    totals.facts.push_back(fact{"steps_moved", w.get("handoff.timeline.steps_moved"),
                                {text_node(fill(w.get("progress.short"),
                                                {{"done", std::to_string(moved_steps)},
                                                 {"total", std::to_string(ctx.plan.milestones.size())}}))}});
    s.content.push_back(block{std::move(totals)});
    s.content.push_back(block{std::move(table)});
    add_gates_and_notes(ctx, s.content);
    return s;
}

}  // namespace detail

}  // namespace closeplan::handoff

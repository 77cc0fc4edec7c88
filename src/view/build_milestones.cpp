// SPDX-License-Identifier: MIT
// The milestones section: one row per step with owner, due date (slips shown, never hidden), status, and progress.
#include "view/build_parts.hpp"
#include "view/markdown_field.hpp"
#include "model/dates.hpp"

namespace closeplan::view::detail {

namespace {

tone status_tone(model::status s) {
    switch (s) {
        case model::status::done: return tone::ok;
        case model::status::in_progress: return tone::info;
        case model::status::scheduled: return tone::neutral;
        case model::status::not_started: return tone::neutral;
        case model::status::blocked: return tone::bad;
    }
    return tone::neutral;
}

inlines title_cell(const build_context& ctx, const model::milestone& m) {
    inlines cell{text_node(m.title)};
    if (!m.gate.empty()) {
        cell.push_back(inline_node{line_break{}});
        cell.push_back(muted(fill(ctx.words.get("milestone.gate"), {{"gate", m.gate}})));
    }
    if (!m.notes.empty()) {
        auto notes = parse_markdown_inline(m.notes, field_where(ctx, m.where, "/notes"), ctx.diags);
        if (!notes.empty()) {
            cell.push_back(inline_node{line_break{}});
            cell.push_back(inline_node{emphasis{std::move(notes)}});
        }
    }
    return cell;
}

inlines due_cell(const build_context& ctx, const model::milestone& m, const analyze::milestone_analysis& a) {
    const auto& w = ctx.words;
    inlines cell;
    if (!m.due) {
        if (m.completed) append_text(cell, format_date(*m.completed, w));
        return cell;
    }
    // A moved date keeps the first agreed one visible: the buyer sees the slip.
    if (m.baseline && (a.slipped || a.pulled_in)) {
        cell.push_back(inline_node{strikethrough{{text_node(format_date(*m.baseline, w))}}});
        append_text(cell, " ");
    }
    append_text(cell, format_date(*m.due, w));
    if (a.slipped) {
        append_text(cell, " ");
        cell.push_back(badge_node(count_text(w, "badge.slipped", a.slip_days), tone::warn));
    } else if (a.pulled_in) {
        append_text(cell, " ");
        cell.push_back(badge_node(count_text(w, "badge.pulled_in", -a.baseline_delta_days), tone::info));
    }
    return cell;
}

inlines status_cell(const build_context& ctx, const model::milestone& m, const analyze::milestone_analysis& a) {
    const auto& w = ctx.words;
    inlines cell{badge_node(label_of(w, "status", model::to_string(m.state)), status_tone(m.state))};
    if (a.overdue) {
        append_text(cell, " ");
        const tone level = a.health == analyze::step_health::stalled ? tone::bad : tone::warn;
        cell.push_back(badge_node(count_text(w, "badge.overdue", a.days_overdue), level));
    }
    if (a.late_completion) {
        append_text(cell, " ");
        cell.push_back(badge_node(count_text(w, "badge.late", a.days_late), tone::warn));
    }
    return cell;
}

std::string row_class(const model::milestone& m, const analyze::milestone_analysis& a) {
    if (m.state == model::status::done) return "done";
    if (a.overdue) return "overdue";
    if (m.state == model::status::blocked) return "blocked";
    if (a.slipped) return "slipped";
    return {};
}

// What the condenser needs to know about the row, as data (layout/condense.cpp).
row_facts row_facts_of(const model::milestone& m, const analyze::milestone_analysis& a, model::date as_of) {
    row_facts f;
    f.done = m.state == model::status::done;
    f.overdue = a.overdue;
    f.slipped = a.slipped;
    if (!f.done && m.due) f.due_in_days = model::days_between(as_of, *m.due);
    return f;
}

std::string progress_text(const labels& w, const analyze::progress& p) {
    const int pct = p.total > 0 ? (p.done * 100 + p.total / 2) / p.total : 0;
    return fill(w.get("progress.value"),
                {{"done", std::to_string(p.done)}, {"total", std::to_string(p.total)}, {"pct", std::to_string(pct)}});
}

fact progress_fact(std::string key, const labels& w, const analyze::progress& p) {
    return fact{key, w.get("progress." + key), {text_node(progress_text(w, p))}};
}

fact_list progress_facts(const build_context& ctx) {
    const auto& w = ctx.words;
    const auto& a = ctx.facts;
    fact_list facts{"milestone_progress", {}};
    facts.facts.push_back(progress_fact("overall", w, a.overall));
    if (a.buyer.total > 0) facts.facts.push_back(progress_fact("buyer", w, a.buyer));
    if (a.seller.total > 0) facts.facts.push_back(progress_fact("seller", w, a.seller));
    if (a.both.total > 0) facts.facts.push_back(progress_fact("both", w, a.both));
    facts.facts.push_back(fact{"overdue", w.get("progress.overdue"), {text_node(std::to_string(a.overdue_count))}});
    std::string slipped = std::to_string(a.slipped_count);
    if (a.slipped_count > 0)
        slipped = fill(w.get("progress.slipped_value"),
                       {{"count", slipped}, {"days", std::to_string(a.total_slip_days)}});
    facts.facts.push_back(fact{"slipped", w.get("progress.slipped"), {text_node(std::move(slipped))}});
    return facts;
}

std::string workstream_label(const labels& w, const std::string& name) {
    if (name.empty()) return w.get("workstream.none");
    const std::string key = "workstream." + name;
    return w.has(key) ? w.get(key) : name;  // free text is kept as written
}

fact_list workstream_facts(const build_context& ctx) {
    fact_list facts{"workstream_progress", {}};
    for (const auto& name : ctx.facts.workstreams) {
        const auto it = ctx.facts.by_workstream.find(name);
        if (it == ctx.facts.by_workstream.end()) continue;
        const auto& p = it->second;
        std::string value = fill(ctx.words.get("progress.short"),
                                 {{"done", std::to_string(p.done)}, {"total", std::to_string(p.total)}});
        facts.facts.push_back(fact{name, workstream_label(ctx.words, name), {text_node(std::move(value))}});
    }
    return facts;
}

}  // namespace

blocks build_milestones(const build_context& ctx) {
    const auto& w = ctx.words;
    blocks content;
    if (ctx.plan.milestones.empty()) {
        content.push_back(none_paragraph(w, "milestones.none"));
        return content;
    }
    data_table table;
    table.key = "milestones";
    table.caption = w.get("caption.milestones");
    table.columns = {{"number", w.get("column.number"), align::right},
                     {"title", w.get("column.milestone"), align::left},
                     {"owner", w.get("column.owner"), align::left},
                     {"due", w.get("column.due"), align::left},
                     {"status", w.get("column.status"), align::left}};
    bool next_marked = false;
    for (std::size_t i = 0; i < ctx.plan.milestones.size(); ++i) {
        const auto& m = ctx.plan.milestones[i];
        // An analysis of another plan must not crash the build: missing rows read as on track.
        const auto a = i < ctx.facts.milestones.size() ? ctx.facts.milestones[i] : analyze::milestone_analysis{};
        table_row row;
        row.cells.push_back({text_node(std::to_string(i + 1))});
        row.cells.push_back(title_cell(ctx, m));
        row.cells.push_back(owner_cell(ctx, m.owner, m.assignee));
        row.cells.push_back(due_cell(ctx, m, a));
        row.cells.push_back(status_cell(ctx, m, a));
        row.row_class = row_class(m, a);
        row.facts = row_facts_of(m, a, ctx.facts.as_of);
        row.facts.last = i + 1 == ctx.plan.milestones.size();
        if (!row.facts.done && !next_marked) row.facts.next = next_marked = true;
        // The number is not what names a row; the title column does.
        row.row_header_first = false;
        table.rows.push_back(std::move(row));
    }
    content.push_back(block{std::move(table)});
    content.push_back(block{progress_facts(ctx), block_role::figure});
    // One unnamed workstream says nothing a reader needs.
    if (!(ctx.facts.workstreams.size() == 1 && ctx.facts.workstreams.front().empty())) {
        content.push_back(block{heading{1, {text_node(w.get("progress.by_workstream"))}}});
        content.push_back(block{workstream_facts(ctx)});
    }
    return content;
}

}  // namespace closeplan::view::detail

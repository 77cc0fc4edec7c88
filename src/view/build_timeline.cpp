// SPDX-License-Identifier: MIT
// The timeline strip's data: every dated milestone on an axis from today (or the first date) to the target close.
#include <algorithm>

#include "model/dates.hpp"
#include "view/build_parts.hpp"

namespace closeplan::view::detail {

namespace {

// Where a step sits on the axis: a done step where it was finished, an open one where it is due.
std::optional<model::date> placed_on(const model::milestone& m) {
    if (m.state == model::status::done && m.completed) return m.completed;
    return m.due;
}

std::vector<int> month_starts(model::date from, model::date to) {
    std::vector<int> out;
    using namespace std::chrono;
    for (year_month ym = from.year() / from.month() + months{1};; ym += months{1}) {
        const model::date first = ym / day{1};
        if (sys_days{first} > sys_days{to}) break;
        out.push_back(model::days_between(from, first));
    }
    return out;
}

}  // namespace

std::optional<timeline> build_timeline(const build_context& ctx) {
    const auto& w = ctx.words;
    const model::date today = ctx.facts.as_of;
    const model::date close = ctx.plan.target_close;
    model::date start = today, end = close;
    bool any = false;
    for (const auto& m : ctx.plan.milestones) {
        const auto at = placed_on(m);
        if (!at) continue;
        any = true;
        start = std::min(start, *at);
        end = std::max(end, *at);
    }
    if (!any) return std::nullopt;
    // A plan whose close is already past still runs left to right.
    start = std::min(start, close);
    end = std::max(end, today);

    timeline t;
    t.span_days = model::days_between(start, end);
    t.today_day = model::days_between(start, today);
    t.close_day = model::days_between(start, close);
    t.start_label = format_date(start, w);
    t.today_label = fill(w.get("timeline.today"), {{"date", format_date(today, w)}});
    t.close_label = fill(w.get("timeline.close"), {{"date", format_date(close, w)}});
    if (end != close) t.end_label = format_date(end, w);
    t.month_days = month_starts(start, end);
    std::string steps;
    const std::string comma = list_separator(w), semicolon = series_separator(w);
    for (std::size_t i = 0; i < ctx.plan.milestones.size(); ++i) {
        const auto& m = ctx.plan.milestones[i];
        const auto at = placed_on(m);
        if (!at) continue;
        const bool overdue = i < ctx.facts.milestones.size() && ctx.facts.milestones[i].overdue;
        t.marks.push_back(timeline_mark{model::days_between(start, *at), side_tone(m.owner),
                                        m.state == model::status::done, overdue, "#" + std::to_string(i + 1)});
        std::string owner = label_of(w, "side", model::to_string(m.owner));
        if (!m.assignee.empty()) owner += " " + person_name(ctx.plan, m.assignee);
        steps += semicolon + "#" + std::to_string(i + 1) + " " + m.title + comma + w.get("column.due") + " " +
                 format_date(m.due ? *m.due : *at, w) + comma + w.get("column.owner") + " " + owner;
    }
    t.alt = t.today_label + comma + t.close_label + steps;
    const std::pair<model::side, const analyze::progress*> sides[] = {
        {model::side::buyer, &ctx.facts.buyer}, {model::side::seller, &ctx.facts.seller}, {model::side::both, &ctx.facts.both}};
    for (const auto& [side, p] : sides) {
        if (p->total == 0) continue;
        const std::string count =
            fill(w.get("progress.short"), {{"done", std::to_string(p->done)}, {"total", std::to_string(p->total)}});
        t.legend.emplace_back(side_tone(side), label_of(w, "side", model::to_string(side)) + " " + count);
    }
    return t;
}

}  // namespace closeplan::view::detail

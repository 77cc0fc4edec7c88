// SPDX-License-Identifier: MIT
// As-late-as-possible scheduling in business-day indices: one pass over the
// playbook's prepared order, integer arithmetic only.
#include "schedule/schedule.hpp"

#include <algorithm>
#include <limits>

#include "model/dates.hpp"

namespace closeplan::schedule {

namespace {

model::date day_after(model::date day) {
    return model::date(std::chrono::sys_days(day) + std::chrono::days(1));
}

// Spreads a feasible as-late-as-possible schedule over the time from as_of to
// the close, then places the anchored steps (schedule.hpp). Every move keeps
// the dependencies: scaling is monotone (a gap of one day or more stays one or
// more), `close` steps only move later, up to their successors, and `start`
// steps only earlier, down to their predecessors and as_of.
void use_the_time_there_is(const playbook& book, long close, schedule_indices& out) {
    const long needed = close - out.first_start + 1;
    const long available = close - out.earliest_allowed + 1;
    long num = available, den = needed;
    if (num > book.max_stretch * den) {
        num = book.max_stretch;
        den = 1;
    }
    const auto count = book.steps.size();
    if (num > den) {
        auto scaled = [&](long day) { return close - ((close - day) * num + den / 2) / den; };
        for (std::size_t i = 0; i < count; ++i) {
            out.start[i] = scaled(out.start[i]);
            out.due[i] = scaled(out.due[i]);
        }
    }
    bool any_start = false;
    for (const auto i : book.successors_first) {
        const auto& step = book.steps[i];
        any_start = any_start || step.anchor == step_anchor::start;
        if (step.anchor != step_anchor::close) continue;
        long due = close;
        for (auto s = book.successor_begin[i]; s < book.successor_begin[i + 1]; ++s)
            due = std::min(due, out.start[book.successor_index[s]] - 1);
        out.due[i] = due;
        out.start[i] = due - (step.days - 1);
    }
    if (any_start) {
        out.ready.assign(count, out.earliest_allowed);
        for (auto it = book.successors_first.rbegin(); it != book.successors_first.rend(); ++it) {
            const auto i = *it;
            if (book.steps[i].anchor == step_anchor::start) {
                out.start[i] = out.ready[i];
                out.due[i] = out.start[i] + (book.steps[i].days - 1);
            }
            for (auto s = book.successor_begin[i]; s < book.successor_begin[i + 1]; ++s) {
                auto& next = out.ready[book.successor_index[s]];
                next = std::max(next, out.due[i] + 1);
            }
        }
    }
    out.first_start = *std::min_element(out.start.begin(), out.start.end());
}

}  // namespace

void schedule_backward_into(const playbook& book, model::date target_close, model::date as_of,
                            const business_calendar& calendar, schedule_indices& out) {
    const auto count = book.steps.size();
    out.due.resize(count);
    out.start.resize(count);
    // The last business day on or before target_close: a close on a Saturday
    // means the work is due on Friday.
    const long close = calendar.index_before(day_after(target_close)) - 1;
    long first_start = std::numeric_limits<long>::max();
    for (const auto i : book.successors_first) {
        long due = close;
        for (auto s = book.successor_begin[i]; s < book.successor_begin[i + 1]; ++s)
            due = std::min(due, out.start[book.successor_index[s]] - 1);
        out.due[i] = due;
        out.start[i] = due - (book.steps[i].days - 1);
        first_start = std::min(first_start, out.start[i]);
    }
    out.first_start = count == 0 ? close : first_start;
    out.earliest_allowed = calendar.index_before(as_of);
    if (count > 0 && out.first_start >= out.earliest_allowed) use_the_time_there_is(book, close, out);
}

schedule_result schedule_backward(const playbook& book, model::date target_close, model::date as_of,
                                  const business_calendar& calendar) {
    schedule_indices indices;
    schedule_backward_into(book, target_close, as_of, calendar, indices);
    schedule_result result;
    result.milestones.reserve(book.steps.size());
    result.starts.reserve(book.steps.size());
    for (std::size_t i = 0; i < book.steps.size(); ++i) {
        const auto& step = book.steps[i];
        model::milestone m;
        m.id = step.id;
        m.title = step.title;
        m.owner = step.owner;
        m.workstream = step.workstream;
        m.due = calendar.day_at(indices.due[i]);
        m.depends_on = step.depends_on;
        m.gate = step.gate;
        m.notes = step.notes;
        m.where = step.where;
        result.milestones.push_back(std::move(m));
        result.starts.push_back(calendar.day_at(indices.start[i]));
    }
    result.first_start = calendar.day_at(indices.first_start);
    result.business_days_missing = indices.business_days_missing();
    result.feasible = result.business_days_missing == 0;
    return result;
}

namespace {
source_location first_step_at(const playbook& book, const schedule_result& scheduled) {
    source_location where;
    where.file = book.source_file;
    for (std::size_t i = 0; i < scheduled.starts.size() && i < book.steps.size(); ++i)
        if (scheduled.starts[i] == scheduled.first_start) return book.steps[i].where;
    return where;
}
}  // namespace

void report_feasibility(const playbook& book, const schedule_result& scheduled, model::date as_of,
                        diagnostic_sink& diags) {
    if (scheduled.feasible) return;
    const auto missing = scheduled.business_days_missing;
    // Point at the step that starts first: the chain through it is the one that does not fit.
    const auto where = first_step_at(book, scheduled);
    diags.warning("P620",
                  "the schedule does not fit: it would start on " + model::format_iso_date(scheduled.first_start) +
                      ", " + std::to_string(missing) + " business day" + (missing == 1 ? "" : "s") +
                      " before as_of " + model::format_iso_date(as_of),
                  where,
                  {"move the close date later by " + std::to_string(missing) + " business day" +
                       (missing == 1 ? "" : "s") + ", or shorten or parallelise the steps on the longest chain"});
}

bool check_date_range(const playbook& book, const schedule_result& scheduled, diagnostic_sink& diags) {
    // Every due date lies between the first start and the close date, which was checked already.
    const auto why = model::range_problem(scheduled.first_start);
    if (!why) return true;
    diags.error("P622",
                "the schedule would start on " + model::format_iso_date(scheduled.first_start) + ", which " + *why,
                first_step_at(book, scheduled),
                {"choose a close date later in the years " + std::to_string(model::earliest_year) + " to " +
                 std::to_string(model::latest_year)});
    return false;
}

void report_close_day(const playbook& book, model::date target_close, const business_calendar& calendar,
                      diagnostic_sink& diags) {
    if (calendar.is_business_day(target_close)) return;
    const auto due = calendar.on_or_before(target_close);
    const bool weekend = std::chrono::weekday(std::chrono::sys_days(target_close)).iso_encoding() >= 6;
    source_location where;
    where.file = book.source_file;
    diags.report({severity::note, "P621",
                  "target_close " + model::format_iso_date(target_close) + " is " +
                      (weekend ? "a weekend day" : "a holiday") + "; the last steps are due " +
                      model::format_iso_date(due),
                  where, {}});
}

model::plan build_plan(const playbook& book, const schedule_result& scheduled, const deal_fields& deal,
                       model::date target_close, model::date as_of) {
    (void)book;  // the steps are already in `scheduled`; kept so the plan can name its playbook later without an API change
    model::plan plan;
    plan.deal.id = deal.id;
    plan.deal.name = deal.name;
    plan.deal.buyer.name = deal.buyer;
    plan.deal.seller.name = deal.seller;
    plan.deal.amount = deal.amount;
    plan.deal.currency = deal.currency;
    plan.deal.stage = deal.stage;
    plan.as_of = as_of;
    plan.target_close = target_close;
    plan.milestones = scheduled.milestones;
    return plan;
}

bool plain_amount(std::string_view text) {
    const auto dot = text.find('.');
    const auto digits = [](std::string_view part) {
        return !part.empty() && part.find_first_not_of("0123456789") == std::string_view::npos;
    };
    return digits(text.substr(0, dot)) && (dot == std::string_view::npos || digits(text.substr(dot + 1)));
}

bool iso_currency_code(std::string_view text) {
    return text.size() == 3 && text.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ") == std::string_view::npos;
}

}  // namespace closeplan::schedule

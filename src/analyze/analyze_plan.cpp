// SPDX-License-Identifier: MIT
// Status math on a plan: overdue, health, slips, progress and days to close.
#include "analyze/analysis.hpp"

#include <algorithm>

#include "model/dates.hpp"

namespace closeplan::analyze {

namespace {

constexpr int stalled_after_days = 7;

milestone_analysis analyze_milestone(const model::milestone& m, const model::plan& input_plan,
                                     model::date as_of) {
    milestone_analysis result;
    const bool done = m.state == model::status::done;
    if (m.due) {
        if (!done && as_of > *m.due) {
            result.overdue = true;
            result.days_overdue = model::days_between(*m.due, as_of);
        }
        if (m.baseline) {
            result.baseline_delta_days = model::days_between(*m.baseline, *m.due);
            result.slipped = result.baseline_delta_days > 0;
            result.pulled_in = result.baseline_delta_days < 0;
            result.slip_days = std::max(result.baseline_delta_days, 0);
        }
        if (done && m.completed && *m.completed > *m.due) {
            result.late_completion = true;
            result.days_late = model::days_between(*m.due, *m.completed);
        }
    }
    // A done step without a due date is placed by when it was completed.
    const auto placed_on = m.due ? m.due : (done ? m.completed : std::nullopt);
    result.after_target_close = placed_on && *placed_on > input_plan.target_close;

    if (done)
        result.health = step_health::done;
    else if (result.days_overdue >= stalled_after_days)
        result.health = step_health::stalled;
    else if (result.overdue)
        result.health = step_health::at_risk;
    else
        result.health = step_health::on_track;
    return result;
}

void count(progress& p, bool done) {
    ++p.total;
    if (done) ++p.done;
}

progress& side_progress(analysis& a, model::side owner) {
    switch (owner) {
        case model::side::buyer: return a.buyer;
        case model::side::seller: return a.seller;
        case model::side::both: return a.both;
    }
    return a.both;
}

}  // namespace

analysis analyze_plan(const model::plan& input_plan, model::date as_of) {
    analysis a;
    a.as_of = as_of;
    a.days_to_close = model::days_between(as_of, input_plan.target_close);
    a.milestones.reserve(input_plan.milestones.size());

    for (const auto& m : input_plan.milestones) {
        const auto& ma = a.milestones.emplace_back(analyze_milestone(m, input_plan, as_of));
        const bool done = m.state == model::status::done;
        count(a.overall, done);
        count(side_progress(a, m.owner), done);
        if (a.by_workstream.find(m.workstream) == a.by_workstream.end()) a.workstreams.push_back(m.workstream);
        count(a.by_workstream[m.workstream], done);
        if (ma.overdue) ++a.overdue_count;
        if (ma.slipped) ++a.slipped_count;
        a.total_slip_days += ma.slip_days;
    }

    a.value_rows = map_stakeholder_values(input_plan);
    for (const auto& row : a.value_rows) {
        if (row.covered) ++a.value_covered;
        if (row.relevant) ++a.value_relevant;
    }
    return a;
}

}  // namespace closeplan::analyze

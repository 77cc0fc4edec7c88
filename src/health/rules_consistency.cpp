// SPDX-License-Identifier: MIT
// H830-H833: dates that contradict the plan's own dependencies. A slip makes
// these mistakes: a step moves later and what waits for it keeps its date;
// the signature moves and target_close does not. Each finding names both
// dates and sits at the field to change.
#include "health/review_context.hpp"
#include "model/dates.hpp"

namespace closeplan::health::detail {

namespace {

using model::format_iso_date;

// Whose due dates the dependency rules compare: steps still to do, with a date.
bool open_and_dated(const model::milestone& m) { return !is_done(m) && m.due.has_value(); }

/// The latest earlier due date (baseline or history) on or before `limit`:
/// the date the step had when what depends on it was still after it.
std::optional<model::date> date_before_slip(const model::milestone& m, model::date limit) {
    std::optional<model::date> found;
    auto consider = [&](model::date d) {
        if (d <= limit && d < *m.due) found = d;
    };
    if (m.baseline) consider(*m.baseline);
    for (const auto& d : m.history) consider(d);
    return found;
}

// H830 at the dependent step's due, or H831 at the moved step's due when a
// recorded slip is what put the dependency after it.
void check_dependency_order(review_context& ctx) {
    const auto& steps = ctx.plan.milestones;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto& step = steps[i];
        if (!open_and_dated(step)) continue;
        for (const auto& id : step.depends_on) {
            const auto* before = ctx.plan.find_milestone(id);
            if (!before || before == &step || !open_and_dated(*before) || !(*step.due < *before->due)) continue;
            const auto index = static_cast<std::size_t>(before - steps.data());
            if (const auto moved_from = date_before_slip(*before, *step.due)) {
                if (const auto* rule = ctx.active("H831"))
                    ctx.add(*rule,
                            step_name(*before) + " moved from " + format_iso_date(*moved_from) + " to " +
                                format_iso_date(*before->due) + ", past " + step_name(step) +
                                " that depends on it (due " + format_iso_date(*step.due) + ")",
                            ctx.milestone_field(index, "due"), before->id);
                continue;
            }
            if (const auto* rule = ctx.active("H830"))
                ctx.add(*rule,
                        step_name(step) + " is due " + format_iso_date(*step.due) + ", before " + step_name(*before) +
                            " it depends on (due " + format_iso_date(*before->due) + ")",
                        ctx.milestone_field(i, "due"), step.id);
        }
    }
}

/// The step that closes the deal: the last one with `workstream: signature`,
/// else the last pre-sale step in plan order (what the documents show as the
/// signature).
std::optional<std::size_t> close_step(const model::plan& plan) {
    std::optional<std::size_t> last_pre_sale;
    std::optional<std::size_t> signature;
    for (std::size_t i = 0; i < plan.milestones.size(); ++i) {
        const auto& m = plan.milestones[i];
        if (lower(m.workstream) == "signature") signature = i;
        if (!is_post_sale(m)) last_pre_sale = i;
    }
    return signature ? signature : last_pre_sale;
}

// The date a step happens on: completed for a done step, else due.
std::optional<model::date> step_date(const model::milestone& m) {
    if (is_done(m) && m.completed) return m.completed;
    return m.due;
}

void check_close_after_last_step(review_context& ctx) {
    const auto* rule = ctx.active("H832");
    const auto index = close_step(ctx.plan);
    if (!rule || !index) return;
    const auto& m = ctx.plan.milestones[*index];
    const auto on = step_date(m);
    const auto close = ctx.plan.target_close;
    if (!on || !(*on > close)) return;
    ctx.add(*rule,
            "target_close " + format_iso_date(close) + " is before the last " + step_name(m) + " (" +
                (is_done(m) && m.completed ? "completed " : "due ") + format_iso_date(*on) + ")",
            ctx.locate("/target_close"), m.id);
}

void check_done_before_dependencies(review_context& ctx) {
    const auto* rule = ctx.active("H833");
    if (!rule) return;
    const auto& steps = ctx.plan.milestones;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto& step = steps[i];
        if (!is_done(step)) continue;
        for (const auto& id : step.depends_on) {
            const auto* before = ctx.plan.find_milestone(id);
            if (!before || before == &step || is_done(*before)) continue;
            ctx.add(*rule,
                    step_name(step) + " is done but depends on " + step_name(*before) + ", which is " +
                        std::string(model::to_string(before->state)),
                    ctx.milestone_field(i, "status"), step.id);
        }
    }
}

}  // namespace

std::optional<std::size_t> close_step_after_close(const model::plan& plan) {
    const auto index = close_step(plan);
    if (!index) return std::nullopt;
    const auto on = step_date(plan.milestones[*index]);
    if (!on || !(*on > plan.target_close)) return std::nullopt;
    return index;
}

void check_consistency(review_context& ctx) {
    check_dependency_order(ctx);
    check_close_after_last_step(ctx);
    check_done_before_dependencies(ctx);
}

}  // namespace closeplan::health::detail

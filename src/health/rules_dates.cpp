// SPDX-License-Identifier: MIT
// H805-H809: every step dated and owned, nothing after the close, and a close
// date that follows from the buyer's own last step with room to spare.
#include "health/review_context.hpp"
#include "model/dates.hpp"

namespace closeplan::health::detail {

namespace {

std::string days(int n) { return std::to_string(n) + (n == 1 || n == -1 ? " day" : " days"); }

// H808 and H809 look at the buyer's last dated pre-sale step.
void check_close_date(review_context& ctx) {
    const auto& steps = ctx.plan.milestones;
    std::optional<std::size_t> last;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto& m = steps[i];
        if (m.owner != model::side::buyer || !m.due || is_post_sale(m)) continue;
        if (!last || *m.due >= *steps[*last].due) last = i;
    }
    if (!last) return;
    const auto& m = steps[*last];
    const auto close = ctx.plan.target_close;
    const int gap = model::days_between(*m.due, close);
    if (gap <= 0) {
        if (const auto* rule = ctx.active("H808"))
            ctx.add(*rule,
                    "seller-driven close: target_close " + model::format_iso_date(close) +
                        " is not after the buyer's last " + step_name(m) + " (due " + model::format_iso_date(*m.due) +
                        ")",
                    ctx.milestone_field(*last, "due"), m.id);
        return;
    }
    if (const auto* rule = ctx.active("H809")) {
        const int min_buffer = static_cast<int>(ctx.value("H809", "min_buffer_days"));
        if (gap < min_buffer)
            ctx.add(*rule,
                    "no buffer: target_close " + model::format_iso_date(close) + " is " + days(gap) +
                        " after the buyer's last " + step_name(m) + ", fewer than " + days(min_buffer),
                    ctx.milestone_field(*last, "due"), m.id);
    }
}

}  // namespace

void check_dates(review_context& ctx) {
    const auto& steps = ctx.plan.milestones;
    const auto close = ctx.plan.target_close;
    // The signature after the close is the close date's own mistake (H832, at target_close).
    const auto late_close_step = ctx.active("H832") ? close_step_after_close(ctx.plan) : std::nullopt;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto& m = steps[i];
        if (const auto* rule = ctx.active("H805"); rule && !m.due && !m.completed)
            ctx.add(*rule, step_name(m) + " has no date: no due and no completed date", ctx.milestone_field(i, ""), m.id);
        if (const auto* rule = ctx.active("H806"); rule && !is_done(m)) {
            const auto* person = m.assignee.empty() ? nullptr : ctx.plan.find_stakeholder(m.assignee);
            if (m.owner == model::side::both && m.assignee.empty() && m.due && *m.due != close)
                ctx.add(*rule, step_name(m) + " is owned by both sides and assigned to nobody",
                        ctx.milestone_field(i, "owner"), m.id);
            else if (person && m.owner != model::side::both && person->party_side != m.owner)
                ctx.add(*rule,
                        step_name(m) + " is owned by the " + std::string(model::to_string(m.owner)) +
                            " but assigned to \"" + person->id + "\" on the " +
                            std::string(model::to_string(person->party_side)) + " side",
                        ctx.milestone_field(i, "assignee"), m.id);
        }
        if (const auto* rule = ctx.active("H807"); rule && !is_done(m) && !is_post_sale(m) && m.due && *m.due > close &&
                                                   late_close_step != i)
            ctx.add(*rule,
                    step_name(m) + " is due " + model::format_iso_date(*m.due) + ", " +
                        days(model::days_between(close, *m.due)) + " after target_close " +
                        model::format_iso_date(close),
                    ctx.milestone_field(i, "due"), m.id);
    }
    check_close_date(ctx);
}

}  // namespace closeplan::health::detail

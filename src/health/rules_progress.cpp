// SPDX-License-Identifier: MIT
// H812-H815: overdue steps (at risk, stalled; counted per owner side) and
// slips, with the close date's own move reported apart.
#include "health/review_context.hpp"
#include "model/dates.hpp"

namespace closeplan::health::detail {

namespace {

std::string days(int n) { return std::to_string(n) + (n == 1 ? " day" : " days"); }

overdue_count& count_for(report& out, model::side owner) {
    switch (owner) {
        case model::side::buyer: return out.buyer_overdue;
        case model::side::seller: return out.seller_overdue;
        case model::side::both: break;
    }
    return out.joint_overdue;
}

std::string side_word(model::side owner) {
    switch (owner) {
        case model::side::buyer: return "buyer";
        case model::side::seller: return "seller";
        case model::side::both: break;
    }
    return "joint";
}

// The close step: a dated step on target_close. Its slip is the close's slip.
bool is_close_step(const model::milestone& m, model::date close) { return m.due && *m.due == close; }

void check_overdue(review_context& ctx) {
    const int at_risk_days = static_cast<int>(ctx.value("H812", "at_risk_days"));
    const int stalled_days = static_cast<int>(ctx.value("H813", "stalled_days"));
    const auto& steps = ctx.plan.milestones;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto& m = steps[i];
        if (is_done(m) || !m.due) continue;
        const int late = model::days_between(*m.due, ctx.facts.as_of);
        if (late < at_risk_days) continue;
        const bool stalled = late >= stalled_days;
        auto& count = count_for(ctx.out, m.owner);
        (stalled ? count.stalled : count.at_risk) += 1;
        const auto* rule = ctx.active(stalled ? "H813" : "H812");
        if (!rule) continue;
        ctx.add(*rule,
                side_word(m.owner) + " " + step_name(m) + " is " + days(late) + " overdue (due " +
                    model::format_iso_date(*m.due) + (stalled ? "): stalled" : "): at risk"),
                ctx.milestone_field(i, "due"), m.id);
    }
}

// How often the date moved from baseline to due: the `history` extension
// lists the dates in between; without it a slip is one move.
int moves(const model::milestone& m) {
    int count = 0;
    auto previous = *m.baseline;
    for (const auto& d : m.history) {
        if (d != previous) ++count;
        previous = d;
    }
    return count + (*m.due != previous ? 1 : 0);
}

void check_slips(review_context& ctx) {
    const int min_slip = static_cast<int>(ctx.value("H814", "min_slip_days"));
    const auto& steps = ctx.plan.milestones;
    for (std::size_t i = 0; i < steps.size(); ++i) {
        const auto& m = steps[i];
        if (!m.due || !m.baseline) continue;
        const int moved = model::days_between(*m.baseline, *m.due);
        if (moved <= 0) continue;
        ctx.out.slips.steps_moved += 1;
        ctx.out.slips.total_days += moved;
        auto dates = "(baseline " + model::format_iso_date(*m.baseline) + ", due " + model::format_iso_date(*m.due);
        if (const int n = moves(m); n > 1) dates += ", moved " + std::to_string(n) + " times";
        dates += ")";
        if (is_close_step(m, ctx.plan.target_close)) {
            ctx.out.slips.close_pushed_days = std::max(ctx.out.slips.close_pushed_days, moved);
            if (const auto* rule = ctx.active("H815"))
                ctx.add(*rule, "the close was pushed " + days(moved) + ": " + step_name(m) + " " + dates,
                        ctx.milestone_field(i, "due"), m.id);
        } else if (moved >= min_slip) {
            if (const auto* rule = ctx.active("H814"))
                ctx.add(*rule, step_name(m) + " slipped " + days(moved) + " " + dates, ctx.milestone_field(i, "due"),
                        m.id);
        }
    }
}

}  // namespace

void check_progress(review_context& ctx) {
    check_overdue(ctx);
    check_slips(ctx);
}

}  // namespace closeplan::health::detail

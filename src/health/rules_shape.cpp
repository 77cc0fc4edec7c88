// SPDX-License-Identifier: MIT
// H801-H804: is the plan mutual, and is it the right size?
#include <cmath>

#include "health/review_context.hpp"
#include "model/dates.hpp"

namespace closeplan::health::detail {

namespace {

source_location steps_location(const review_context& ctx) {
    const auto* first = ctx.plan.milestones.empty() ? nullptr : &ctx.plan.milestones.front().where;
    return ctx.locate("/milestones", first);
}

std::string steps(int n) { return std::to_string(n) + (n == 1 ? " step" : " steps"); }

int percent(double share) { return static_cast<int>(std::lround(share * 100)); }

}  // namespace

void check_mutual(review_context& ctx) {
    const auto& steps = ctx.plan.milestones;
    if (steps.empty()) return;
    if (const auto* rule = ctx.active("H801")) {
        int seller = 0;
        for (const auto& m : steps) seller += m.owner == model::side::seller ? 1 : 0;
        const double share = static_cast<double>(seller) / static_cast<double>(steps.size());
        const double max_share = ctx.value("H801", "max_share");
        if (share > max_share + 1e-9) {
            ctx.add(*rule,
                    "not mutual: the seller owns " + std::to_string(seller) + " of " + std::to_string(steps.size()) +
                        " steps (" + std::to_string(percent(share)) + "%, more than " +
                        std::to_string(percent(max_share)) + "%)",
                    steps_location(ctx));
        }
    }
    if (const auto* rule = ctx.active("H802")) {
        const int window = static_cast<int>(ctx.value("H802", "window_days"));
        bool anything_open = false;
        bool buyer_busy = false;
        for (const auto& m : steps) {
            if (is_done(m) || is_post_sale(m)) continue;
            anything_open = true;
            if (m.owner != model::side::seller && m.due && model::days_between(ctx.facts.as_of, *m.due) <= window)
                buyer_busy = true;
        }
        if (anything_open && !buyer_busy) {
            ctx.add(*rule,
                    "not mutual: the buyer owns no open step due by " +
                        model::format_iso_date(model::date{std::chrono::sys_days{ctx.facts.as_of} + std::chrono::days{window}}) +
                        " (" + std::to_string(window) + " days after as_of)",
                    steps_location(ctx));
        }
    }
}

void check_length(review_context& ctx) {
    const auto count = static_cast<int>(ctx.plan.milestones.size());
    if (const auto* rule = ctx.active("H803")) {
        const int min_steps = static_cast<int>(ctx.value("H803", "min_steps"));
        if (count < min_steps)
            ctx.add(*rule,
                    "too short: " + steps(count) + ", fewer than " + std::to_string(min_steps),
                    steps_location(ctx));
    }
    if (const auto* rule = ctx.active("H804")) {
        const int max_steps = static_cast<int>(ctx.value("H804", "max_steps"));
        const int no_plan = static_cast<int>(ctx.value("H804", "no_plan_steps"));
        if (count > max_steps) {
            const bool configured = ctx.settings.rules.count("H804") && ctx.settings.rules.at("H804").level;
            const bool like_no_plan = count > no_plan;
            ctx.add(*rule,
                    "too long: " + steps(count) + ", more than " + std::to_string(max_steps) +
                        (like_no_plan ? " (over " + std::to_string(no_plan) + " behaves like no plan)" : ""),
                    steps_location(ctx), {},
                    like_no_plan && !configured ? std::optional<severity>(severity::error) : std::nullopt);
        }
    }
}

}  // namespace closeplan::health::detail

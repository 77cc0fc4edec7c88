// SPDX-License-Identifier: MIT
// H816-H821: the people who decide and sell inside, what each cares about,
// resources someone is pointed to, and who signs.
#include <algorithm>

#include "health/review_context.hpp"

namespace closeplan::health::detail {

namespace {

bool has_buyer_role(const model::plan& plan, model::role wanted) {
    return std::any_of(plan.stakeholders.begin(), plan.stakeholders.end(), [&](const model::stakeholder& s) {
        return s.party_side == model::side::buyer && s.role_kind == wanted;
    });
}

source_location stakeholders_location(const review_context& ctx) {
    const auto* first = ctx.plan.stakeholders.empty() ? nullptr : &ctx.plan.stakeholders.front().where;
    return ctx.locate("/stakeholders", first);
}

bool is_proof_somewhere(const analyze::analysis& facts, const std::string& id) {
    return std::any_of(facts.value_rows.begin(), facts.value_rows.end(), [&](const analyze::value_row& row) {
        return std::find(row.proof_resource_ids.begin(), row.proof_resource_ids.end(), id) != row.proof_resource_ids.end();
    });
}

}  // namespace

void check_people(review_context& ctx) {
    const auto& plan = ctx.plan;
    if (const auto* rule = ctx.active("H816"); rule && !has_buyer_role(plan, model::role::economic_buyer))
        ctx.add(*rule, "no economic buyer: no buyer-side stakeholder has role economic_buyer", stakeholders_location(ctx));
    if (const auto* rule = ctx.active("H817"); rule && !has_buyer_role(plan, model::role::champion))
        ctx.add(*rule, "no champion: no buyer-side stakeholder has role champion", stakeholders_location(ctx));
    if (const auto* rule = ctx.active("H818")) {
        for (std::size_t i = 0; i < plan.stakeholders.size() && i < ctx.facts.value_rows.size(); ++i) {
            const auto& s = plan.stakeholders[i];
            if (s.party_side != model::side::buyer || !ctx.facts.value_rows[i].cares_about.empty()) continue;
            ctx.add(*rule, "stakeholder \"" + s.id + "\" has nothing they care about mapped",
                    ctx.locate("/stakeholders/" + std::to_string(i), &s.where));
        }
    }
    if (const auto* rule = ctx.active("H819")) {
        for (std::size_t i = 0; i < plan.resources.size(); ++i) {
            const auto& r = plan.resources[i];
            if (!r.for_ids.empty() || is_proof_somewhere(ctx.facts, r.id)) continue;
            ctx.add(*rule,
                    "resource " + (r.id.empty() ? "\"" + r.title + "\"" : "\"" + r.id + "\"") +
                        " is referenced nowhere: no `for` and no value map proof",
                    ctx.locate("/resources/" + std::to_string(i), &r.where));
        }
    }
    if (const auto* rule = ctx.active("H820")) {
        if (!plan.signatures.buyer)
            ctx.add(*rule, "no sign-off name for the buyer", ctx.locate("/sign_off"));
        if (!plan.signatures.seller)
            ctx.add(*rule, "no sign-off name for the seller", ctx.locate("/sign_off"));
    }
    if (const auto* rule = ctx.active("H821")) {
        // The deal's signature is the last signature step (a pilot's order form may come before it).
        const auto signed_step = std::find_if(plan.milestones.rbegin(), plan.milestones.rend(),
                                              [](const model::milestone& m) { return m.workstream == "signature"; });
        if (signed_step != plan.milestones.rend() && is_done(*signed_step)) {
            const auto check = [&](const std::optional<model::signatory>& who, std::string_view side) {
                if (who && !who->signed_on)
                    ctx.add(*rule,
                            step_name(*signed_step) + " is done but the " + std::string(side) + "'s sign-off has no date",
                            ctx.locate("/sign_off/" + std::string(side)), signed_step->id);
            };
            check(plan.signatures.buyer, "buyer");
            check(plan.signatures.seller, "seller");
        }
    }
}

}  // namespace closeplan::health::detail

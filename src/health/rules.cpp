// SPDX-License-Identifier: MIT
// The catalogue of health rules and how a config overrides them. The wording
// of `why` and `fix` is API: text and JSON output print it, and
// docs/health.md repeats it.
#include <algorithm>

#include "health/health.hpp"

namespace closeplan::health {

const std::vector<rule_info>& rules() {
    static const std::vector<rule_info> catalogue = {
        {"H801", "seller-heavy", severity::warning,
         "a plan the seller owns is the seller's forecast, not the buyer's commitment",
         "give the buyer's own steps (reviews, approvals, introductions) to buyer-side owners",
         {{"max_share", 0.5, "largest share of steps the seller may own (0.5 = half)"}}},
        {"H802", "buyer-idle", severity::warning,
         "a buyer with nothing to do in the coming weeks is not buying yet",
         "agree a dated buyer step inside the window, such as a review meeting or an introduction",
         {{"window_days", 30, "days after as_of in which the buyer should own an open step"}}},
        {"H803", "too-few-steps", severity::warning,
         "plans of 6 to 20 steps win most often; fewer leave the buyer's approval path unmapped",
         "add the buyer's approval steps: security, legal, procurement, budget and signature",
         {{"min_steps", 6, "fewest steps a plan should have"}}},
        {"H804", "too-many-steps", severity::warning,
         "past 20 steps a plan turns into homework; past 30 it performs like no plan at all",
         "merge small steps into 3 to 5 stages of 3 to 5 steps; keep task-level detail elsewhere",
         {{"max_steps", 20, "most steps a plan should have"},
          {"no_plan_steps", 30, "above this many steps the finding is an error (unless a severity is configured)"}}},
        {"H805", "undated-step", severity::warning,
         "a step without a date cannot slip, be overdue or be held to",
         "give the step a due date, or a completed date when it is done",
         {}},
        {"H806", "no-owner-side", severity::warning,
         "a step both sides own and nobody is named for, or owned by one side and assigned to the other, is a step nobody answers for",
         "set owner to the side that does the step and name an assignee on that side",
         {}},
        {"H807", "step-after-close", severity::warning,
         "an open step due after target_close means the close date cannot hold",
         "move the step before target_close, or move target_close",
         {}},
        {"H808", "seller-driven-close", severity::warning,
         "a close date that is not after the buyer's last step was set by the seller, not by the buyer's process",
         "work target_close back from the buyer's last approval, not forward from the quarter end",
         {}},
        {"H809", "no-close-buffer", severity::warning,
         "with no days between the buyer's last step and the close, any slip moves the close",
         "leave a few days between the buyer's last step and target_close",
         {{"min_buffer_days", 5, "fewest days between the buyer's last step and target_close"}}},
        {"H810", "missing-stall-step", severity::warning,
         "security review, legal (MSA, DPA), procurement and executive approval stall large deals late when nobody planned them",
         "add the step with its owner and date, even when the buyer says it is a formality",
         {{"min_amount", 50000, "deal amount (any currency) from which these steps are expected; plans without an amount are not checked"}}},
        {"H811", "post-sale-step", severity::note,
         "kickoff and implementation steps in the buying plan blur what must happen before signature",
         "keep the plan to signature; put kickoff and go-live in `implementation` and the Customer Success handoff",
         {}},
        {"H812", "step-at-risk", severity::warning,
         "a step a few days overdue is the first sign of a stalling deal",
         "ask the owner for a new date and record it (keep the old one as baseline)",
         {{"at_risk_days", 1, "days overdue from which a step is at risk"}}},
        {"H813", "step-stalled", severity::error,
         "a step a week or more overdue has stalled; deals rarely recover without a new agreed date",
         "agree a new date with the owner, or escalate to the sponsor on their side",
         {{"stalled_days", 7, "days overdue from which a step has stalled"}}},
        {"H814", "step-slipped", severity::warning,
         "slips hidden from the plan make its dates a wish; repeated slips predict a late close",
         "keep the slip visible (baseline stays the first agreed date) and check what the step waits for",
         {{"min_slip_days", 1, "smallest slip, in days, that is reported"}}},
        {"H815", "close-pushed", severity::warning,
         "a pushed close date is the strongest sign the deal is slipping out of the quarter",
         "confirm the new date with the economic buyer and re-check every step before it",
         {}},
        {"H816", "no-economic-buyer", severity::warning,
         "without the person who owns the budget, nobody in the plan can say yes",
         "name the buyer-side stakeholder with role economic_buyer",
         {}},
        {"H817", "no-champion", severity::warning,
         "without a champion nobody sells the deal inside the buyer when the seller is not in the room",
         "name the buyer-side stakeholder with role champion",
         {}},
        {"H818", "stakeholder-without-value", severity::note,
         "a buyer stakeholder with nothing mapped they care about is one whose objection nobody prepared for",
         "add cares_about to the stakeholder, or a value map entry matching their role or title",
         {}},
        {"H819", "unused-resource", severity::note,
         "a resource nobody is pointed to is noise in the buyer's copy",
         "name who it is for (`for: [id]`), list it as proof in the value map, or remove it",
         {}},
        {"H820", "no-sign-off", severity::warning,
         "a plan nobody signs off is a wish list with columns",
         "name the buyer's and the seller's signatory under sign_off",
         {}},
        {"H821", "signed-undated", severity::note,
         "a signature step marked done with no sign-off date leaves the handoff unsure the deal is signed",
         "give each side's sign_off the day it signed: `buyer: { id: dana, date: YYYY-MM-DD }`",
         {}},
        {"H830", "due-before-dependency", severity::warning,
         "a step due before a step it waits for cannot be done on its date; the plan promises both",
         "move the step after the one it depends on (keep its old date as baseline), or remove the dependency if it does not wait",
         {}},
        {"H831", "slip-breaks-successor", severity::warning,
         "a slip that passes a step waiting for it moves that step too, whether the plan says so or not",
         "re-date the steps that depend on it (keep their old dates as baseline), or agree how to win the slip back",
         {}},
        {"H832", "close-before-last-step", severity::warning,
         "a close date before the signature step is a date nobody can sign on; the forecast and the plan disagree",
         "move target_close to the signature's date and keep the earlier close as target_close_baseline, or bring the step back",
         {}},
        {"H833", "done-depends-on-open", severity::warning,
         "a step marked done while a step it depends on is still open means one of the two statuses is wrong",
         "finish the step it depends on (status done and a completed date), or remove the dependency if it did not wait",
         {}},
    };
    return catalogue;
}

const rule_info* find_rule(std::string_view id_or_name) {
    const auto& all = rules();
    const auto found = std::find_if(all.begin(), all.end(), [&](const rule_info& rule) {
        return rule.id == id_or_name || rule.name == id_or_name;
    });
    return found == all.end() ? nullptr : &*found;
}

bool config::enabled(std::string_view id) const {
    const auto found = rules.find(std::string(id));
    return found == rules.end() || found->second.enabled;
}

severity config::level(const rule_info& rule) const {
    const auto found = rules.find(std::string(rule.id));
    if (found != rules.end() && found->second.level) return *found->second.level;
    return rule.default_level;
}

double config::value(const rule_info& rule, std::string_view key) const {
    if (const auto found = rules.find(std::string(rule.id)); found != rules.end()) {
        if (const auto v = found->second.values.find(std::string(key)); v != found->second.values.end()) return v->second;
    }
    for (const auto& parameter : rule.parameters)
        if (parameter.key == key) return parameter.default_value;
    return 0;
}

}  // namespace closeplan::health

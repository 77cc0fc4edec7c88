// SPDX-License-Identifier: MIT
// H810-H811: the steps that stall big deals late are in the plan; the work
// after the sale is not.
#include <array>
#include <cstdlib>

#include "health/review_context.hpp"

namespace closeplan::health::detail {

namespace {

bool contains_any(const std::string& haystack, const std::vector<std::string_view>& needles) {
    for (const auto needle : needles)
        if (haystack.find(needle) != std::string::npos) return true;
    return false;
}

/// A workstream and the words that mark a step of it, matched in the
/// lower-cased title and gate, padded with spaces so " po " is a whole word.
struct stall_kind {
    std::string_view workstream;
    std::string_view label;
    std::vector<std::string_view> words;
};

const std::array<stall_kind, 4>& stall_kinds() {
    static const std::array<stall_kind, 4> kinds = {{
        {"security", "security review",
         {"security", "infosec", "soc 2", "soc2", "pen test", "penetration", "questionnaire", "iso 27001"}},
        {"legal", "legal review (MSA, DPA)",
         {" msa", " dpa", "legal", "contract", "redline", "master services", "data processing", "terms"}},
        {"procurement", "procurement",
         {"procurement", "purchase order", " po ", "vendor onboarding", "vendor registration", "supplier"}},
        {"executive", "executive approval",
         {"executive", " exec ", "board", "steering", " cfo", " ceo", " cio", "committee"}},
    }};
    return kinds;
}

bool covers(const model::milestone& m, const stall_kind& kind) {
    if (lower(m.workstream) == kind.workstream) return true;
    return contains_any(" " + lower(m.title) + " " + lower(m.gate) + " ", kind.words);
}

}  // namespace

bool is_post_sale(const model::milestone& m) {
    const auto stream = lower(m.workstream);
    if (stream == "kickoff" || stream == "implementation" || stream == "onboarding") return true;
    // "Onboarding" alone is left out: "vendor onboarding" is a procurement step.
    return contains_any(lower(m.title), {"kickoff", "kick-off", "kick off", "go-live", "go live", "customer onboarding"});
}

std::string step_name(const model::milestone& m) { return "step \"" + m.id + "\""; }

void check_coverage(review_context& ctx) {
    const auto& steps = ctx.plan.milestones;
    if (const auto* rule = ctx.active("H810"); rule && !ctx.plan.deal.amount.empty()) {
        const double amount = std::strtod(ctx.plan.deal.amount.c_str(), nullptr);
        const double min_amount = ctx.value("H810", "min_amount");
        if (amount >= min_amount) {
            const auto* first = steps.empty() ? nullptr : &steps.front().where;
            for (const auto& kind : stall_kinds()) {
                bool found = false;
                for (const auto& m : steps) found = found || covers(m, kind);
                if (!found)
                    ctx.add(*rule,
                            "no " + std::string(kind.label) + " step in a deal of " + ctx.plan.deal.amount +
                                (ctx.plan.deal.currency.empty() ? "" : " " + ctx.plan.deal.currency),
                            ctx.locate("/milestones", first));
            }
        }
    }
    if (const auto* rule = ctx.active("H811")) {
        for (std::size_t i = 0; i < steps.size(); ++i)
            if (is_post_sale(steps[i]))
                ctx.add(*rule, step_name(steps[i]) + " is post-sale work (kickoff, implementation)",
                        ctx.milestone_field(i, ""), steps[i].id);
    }
}

}  // namespace closeplan::health::detail

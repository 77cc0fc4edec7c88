// SPDX-License-Identifier: MIT
// Look-ups on a plan and the spec's names for its enums.
#include "model/plan.hpp"

namespace closeplan::model {

namespace {
template <typename T>
const T* find_by_id(const std::vector<T>& items, std::string_view id) {
    for (const auto& item : items)
        if (item.id == id) return &item;
    return nullptr;
}
}  // namespace

const stakeholder* plan::find_stakeholder(std::string_view id) const { return find_by_id(stakeholders, id); }
const milestone* plan::find_milestone(std::string_view id) const { return find_by_id(milestones, id); }
const resource* plan::find_resource(std::string_view id) const { return find_by_id(resources, id); }

std::optional<date> plan::contract_renewal() const {
    if (contract.renewal_date) return contract.renewal_date;
    if (!contract.start || !contract.term_months) return std::nullopt;
    // Whole months on: a start on the 31st renews on the month's last day when the month is shorter.
    const auto moved = contract.start->year() / contract.start->month() + std::chrono::months{*contract.term_months};
    const date candidate = moved / contract.start->day();
    return candidate.ok() ? candidate : date{moved / std::chrono::last};
}

std::optional<date> plan::contract_notice_by() const {
    const auto renewal = contract_renewal();
    if (!renewal || !contract.notice_days) return std::nullopt;
    return date{std::chrono::sys_days{*renewal} - std::chrono::days{*contract.notice_days}};
}

std::string_view to_string(side v) {
    switch (v) {
        case side::buyer: return "buyer";
        case side::seller: return "seller";
        case side::both: return "both";
    }
    return "?";
}

std::string_view to_string(status v) {
    switch (v) {
        case status::not_started: return "not_started";
        case status::scheduled: return "scheduled";
        case status::in_progress: return "in_progress";
        case status::done: return "done";
        case status::blocked: return "blocked";
    }
    return "?";
}

std::string_view to_string(level v) {
    switch (v) {
        case level::high: return "high";
        case level::medium: return "medium";
        case level::low: return "low";
    }
    return "?";
}

std::string_view to_string(role v) {
    switch (v) {
        case role::economic_buyer: return "economic_buyer";
        case role::champion: return "champion";
        case role::decision_maker: return "decision_maker";
        case role::technical_evaluator: return "technical_evaluator";
        case role::security: return "security";
        case role::legal: return "legal";
        case role::procurement: return "procurement";
        case role::executive_sponsor: return "executive_sponsor";
        case role::end_user: return "end_user";
        case role::account_executive: return "account_executive";
        case role::solutions_engineer: return "solutions_engineer";
        case role::customer_success: return "customer_success";
        case role::sales_leader: return "sales_leader";
        case role::other: return "other";
    }
    return "?";
}

std::string_view to_string(resource_kind v) {
    switch (v) {
        case resource_kind::roi: return "roi";
        case resource_kind::security: return "security";
        case resource_kind::case_study: return "case_study";
        case resource_kind::legal: return "legal";
        case resource_kind::proposal: return "proposal";
        case resource_kind::implementation: return "implementation";
        case resource_kind::reference: return "reference";
        case resource_kind::other: return "other";
    }
    return "?";
}

std::string_view to_string(sign_method v) {
    switch (v) {
        case sign_method::email: return "email";
        case sign_method::meeting: return "meeting";
        case sign_method::signature: return "signature";
    }
    return "?";
}

}  // namespace closeplan::model

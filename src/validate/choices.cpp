// SPDX-License-Identifier: MIT
// Enum names come from model::to_string so the validator and the writers never disagree.
#include "validate/choices.hpp"

#include "validate/wording.hpp"

namespace closeplan::validate::detail {

namespace {

template <typename E>
std::vector<std::string_view> names_of(std::initializer_list<E> values) {
    std::vector<std::string_view> out;
    for (E v : values) out.push_back(model::to_string(v));
    return out;
}

std::string rule_for(std::string_view field, const std::vector<std::string_view>& names) {
    if (names.size() <= 3) return std::string(field) + " must be " + join_or(names);
    return std::string(field) + " must be one of " + join_or(names);
}

choice_spec make(std::string_view field, std::vector<std::string_view> names,
                 std::vector<std::pair<std::string_view, std::string_view>> synonyms) {
    auto rule = rule_for(field, names);
    return {field, std::move(names), std::move(synonyms), std::move(rule)};
}

// Words CRMs and spreadsheets use for the sides; compared after normalise_word.
const std::vector<std::pair<std::string_view, std::string_view>> side_synonyms = {
    {"customer", "buyer"}, {"client", "buyer"},   {"prospect", "buyer"}, {"account", "buyer"},
    {"vendor", "seller"},  {"supplier", "seller"}, {"provider", "seller"}, {"us", "seller"},
    {"shared", "both"},    {"joint", "both"},     {"mutual", "both"},    {"all", "both"},
};

}  // namespace

const choice_spec& owner_choices() {
    using model::side;
    static const choice_spec spec = make("owner", names_of({side::buyer, side::seller, side::both}), side_synonyms);
    return spec;
}

const choice_spec& stakeholder_side_choices() {
    using model::side;
    static const choice_spec spec = [] {
        auto s = make("side", names_of({side::buyer, side::seller}), side_synonyms);
        s.rule = "side must be buyer or seller: a stakeholder works for one of the two companies";
        return s;
    }();
    return spec;
}

const choice_spec& status_choices() {
    using model::status;
    static const choice_spec spec = make(
        "status",
        names_of({status::not_started, status::scheduled, status::in_progress, status::done, status::blocked}),
        {{"completed", "done"},      {"complete", "done"},        {"finished", "done"},
         {"closed", "done"},         {"won", "done"},             {"todo", "not_started"},
         {"to_do", "not_started"},   {"open", "not_started"},     {"new", "not_started"},
         {"planned", "scheduled"},   {"booked", "scheduled"},     {"started", "in_progress"},
         {"wip", "in_progress"},     {"ongoing", "in_progress"},  {"in_flight", "in_progress"},
         {"stuck", "blocked"},       {"on_hold", "blocked"},      {"waiting", "blocked"}});
    return spec;
}

const choice_spec& role_choices() {
    using model::role;
    static const choice_spec spec = make(
        "role",
        names_of({role::economic_buyer, role::champion, role::decision_maker, role::technical_evaluator,
                  role::security, role::legal, role::procurement, role::executive_sponsor, role::end_user,
                  role::account_executive, role::solutions_engineer, role::customer_success,
                  role::sales_leader, role::other}),
        {{"eb", "economic_buyer"},        {"budget_holder", "economic_buyer"},
         {"coach", "champion"},           {"sponsor", "executive_sponsor"},
         {"exec_sponsor", "executive_sponsor"}, {"dm", "decision_maker"},
         {"technical_buyer", "technical_evaluator"}, {"user", "end_user"},
         {"ae", "account_executive"},     {"sales_rep", "account_executive"},
         {"se", "solutions_engineer"},    {"sales_engineer", "solutions_engineer"},
         {"presales", "solutions_engineer"}, {"csm", "customer_success"},
         {"sales_manager", "sales_leader"}, {"purchasing", "procurement"},
         {"infosec", "security"},         {"counsel", "legal"}});
    return spec;
}

const choice_spec& influence_choices() {
    using model::level;
    static const choice_spec spec = make("influence", names_of({level::high, level::medium, level::low}),
                                         {{"med", "medium"}, {"moderate", "medium"}, {"mid", "medium"},
                                          {"very_high", "high"}, {"strong", "high"}, {"weak", "low"}});
    return spec;
}

const choice_spec& severity_choices() {
    using model::level;
    static const choice_spec spec =
        make("severity", names_of({level::high, level::medium, level::low}),
             {{"critical", "high"}, {"blocker", "high"}, {"major", "high"}, {"med", "medium"},
              {"moderate", "medium"}, {"mid", "medium"}, {"minor", "low"}, {"trivial", "low"}});
    return spec;
}

const choice_spec& resource_kind_choices() {
    using model::resource_kind;
    static const choice_spec spec = make(
        "kind",
        names_of({resource_kind::roi, resource_kind::security, resource_kind::case_study, resource_kind::legal,
                  resource_kind::proposal, resource_kind::implementation, resource_kind::reference,
                  resource_kind::other}),
        {{"business_case", "roi"}, {"tco", "roi"},          {"soc2", "security"},     {"soc_2", "security"},
         {"questionnaire", "security"}, {"contract", "legal"}, {"msa", "legal"},     {"nda", "legal"},
         {"quote", "proposal"},    {"pricing", "proposal"}, {"sow", "implementation"}, {"onboarding", "implementation"},
         {"customer_story", "case_study"}, {"testimonial", "case_study"}, {"references", "reference"}});
    return spec;
}

const choice_spec& sign_method_choices() {
    using model::sign_method;
    static const choice_spec spec =
        make("how", names_of({sign_method::email, sign_method::meeting, sign_method::signature}),
             {{"mail", "email"}, {"e_mail", "email"}, {"call", "meeting"}, {"in_person", "meeting"},
              {"docusign", "signature"}, {"signed", "signature"}, {"wet_ink", "signature"}});
    return spec;
}

}  // namespace closeplan::validate::detail

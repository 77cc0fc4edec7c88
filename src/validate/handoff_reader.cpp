// SPDX-License-Identifier: MIT
// Reads what Customer Success runs the account by: contract, purchased, environment,
// competition, red flags; and keeps every `x-` extension field as written.
#include "validate/plan_fields.hpp"
#include "validate/plan_reader.hpp"

#include <array>
#include <charconv>

#include "model/dates.hpp"
#include "validate/wording.hpp"

namespace closeplan::validate::detail {

namespace {


bool plain_quantity(std::string_view text) {
    const auto dot = text.find('.');
    const auto whole = text.substr(0, dot);
    if (whole.empty() || whole.find_first_not_of("0123456789") != std::string_view::npos) return false;
    if (dot == std::string_view::npos) return true;
    const auto fraction = text.substr(dot + 1);
    return !fraction.empty() && fraction.find_first_not_of("0123456789") == std::string_view::npos;
}

// `renewal:` is a date when it is written like one (starts with four digits and a dash), else a rule in words.
bool looks_like_date(std::string_view text) {
    return text.size() >= 5 && text.substr(0, 4).find_first_not_of("0123456789") == std::string_view::npos &&
           text[4] == '-';
}

model::extension_value copy_value(const raw_node& node) {
    model::extension_value out;
    switch (node.type) {
        case raw_node::kind::null: break;
        case raw_node::kind::scalar:
            out.type = model::extension_value::kind::text;
            out.text = node.text;
            break;
        case raw_node::kind::sequence:
            out.type = model::extension_value::kind::list;
            for (const auto& item : node.items) out.items.push_back(copy_value(item));
            break;
        case raw_node::kind::mapping:
            out.type = model::extension_value::kind::map;
            for (const auto& m : node.members) out.members.push_back({m.key, copy_value(m.value)});
            break;
    }
    return out;
}

}  // namespace

bool is_extension_field(std::string_view key) { return key.size() > 2 && key.substr(0, 2) == "x-"; }

void collect_extensions(const raw_node& node, std::vector<model::extension_field>& out) {
    for (const auto& m : node.members) {
        if (is_extension_field(m.key))
            out.push_back({m.value.where.pointer, m.key, copy_value(m.value), at_key(m)});
        else
            collect_extensions(m.value, out);
    }
    for (const auto& item : node.items) collect_extensions(item, out);
}

std::optional<int> plan_reader::whole_number(const raw_node& map, std::string_view key, int low, int high) {
    auto value = fields_.located(map, key);
    if (!value || value->text.empty()) return std::nullopt;
    int n = 0;
    const auto* first = value->text.data();
    const auto* last = first + value->text.size();
    const auto [end, ec] = std::from_chars(first, last, n);
    if (ec == std::errc{} && end == last && n >= low && n <= high) return n;
    fields_.error("V215", quote(key) + " " + quote(value->text) + " is not a whole number from " + std::to_string(low) +
                              " to " + std::to_string(high),
                  value->where, {"write digits only, e.g. `" + std::string(key) + ": " + std::to_string(high > 100 ? 90 : 12) + "`"});
    return std::nullopt;
}

void plan_reader::read_contract(const raw_node& root, model::plan& plan) {
    const raw_node* node = fields_.member(root, "contract", need::optional);
    if (!node || !fields_.expect_mapping(*node, "\"contract\"",
                                         "write `contract: { start: YYYY-MM-DD, term_months: 12, notice_days: 90 }`"))
        return;
    fields_.check_keys(*node, contract_fields().keys);
    auto& c = plan.contract;
    c.where = at(*node);
    c.start = fields_.date(*node, "start");
    c.term_months = whole_number(*node, "term_months", 1, 1200);
    c.notice_days = whole_number(*node, "notice_days", 0, 3650);
    if (auto renewal = fields_.located(*node, "renewal"); renewal && !renewal->text.empty()) {
        if (looks_like_date(renewal->text))
            c.renewal_date = fields_.date(*node, "renewal");
        else
            c.renewal_rule = renewal->text;
    }
    c.billing = fields_.text(*node, "billing");
    c.notes = fields_.text(*node, "notes");
    // Dates that cannot all be right: said once, where the later one is written.
    const auto renewal = plan.contract_renewal();
    if (c.start && renewal && *renewal <= *c.start)
        fields_.warning("V218", "contract renewal " + model::format_iso_date(*renewal) + " is not after start " +
                                    model::format_iso_date(*c.start),
                        at(node->find("renewal") ? *node->find("renewal") : *node),
                        {"renewal falls after start: check `start`, `term_months` and `renewal`"});
    else if (c.start && plan.contract_notice_by() && *plan.contract_notice_by() < *c.start)
        fields_.warning("V218", "the notice deadline " + model::format_iso_date(*plan.contract_notice_by()) +
                                    " falls before the contract starts",
                        at(node->find("notice_days") ? *node->find("notice_days") : *node),
                        {"notice_days counts back from the renewal date: check it against the term"});
}

void plan_reader::read_purchased(const raw_node& root, model::plan& plan) {
    for (const raw_node* item : mapping_items(root, "purchased", "purchased line")) {
        model::purchase p;
        p.where = at(*item);
        fields_.check_keys(*item, purchase_fields().keys);
        p.product = fields_.text(*item, "product", need::required);
        if (auto qty = fields_.located(*item, "quantity"); qty && !qty->text.empty()) {
            if (plain_quantity(qty->text))
                p.quantity = qty->text;
            else
                fields_.error("V216", "quantity " + quote(qty->text) + " is not a plain number", qty->where,
                              {"write digits with an optional decimal point, e.g. 250, and the unit in `unit:`"});
        }
        p.unit = fields_.text(*item, "unit");
        p.note = fields_.text(*item, "note");
        plan.purchased.push_back(std::move(p));
    }
}

void plan_reader::read_environment(const raw_node& root, model::plan& plan) {
    const raw_node* node = fields_.member(root, "environment", need::optional);
    if (!node || !fields_.expect_mapping(*node, "\"environment\"",
                                         "write `environment: { systems: [...], integrations: [...] }`"))
        return;
    fields_.check_keys(*node, environment_fields().keys);
    plan.environment.systems = fields_.text_list(*node, "systems");
    plan.environment.integrations = fields_.text_list(*node, "integrations");
    plan.environment.notes = fields_.text(*node, "notes");
}

void plan_reader::read_competition(const raw_node& root, model::plan& plan) {
    for (const raw_node* item : mapping_items(root, "competition", "competitor")) {
        model::competitor c;
        c.where = at(*item);
        fields_.check_keys(*item, competitor_fields().keys);
        c.who = fields_.text(*item, "who", need::required);
        c.why_we_won = fields_.text(*item, "why_we_won");
        plan.competition.push_back(std::move(c));
    }
}

void plan_reader::read_red_flags(const raw_node& root, model::plan& plan) {
    plan.red_flags = fields_.text_list(root, "red_flags");
}

}  // namespace closeplan::validate::detail

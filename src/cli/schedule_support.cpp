// SPDX-License-Identifier: MIT
#include "cli/schedule_support.hpp"

#include <iostream>

#include "load/load_document.hpp"
#include "model/dates.hpp"
#include "validate/validate_plan.hpp"

namespace closeplan::cli {

std::optional<model::date> date_flag(std::string_view flag, const std::string& text) {
    auto parsed = model::parse_iso_date(text);
    if (!parsed) std::cerr << "closeplan: " << flag << " must be a date like 2026-06-30, not `" << text << "`\n";
    else if (auto why = model::range_problem(*parsed)) {
        std::cerr << "closeplan: " << flag << " `" << text << "` " << *why << "\n";
        return std::nullopt;
    }
    return parsed;
}

/// The deal flags end up in the plan file; refuse what the plan format refuses.
bool deal_flags_ok(const schedule::deal_fields& deal) {
    for (const auto& [flag, value] : {std::pair{"--deal-name", &deal.name}, std::pair{"--buyer", &deal.buyer},
                                      std::pair{"--seller", &deal.seller}}) {
        if (value->find_first_not_of(" \t") == std::string::npos) {
            std::cerr << "closeplan: " << flag << " must not be empty\n";
            return false;
        }
    }
    if (!deal.amount.empty() && !schedule::plain_amount(deal.amount)) {
        std::cerr << "closeplan: --amount must be a plain number such as 240000 or 240000.50, not `" << deal.amount
                  << "`\n";
        return false;
    }
    if (!deal.currency.empty() && !schedule::iso_currency_code(deal.currency)) {
        std::cerr << "closeplan: --currency must be an upper-case ISO code such as USD, not `" << deal.currency << "`\n";
        return false;
    }
    return true;
}

/// The written plan read back through the plan validator: a plan that
/// `closeplan check` would refuse is a bug here, never something to write.
bool plan_reads_back(const std::string& yaml, diagnostic_sink& diags) {
    diagnostic_sink check;
    const auto root = load::load_document(yaml, "<scheduled plan>", load::input_syntax::yaml, check);
    if (root) validate::validate_plan(*root, {}, check);
    if (!check.has_errors()) return true;
    for (const auto& d : check.all())
        if (d.level == severity::error) diags.report(d);
    return false;
}

}  // namespace closeplan::cli

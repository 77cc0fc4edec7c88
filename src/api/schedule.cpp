// SPDX-License-Identifier: MIT
// closeplan::schedule_plan: `closeplan schedule` as a function, the
// scheduled plan also loaded as a closeplan::plan.
#include "closeplan/schedule.hpp"

#include "api/option_checks.hpp"
#include "api/plan_state.hpp"
#include "schedule/schedule.hpp"

namespace closeplan {
inline namespace v0 {

namespace {

// The deal fields end up in the plan file: refuse what the plan format refuses (A108), every one at once.
void check_deal(const schedule_options& options, const std::string& name, diagnostic_sink& diags) {
    const source_location where{name, 0, 0, {}};
    for (const auto& [option, value] : {std::pair{"deal_name", &options.deal_name}, std::pair{"buyer", &options.buyer},
                                        std::pair{"seller", &options.seller}}) {
        if (value->find_first_not_of(" \t") == std::string::npos)
            diags.error("A108", std::string("schedule_options::") + option + " is blank", where,
                        {"the plan needs it: give the deal's name and both companies' names"});
    }
    if (!options.amount.empty() && !schedule::plain_amount(options.amount))
        diags.error("A108", "schedule_options::amount \"" + options.amount + "\" is not a plain number", where,
                    {"write digits with an optional decimal point, such as 240000 or 240000.50"});
    if (!options.currency.empty() && !schedule::iso_currency_code(options.currency))
        diags.error("A108", "schedule_options::currency \"" + options.currency + "\" is not an ISO currency code", where,
                    {"write an upper-case ISO 4217 code such as USD or EUR"});
}

schedule::deal_fields deal_of(const schedule_options& options) {
    return {options.deal_id, options.deal_name, options.buyer, options.seller,
            options.amount,  options.currency,  options.stage};
}

}  // namespace

bool schedule_result::ok() const { return api::no_errors(diagnostics); }

schedule_result schedule_plan(const std::string& playbook_path, const schedule_options& options) {
    schedule_result result;
    diagnostic_sink diags;
    api::check_as_of(options.close, "schedule_options::close", nullptr, playbook_path, diags);
    api::check_as_of(options.as_of, "schedule_options::as_of", nullptr, playbook_path, diags);
    check_deal(options, playbook_path, diags);
    try {
        const auto book = schedule::load_playbook(playbook_path, diags);
        schedule::business_calendar calendar;
        for (const auto& path : options.holiday_paths)
            if (auto days = schedule::load_holidays(path, diags)) calendar.add(*days);
        if (book && !diags.has_errors()) {
            const auto close = api::to_model(options.close);
            const auto as_of = api::to_model(options.as_of);
            const auto scheduled = schedule::schedule_backward(*book, close, as_of, calendar);
            schedule::report_close_day(*book, close, calendar, diags);
            schedule::report_feasibility(*book, scheduled, as_of, diags);
            if (schedule::check_date_range(*book, scheduled, diags)) {
                result.feasible = scheduled.feasible;
                result.yaml = schedule::to_plan_yaml(
                    schedule::build_plan(*book, scheduled, deal_of(options), close, as_of));
            }
        }
    } catch (const closeplan::error& e) {
        diags.report(e.diag());
    }
    result.diagnostics = diags.all();
    if (!result.ok()) {
        result.yaml.clear();
        return result;
    }
    // Loaded as the file `closeplan schedule -o` would write beside the playbook; its problems are reported too.
    result.scheduled = plan::from_memory(result.yaml, playbook_path + ".plan.yaml");
    const auto& loaded = result.scheduled.diagnostics();
    result.diagnostics.insert(result.diagnostics.end(), loaded.begin(), loaded.end());
    if (!result.ok()) result.yaml.clear();
    return result;
}

}  // namespace v0
}  // namespace closeplan

// SPDX-License-Identifier: MIT
// Backward scheduling of a playbook from the close date, and the plan it gives.
//
// What `days` means (also in docs/cli.md): a step with `days: n` occupies n
// business days ending on its due date, so a step due on D starts n-1
// business days before D (days: 1 starts and ends on D). A step starts on
// the business day after the latest due date of the steps it depends on.
// Scheduling is as late as possible: a step with no successor is due on
// target_close (the last business day on or before it, when target_close is
// a weekend or holiday); any other step is due the business day before the
// earliest start among its successors. The plan is feasible when the first
// start is on or after as_of (the first business day on or after as_of);
// otherwise business_days_missing says how many business days too few there are.
//
// Using the time there is (also in docs/plan-format.md section 3): when a
// feasible schedule needs fewer business days (from its first start to the
// close) than there are from as_of to the close, it is drawn to a larger
// scale: every step's start and due, counted in business days back from the
// close, are multiplied by available / needed, at most the playbook's
// max_stretch (default 5), rounded half up. Steps keep their order and
// relative spacing, the last step stays on the close, and none starts before
// as_of. Then a step with `anchor: close` goes as late as its successors
// allow, and a step with `anchor: start` as soon as possible from as_of
// (after its predecessors), taking its playbook days. An infeasible schedule
// stays as late as possible.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "model/plan.hpp"
#include "schedule/business_calendar.hpp"
#include "schedule/playbook.hpp"

namespace closeplan::schedule {

struct schedule_result {
    std::vector<model::milestone> milestones;  ///< one per playbook step, in playbook order, with due set
    bool feasible = true;
    int business_days_missing = 0;  ///< 0 when feasible
    model::date first_start;        ///< the earliest start of any step
    std::vector<model::date> starts;  ///< start of each step, parallel to milestones
};

/// Schedules every step of a prepared playbook (see prepare_playbook).
schedule_result schedule_backward(const playbook& book, model::date target_close, model::date as_of,
                                  const business_calendar& calendar);

/// The allocation-free core for batch runs: business-day indices only.
/// `due` and `start` are resized to the number of steps (their capacity is
/// kept between calls, so scheduling many deals allocates nothing).
struct schedule_indices {
    std::vector<long> due;
    std::vector<long> start;
    std::vector<long> ready;  ///< scratch: the earliest start its predecessors allow (anchor: start)
    long first_start = 0;
    long earliest_allowed = 0;  ///< index of the first business day on or after as_of
    [[nodiscard]] int business_days_missing() const {
        return first_start < earliest_allowed ? static_cast<int>(earliest_allowed - first_start) : 0;
    }
};
void schedule_backward_into(const playbook& book, model::date target_close, model::date as_of,
                            const business_calendar& calendar, schedule_indices& out);

/// What a plan needs that a playbook does not hold: the deal. batch fills it
/// from a CSV row; `closeplan schedule` from its flags.
struct deal_fields {
    std::string id;                  ///< optional
    std::string name = "New deal";
    std::string buyer = "Buyer";
    std::string seller = "Seller";
    std::string amount;              ///< plain decimal text ("240000.50") or empty
    std::string currency;            ///< ISO code or empty
    std::string stage;               ///< optional
};

/// A whole plan: the deal, as_of, target_close and the scheduled milestones
/// (status not_started, depends_on, gate, notes, workstream from the
/// playbook). Call report_feasibility as well to warn about a schedule
/// that does not fit between as_of and target_close.
model::plan build_plan(const playbook& book, const schedule_result& scheduled, const deal_fields& deal,
                       model::date target_close, model::date as_of);

/// Reports the P620 warning for an infeasible schedule (nothing when feasible).
void report_feasibility(const playbook& book, const schedule_result& scheduled, model::date as_of,
                        diagnostic_sink& diags);

/// The P622 error when the schedule would start before model::earliest_year
/// (a close date early in 1900 with long steps): the plan could not be read
/// back. Returns whether every date is in range.
bool check_date_range(const playbook& book, const schedule_result& scheduled, diagnostic_sink& diags);

/// A note (P621) when target_close is a weekend day or a holiday, naming the
/// business day the last steps are due instead; nothing otherwise.
void report_close_day(const playbook& book, model::date target_close, const business_calendar& calendar,
                      diagnostic_sink& diags);

/// What a deal's amount and currency must look like to go into the plan file
/// (`--amount`, `--currency`, and the library's schedule_options read these).
bool plain_amount(std::string_view text);       ///< digits with an optional decimal point: "240000.50"
bool iso_currency_code(std::string_view text);  ///< three upper-case letters: "USD"

/// The plan as a plan file (plan-format.md section 1, YAML) that
/// `closeplan check` accepts; every text value is quoted, so CRM text can
/// never change the file's structure.
std::string to_plan_yaml(const model::plan& plan);

/// The plan as a starter file for a person (`closeplan init`): the
/// `# yaml-language-server: $schema=` line pointing at `schema_ref`, a
/// comment on each field from the field table, placeholder stakeholders
/// (economic buyer, champion, account executive) assigned to the steps, and
/// sign-off. `closeplan check` accepts it.
std::string to_starter_yaml(const model::plan& plan, std::string_view schema_ref);

}  // namespace closeplan::schedule

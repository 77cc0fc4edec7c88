// SPDX-License-Identifier: MIT
/// @file
/// A plan from a playbook, as `closeplan schedule` makes it: the playbook's
/// steps scheduled backward from the close date in business days (holidays
/// left out), written as plan YAML and loaded as a closeplan::plan ready to
/// render.
///
/// Example:
/// ```cpp
/// closeplan::schedule_options options;
/// options.close = closeplan::date{2026, 6, 30};
/// options.as_of = closeplan::date{2026, 3, 2};
/// options.deal_name = "Northwind rollout";
/// auto made = closeplan::schedule_plan("playbook.yaml", options);
/// if (made.ok()) std::cout << made.yaml;  // or render_plan(made.plan, ...)
/// ```
///
/// Thread-safety: schedule_plan() may run at once on any threads.
#pragma once

#include <string>
#include <vector>

#include "closeplan/date.hpp"
#include "closeplan/diagnostics.hpp"
#include "closeplan/plan.hpp"

namespace closeplan {
inline namespace v0 {

/// The flags of `closeplan schedule`, as options.
struct schedule_options {
    /// The target close: the last step is due on it. A real calendar date (else A100).
    date close = {};
    /// The plan's as_of: no step may start before it. A real calendar date (else A100).
    date as_of = {};
    /// Holidays files (a YAML list of dates) that are not business days.
    std::vector<std::string> holiday_paths = {};
    std::string deal_name = "New deal";  ///< not blank (else A108)
    std::string deal_id = {};            ///< optional
    std::string buyer = "Buyer";         ///< not blank (else A108)
    std::string seller = "Seller";       ///< not blank (else A108)
    std::string amount = {};             ///< a plain number, "240000" or "240000.50" (else A108); empty = none
    std::string currency = {};           ///< an upper-case ISO code, "USD" (else A108); empty = none
    std::string stage = {};              ///< free text, optional
};

struct schedule_result {
    /// The plan file, as `closeplan schedule` writes it; empty when not ok().
    std::string yaml;
    /// The same plan, loaded (named "<playbook>.plan.yaml" in diagnostics), ready for render_plan() and the rest.
    plan scheduled;
    /// Whether every step fits between as_of and the close (else a P620 warning).
    bool feasible = false;
    /// The playbook's, the holidays files', the options' problems and warnings.
    std::vector<diagnostic> diagnostics;
    [[nodiscard]] bool ok() const;  ///< no error diagnostic
};

/// Schedules the playbook at `playbook_path` (YAML or JSON, closeplan-playbook: 1). Never throws.
schedule_result schedule_plan(const std::string& playbook_path, const schedule_options& options);

}  // namespace v0
}  // namespace closeplan

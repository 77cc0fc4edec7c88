// SPDX-License-Identifier: MIT
/// @file
/// The plan's health review, as `closeplan check` gives it: a score out of
/// 100 and findings for the seller (rules H801-H833, docs/health.md), as the
/// command's text and JSON (docs/schemas/health.schema.json).
///
/// Example:
/// ```cpp
/// closeplan::health_options options;
/// options.as_of = closeplan::date{2026, 5, 4};
/// auto report = closeplan::check_health(closeplan::plan::from_file("plan.yaml"), options);
/// if (report.ok()) std::cout << report.text;  // the findings, then "plan.yaml: health 62/100 (...)"
/// ```
///
/// Thread-safety: check_health() may run at once on any threads, on the same
/// plan or different ones.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "closeplan/date.hpp"
#include "closeplan/diagnostics.hpp"
#include "closeplan/plan.hpp"

namespace closeplan {
inline namespace v0 {

/// How to review; the defaults are those of `closeplan check`.
struct health_options {
    /// The date the review is made for, a real calendar date (else A100);
    /// overrides the plan's own `as_of` (one of them is needed, else O532).
    std::optional<date> as_of = {};
    /// A health config file (YAML or JSON, `closeplan-health: 1`): rules
    /// switched off, severities, thresholds (as `check --config`; H890-H892); empty = defaults.
    std::string config_path = {};
};

/// What check_health() found. Findings never reach a buyer-facing output.
struct health_result {
    /// 100 - 10 per error - 4 per warning - 1 per note, never below 0; 0 when not ok().
    int score = 0;
    /// Each finding as a diagnostic: code = the rule ("H812"), its severity
    /// (as configured), the message, the field it is about, and two hints: the
    /// rule's name and why it matters, and its fix. In rule order, then plan order.
    std::vector<diagnostic> findings;
    /// `closeplan check`'s text: the findings (why and fix at each rule's
    /// first), then the score line. Empty when not ok().
    std::string text;
    /// `closeplan check --format json`. Empty when not ok().
    std::string json;
    /// The plan's own, the options' and the config's problems.
    std::vector<diagnostic> diagnostics;
    [[nodiscard]] bool ok() const;  ///< no error diagnostic (findings are not diagnostics)
};

/// Reviews a plan. Never throws: a plan that did not load, a bad option or
/// config file is an error diagnostic and an empty report.
health_result check_health(const plan& input, const health_options& options = {});

}  // namespace v0
}  // namespace closeplan

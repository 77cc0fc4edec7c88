// SPDX-License-Identifier: MIT
// Plan health review: checks a validated plan against what makes a mutual
// action plan work (mutual, 6-20 steps, dated, honest about slips). For the
// seller's eyes: no buyer-facing output shows it. A pure function of the plan,
// its analysis and a config; no I/O except load_config.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analyze/analysis.hpp"
#include "closeplan/diagnostics.hpp"
#include "model/plan.hpp"

namespace closeplan::health {

/// One number a rule can be tuned with in the config file (`max_share: 0.6`).
struct rule_parameter {
    std::string_view key;
    double default_value = 0;
    std::string_view meaning;
};

/// One rule of the catalogue (docs/health.md has the same list).
struct rule_info {
    std::string_view id;    ///< stable code, e.g. "H801"
    std::string_view name;  ///< stable readable name, e.g. "seller-heavy"
    severity default_level = severity::warning;
    std::string_view why;   ///< one line: why it matters
    std::string_view fix;   ///< one line: how to fix it
    std::vector<rule_parameter> parameters;
};

/// Every rule, in id order.
const std::vector<rule_info>& rules();
/// The rule with this id ("H801") or name ("seller-heavy"), or nullptr.
const rule_info* find_rule(std::string_view id_or_name);

/// How one rule is configured: switched off, another severity, other thresholds.
struct rule_settings {
    bool enabled = true;
    std::optional<severity> level;         ///< empty = the rule's default
    std::map<std::string, double> values;  ///< parameter key -> value; missing = the default
};

/// The health config (`--config closeplan-health.yaml`); empty = every default.
struct config {
    std::map<std::string, rule_settings> rules;  ///< by rule id ("H801")

    [[nodiscard]] bool enabled(std::string_view id) const;
    [[nodiscard]] severity level(const rule_info& rule) const;
    [[nodiscard]] double value(const rule_info& rule, std::string_view key) const;
};

/// Reads a config file (YAML or JSON, `closeplan-health: 1`). Problems are
/// H890-H899 errors at their place in the file; nullopt when there are any.
std::optional<config> load_config(const std::string& path, diagnostic_sink& diags);
/// The same from text already read (`file` names it in diagnostics).
std::optional<config> parse_config(std::string_view text, const std::string& file, diagnostic_sink& diags);

/// One thing the review found.
struct finding {
    std::string rule_id;    ///< "H812"
    std::string rule_name;  ///< "step-at-risk"
    severity level = severity::warning;
    std::string message;    ///< one line, no trailing period
    source_location where;  ///< file:line:column and JSON Pointer of the milestone or field concerned
    std::string milestone_id;  ///< the step concerned, or empty
};

/// Overdue steps of one owner side.
struct overdue_count {
    int at_risk = 0;  ///< overdue by at_risk_days..stalled_days-1
    int stalled = 0;  ///< overdue by stalled_days or more
};

struct slip_summary {
    int steps_moved = 0;         ///< steps due later than their baseline
    int total_days = 0;          ///< sum of those slips in days
    int close_pushed_days = 0;   ///< how far the step due on target_close moved from its baseline
};

struct report {
    model::date as_of;
    std::vector<finding> findings;  ///< in rule id order, then plan order
    int errors = 0;
    int warnings = 0;
    int notes = 0;
    int score = 100;  ///< 100 - 10 per error - 4 per warning - 1 per note, never below 0
    slip_summary slips;
    overdue_count buyer_overdue;
    overdue_count seller_overdue;
    overdue_count joint_overdue;
};

/// Reviews a validated plan. `facts` must be analyze::analyze_plan(input_plan, as_of).
report review(const model::plan& input_plan, const analyze::analysis& facts, const config& settings);

}  // namespace closeplan::health

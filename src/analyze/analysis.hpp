// SPDX-License-Identifier: MIT
// What closeplan derives from a plan: pure functions of the plan and as_of, no I/O.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"

namespace closeplan::analyze {

enum class step_health { done, on_track, at_risk, stalled };  // at_risk: 1-6 days overdue; stalled: 7+

struct milestone_analysis {
    bool overdue = false;   ///< as_of past due and not done
    int days_overdue = 0;   ///< 0 when not overdue
    int slip_days = 0;      ///< due - baseline when positive, else 0
    bool slipped = false;   ///< due later than baseline
    bool pulled_in = false; ///< due earlier than baseline (shown, never hidden)
    int baseline_delta_days = 0;  ///< due - baseline (signed), 0 without baseline
    bool late_completion = false; ///< done, completed after due
    int days_late = 0;            ///< completed - due when late_completion, else 0
    bool after_target_close = false;
    step_health health = step_health::on_track;
};

struct progress {
    int done = 0;
    int total = 0;
};

/// One row of the stakeholder-value table: the plan's own cares_about first,
/// then what matching value-map entries add (no duplicates, case-insensitive).
struct value_row {
    std::string stakeholder_id;
    std::vector<std::string> cares_about;
    std::vector<std::string> proof_resource_ids;   ///< resolved resources, in plan order
    std::vector<std::string> proof_unresolved;     ///< proof kinds/ids the plan has no resource for
    std::vector<std::string> milestone_ids;        ///< milestones delivering the proof, in plan order
    bool covered = false;  ///< has something it cares about AND proof or a delivering milestone
    /// Belongs in the value table: a buyer-side stakeholder, or anyone with
    /// something mapped (own cares_about, an id match, a resource `for` them).
    bool relevant = false;
};

struct analysis {
    model::date as_of;
    int days_to_close = 0;  ///< target_close - as_of (negative when past)
    std::vector<milestone_analysis> milestones;  ///< same order as plan.milestones
    progress overall;
    progress buyer;   ///< owner buyer
    progress seller;  ///< owner seller
    progress both;    ///< owner both
    std::map<std::string, progress> by_workstream;  ///< "" key for milestones without one
    std::vector<std::string> workstreams;  ///< by_workstream keys in order of first appearance in the plan
    int overdue_count = 0;
    int slipped_count = 0;
    int total_slip_days = 0;
    std::vector<value_row> value_rows;  ///< one per stakeholder, plan order
    int value_covered = 0;              ///< rows with covered == true
    int value_relevant = 0;             ///< rows with relevant == true (the table's rows)
};

/// The stakeholder-value rows alone (part of analyze_plan): one per
/// stakeholder, in plan order. Value-map entries match buyer-side
/// stakeholders by role or title word; an id match applies to either side.
std::vector<value_row> map_stakeholder_values(const model::plan& input_plan);

/// Analyses a validated plan as of the given date.
analysis analyze_plan(const model::plan& input_plan, model::date as_of);

}  // namespace closeplan::analyze

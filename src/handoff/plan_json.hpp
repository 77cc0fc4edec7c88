// SPDX-License-Identifier: MIT
// plan.json: the normalised plan with its analysis, for other systems (docs/schemas/plan-json.md).
#pragma once

#include <string>
#include <vector>

#include "analyze/analysis.hpp"
#include "handoff/handoff_document.hpp"
#include "model/plan.hpp"

namespace closeplan::handoff {

/// Every field of the validated plan (absent values as null, lists as []),
/// each milestone with its analysis, the plan-wide analysis and the handoff
/// gaps. Keys in a fixed, documented order; two-space indent; ends in a newline.
std::string write_plan_json(const model::plan& input_plan, const analyze::analysis& facts, const std::vector<gap>& gaps);

}  // namespace closeplan::handoff

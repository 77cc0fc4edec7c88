// SPDX-License-Identifier: MIT
// Field-level locations for health findings.
#pragma once

#include "load/raw_tree.hpp"
#include "model/plan.hpp"

namespace closeplan::health {

/// Records in `input_plan.field_locations` where every value down to three
/// levels sits (`/target_close`, `/sign_off`, `/milestones/4/due`), so
/// findings name the field's own line and column, not just its milestone.
/// Locations validate/ already recorded are kept.
void remember_field_locations(const load::raw_node& root, model::plan& input_plan);

}  // namespace closeplan::health

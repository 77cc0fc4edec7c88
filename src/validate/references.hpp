// SPDX-License-Identifier: MIT
// Checks that need the whole plan: ids that must exist, sign-off sides, dependency cycles.
#pragma once

#include "validate/plan_reader.hpp"

namespace closeplan::validate::detail {

/// Unknown ids (R301), signatories on the wrong side (R303), value map ids
/// missing from the plan (R304, warning). Copies name and title of a
/// signatory given by id from the stakeholder.
void check_references(field_reader& fields, model::plan& plan, const pending_checks& pending);

/// Self-dependencies and dependency cycles among milestones (R302), each cycle once.
void check_cycles(field_reader& fields, const model::plan& plan, const pending_checks& pending);

}  // namespace closeplan::validate::detail

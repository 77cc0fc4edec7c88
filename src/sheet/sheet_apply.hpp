// SPDX-License-Identifier: MIT
// From a sheet read back to the edits of the plan (plan_patch.hpp): rows
// matched to milestones by id, each cell checked, a moved date kept as the
// step's baseline (or in its history), new rows given ids, missing rows
// reported. Every cell it cannot read is a located error (V262-V269).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "model/plan.hpp"
#include "sheet/plan_patch.hpp"
#include "sheet/sheet_read.hpp"

namespace closeplan::sheet {

struct apply_options {
    bool allow_remove = false;  ///< steps missing from the sheet are removed (else kept, V270)
};

/// The edits the sheet asks for; nullopt after reporting an error in a cell.
/// `plan` is the validated plan the sheet was written from (or a later one).
std::optional<plan_patch> changes_from_sheet(const model::plan& plan, const sheet_table& table,
                                             const apply_options& options, diagnostic_sink& diags);

/// A new step's id: the title in lower case, ASCII letters and digits joined
/// by `-`, at most 40 characters ("Security review (IT)" -> "security-review-it");
/// "step" when nothing is left; `-2`, `-3`... until it is none of `taken`.
std::string id_from_title(std::string_view title, const std::vector<std::string>& taken);

}  // namespace closeplan::sheet

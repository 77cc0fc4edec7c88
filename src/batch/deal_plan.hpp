// SPDX-License-Identifier: MIT
// The one validation of a batch deal's plan. The export gives a model::plan
// (deal_builder.hpp) that needs none; what a row's mapped cells
// (plan_columns.hpp) and the deal's overlay (overlays.hpp) add is text a
// person or a CRM wrote, so the plan is written as a tree, the cells' tree
// and then the overlay's are laid over it (overlays.hpp's merge rules), and
// the plan validator reads the result once, whatever of the two the deal has
// (an overlay alone, of the usual members, is laid over the typed plan with
// the same result: overlays.hpp's lay_overlay_typed).
// Every problem comes back as a row error at the place it was written: a cell
// by its column, an overlay by file:line:column, the export's own by its row.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "batch/error_report.hpp"
#include "batch/plan_columns.hpp"
#include "model/plan.hpp"

namespace closeplan::batch {

/// A deal's overlay file as read: its text, its path and its folder (the
/// folder resources' `path:` are checked against).
struct overlay_source {
    std::string_view text;
    const std::string& path;
    const std::string& folder;
};

/// How an overlay is merged: typed when lay_overlay_typed (overlays.hpp)
/// can, else on trees; tree_only is the reference its tests compare with.
enum class merge_path { typed_first, tree_only };

/// Lays `cells` and then `overlay` (either may be empty / null) over `plan`
/// and validates the result once. True: `plan` is the validated plan (its
/// value map, as_of and source file kept; the overlay's path as source file
/// when there is one); nothing to lay over is true with `plan` untouched.
/// False: `errors` has one row error (at `line`) per problem, `plan` is untouched.
bool complete_plan(model::plan& plan, const std::vector<plan_cell>& cells, const overlay_source* overlay,
                   const std::string& export_file, int line, std::vector<row_error>& errors,
                   merge_path path = merge_path::typed_first);

}  // namespace closeplan::batch

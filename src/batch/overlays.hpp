// SPDX-License-Identifier: MIT
// Per-deal overlays (`batch --overlays DIR`): `DIR/<deal id>.yaml` (or .yml,
// .json) holds plan fields a rep keeps by hand (outcome, success criteria,
// stakeholders, milestones, risks, resources, sign-off...), merged over the
// plan the export gives on every run, so the nightly rebuild never loses them.
//
// The merge is done on trees, then the plan validator reads the result: the
// export's plan is written as a tree whose nodes sit at the export's row, the
// overlay's members are laid over it (lists with ids: same id replaces, a new
// id adds; other lists add; mappings member by member; text replaces), and
// every problem comes back with the place it was written, in the overlay or
// the export. A field the plan format does not know is an error in an
// overlay (B730), not the plan file's warning. The usual overlay is laid
// over the typed plan instead (lay_overlay_typed), with the same result:
// writing a deal's whole plan as a tree and reading it back cost more than
// the rest of its merge; the tree merge stays for everything else and is
// the reference the typed one is tested against.
#pragma once

#include <atomic>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "batch/error_report.hpp"
#include "closeplan/diagnostics.hpp"
#include "load/raw_tree.hpp"
#include "model/plan.hpp"
#include "validate/validate_plan.hpp"

namespace closeplan::batch {

/// The overlay files of a folder, by deal id. Lookups and marks are safe from any thread.
class overlay_folder {
public:
    /// Lists DIR (not its subfolders). A folder that cannot be read is B733;
    /// two files for one deal id (`a.yaml` and `a.json`) are B731. nullopt on any error.
    static std::optional<overlay_folder> open(const std::string& dir, diagnostic_sink& diags);

    [[nodiscard]] const std::string& folder() const { return dir_; }
    /// The overlay file of a deal id, or nullptr; marks it used.
    const std::string* find(std::string_view deal_id) const;
    /// Marks a deal id's overlay used without reading it (a deal of another shard).
    void mark_used(std::string_view deal_id) const { find(deal_id); }
    /// Reports each overlay whose deal was not in the export (warning B732), the first 20 by name.
    void report_unused(diagnostic_sink& diags) const;
    [[nodiscard]] std::size_t size() const { return ids_.size(); }

private:
    std::string dir_;
    std::vector<std::string> ids_;    ///< sorted
    std::vector<std::string> paths_;  ///< parallel to ids_
    std::unique_ptr<std::atomic<bool>[]> used_;
};

/// The tree a plan file holding `plan` would give, every node at `where`
/// (the export's file and row), so the validator can read it back.
load::raw_node plan_tree(const model::plan& plan, const source_location& where);

/// Lays `overlay`'s members over `base` (overlays.hpp's rules). Members the
/// batch run owns (`as_of`, `value_map`) are B730 errors in `diags`.
void merge_overlay(load::raw_node& base, const load::raw_node& overlay, diagnostic_sink& diags);

/// The same merge done on the typed plan, with no tree written and read
/// back: lays `overlay` (a loaded overlay that reported nothing) over `plan`
/// (a deal at the export's line `line`) as complete_plan's tree merge and
/// plan validator would, the same values and places, for the members a
/// rep's overlay usually holds (outcome, notes, locale, dates, criteria,
/// stakeholders, milestones, resources, risks) over a plan as batch builds
/// it. The plan the tree merge gives (value map, as_of and source file left
/// to the caller), or nullopt when anything would be reported or the overlay
/// or plan holds something else: the tree merge then gives the plan or the
/// located errors.
std::optional<model::plan> lay_overlay_typed(const model::plan& plan, const load::raw_node& overlay,
                                             const validate::validate_options& options, int line);

/// Merges the overlay `text` (the file `path`) over `plan` (deal_plan.hpp's
/// complete_plan without mapped cells). On success `plan`
/// is the merged, validated plan and true is returned; otherwise `errors`
/// gets one row error (at `line`) per problem, each naming its file:line:column.
bool apply_overlay(model::plan& plan, std::string_view text, const std::string& path, const std::string& folder,
                   const std::string& export_file, int line, std::vector<row_error>& errors);

}  // namespace closeplan::batch

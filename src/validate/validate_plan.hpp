// SPDX-License-Identifier: MIT
// Turning a raw tree into a typed plan, reporting every problem in one pass.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "load/raw_tree.hpp"
#include "model/plan.hpp"

namespace closeplan::validate {

struct validate_options {
    /// Folders local files (logo, resource path, value_map) may be read from,
    /// besides the plan file's own folder. Absolute, normalised paths.
    std::vector<std::string> asset_dirs;
    /// The plan file's folder, against which relative paths resolve.
    std::string base_dir;
};

/// Validates a plan tree: format version (V201), required fields (V202),
/// types, enums (V203, with the allowed values as a hint), dates (V204),
/// duplicate ids (V205), unknown references (R301: assignee, depends_on,
/// sign_off, resource `for`, risk milestone), dependency cycles (R302),
/// link schemes (V206), paths leaving the allowed folders (V207), unknown
/// keys (warning V208). Returns nullopt when any error was reported.
/// When the plan names a value map file, it is loaded and merged (its entries
/// appended to plan.value_map) using `load::load_file`.
std::optional<model::plan> validate_plan(const load::raw_node& root, const validate_options& options,
                                         diagnostic_sink& diags);

/// For batch overlays laid over a plan already in memory (batch/overlays.hpp):
/// reads `root`'s members target_close, target_close_baseline, go_live,
/// outcome, success_criteria, decision_criteria, stakeholders, milestones,
/// resources, risks, notes and locale into `plan`, each exactly as
/// validate_plan reads it, with the same reports (unknown keys in items
/// included); target_close only when `root` has it. Nothing is checked
/// across members: see check_plan_links.
void read_plan_members(const load::raw_node& root, const validate_options& options, model::plan& plan,
                       diagnostic_sink& diags);

/// The checks validate_plan makes across a plan's members, on a plan put
/// together in memory: every id used is known (R301), signatories sit on
/// their side (R303) and take their stakeholder's name and title, no
/// milestone depends on itself or in a loop (R302), no id is used twice
/// (V205). True when none fails; the failures are not reported (locations
/// of a plan in memory would say nothing).
bool check_plan_links(model::plan& plan);

/// The value checks validate_plan makes on a deal's amount and currency and
/// a plan's locale (V210 when they fail).
bool is_plain_decimal(std::string_view text);
bool is_currency_code(std::string_view text);
bool is_language_tag(std::string_view text);

/// Validates a value map file (`closeplan-value-map: 1`) and returns its entries.
std::optional<std::vector<model::value_entry>> validate_value_map(const load::raw_node& root,
                                                                  diagnostic_sink& diags);

}  // namespace closeplan::validate

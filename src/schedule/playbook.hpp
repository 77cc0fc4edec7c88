// SPDX-License-Identifier: MIT
// A playbook (plan-format.md section 3): a deal's milestone skeleton with
// durations in business days, read once and scheduled against many deals.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "model/plan.hpp"

namespace closeplan::schedule {

/// Where a step goes when the deal has more time than the playbook needs
/// (schedule.hpp): with the others, spread over the time there is; as soon as
/// possible from as_of; or as late as possible before the close.
enum class step_anchor { spread, start, close };

/// One milestone of a playbook, as written (plan-format.md section 3).
struct playbook_step {
    std::string id;
    std::string title;
    model::side owner = model::side::both;
    std::string workstream;               ///< free text; the spec's names are the usual ones
    int days = 1;                         ///< duration in business days, >= 1 (see schedule.hpp)
    std::vector<std::string> depends_on;  ///< ids of steps that must be due before this one starts
    std::vector<source_location> depends_on_where;  ///< parallel to depends_on; may be empty (built in code)
    std::string gate;
    std::string notes;  ///< Markdown, copied to the plan's milestone
    step_anchor anchor = step_anchor::spread;  ///< `anchor: start|close`
    source_location where;     ///< the step's mapping
    source_location id_where;  ///< its `id` value
};

/// The default `max_stretch`: a three-week playbook spreads over at most
/// fifteen weeks before the close; five times stretched, a one-day signature
/// step leaves the buyer's last step a business week before the close (H809).
inline constexpr int default_max_stretch = 5;
inline constexpr int most_max_stretch = 50;

/// A loaded, checked playbook. Loading also works out, once, what every
/// scheduling run needs (indices instead of ids, an order to walk in), so
/// scheduling a deal does no look-ups and no sorting.
struct playbook {
    std::string name;
    std::vector<playbook_step> steps;  ///< in file order; the scheduled plan keeps this order
    std::string source_file;
    /// `max_stretch`: how many times its playbook length a schedule may be
    /// drawn out when the close is far ahead (1: always as late as possible).
    int max_stretch = default_max_stretch;

    // Worked out by load_playbook / prepare_playbook; scheduling reads only these.
    /// Step indices so that every step comes after all of its successors
    /// (reverse topological order): walking it places each step after the
    /// steps that depend on it.
    std::vector<std::uint32_t> successors_first;
    /// successor_index[successor_begin[i] .. successor_begin[i+1]) are the
    /// steps that depend on step i (flattened, so one allocation).
    std::vector<std::uint32_t> successor_begin;
    std::vector<std::uint32_t> successor_index;
};

/// Reads a playbook file (`closeplan-playbook: 1`, YAML or JSON by the file
/// name). Every problem is reported with file:line:column and JSON Pointer
/// (P6xx codes, docs/diagnostics.md; syntax problems are L1xx as for plans);
/// returns nullopt when any error was reported. An unreadable file throws
/// closeplan::error (L100), like load::load_file.
std::optional<playbook> load_playbook(const std::string& path, diagnostic_sink& diags);

/// Same, from text already in memory; `file` only names it in locations.
std::optional<playbook> load_playbook_text(std::string_view text, const std::string& file,
                                           diagnostic_sink& diags);

/// Fills the derived fields of a playbook built in code (ids unique, every
/// depends_on known, no cycle, days >= 1). Reports P6xx errors and returns
/// false when the steps cannot be scheduled. load_playbook calls it.
bool prepare_playbook(playbook& book, diagnostic_sink& diags);

}  // namespace closeplan::schedule

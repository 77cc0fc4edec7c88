// SPDX-License-Identifier: MIT
// The Customer Success handoff pack as a format-neutral view::document.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "analyze/analysis.hpp"
#include "closeplan/diagnostics.hpp"
#include "model/plan.hpp"
#include "view/build_document.hpp"
#include "view/document.hpp"

namespace closeplan::handoff {

/// How a milestone's date moved: baseline, then each `history` date, then due.
struct step_moves {
    std::optional<model::date> agreed;  ///< baseline, else the first history date, else due
    std::vector<model::date> via;       ///< the history dates that differ from the date before them
    int moves = 0;                      ///< how many times the date changed on the way to due
};
step_moves moves_of(const model::milestone& m);

/// Something Customer Success needs that the plan lacks.
struct gap {
    std::string code;        ///< C901...
    std::string label_key;   ///< handoff.gap.* (the pack's wording)
    std::string title;       ///< the commitment's title, for the per-commitment gaps
    std::string message;     ///< the English diagnostic message
    source_location where;
};

/// Every gap: C901, C902, C903, C906, then each stakeholder without an email (H822)
/// and each commitment without owner or date (C904, C905), in plan order.
std::vector<gap> find_gaps(const model::plan& input_plan);

/// Reports each gap as a C9xx warning.
void report_gaps(const std::vector<gap>& gaps, diagnostic_sink& diags);

/// The pack's sections in order: gaps (only when there are any), glance,
/// outcome, value, commitments, contract, scope, environment, competition,
/// risks, red_flags, open_items, timeline, resources, signoff, more.
/// contract, environment, competition, red_flags and more are empty (and
/// left out by every writer) when the plan has none of it.
view::document build_handoff_document(const model::plan& input_plan, const analyze::analysis& facts,
                                      const view::labels& words, const std::vector<gap>& gaps,
                                      diagnostic_sink& diags);

}  // namespace closeplan::handoff

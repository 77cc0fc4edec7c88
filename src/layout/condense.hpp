// SPDX-License-Identifier: MIT
// Condensing a document's long tables so the buyer plan stays on one legible page.
#pragma once

#include <cstddef>
#include <limits>
#include <string>
#include <vector>

#include "view/document.hpp"

namespace closeplan::layout::detail {

/// How far a document is condensed; the defaults leave it whole.
struct condense_state {
    static constexpr std::size_t all = std::numeric_limits<std::size_t>::max();
    bool drop_details = false;             ///< milestone gates and notes left for the full plan
    bool collapse_done = false;            ///< completed milestones in one line
    std::size_t milestone_rows = all;      ///< open milestones kept, the rest "+N more"
    std::size_t value_rows = all;
    std::size_t risk_rows = all;
    std::size_t stakeholder_rows = all;
    bool people_merged = false;            ///< value rows sit under their people: they go with them, not alone

    /// One step further, or false when nothing is left to condense.
    bool next(const view::document& doc);
};

/// A copy of `doc` condensed as `state` says; `notes` gets one phrase per condensed part.
view::document condense(const view::document& doc, const condense_state& state, std::vector<std::string>& notes);

}  // namespace closeplan::layout::detail

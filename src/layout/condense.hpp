// SPDX-License-Identifier: MIT
// Condensing the buyer plan when it does not fit at 8 pt: the policy (what goes first,
// what never goes) and the document it makes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "view/document.hpp"

namespace closeplan::layout::detail {

/// How far a document is condensed along the policy (condense.cpp): the steps
/// before `step` are taken in full, `step` itself `level` times. The default
/// leaves the document whole.
struct condense_state {
    std::size_t step = 0;
    std::size_t level = 0;
    /// Steps before `step` left untaken after all (bit i: the policy's row i):
    /// once the page fits, the fitter gives back what it turns out not to need.
    std::uint32_t given_back = 0;

    /// One step further, or false when the policy has nothing left to condense.
    /// With `last_resort` false it stops where only what is never dropped is left
    /// (every open step, the signature, every overdue or slipped row).
    bool next(const view::document& doc, bool last_resort);
    /// How many levels the current step has in `doc` (0 past the end of the policy).
    [[nodiscard]] std::size_t levels(const view::document& doc) const;
    /// Whether a last-resort step (one that hides what is never dropped) is taken.
    [[nodiscard]] bool past_never_drop() const;
    /// The steps before `step` that were taken (have levels in `doc`) and not given back, latest first.
    [[nodiscard]] std::vector<std::size_t> taken_before(const view::document& doc) const;
};

/// Whether the policy keeps this row of this section until the last resort.
bool never_dropped(std::string_view section, const view::table_row& row);

/// A copy of `doc` condensed as `state` says, with a line on the page (in the
/// plan's language, from the labels) for every part condensed; `notes` gets one
/// English phrase per condensed part, for the O510 warning.
view::document condense(const view::document& doc, const condense_state& state, std::vector<std::string>& notes);

}  // namespace closeplan::layout::detail

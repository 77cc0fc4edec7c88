// SPDX-License-Identifier: MIT
// Right-to-left pages: the laid-out page mirrored, so text is aligned right and
// table columns, labels before values and the timeline run from the right.
#pragma once

#include "layout/frame.hpp"

namespace closeplan::layout {

/// Mirrors every page of `doc` left to right when its language is written
/// right to left (layout/glyph_runs.hpp: right_to_left_language); else does
/// nothing. Each item keeps its size and moves to the mirrored place; the text
/// inside a run is not reversed (the painter orders it by the bidirectional
/// algorithm, with a right-to-left paragraph direction).
void mirror_for_right_to_left(paged_document& doc);

}  // namespace closeplan::layout

// SPDX-License-Identifier: MIT
// Giving laid-out items their place in the tagged PDF's structure tree (frame.hpp's struct_tag).
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "layout/frame.hpp"
#include "layout/page_builder.hpp"

namespace closeplan::layout::detail {

/// A structure element id no other element of this process has (ids are only
/// compared; the painter numbers elements in reading order, so output does not
/// depend on them).
std::uint32_t new_tag_id();

/// Puts the content items (text, images, link areas; not rules or boxes, which
/// are artifacts unless a Figure draws with them) of `items` from `from` on inside
/// `level`, as its outermost element. Items already marked as artifacts stay so.
void tag_items(std::vector<item>& items, tag_level level, std::size_t from = 0);

/// The same for a whole fragment, with a new element of `role`; returns its level.
tag_level tag(fragment& f, tag_role role);
/// Every fragment of `parts` inside one new element of `role` (a table's rows, a list's items).
tag_level tag(std::vector<fragment>& parts, tag_role role);

/// The fragment's content is page furniture (a running head, page numbers, a repeated header).
void tag_artifact(fragment& f);

/// The fragment is one Figure whose alternative text is `alt`, its rules and boxes included.
void tag_figure(fragment& f, std::string alt);

}  // namespace closeplan::layout::detail

// SPDX-License-Identifier: MIT
// The one table of the sheet's columns: `closeplan sheet` writes them in this
// order, `closeplan apply` finds them by their header, whatever the order.
#pragma once

#include <cstddef>
#include <optional>
#include <span>
#include <string_view>

namespace closeplan::sheet {

/// A milestone field the sheet carries (docs/plan-format.md, section 1).
enum class field { id, title, owner, assignee, due, status, notes };

struct column_info {
    field key;
    std::string_view header;   ///< the header cell: the plan's own field name
    std::string_view meaning;  ///< one line for the instructions sheet
    double min_width;          ///< in Excel's character widths
    double max_width;
};

/// Every column, in the order the sheet writes them.
std::span<const column_info> columns();
const column_info& column_of(field key);
/// The column a header cell names (case and surrounding spaces ignored).
std::optional<field> field_for_header(std::string_view header);
/// Position of `key` in columns().
std::size_t index_of(field key);

}  // namespace closeplan::sheet

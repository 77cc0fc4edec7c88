// SPDX-License-Identifier: MIT
// Value map entries (plan-format.md section 2), inline in a plan or in their own file.
#pragma once

#include <optional>
#include <vector>

#include "validate/fields.hpp"

namespace closeplan::validate::detail {

/// Reads the entries of a value map list. Match ids are appended to
/// `match_ids` when given (the plan checks them against its stakeholders).
std::vector<model::value_entry> read_value_entries(field_reader& fields, const raw_node& list,
                                                   std::vector<located_text>* match_ids);

/// Reads a whole value map file; nullopt when the tree is not a value map at all.
std::optional<std::vector<model::value_entry>> read_value_map_file(field_reader& fields, const raw_node& root);

}  // namespace closeplan::validate::detail

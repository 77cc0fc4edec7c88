// SPDX-License-Identifier: MIT
// The other way to carry out a plan_patch: on the loaded tree, written out
// anew. Used for JSON plans (JSON has no comments to keep) and for YAML the
// text edit cannot change safely (yaml_edit.hpp says why); key order and
// every value are kept, YAML comments and layout are not.
#pragma once

#include <string>

#include "load/raw_tree.hpp"
#include "sheet/plan_patch.hpp"

namespace closeplan::sheet {

/// `root` with the patch carried out (a copy).
load::raw_node patched_tree(load::raw_node root, const plan_patch& patch);

/// Block-style YAML, two spaces a level; text values quoted when they would
/// not read back as the same text, plain values as they were written.
std::string tree_to_yaml(const load::raw_node& root);

/// JSON, two spaces a level: text as strings, plain values (numbers, true,
/// false) as they were written.
std::string tree_to_json(const load::raw_node& root);

}  // namespace closeplan::sheet

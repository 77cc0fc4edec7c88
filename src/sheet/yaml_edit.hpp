// SPDX-License-Identifier: MIT
// Carrying out a plan_patch as a text edit of the YAML file, so the user's
// comments, key order, quoting and layout stay as they were: changed values
// replace their own bytes (found from the positions the loader records),
// new keys go on a line of their own after a sibling (or after it, inside
// `{ }`), a date joins `history` in its own style, new milestones follow the
// last one in its style. When the file is written in a way this cannot edit
// safely it says why, and the caller rewrites the tree instead (tree_write.hpp).
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "load/raw_tree.hpp"
#include "sheet/plan_patch.hpp"

namespace closeplan::sheet {

struct text_edit_result {
    std::optional<std::string> text;  ///< the edited file
    std::string why_not;              ///< when text is nullopt: what could not be edited, for a message
};

/// `root` is `text` loaded as YAML (load::load_document), whose positions the edit relies on.
text_edit_result edit_yaml_text(std::string_view text, const load::raw_node& root, const plan_patch& patch);

}  // namespace closeplan::sheet

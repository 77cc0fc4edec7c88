// SPDX-License-Identifier: MIT
// What `closeplan apply` changes in a plan file, as edits of its tree: values
// set or added in a milestone, a date appended to its history, milestones
// added or removed. Carried out as a text edit of the YAML that keeps
// comments and key order (yaml_edit.hpp), or, when the file's style does not
// allow that, on the tree, written out anew (tree_write.hpp).
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

namespace closeplan::sheet {

/// How a value is written: a word (date, id, status, owner: plain unless the
/// file quoted it) or free text (plain when YAML reads it back as the same
/// text, else quoted).
enum class value_style { word, text, raw };  ///< raw: YAML written as given (`[2026-05-15]`)

struct set_value {
    std::string key;
    std::string value;
    value_style style = value_style::word;
    /// Where a key the milestone lacks goes: after the first of these it has
    /// (`baseline` after `due`); after `id` when none.
    std::vector<std::string> after;
};

struct milestone_patch {
    std::size_t index = 0;  ///< in the plan's milestones
    std::string id;
    std::vector<set_value> values;
    std::optional<std::string> history_append;  ///< a date kept in `history` (added after `baseline` when missing)
};

struct plan_patch {
    std::vector<milestone_patch> edits;
    std::vector<std::vector<set_value>> added;  ///< new milestones, `id` first
    std::vector<std::size_t> removed;           ///< indices in the plan's milestones, ascending
    [[nodiscard]] bool empty() const { return edits.empty() && added.empty() && removed.empty(); }
};

}  // namespace closeplan::sheet

// SPDX-License-Identifier: MIT
// The nodes of each YAML document as yaml-cpp's parser reports them, without YAML::Node's tree.
#pragma once

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/mark.h>

#include <cstddef>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

namespace closeplan::load::detail {

/// One node as YAML::LoadAll would build it (same mark, tag and scalar).
struct yaml_graph_node {
    enum class kind : unsigned char { null, scalar, sequence, mapping };
    kind type = kind::null;
    YAML::Mark mark = YAML::Mark::null_mark();
    std::string tag;     ///< "?" plain, "!" quoted or block, "" for a null, else the resolved tag
    std::string scalar;
    /// Indices into yaml_document::nodes: a list's items, or a mapping's keys
    /// and values alternating, in file order (duplicate keys kept).
    std::vector<std::size_t> children;
};

/// One document. An alias is its anchored node itself (the same index, which
/// may be an ancestor: `&a [*a]` is a cycle), as in yaml-cpp's node tree.
struct yaml_document {
    static constexpr std::size_t no_node = std::numeric_limits<std::size_t>::max();
    std::vector<yaml_graph_node> nodes;
    std::size_t root = no_node;  ///< no_node reads as a null with no mark
};

/// Every document of `text`, from yaml-cpp's event parser: the nodes
/// YAML::LoadAll would build, at a fraction of its cost (no shared node
/// ownership, no per-node memory bookkeeping). Throws what YAML::LoadAll throws.
/// `watcher`, when given, sees every event before it is added (it may throw
/// to stop the parse), so limits are checked in the same single pass.
std::vector<yaml_document> parse_yaml_documents(std::string_view text, YAML::EventHandler* watcher = nullptr);

}  // namespace closeplan::load::detail

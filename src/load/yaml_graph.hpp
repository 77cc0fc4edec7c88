// SPDX-License-Identifier: MIT
// The nodes of each YAML document as libyaml's event parser reports them, without a node tree library.
#pragma once

#include <cstddef>
#include <limits>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace closeplan::load::detail {

/// A place in the text, 0-based. `pos` is a byte offset and `column` counts
/// bytes from the line start (as editors' byte columns and yaml-cpp did);
/// lines end at '\n' only. libyaml counts characters and also breaks lines at
/// NEL, LS and PS; parse_yaml_documents converts.
struct yaml_mark {
    long pos = -1;
    int line = -1;
    int column = -1;
    [[nodiscard]] bool is_null() const { return pos < 0; }
};

/// One node of a document (tags spelled as yaml-cpp spelled them).
struct yaml_graph_node {
    enum class kind : unsigned char { null, scalar, sequence, mapping };
    kind type = kind::null;
    /// Where the node starts: at its anchor or tag when it has one. An empty
    /// value (`key:` with nothing after it) is marked right after its `:` or `-`.
    yaml_mark mark;
    std::string tag;     ///< "?" plain, "!" quoted or block, "" for a null, else the resolved tag
    std::string scalar;
    /// Indices into yaml_document::nodes: a list's items, or a mapping's keys
    /// and values alternating, in file order (duplicate keys kept).
    std::vector<std::size_t> children;
};

/// One document. An alias is its anchored node itself (the same index, which
/// may be an ancestor: `&a [*a]` is a cycle).
struct yaml_document {
    static constexpr std::size_t no_node = std::numeric_limits<std::size_t>::max();
    std::vector<yaml_graph_node> nodes;
    std::size_t root = no_node;  ///< no_node reads as a null with no mark
};

/// What the parser refused: libyaml's problem and context texts (context may
/// be empty), the offending place, and the place the context started.
struct yaml_syntax_error : std::runtime_error {
    yaml_syntax_error(std::string problem_text, std::string context_text, yaml_mark at, yaml_mark context_at)
        : std::runtime_error(problem_text), problem(std::move(problem_text)), context(std::move(context_text)),
          where(at), context_where(context_at) {}
    std::string problem;
    std::string context;
    yaml_mark where;
    yaml_mark context_where;
};

/// Sees every node event before it joins the graph, so limits are checked in
/// the same single pass; it may throw to stop the parse.
class yaml_event_watcher {
public:
    virtual ~yaml_event_watcher() = default;
    virtual void document_start() = 0;
    /// A scalar, null or alias; `value` is the scalar's text (empty otherwise).
    virtual void leaf(const yaml_mark& mark, std::string_view value) = 0;
    virtual void open(const yaml_mark& mark, bool mapping) = 0;
    virtual void close() = 0;
};

/// Every document of `text` (UTF-8, no byte-order mark), from libyaml's event
/// parser. A plain scalar ~, null, Null, NULL or nothing is a null, as in
/// YAML's core schema; every other scalar keeps its text as written. Throws
/// yaml_syntax_error for what libyaml refuses and for an alias whose anchor
/// is not defined earlier in its document.
std::vector<yaml_document> parse_yaml_documents(std::string_view text, yaml_event_watcher* watcher = nullptr);

}  // namespace closeplan::load::detail

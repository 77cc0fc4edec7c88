// SPDX-License-Identifier: MIT
// Untyped tree of a loaded YAML or JSON file, with the source position of every node.
#pragma once

#include <string>
#include <vector>

#include "closeplan/diagnostics.hpp"

namespace closeplan::load {

struct raw_member;

/// One node of a plan file as written, before any typing. Scalars keep their
/// text exactly as written (the parser is never asked to convert: `010` stays
/// "010", `NO` stays "NO"). `where.pointer` is the JSON Pointer of the node.
struct raw_node {
    enum class kind { null, scalar, sequence, mapping };

    kind type = kind::null;
    std::string text;                 ///< scalar text (empty for other kinds)
    bool quoted = false;              ///< quoted ("…", '…'), a block scalar (| >), `!!str`, or a JSON string: always text
    std::vector<raw_node> items;      ///< sequence items
    std::vector<raw_member> members;  ///< mapping members, in file order (no duplicates: the loader reports them)
    /// File, 1-based line:column of the value, JSON Pointer. An empty value
    /// (`key:` with nothing after it) sits at its key or list dash; the copy an
    /// alias (`*name`) makes sits at its anchor, with pointers of its own place.
    source_location where;

    [[nodiscard]] bool is_null() const { return type == kind::null; }
    [[nodiscard]] bool is_scalar() const { return type == kind::scalar; }
    [[nodiscard]] bool is_sequence() const { return type == kind::sequence; }
    [[nodiscard]] bool is_mapping() const { return type == kind::mapping; }
    /// The member with this key, or nullptr.
    [[nodiscard]] const raw_node* find(std::string_view key) const;
};

struct raw_member {
    std::string key;
    source_location key_where;  ///< position of the key itself
    raw_node value;
};

/// The JSON Pointer (RFC 6901) of a mapping member: `base` + "/" + key with ~ and / escaped.
std::string pointer_to(std::string_view base, std::string_view key);
/// The JSON Pointer of a sequence item.
std::string pointer_to(std::string_view base, std::size_t index);

}  // namespace closeplan::load

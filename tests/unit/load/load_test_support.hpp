// SPDX-License-Identifier: MIT
// Helpers for the load tests: load text in memory, reach nodes by pointer, compare trees.
#pragma once

#include <gtest/gtest.h>

#include <optional>
#include <string>
#include <string_view>

#include "closeplan/diagnostics.hpp"
#include "load/load_document.hpp"

namespace closeplan::load::test {

struct loaded {
    std::optional<raw_node> tree;
    diagnostic_sink diags;

    /// Every diagnostic as the CLI prints it, one after the other.
    [[nodiscard]] std::string report() const {
        std::string out;
        for (const auto& d : diags.all()) {
            if (!out.empty()) out += '\n';
            out += format_diagnostic(d);
        }
        return out;
    }
};

inline loaded load_yaml(std::string_view text, const load_limits& limits = {}) {
    loaded r;
    r.tree = load_document(text, "plan.yaml", input_syntax::yaml, r.diags, limits);
    return r;
}

inline loaded load_json(std::string_view text, const load_limits& limits = {}) {
    loaded r;
    r.tree = load_document(text, "plan.json", input_syntax::json, r.diags, limits);
    return r;
}

/// The node at a JSON Pointer (unescaped tokens; numbers index sequences). Fails the test when absent.
inline const raw_node& at(const raw_node& root, std::string_view pointer) {
    const raw_node* node = &root;
    while (!pointer.empty()) {
        pointer.remove_prefix(1);
        const auto slash = pointer.find('/');
        std::string token(pointer.substr(0, slash));
        pointer = slash == std::string_view::npos ? std::string_view{} : pointer.substr(slash);
        for (std::size_t i; (i = token.find("~1")) != std::string::npos;) token.replace(i, 2, "/");
        for (std::size_t i; (i = token.find("~0")) != std::string::npos;) token.replace(i, 2, "~");
        if (node->is_sequence()) {
            const auto index = std::stoul(token);
            if (index >= node->items.size()) throw std::out_of_range("no item " + token);
            node = &node->items[index];
        } else {
            node = node->find(token);
            if (node == nullptr) throw std::out_of_range("no member " + token);
        }
    }
    return *node;
}

/// "line:column" of a location, for compact position checks.
inline std::string pos(const source_location& where) {
    return std::to_string(where.line) + ":" + std::to_string(where.column);
}

/// The member for `key` in a mapping (its key position is in key_where).
inline const raw_member& member(const raw_node& map, std::string_view key) {
    for (const auto& m : map.members)
        if (m.key == key) return m;
    throw std::out_of_range("no member " + std::string(key));
}

/// Same kinds, texts, keys (in order) and items, ignoring locations; `quoted`
/// is compared too when asked.
inline ::testing::AssertionResult same_tree(const raw_node& a, const raw_node& b, bool compare_quoted = false,
                                            const std::string& path = "") {
    const auto where = path.empty() ? std::string("(root)") : path;
    if (a.type != b.type) return ::testing::AssertionFailure() << "kinds differ at " << where;
    if (a.text != b.text)
        return ::testing::AssertionFailure() << "text differs at " << where << ": \"" << a.text << "\" vs \"" << b.text << '"';
    if (compare_quoted && a.quoted != b.quoted) return ::testing::AssertionFailure() << "quoted differs at " << where;
    if (a.items.size() != b.items.size()) return ::testing::AssertionFailure() << "item counts differ at " << where;
    if (a.members.size() != b.members.size()) return ::testing::AssertionFailure() << "member counts differ at " << where;
    for (std::size_t i = 0; i < a.items.size(); ++i)
        if (auto r = same_tree(a.items[i], b.items[i], compare_quoted, path + "/" + std::to_string(i)); !r) return r;
    for (std::size_t i = 0; i < a.members.size(); ++i) {
        if (a.members[i].key != b.members[i].key)
            return ::testing::AssertionFailure() << "key " << i << " differs at " << where << ": " << a.members[i].key
                                                 << " vs " << b.members[i].key;
        if (auto r = same_tree(a.members[i].value, b.members[i].value, compare_quoted, path + "/" + a.members[i].key); !r)
            return r;
    }
    return ::testing::AssertionSuccess();
}

}  // namespace closeplan::load::test

// SPDX-License-Identifier: MIT
// YAML text -> raw tree via libyaml's event parser, bounding what aliases and nesting can build.
#include <algorithm>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

#include "load/load_internal.hpp"
#include "load/yaml_errors.hpp"
#include "load/yaml_graph.hpp"

namespace closeplan::load::detail {

namespace {

constexpr std::string_view yaml_standard_tags = "tag:yaml.org,2002:";
constexpr std::string_view yaml_str_tag = "tag:yaml.org,2002:str";

using node_kind = yaml_graph_node::kind;

// An empty value (`key:` with nothing after it) is also a null node, but
// the parser marks it right after its `:` or `-`.
bool written_null_at(std::string_view text, const yaml_mark& mark) {
    if (mark.is_null() || mark.pos < 0 || static_cast<std::size_t>(mark.pos) >= text.size()) return false;
    const auto rest = text.substr(static_cast<std::size_t>(mark.pos));
    return rest.starts_with('~') || rest.starts_with("null") || rest.starts_with("Null") || rest.starts_with("NULL");
}

class yaml_builder {
public:
    yaml_builder(const yaml_document& document, std::string_view text, const std::string& file,
                 diagnostic_sink& diags, const load_limits& limits)
        : nodes_of_(document.nodes), text_(text), file_(file), diags_(diags), limits_(limits),
          max_depth_(max_depth_of(limits)) {}

    /// Builds `out` from `node`, which sits inside `depth` collections. False
    /// when loading must stop (too many nodes or too deep); that is reported.
    bool build(const yaml_graph_node& node, std::string pointer, std::size_t depth, raw_node& out);

private:
    const yaml_graph_node& at(std::size_t index) const { return nodes_of_[index]; }
    bool build_sequence(const yaml_graph_node& node, std::size_t depth, raw_node& out);
    bool build_mapping(const yaml_graph_node& node, std::size_t depth, raw_node& out);
    bool accept_key(const yaml_graph_node& key, const std::string& map_pointer);
    void check_tag(const yaml_graph_node& node, const source_location& where);
    [[nodiscard]] source_location where_of(const yaml_mark& mark, std::string pointer) const;
    [[nodiscard]] std::optional<source_location> dash_before(const yaml_mark& mark) const;
    // Aliases repeat a node's problems at the same place; say each once.
    bool first_report(const std::string& code, const source_location& where);

    const std::vector<yaml_graph_node>& nodes_of_;
    std::string_view text_;
    const std::string& file_;
    diagnostic_sink& diags_;
    const load_limits& limits_;
    std::size_t max_depth_;
    std::size_t nodes_ = 0;
    std::set<std::tuple<std::string, int, int>> reported_;
    mutable std::optional<line_index> lines_;
};

source_location yaml_builder::where_of(const yaml_mark& mark, std::string pointer) const {
    if (mark.is_null()) return {file_, 1, 1, std::move(pointer)};
    return {file_, mark.line + 1, mark.column + 1, std::move(pointer)};
}

std::optional<source_location> yaml_builder::dash_before(const yaml_mark& mark) const {
    if (mark.is_null() || mark.pos <= 0) return std::nullopt;
    auto i = std::min(static_cast<std::size_t>(mark.pos), text_.size());
    while (i > 0 && (text_[i - 1] == ' ' || text_[i - 1] == '\t' || text_[i - 1] == '\r' || text_[i - 1] == '\n'))
        --i;
    if (i == 0 || text_[i - 1] != '-') return std::nullopt;
    if (!lines_) lines_.emplace(text_);
    return location_at(*lines_, file_, i - 1);
}

bool yaml_builder::first_report(const std::string& code, const source_location& where) {
    return reported_.emplace(code, where.line, where.column).second;
}

void yaml_builder::check_tag(const yaml_graph_node& node, const source_location& where) {
    const std::string& tag = node.tag;
    if (tag.empty() || tag == "?" || tag == "!" || tag.starts_with(yaml_standard_tags)) return;
    if (!first_report("L112", where)) return;
    diags_.warning("L112", "YAML tag " + quote(tag) + " is ignored", where,
                   {"closeplan reads every value as written; remove the tag"});
}

bool yaml_builder::build(const yaml_graph_node& node, std::string pointer, std::size_t depth, raw_node& out) {
    out.where = where_of(node.mark, std::move(pointer));
    if (++nodes_ > limits_.max_nodes) {
        report_too_many_nodes(diags_, limits_, out.where, expansion::aliases);
        return false;
    }
    check_tag(node, out.where);
    switch (node.type) {
        case node_kind::null:
            out.type = raw_node::kind::null;
            return true;
        case node_kind::scalar: {
            out.type = raw_node::kind::scalar;
            out.text = node.scalar;
            // parse_yaml_documents tags every untagged quoted or block scalar "!" and plain ones "?".
            out.quoted = node.tag == "!" || node.tag == yaml_str_tag;
            return true;
        }
        case node_kind::sequence:
        case node_kind::mapping:
            if (depth + 1 > max_depth_) {
                report_too_deep(diags_, limits_, out.where);
                return false;
            }
            return node.type == node_kind::sequence ? build_sequence(node, depth + 1, out)
                                                    : build_mapping(node, depth + 1, out);
    }
    return true;
}

bool yaml_builder::build_sequence(const yaml_graph_node& node, std::size_t depth, raw_node& out) {
    out.type = raw_node::kind::sequence;
    out.items.reserve(node.children.size());
    std::size_t index = 0;
    for (const std::size_t child : node.children) {
        const yaml_graph_node& item = at(child);
        raw_node& value = out.items.emplace_back();
        if (!build(item, pointer_to(out.where.pointer, index++), depth, value)) return false;
        if (value.is_null() && !written_null_at(text_, item.mark))
            if (auto dash = dash_before(item.mark)) {
                value.where.line = dash->line;
                value.where.column = dash->column;
            }
    }
    return true;
}

bool yaml_builder::accept_key(const yaml_graph_node& key, const std::string& map_pointer) {
    const bool merge_key = key.type == node_kind::scalar && key.scalar == "<<" && key.tag == "?";
    if (key.type == node_kind::scalar && !merge_key) return true;
    // Only a refused key needs its place (at the mapping's pointer).
    const auto where = where_of(key.mark, map_pointer);
    if (merge_key) {
        if (first_report("L110", where))
            diags_.error("L110", "merge keys (<<) are not supported", where,
                         {"write the fields out in full; anchors and aliases (&name, *name) still work"});
        return false;
    }
    if (!first_report("L109", where)) return false;
    if (key.type == node_kind::null) {
        diags_.error("L109", "mapping key is empty or null", where,
                     {"write a key before the colon; to use the word null as a key, quote it: \"null\":"});
    } else {
        diags_.error("L109",
                     std::string("mapping key is a ") + (key.type == node_kind::sequence ? "list" : "mapping") +
                         "; keys must be plain text",
                     where, {"use a text key such as `owner:`"});
    }
    return false;
}

bool yaml_builder::build_mapping(const yaml_graph_node& node, std::size_t depth, raw_node& out) {
    out.type = raw_node::kind::mapping;
    const std::size_t pairs = node.children.size() / 2;  // the parser gives every key a value
    out.members.reserve(pairs);
    // Key text (held by the graph, which outlives this) -> its member.
    std::unordered_map<std::string_view, std::size_t> seen;
    for (std::size_t pair = 0; pair < pairs; ++pair) {
        const yaml_graph_node& key = at(node.children[2 * pair]);
        const yaml_graph_node& value = at(node.children[2 * pair + 1]);
        if (!accept_key(key, out.where.pointer)) continue;
        std::string pointer = pointer_to(out.where.pointer, key.scalar);
        auto key_where = where_of(key.mark, pointer);
        if (const auto first = seen.find(key.scalar); first != seen.end()) {
            if (first_report("L104", key_where))
                report_duplicate_key(diags_, key.scalar, out.members[first->second].key_where, std::move(key_where));
            continue;
        }
        seen.emplace(key.scalar, out.members.size());
        raw_member& member = out.members.emplace_back();
        member.key = key.scalar;
        member.key_where = std::move(key_where);
        if (!build(value, std::move(pointer), depth, member.value)) return false;
        if (member.value.is_null() && !written_null_at(text_, value.mark)) {
            member.value.where.line = member.key_where.line;
            member.value.where.column = member.key_where.column;
        }
    }
    return true;
}

// The mark of a document's root; a document with no node has none.
yaml_mark root_mark(const yaml_document& document) {
    return document.root == yaml_document::no_node ? yaml_mark{} : document.nodes[document.root].mark;
}

// An empty document (a bare or trailing `---`) is a null node too.
bool has_content(std::string_view text, const yaml_document& document) {
    const bool is_null =
        document.root == yaml_document::no_node || document.nodes[document.root].type == node_kind::null;
    return !is_null || written_null_at(text, root_mark(document));
}

void report_extra_documents(std::string_view text, const std::vector<yaml_document>& documents,
                            const std::string& file, diagnostic_sink& diags) {
    std::size_t count = 0;
    const yaml_document* second = nullptr;
    for (const auto& doc : documents) {
        if (!has_content(text, doc)) continue;
        if (++count == 2) second = &doc;
    }
    if (count < 2) return;
    const auto mark = root_mark(*second);
    diags.error("L111",
                "file holds " + std::to_string(count) + " YAML documents; closeplan reads one plan per file",
                mark.is_null() ? source_location{file, 0, 0, {}}
                               : source_location{file, mark.line + 1, mark.column + 1, {}},
                {"remove the second `---` and what follows it, or split the file in two"});
}

}  // namespace

std::optional<raw_node> load_yaml(std::string_view text, const std::string& file, diagnostic_sink& diags,
                                  const load_limits& limits) {
    auto parsed = parse_yaml_within_limits(text, file, diags, limits);
    if (!parsed) return std::nullopt;
    const std::vector<yaml_document>& documents = *parsed;
    const yaml_document* first = nullptr;
    for (const auto& doc : documents)
        if (has_content(text, doc)) {
            first = &doc;
            break;
        }
    report_extra_documents(text, documents, file, diags);

    raw_node root;
    if (first == nullptr) {
        root.where = {file, 1, 1, {}};
        return root;
    }
    yaml_builder builder(*first, text, file, diags, limits);
    try {
        // has_content: a document with no node is never the first with content.
        if (!builder.build(first->nodes[first->root], {}, 0, root)) return std::nullopt;
    } catch (const std::exception& e) {
        // Reading a parsed tree should not throw; if it does, it is still bad input.
        report_yaml_failure(yaml_syntax_error(e.what(), "", {}, {}), text, file, diags);
        return std::nullopt;
    }
    return root;
}

}  // namespace closeplan::load::detail

// SPDX-License-Identifier: MIT
#include "sheet/tree_write.hpp"

#include <algorithm>
#include <regex>

#include <nlohmann/json.hpp>

#include "sheet/yaml_scalars.hpp"
#include "support/utf8.hpp"

namespace closeplan::sheet {

namespace {

using load::raw_member;
using load::raw_node;

raw_node scalar(const std::string& text, bool quoted) {
    raw_node node;
    node.type = raw_node::kind::scalar;
    node.text = text;
    node.quoted = quoted;
    return node;
}

raw_node value_node(const set_value& v) {
    if (v.style == value_style::raw) {
        // The only raw value is a one-date history list: `[2026-05-15]`.
        raw_node list;
        list.type = raw_node::kind::sequence;
        list.items.push_back(scalar(v.value.substr(1, v.value.size() - 2), false));
        return list;
    }
    return scalar(v.value, true);  // every value the sheet sets is text (a date, a word, a title)
}

void set_member(raw_node& map, const set_value& v) {
    for (auto& m : map.members)
        if (m.key == v.key) {
            m.value = value_node(v);
            return;
        }
    auto at = map.members.end();
    for (const auto& name : v.after) {
        const auto found = std::find_if(map.members.begin(), map.members.end(),
                                        [&name](const raw_member& m) { return m.key == name; });
        if (found != map.members.end()) {
            at = found + 1;
            break;
        }
    }
    raw_member member;
    member.key = v.key;
    member.value = value_node(v);
    map.members.insert(at, std::move(member));
}

void write_yaml(const raw_node& node, std::size_t indent, std::string& out);

bool looks_like_number(std::string_view text) {
    // YAML 1.1 and 1.2 numbers: 010, -1.5, 1e3, 0x1F, .5, 1_000 (a date such as 2026-05-08 is not one).
    static const std::regex number(R"([-+]?(0x[0-9a-fA-F_]+|0o?[0-7_]+|[0-9][0-9_]*(\.[0-9_]*)?|\.[0-9_]+)([eE][-+]?[0-9]+)?|[-+]?\.(inf|Inf|INF)|\.(nan|NaN|NAN))");
    return std::regex_match(text.begin(), text.end(), number);
}

std::string yaml_scalar(const raw_node& node) {
    // Text stays plain when YAML reads it back as the same text; a quoted
    // number (`"010"`) keeps its quotes so no reader takes it for a number.
    if (!plain_safe(node.text, false) || (node.quoted && looks_like_number(node.text)))
        return double_quoted(utf8::replace_invalid(node.text));
    return node.text;
}

/// A value after `key:` or `- `: inline when it is a scalar or empty, else on the next lines.
void write_after_key(const raw_node& value, std::size_t indent, std::string& out) {
    if (value.is_null()) out += "\n";
    else if (value.is_scalar()) out += " " + yaml_scalar(value) + "\n";
    else if (value.is_sequence() && value.items.empty()) out += " []\n";
    else if (value.is_mapping() && value.members.empty()) out += " {}\n";
    else {
        out += "\n";
        write_yaml(value, indent + 2, out);
    }
}

void write_yaml(const raw_node& node, std::size_t indent, std::string& out) {
    const std::string pad(indent, ' ');
    if (node.is_mapping()) {
        for (const auto& m : node.members) {
            out += pad + yaml_value(m.key, false) + ":";
            write_after_key(m.value, indent, out);
        }
    } else if (node.is_sequence()) {
        for (const auto& item : node.items) {
            if (item.is_mapping() && !item.members.empty()) {
                std::string inner;
                write_yaml(item, indent + 2, inner);
                out += pad + "- " + inner.substr(indent + 2);
            } else {
                out += pad + "-";
                write_after_key(item, indent, out);
            }
        }
    } else if (node.is_scalar()) {
        out += pad + yaml_scalar(node) + "\n";
    }
}

void write_json(const raw_node& node, std::size_t indent, std::string& out) {
    const std::string pad(indent + 2, ' ');
    switch (node.type) {
        case raw_node::kind::null: out += "null"; break;
        case raw_node::kind::scalar:
            if (!node.quoted && nlohmann::json::accept(node.text) && node.text.find_first_of("[{\"") == std::string::npos)
                out += node.text;  // a number, true or false as the file wrote it
            else
                out += nlohmann::json(utf8::replace_invalid(node.text)).dump();
            break;
        case raw_node::kind::sequence:
            if (node.items.empty()) {
                out += "[]";
                break;
            }
            out += "[\n";
            for (std::size_t i = 0; i < node.items.size(); ++i) {
                out += pad;
                write_json(node.items[i], indent + 2, out);
                out += i + 1 < node.items.size() ? ",\n" : "\n";
            }
            out += std::string(indent, ' ') + "]";
            break;
        case raw_node::kind::mapping:
            if (node.members.empty()) {
                out += "{}";
                break;
            }
            out += "{\n";
            for (std::size_t i = 0; i < node.members.size(); ++i) {
                out += pad + nlohmann::json(utf8::replace_invalid(node.members[i].key)).dump() + ": ";
                write_json(node.members[i].value, indent + 2, out);
                out += i + 1 < node.members.size() ? ",\n" : "\n";
            }
            out += std::string(indent, ' ') + "}";
            break;
    }
}

}  // namespace

load::raw_node patched_tree(load::raw_node root, const plan_patch& patch) {
    raw_node* milestones = nullptr;
    for (auto& m : root.members)
        if (m.key == "milestones") milestones = &m.value;
    if (milestones == nullptr || !milestones->is_sequence()) return root;
    for (const auto& edit : patch.edits) {
        if (edit.index >= milestones->items.size()) continue;
        auto& item = milestones->items[edit.index];
        if (!item.is_mapping()) continue;
        for (const auto& v : edit.values) set_member(item, v);
        if (edit.history_append) {
            auto found = std::find_if(item.members.begin(), item.members.end(),
                                      [](const raw_member& m) { return m.key == "history"; });
            if (found != item.members.end() && found->value.is_sequence())
                found->value.items.push_back(scalar(*edit.history_append, false));
            else
                set_member(item, {"history", "[" + *edit.history_append + "]", value_style::raw, {"baseline", "due"}});
        }
    }
    for (const auto& step : patch.added) {
        raw_node item;
        item.type = raw_node::kind::mapping;
        for (const auto& v : step) set_member(item, v);
        milestones->items.push_back(std::move(item));
    }
    auto removed = patch.removed;
    std::sort(removed.rbegin(), removed.rend());
    for (const auto index : removed)
        if (index < milestones->items.size()) milestones->items.erase(milestones->items.begin() + static_cast<std::ptrdiff_t>(index));
    return root;
}

std::string tree_to_yaml(const load::raw_node& root) {
    std::string out;
    write_yaml(root, 0, out);
    return out;
}

std::string tree_to_json(const load::raw_node& root) {
    std::string out;
    write_json(root, 0, out);
    out += "\n";
    return out;
}

}  // namespace closeplan::sheet

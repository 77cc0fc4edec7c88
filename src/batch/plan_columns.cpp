// SPDX-License-Identifier: MIT
// Export columns into plan fields (plan_columns.hpp).
#include "batch/plan_columns.hpp"

#include <algorithm>

#include "batch/overlays.hpp"
#include "validate/validate_plan.hpp"

namespace closeplan::batch {

using load::raw_member;
using load::raw_node;
using validate::detail::field_kind;
using validate::detail::field_spec;
using validate::detail::object_spec;

namespace {

std::string keys_of(const object_spec& object) {
    std::string out;
    for (auto key : object.keys) out += (out.empty() ? "" : ", ") + std::string(key);
    return out;
}

bool is_list_of_values(field_kind kind) {
    return kind == field_kind::text_list || kind == field_kind::markdown_list || kind == field_kind::date_list ||
           kind == field_kind::text_or_list || kind == field_kind::choice_or_list;
}

bool is_value(field_kind kind) {
    switch (kind) {
        case field_kind::text: case field_kind::markdown: case field_kind::date: case field_kind::decimal:
        case field_kind::currency: case field_kind::language_tag: case field_kind::email: case field_kind::link:
        case field_kind::choice: case field_kind::text_or_object:
            return true;
        default:
            return false;
    }
}

// Walks `path` ("risks[].title") through the plan field table; a problem is
// a B701 error at `where` and nullopt.
std::optional<plan_column> parse_path(const std::string& path, const source_location& where, diagnostic_sink& diags) {
    plan_column out;
    out.path = path;
    out.where = where;
    auto fail = [&](const std::string& why, std::string hint) {
        diags.error("B701", "`plan: " + path + "`: " + why, where, {std::move(hint)});
        return std::nullopt;
    };
    std::vector<std::pair<std::string, bool>> segments;  // key, has []
    std::size_t start = 0;
    while (start <= path.size()) {
        auto end = path.find('.', start);
        if (end == std::string::npos) end = path.size();
        std::string key = path.substr(start, end - start);
        const bool list = key.ends_with("[]");
        if (list) key.resize(key.size() - 2);
        if (key.empty()) return fail("an empty field name", "write plan fields as in a plan file: outcome, risks[].title, resources[].url");
        segments.emplace_back(std::move(key), list);
        start = end + 1;
    }
    const object_spec* object = &validate::detail::plan_fields();
    for (std::size_t i = 0; i < segments.size(); ++i) {
        const auto& [key, list] = segments[i];
        const bool last = i + 1 == segments.size();
        const field_spec* field = validate::detail::find_field(*object, key);
        if (!field) return fail("`" + key + "` is not a field of " + std::string(object->name), "its fields are " + keys_of(*object));
        if (i == 0 && (key == "as_of" || key == "value_map" || key == "closeplan"))
            return fail("`" + key + "` belongs to the batch run, not to a column",
                        key == "as_of" ? "--as-of dates every plan" : "give a value map with --value-map");
        if (i == 0 && (key == "deal" || key == "target_close"))
            return fail("the deal's own columns are named under `deal:`",
                        "write `deal: { close_date: Close Date, amount: Amount, ... }`");
        if (field->kind == field_kind::path || field->kind == field_kind::path_or_list)
            return fail("`" + key + "` names a local file, which a CRM cell may not",
                        "map a link instead (resources[].url)");
        out.keys.push_back(key);
        if (list) {
            if (field->kind != field_kind::object_list && !is_list_of_values(field->kind))
                return fail("`" + key + "` is not a list", "write `" + key + "` without []");
            if (out.list_at) return fail("only one list per path", "map the items of one list, e.g. risks[].title");
            out.list_at = i;
        } else if (field->kind == field_kind::object_list || is_list_of_values(field->kind)) {
            return fail("`" + key + "` is a list", "write `" + key + "[]`" + (field->kind == field_kind::object_list
                                                                                   ? ".FIELD, e.g. " + key + "[]." +
                                                                                         std::string(field->object().keys.front())
                                                                                   : std::string()));
        }
        if (last) {
            if (!is_value(field->kind) && !is_list_of_values(field->kind))
                return fail("`" + key + "` holds several fields: name one of them",
                            "its fields are " + (field->object ? keys_of(field->object()) : std::string("none")));
            out.kind = field->kind;
        } else {
            if (!field->object) return fail("`" + key + "` has no fields", "end the path at `" + key + "`");
            object = &field->object();
        }
    }
    return out;
}

// `Column`, `[Column, Other]` or `{ column: ..., split: ";" }` / `{ value: ... }`.
void read_source(const raw_node& node, plan_column& column, diagnostic_sink& diags) {
    auto names = [&](const raw_node& n) {
        if (n.is_scalar() && !n.text.empty()) column.headers.push_back(n.text);
        else if (n.is_sequence())
            for (const auto& item : n.items)
                if (item.is_scalar() && !item.text.empty()) column.headers.push_back(item.text);
                else diags.error("B701", "a column name must be text", item.where);
        else diags.error("B701", "`plan: " + column.path + "` needs a column name", n.where);
    };
    if (!node.is_mapping()) {
        names(node);
        return;
    }
    for (const auto& m : node.members) {
        if (m.key == "column") names(m.value);
        else if (m.key == "value" && m.value.is_scalar()) column.value = m.value.text;
        else if (m.key == "split" && m.value.is_scalar() && !m.value.text.empty()) column.split = m.value.text;
        else diags.error("B701", "`plan: " + column.path + "`: unknown or empty `" + m.key + "`", m.key_where,
                         {"write `{ column: NAME }`, `{ column: NAME, split: \";\" }` or `{ value: TEXT }`"});
    }
    if (column.value.has_value() == !column.headers.empty())
        diags.error("B701", "`plan: " + column.path + "` needs either `column` or `value`", node.where,
                    {"`column` reads a cell of each row, `value` writes the same text on every plan"});
    if (!column.split.empty() && !column.list_at)
        diags.error("B701", "`plan: " + column.path + "` splits its cell, but `" + column.path + "` is not in a list",
                    node.where, {"split is for lists: success_criteria[], risks[].title"});
}

std::vector<std::string> pieces_of(const plan_cell& cell) {
    std::vector<std::string> out;
    auto keep = [&](std::string_view piece) {
        while (!piece.empty() && (piece.front() == ' ' || piece.front() == '\t' || piece.front() == '\n')) piece.remove_prefix(1);
        while (!piece.empty() && (piece.back() == ' ' || piece.back() == '\t' || piece.back() == '\n')) piece.remove_suffix(1);
        if (!piece.empty()) out.emplace_back(piece);
    };
    const auto& split = cell.column->split;
    if (split.empty()) {
        keep(cell.text);
        return out;
    }
    std::size_t start = 0;
    while (start <= cell.text.size()) {
        auto end = cell.text.find(split, start);
        if (end == std::string::npos) end = cell.text.size();
        keep(std::string_view(cell.text).substr(start, end - start));
        start = end + split.size();
    }
    return out;
}

/// Builds the mapped tree, every node where its text came from.
class mapped_tree {
public:
    raw_node root;

    mapped_tree() { root.type = raw_node::kind::mapping; }

    void add(const plan_cell& cell, const source_location& where) {
        const auto& c = *cell.column;
        const auto pieces = pieces_of(cell);
        if (pieces.empty()) return;
        const std::size_t list_at = c.list_at.value_or(c.keys.size());
        raw_node* at = &root;
        for (std::size_t i = 0; i < std::min(list_at, c.keys.size() - 1); ++i) at = &child(*at, c.keys[i], raw_node::kind::mapping, where);
        if (!c.list_at) {
            set(*at, c.keys.back(), pieces.front(), where);
            return;
        }
        auto& list = child(*at, c.keys[list_at], raw_node::kind::sequence, where);
        if (list_at + 1 == c.keys.size()) {
            for (const auto& piece : pieces) list.items.push_back(scalar(piece, at_pointer(where, list.where.pointer, list.items.size())));
            return;
        }
        for (std::size_t k = 0; k < pieces.size(); ++k) {
            while (list.items.size() <= k) list.items.push_back(node(raw_node::kind::mapping, at_pointer(where, list.where.pointer, list.items.size())));
            set_inside(list.items[k], c, list_at + 1, pieces[k], where);
        }
    }

    /// `{ value: ... }`: on the path, or on every item its list already has.
    void add_value(const plan_column& c, const source_location& where) {
        plan_cell cell{&c, std::nullopt, {}, *c.value};
        if (!c.list_at || *c.list_at + 1 == c.keys.size()) {
            add(cell, where);
            return;
        }
        raw_node* at = &root;
        for (std::size_t i = 0; i <= *c.list_at; ++i) {
            raw_node* next = nullptr;
            for (auto& m : at->members)
                if (m.key == c.keys[i]) next = &m.value;
            if (!next) return;  // no item from a cell: nothing to complete
            at = next;
        }
        for (auto& item : at->items) set_inside(item, c, *c.list_at + 1, *c.value, where, false);
    }

private:
    static source_location at_pointer(const source_location& where, const std::string& base, std::size_t index) {
        auto out = where;
        out.pointer = load::pointer_to(base, index);
        return out;
    }
    static raw_node node(raw_node::kind kind, const source_location& where) {
        raw_node n;
        n.type = kind;
        n.where = where;
        return n;
    }
    static raw_node scalar(const std::string& text, const source_location& where) {
        auto n = node(raw_node::kind::scalar, where);
        n.text = text;
        n.quoted = true;
        return n;
    }
    static raw_node& child(raw_node& parent, const std::string& key, raw_node::kind kind, const source_location& where) {
        for (auto& m : parent.members)
            if (m.key == key) return m.value;
        raw_member m;
        m.key = key;
        m.key_where = where;
        m.key_where.pointer = load::pointer_to(parent.where.pointer, key);
        m.value = node(kind, m.key_where);
        parent.members.push_back(std::move(m));
        return parent.members.back().value;
    }
    static void set(raw_node& parent, const std::string& key, const std::string& text, const source_location& where,
                    bool replace = true) {
        for (auto& m : parent.members)
            if (m.key == key) {
                if (replace) m.value = scalar(text, m.key_where);
                return;
            }
        auto& added = child(parent, key, raw_node::kind::scalar, where);
        added.text = text;
        added.quoted = true;
    }
    static void set_inside(raw_node& item, const plan_column& c, std::size_t from, const std::string& text,
                           const source_location& where, bool replace = true) {
        raw_node* at = &item;
        for (std::size_t i = from; i + 1 < c.keys.size(); ++i) at = &child(*at, c.keys[i], raw_node::kind::mapping, where);
        set(*at, c.keys.back(), text, where, replace);
    }
};

}  // namespace

std::vector<plan_column> read_plan_columns(const raw_node& node, diagnostic_sink& diags) {
    std::vector<plan_column> out;
    if (!node.is_mapping()) {
        diags.error("B701", "`plan` must be a mapping of plan field: column", node.where,
                    {"write for example `plan: { outcome: Description, resources[].url: Proposal Link }`"});
        return out;
    }
    for (const auto& member : node.members) {
        auto column = parse_path(member.key, member.key_where, diags);
        if (!column) continue;
        read_source(member.value, *column, diags);
        out.push_back(std::move(*column));
    }
    return out;
}

bool apply_plan_cells(model::plan& plan, const std::vector<plan_cell>& cells, const std::string& export_file, int line,
                      std::vector<row_error>& errors) {
    // The export's nodes are named by an empty file name (short strings are
    // not allocated: a plan's tree has a few hundred nodes) and told apart
    // from the mapping's `value:` nodes, which sit in the mapping file.
    const std::string row_file;
    mapped_tree mapped;
    for (const auto& cell : cells)
        if (cell.index) mapped.add(cell, {row_file, line, static_cast<int>(*cell.index) + 1, {}});
    for (const auto& cell : cells)
        if (!cell.index) mapped.add_value(*cell.column, cell.column->where);
    if (mapped.root.members.empty()) return true;

    // Every node of the export's own plan sits at column 0, so a problem at a
    // column > 0 of the export is in a mapped cell.
    auto tree = plan_tree(plan, {row_file, line, 0, {}});
    diagnostic_sink diags;
    merge_overlay(tree, mapped.root, diags);
    validate::validate_options options;
    auto merged = validate::validate_plan(tree, options, diags);
    if (merged && !diags.has_errors()) {
        merged->value_map = std::move(plan.value_map);
        merged->as_of = plan.as_of;
        merged->source_file = plan.source_file;
        plan = std::move(*merged);
        return true;
    }
    for (const auto& d : diags.all()) {
        if (d.level != severity::error) continue;
        std::string message = d.message;
        if (!d.hints.empty()) message += " (" + d.hints.front() + ")";
        const auto cell = std::find_if(cells.begin(), cells.end(), [&](const plan_cell& c) {
            return d.where.file == row_file && d.where.column > 0 && c.index && *c.index + 1 == static_cast<std::size_t>(d.where.column);
        });
        if (cell != cells.end()) {
            errors.push_back({line, cell->name, cell->text, d.code, message + ", in plan field " + cell->column->path});
            continue;
        }
        std::string place = d.where.file == row_file ? export_file : d.where.file;
        if (d.where.line > 0 && d.where.file != row_file)
            place += ":" + std::to_string(d.where.line) + ":" + std::to_string(d.where.column);
        errors.push_back({line, "", "", d.code, place + ": " + message});
    }
    if (errors.empty()) errors.push_back({line, "", "", "B799", "the mapped plan fields could not be read"});
    return false;
}

}  // namespace closeplan::batch

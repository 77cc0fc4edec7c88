// SPDX-License-Identifier: MIT
// Value maps: entries matched by role, title or id; a file named by the plan is confined and loaded here.
#include "validate/value_map.hpp"

#include <array>
#include <filesystem>

#include "load/load_document.hpp"
#include "validate/choices.hpp"
#include "validate/plan_fields.hpp"
#include "validate/paths.hpp"
#include "validate/plan_reader.hpp"
#include "validate/wording.hpp"

namespace closeplan::validate::detail {

namespace {


void read_match_roles(field_reader& fields, const raw_node& node, model::value_entry& entry) {
    auto read_one = [&](const raw_node& item) {
        if (auto index = fields.choice_of(item, role_choices()))
            entry.match_roles.push_back(static_cast<model::role>(*index));
    };
    if (node.is_sequence()) {
        for (const auto& item : node.items)
            if (!item.is_null()) read_one(item);
    } else if (node.is_scalar()) {
        read_one(node);
    } else {
        fields.error("V209", "\"role\" must be text or a list, found " + std::string(describe(node)), at(node));
    }
}

model::value_entry read_entry(field_reader& fields, const raw_node& item, std::vector<located_text>* match_ids) {
    model::value_entry entry;
    entry.where = at(item);
    fields.check_keys(item, value_entry_fields().keys);
    const raw_node* match = fields.member(item, "match", need::required,
                                          "say whom the entry is for: `match: { role: ..., title: [...], id: ... }`");
    if (match && fields.expect_mapping(*match, "\"match\"", "write `match: { role: economic_buyer }`")) {
        fields.check_keys(*match, value_match_fields().keys);
        const raw_node* role = fields.member(*match, "role", need::optional);
        const raw_node* title = fields.member(*match, "title", need::optional);
        const raw_node* id = fields.member(*match, "id", need::optional);
        if (role) read_match_roles(fields, *role, entry);
        if (title)
            for (auto& word : fields.text_or_list(*title, "title")) entry.match_title_words.push_back(word.text);
        if (id) {
            for (auto& one : fields.text_or_list(*id, "id")) {
                entry.match_ids.push_back(one.text);
                if (match_ids) match_ids->push_back(std::move(one));
            }
        }
        if (!role && !title && !id)
            fields.error("V202", "match needs at least one of role, title or id", at(*match),
                         {"write `match: { role: economic_buyer }` or `match: { title: [CFO] }`"});
    }
    entry.cares_about = fields.text_list(item, "cares_about");
    entry.proof = fields.text_list(item, "proof");
    entry.milestones = fields.text_list(item, "milestones");
    return entry;
}

// Messages about the value map file name it as the user would: next to the plan file as
// the plan was named, not by the absolute path it is opened with.
std::string display_path(const std::string& plan_file, std::string_view written, const std::string& open_path) {
    namespace fs = std::filesystem;
    const fs::path written_path{std::string(written)};
    const fs::path candidate =
        written_path.is_absolute() ? written_path : fs::path(plan_file).parent_path() / written_path;
    std::error_code ec;
    if (fs::equivalent(candidate, open_path, ec) && !ec) return candidate.string();
    return open_path;
}

}  // namespace

std::vector<model::value_entry> read_value_entries(field_reader& fields, const raw_node& list,
                                                   std::vector<located_text>* match_ids) {
    std::vector<model::value_entry> out;
    for (const auto& item : list.items) {
        if (!item.is_mapping()) {
            fields.error("V209", "each value map entry must be a mapping, found " + std::string(describe(item)),
                         at(item), {"write each entry as `- match: {...}` with cares_about, proof and milestones"});
            continue;
        }
        out.push_back(read_entry(fields, item, match_ids));
    }
    return out;
}

std::optional<std::vector<model::value_entry>> read_value_map_file(field_reader& fields, const raw_node& root) {
    if (!root.is_mapping()) {
        fields.error("V209", "a value map file must be a mapping, found " + std::string(describe(root)), at(root),
                     {"start the file with `closeplan-value-map: 1` and an `entries:` list"});
        return std::nullopt;
    }
    for (const auto& m : root.members) {
        if (m.key == "closeplan") {
            fields.error("V201", "this is a plan file, not a value map", at_key(m),
                         {"pass the plan as the input file and a value map with --value-map FILE"});
            return std::nullopt;
        }
        if (m.key == "closeplan-playbook") {
            fields.error("V201", "this is a playbook file, not a value map", at_key(m),
                         {"pass it with --playbook FILE"});
            return std::nullopt;
        }
    }
    const raw_node* version = root.find("closeplan-value-map");
    if (!version)
        fields.error("V201", "missing format version", at_missing(root, "closeplan-value-map"),
                     {"add `closeplan-value-map: 1` at the top of the file"});
    else if (!version->is_scalar() || trim(version->text) != "1")
        fields.error("V201",
                     "unsupported format version " +
                         (version->is_scalar() ? quote(version->text) : std::string(describe(*version))),
                     at(*version), {"this closeplan reads value map version 1: `closeplan-value-map: 1`"});
    fields.check_keys(root, value_map_file_fields().keys);
    const raw_node* entries = fields.member(root, "entries", need::required, "list the entries under `entries:`");
    if (!entries || !fields.expect_list(*entries, "\"entries\"")) return std::vector<model::value_entry>{};
    return read_value_entries(fields, *entries, nullptr);
}

void plan_reader::read_value_map(const raw_node& root, model::plan& plan) {
    const raw_node* node = fields_.member(root, "value_map", need::optional);
    if (!node) return;
    if (node->is_sequence()) {
        plan.value_map = read_value_entries(fields_, *node, &pending_.value_map_ids);
        return;
    }
    if (!node->is_scalar()) {
        fields_.error("V209",
                      "\"value_map\" must be a file path or a list of entries, found " + std::string(describe(*node)),
                      at(*node), {"write `value_map: value-map.yaml` or a list of `- match: {...}` entries"});
        return;
    }
    auto path = fields_.text_of(*node, "value_map", need::optional);
    if (!path || path->empty()) return;
    pending_.value_map_file = at(*node);
    const located_text written{*path, at(*node)};
    const auto file = check_local_file(fields_, written, options_, "value map", if_missing::fail);
    if (!file || !file->regular) return;
    try {
        auto tree = load::load_file(display_path(plan.source_file, *path, file->open_path), file_diags_);
        if (!tree) return;
        field_reader file_fields(file_diags_);
        if (auto entries = read_value_map_file(file_fields, *tree))
            plan.value_map.insert(plan.value_map.end(), entries->begin(), entries->end());
    } catch (const closeplan::error& e) {
        fields_.error("V214", "value map file " + quote(*path) + " cannot be read", written.where, {e.what()});
    }
}

}  // namespace closeplan::validate::detail

// SPDX-License-Identifier: MIT
// Stakeholder-value rows: the plan's cares_about merged with the value map, proof and delivering milestones.
#include <algorithm>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "analyze/analysis.hpp"

namespace closeplan::analyze {

namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

std::string_view trim(std::string_view s) {
    while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
    while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
    return s;
}

// ASCII folding only: plan vocabulary ("CFO", "Security") is what is compared,
// and a locale-dependent fold would make output depend on the machine.
bool equal_folded(std::string_view a, std::string_view b) {
    a = trim(a);
    b = trim(b);
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

// Bytes >= 0x80 count as word characters so UTF-8 letters never split a word.
bool is_word_char(char c) {
    const auto u = static_cast<unsigned char>(c);
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || u >= 0x80;
}

std::vector<std::string> words_of(std::string_view text) {
    std::vector<std::string> words;
    std::string current;
    for (char c : text) {
        if (is_word_char(c)) {
            current += ascii_lower(c);
        } else if (!current.empty()) {
            words.push_back(std::move(current));
            current.clear();
        }
    }
    if (!current.empty()) words.push_back(std::move(current));
    return words;
}

// A match word may be a phrase ("Chief Financial Officer"): all its words must
// appear consecutively in the title, so "IT" matches "VP of IT" but not "Wit".
bool title_has_phrase(const std::vector<std::string>& title_words, std::string_view phrase) {
    const auto wanted = words_of(phrase);
    if (wanted.empty() || wanted.size() > title_words.size()) return false;
    return std::search(title_words.begin(), title_words.end(), wanted.begin(), wanted.end()) != title_words.end();
}

bool contains(const std::vector<std::string>& items, std::string_view value) {
    return std::find(items.begin(), items.end(), value) != items.end();
}

bool entry_matches(const model::value_entry& entry, const model::stakeholder& person) {
    if (contains(entry.match_ids, person.id)) return true;
    // Value maps describe what the buyer is buying; a seller's engineer titled
    // "Security" must not inherit the buyer's security concerns.
    if (person.party_side != model::side::buyer) return false;
    if (person.role_kind &&
        std::find(entry.match_roles.begin(), entry.match_roles.end(), *person.role_kind) != entry.match_roles.end())
        return true;
    const auto title_words = words_of(person.title);
    return std::any_of(entry.match_title_words.begin(), entry.match_title_words.end(),
                       [&](const std::string& w) { return title_has_phrase(title_words, w); });
}

void add_unique_folded(std::vector<std::string>& items, std::string_view value) {
    const auto trimmed = trim(value);
    if (trimmed.empty()) return;
    for (const auto& existing : items)
        if (equal_folded(existing, trimmed)) return;
    items.emplace_back(trimmed);
}

bool resource_matches_proof(const model::resource& r, std::string_view proof) {
    return r.id == trim(proof) || equal_folded(model::to_string(r.kind), proof);
}

bool milestone_matches_ref(const model::milestone& m, std::string_view ref) {
    return m.id == trim(ref) || (!m.workstream.empty() && equal_folded(m.workstream, ref));
}

// What a value-map entry points at, worked out once per entry rather than
// once per person it matches: a plan of 20,000 people and 20,000 milestones
// must not cost their product.
struct entry_targets {
    std::vector<std::size_t> resources;   ///< indexes of the resources its proof names
    std::vector<std::string> unresolved;  ///< proof that names no resource
    std::vector<std::size_t> milestones;  ///< indexes of the milestones that deliver it
};

entry_targets targets_of(const model::plan& input_plan, const model::value_entry& entry) {
    entry_targets t;
    for (const auto& proof : entry.proof) {
        bool resolved = false;
        for (std::size_t i = 0; i < input_plan.resources.size(); ++i) {
            if (resource_matches_proof(input_plan.resources[i], proof)) {
                t.resources.push_back(i);
                resolved = true;
            }
        }
        if (!resolved) t.unresolved.push_back(proof);
    }
    if (!entry.milestones.empty())
        for (std::size_t i = 0; i < input_plan.milestones.size(); ++i)
            if (std::any_of(entry.milestones.begin(), entry.milestones.end(),
                            [&](const std::string& ref) { return milestone_matches_ref(input_plan.milestones[i], ref); }))
                t.milestones.push_back(i);
    return t;
}

/// The plan-wide indexes every person's row reads.
struct value_index {
    std::vector<entry_targets> entries;  ///< parallel to plan.value_map
    std::unordered_map<std::string_view, std::vector<std::size_t>> resources_for;  ///< person id -> resources naming them
};

value_index index_of(const model::plan& input_plan) {
    value_index index;
    index.entries.reserve(input_plan.value_map.size());
    for (const auto& entry : input_plan.value_map) index.entries.push_back(targets_of(input_plan, entry));
    for (std::size_t i = 0; i < input_plan.resources.size(); ++i) {
        // A resource naming someone twice is listed once (map_one sorts and dedupes).
        for (const auto& id : input_plan.resources[i].for_ids) index.resources_for[id].push_back(i);
    }
    return index;
}

// Sorted, each once: the plan's order.
void sort_unique(std::vector<std::size_t>& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

value_row map_one(const model::plan& input_plan, const value_index& index, const model::stakeholder& person) {
    value_row row;
    row.stakeholder_id = person.id;
    for (const auto& c : person.cares_about) add_unique_folded(row.cares_about, c);

    std::vector<std::size_t> entries;
    for (std::size_t e = 0; e < input_plan.value_map.size(); ++e)
        if (entry_matches(input_plan.value_map[e], person)) entries.push_back(e);
    for (const auto e : entries)
        for (const auto& c : input_plan.value_map[e].cares_about) add_unique_folded(row.cares_about, c);

    std::vector<std::size_t> proof_resources;
    std::vector<std::size_t> delivering;
    for (const auto e : entries) {
        const auto& t = index.entries[e];
        proof_resources.insert(proof_resources.end(), t.resources.begin(), t.resources.end());
        for (const auto& proof : t.unresolved) add_unique_folded(row.proof_unresolved, proof);
        delivering.insert(delivering.end(), t.milestones.begin(), t.milestones.end());
    }
    const auto named = index.resources_for.find(person.id);
    const bool named_by_resource = named != index.resources_for.end();
    if (named_by_resource) proof_resources.insert(proof_resources.end(), named->second.begin(), named->second.end());
    sort_unique(proof_resources);
    sort_unique(delivering);
    for (const auto i : proof_resources) row.proof_resource_ids.push_back(input_plan.resources[i].id);
    for (const auto i : delivering) row.milestone_ids.push_back(input_plan.milestones[i].id);

    row.covered = !row.cares_about.empty() && (!row.proof_resource_ids.empty() || !row.milestone_ids.empty());
    row.relevant = person.party_side == model::side::buyer || !person.cares_about.empty() || !entries.empty() ||
                   named_by_resource;
    return row;
}

}  // namespace

std::vector<value_row> map_stakeholder_values(const model::plan& input_plan) {
    std::vector<value_row> rows;
    rows.reserve(input_plan.stakeholders.size());
    const auto index = index_of(input_plan);
    for (const auto& person : input_plan.stakeholders) rows.push_back(map_one(input_plan, index, person));
    return rows;
}

}  // namespace closeplan::analyze

// SPDX-License-Identifier: MIT
// The table of the buyer plan's sections, and the page rows it gives a document.
#include "view/section_table.hpp"

#include <algorithm>
#include <array>

#include "view/build_parts.hpp"

namespace closeplan::view {

namespace {

using namespace detail;

// What the milestones keep until the last resort: the path to signature.
bool milestone_kept(const table_row& r) {
    return !r.facts.done || r.facts.last || r.facts.overdue || r.facts.slipped;  // open, the signature, overdue, slipped
}

// The condensing policy, section by section; `order` runs across sections in the
// order a seller gives things up: stakeholders' contact details, value-map detail,
// resources beyond the first few, lower-severity risks, completed milestones in one
// line, notes and gates of steps that are not next; then, only when the page budget
// cannot hold what is never dropped, the last resort (never the signature).
constexpr std::array<condense_step, 2> stakeholder_steps{{
    {condensing::contact_details, 1},
    {condensing::rows_beyond_kept, 11, true},
}};
constexpr std::array<condense_step, 2> value_map_steps{{
    {condensing::value_detail, 2},
    {condensing::rows_beyond_kept, 10, true},
}};
constexpr std::array<condense_step, 1> resource_steps{{{condensing::items_beyond_kept, 3}}};
constexpr std::array<condense_step, 1> risk_steps{{{condensing::lower_severity_rows, 4}}};
constexpr std::array<condense_step, 5> milestone_steps{{
    {condensing::completed_rows, 5},
    {condensing::step_details, 6},
    {condensing::completed_slipped_rows, 7, true},
    {condensing::later_open_rows, 8, true},
    {condensing::next_step_details, 9, true},
}};

// One row per section, in default order.
constexpr std::array<section_entry, 8> table = {{
    {"summary", build_summary, "section.summary",
     {.balanced_columns = true},
     {.never_drop = true}},
    {"milestones", build_milestones, "section.milestones",
     {.timeline_strip = true},
     {.steps = milestone_steps, .keeps_row = milestone_kept, .never_drop = true}},
    {"value_map", build_value_map, "section.value_map",
     {.pair_with = "stakeholders", .pair = pairing::merged_table},
     {.steps = value_map_steps, .keep_rows = 4}},
    {"stakeholders", build_stakeholders, "section.stakeholders",
     layout_hints{},
     {.steps = stakeholder_steps, .keep_rows = 4}},
    {"resources", build_resources, "section.resources",
     {.pair_with = "open_items", .pair = pairing::beside},
     {.steps = resource_steps, .keep_rows = 3}},
    {"risks", build_risks, "section.risks",
     layout_hints{},
     {.steps = risk_steps}},
    {"open_items", build_open_items, "section.open_items",
     layout_hints{},
     condense_hints{}},
    {"signoff", build_signoff, "section.signoff",
     {.keep_together = true},
     {.never_drop = true}},
}};

// The partner a section is paired with, when both are in the document.
struct pair_of {
    std::size_t lead = 0;     ///< index of the section whose hint names the other
    std::size_t partner = 0;  ///< index of the other
    pairing how = pairing::none;
};

}  // namespace

std::span<const section_entry> section_table() { return table; }

const section_entry* find_section_entry(std::string_view key) {
    for (const auto& entry : table)
        if (entry.key == key) return &entry;
    return nullptr;
}

const std::vector<std::string>& section_keys() {
    static const std::vector<std::string> keys = [] {
        std::vector<std::string> out;
        for (const auto& entry : table) out.emplace_back(entry.key);
        return out;
    }();
    return keys;
}

section build_section(const section_entry& entry, const build_context& ctx) {
    return section{std::string(entry.key), ctx.words.get(entry.label_key), entry.build(ctx)};
}

std::vector<page_row> page_rows(const document& doc) {
    const auto& sections = doc.sections;
    std::vector<page_row> rows;
    rows.reserve(sections.size());
    // Which sections pair up: both present, the caller did not choose the order.
    std::vector<pair_of> pairs;
    if (!doc.sections_chosen)
        for (std::size_t i = 0; i < sections.size(); ++i) {
            const auto* entry = find_section_entry(sections[i].key);
            if (!entry || entry->layout.pair_with.empty() || entry->layout.pair == pairing::none) continue;
            for (std::size_t j = 0; j < sections.size(); ++j)
                if (j != i && sections[j].key == entry->layout.pair_with) {
                    pairs.push_back({i, j, entry->layout.pair});
                    break;
                }
        }
    auto pair_at = [&](std::size_t i) -> const pair_of* {
        for (const auto& p : pairs)
            if (p.lead == i || p.partner == i) return &p;
        return nullptr;
    };
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const pair_of* p = pair_at(i);
        if (!p) {
            rows.push_back(page_row{{&sections[i], nullptr}, pairing::none});
            continue;
        }
        // The first of the pair waits for the second.
        if (i != std::max(p->lead, p->partner)) continue;
        rows.push_back(page_row{{&sections[p->lead], &sections[p->partner]}, p->how});
    }
    return rows;
}

}  // namespace closeplan::view

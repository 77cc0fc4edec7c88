// SPDX-License-Identifier: MIT
// The table of the buyer plan's sections, and the page rows it gives a document.
#include "view/section_table.hpp"

#include <algorithm>
#include <array>

#include "view/build_parts.hpp"

namespace closeplan::view {

namespace {

using namespace detail;

// One row per section, in default order. The condensing orders follow the
// issue's policy (what a seller cuts first): stakeholders' contact details,
// value-map detail, resources beyond the first few, lower-severity risks,
// completed milestones and the notes of steps that are not next.
constexpr std::array<section_entry, 8> table = {{
    {"summary", build_summary, "section.summary",
     {.balanced_columns = true},
     {.never_drop = true}},
    {"milestones", build_milestones, "section.milestones",
     {.timeline_strip = true},
     {.order = 5, .never_drop = true}},
    {"value_map", build_value_map, "section.value_map",
     {.pair_with = "stakeholders", .pair = pairing::merged_table},
     {.order = 2}},
    {"stakeholders", build_stakeholders, "section.stakeholders",
     layout_hints{},
     {.order = 1}},
    {"resources", build_resources, "section.resources",
     {.pair_with = "open_items", .pair = pairing::beside},
     {.order = 3, .keep_rows = 3}},
    {"risks", build_risks, "section.risks",
     layout_hints{},
     {.order = 4}},
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

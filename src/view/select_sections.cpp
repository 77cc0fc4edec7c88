// SPDX-License-Identifier: MIT
// Section selection and heading offsets on the format-neutral document.
#include "view/select_sections.hpp"

#include <algorithm>

#include "view/section_table.hpp"

namespace closeplan::view {
namespace {

bool is_known(const std::string& key) { return find_section_entry(key) != nullptr; }

// Headings hide inside quotes and list items too (Markdown fields allow both).
void shift_blocks(blocks& content, int offset) {
    for (auto& b : content) {
        if (auto* h = std::get_if<heading>(&b.value)) h->level += offset;
        else if (auto* q = std::get_if<block_quote>(&b.value)) shift_blocks(q->content, offset);
        else if (auto* bl = std::get_if<bullet_list>(&b.value))
            for (auto& item : bl->items) shift_blocks(item.content, offset);
        else if (auto* ol = std::get_if<ordered_list>(&b.value))
            for (auto& item : ol->items) shift_blocks(item.content, offset);
    }
}

}  // namespace

std::vector<std::string> select_sections(document& doc, const std::vector<std::string>& keys) {
    std::vector<std::string> unknown;
    for (const auto& key : keys)
        if (!is_known(key)) unknown.push_back(key);
    if (!unknown.empty()) return unknown;

    std::vector<section> chosen;
    for (const auto& key : keys) {
        const bool already = std::any_of(chosen.begin(), chosen.end(), [&](const section& s) { return s.key == key; });
        if (already) continue;
        const auto found = std::find_if(doc.sections.begin(), doc.sections.end(),
                                        [&](const section& s) { return s.key == key; });
        if (found != doc.sections.end()) chosen.push_back(std::move(*found));
    }
    doc.sections = std::move(chosen);
    doc.sections_chosen = true;
    return {};
}

void shift_headings(document& doc, int offset) {
    offset = std::max(offset, 0);
    doc.heading_offset += offset;
    for (auto& s : doc.sections) shift_blocks(s.content, offset);
}

}  // namespace closeplan::view

// SPDX-License-Identifier: MIT
// Look-ups on the format-neutral document.
#include "view/document.hpp"

namespace closeplan::view {

const section* document::find_section(std::string_view key) const {
    for (const auto& s : sections)
        if (s.key == key) return &s;
    return nullptr;
}

void append_inline(inlines& out, inline_node node) {
    if (auto* t = std::get_if<text>(&node.value)) {
        if (t->value.empty()) return;
        if (!out.empty())
            if (auto* last = std::get_if<text>(&out.back().value)) {
                last->value += t->value;
                return;
            }
    }
    out.push_back(std::move(node));
}

}  // namespace closeplan::view

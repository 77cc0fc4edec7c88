// SPDX-License-Identifier: MIT
// Look-ups on the format-neutral document.
#include "view/document.hpp"

#include "view/build_parts.hpp"

namespace closeplan::view {

const section* document::find_section(std::string_view key) const {
    for (const auto& s : sections)
        if (s.key == key) return &s;
    return nullptr;
}

std::string layout_text(const document& doc, std::string_view key, std::optional<int> n,
                        std::initializer_list<std::pair<std::string_view, std::string>> values) {
    auto found = doc.layout_words.end();
    if (n)
        found = doc.layout_words.find(plural_key(key, *n, doc.plurals.get(),
                                                 [&](std::string_view k) { return doc.layout_words.contains(k); }));
    if (found == doc.layout_words.end()) found = doc.layout_words.find(key);
    if (found == doc.layout_words.end()) {
        std::string missing = "[";
        missing.append(key).append("]");
        return missing;
    }
    // One reading of {name} patterns for every label (labels.cpp), all filled at once.
    std::vector<detail::placeholder> all(values.begin(), values.end());
    if (n) all.emplace_back("n", std::to_string(*n));
    return detail::fill(found->second, std::span<const detail::placeholder>(all));
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

// SPDX-License-Identifier: MIT
#include "layout/structure_tags.hpp"

#include <atomic>
#include <variant>

namespace closeplan::layout::detail {

namespace {

bool is_content(const item& it) {
    return !std::holds_alternative<rule>(it.value) && !std::holds_alternative<box>(it.value);
}

// Adds `level` outermost; a path already at its deepest loses its innermost level
// (nesting that deep is a list inside a list inside a list: the outer levels say more).
void prepend(struct_tag& t, tag_level level) {
    const std::size_t keep = t.depth < struct_tag::max_depth ? t.depth : struct_tag::max_depth - 1;
    for (std::size_t i = keep; i > 0; --i) t.path[i] = t.path[i - 1];
    t.path[0] = level;
    t.depth = static_cast<std::uint8_t>(keep + 1);
}

}  // namespace

std::uint32_t new_tag_id() {
    static std::atomic<std::uint32_t> next{1};
    return next.fetch_add(1, std::memory_order_relaxed);
}

void tag_items(std::vector<item>& items, tag_level level, std::size_t from) {
    for (std::size_t i = from; i < items.size(); ++i) {
        auto& it = items[i];
        // A rule or box with a path is part of a Figure's drawing (tag_figure) and goes where the Figure goes.
        if ((is_content(it) || it.tag.depth > 0) && !it.tag.artifact()) prepend(it.tag, level);
    }
}

tag_level tag(fragment& f, tag_role role) {
    const tag_level level{role, new_tag_id()};
    tag_items(f.items, level);
    return level;
}

tag_level tag(std::vector<fragment>& parts, tag_role role) {
    const tag_level level{role, new_tag_id()};
    for (auto& f : parts) tag_items(f.items, level);
    return level;
}

void tag_artifact(fragment& f) {
    for (auto& it : f.items) {
        it.tag = {};
        it.tag.path[0] = {tag_role::artifact, 0};
        it.tag.depth = 1;
    }
}

void tag_figure(fragment& f, std::string alt) {
    if (f.items.empty()) return;  // measured only
    // The Figure holds its drawing too (the timeline's axis and markers): one
    // marked-content sequence for the picture, not one per label between artifacts.
    const tag_level level{tag_role::figure, new_tag_id()};
    auto text = std::make_shared<const std::string>(std::move(alt));
    for (auto& it : f.items) {
        if (it.tag.artifact()) continue;
        prepend(it.tag, level);
        it.tag.alt = text;
    }
}

}  // namespace closeplan::layout::detail

// SPDX-License-Identifier: MIT
// Small pieces every section builder uses: badges, owner cells, milestone references, field locations.
#include "view/build_parts.hpp"
#include "view/markdown_field.hpp"

namespace closeplan::view::detail {

tone side_tone(model::side s) {
    switch (s) {
        case model::side::buyer: return tone::buyer;
        case model::side::seller: return tone::seller;
        case model::side::both: return tone::both;
    }
    return tone::neutral;
}

inline_node text_node(std::string value) { return inline_node{text{std::move(value)}}; }

inlines single(inline_node node) {
    inlines out;
    out.push_back(std::move(node));
    return out;
}

inline_node badge_node(std::string label, tone color) { return inline_node{badge{std::move(label), color}}; }

inline_node muted(std::string value) { return inline_node{emphasis{{text_node(std::move(value))}}}; }

std::string list_separator(const labels& words) {
    return words.has("punctuation.list") ? words.get("punctuation.list") : std::string(", ");
}

std::string series_separator(const labels& words) {
    return words.has("punctuation.series") ? words.get("punctuation.series") : std::string("; ");
}

std::string join_listed(const labels& words, std::span<const std::string> parts) {
    const std::string separator = list_separator(words);
    std::string joined;
    for (const auto& part : parts) {
        if (part.empty()) continue;
        if (!joined.empty()) joined += separator;
        joined += part;
    }
    return joined;
}

std::string join_listed(const labels& words, std::initializer_list<std::string> parts) {
    return join_listed(words, std::span<const std::string>(parts.begin(), parts.size()));
}

void append_text(inlines& out, std::string_view value) {
    if (value.empty()) return;
    if (!out.empty())
        if (auto* last = std::get_if<text>(&out.back().value)) {
            last->value += value;
            return;
        }
    out.push_back(text_node(std::string(value)));
}

std::string person_name(const model::plan& p, std::string_view id) {
    if (const auto* person = p.find_stakeholder(id)) return person->name.empty() ? person->id : person->name;
    return std::string(id);
}

inlines owner_cell(const build_context& ctx, std::optional<model::side> owner, std::string_view assignee) {
    inlines cell;
    if (owner) cell.push_back(badge_node(label_of(ctx.words, "side", model::to_string(*owner)), side_tone(*owner)));
    if (!assignee.empty()) {
        if (!cell.empty()) append_text(cell, " ");
        append_text(cell, person_name(ctx.plan, assignee));
    }
    return cell;
}

std::string milestone_ref(const build_context& ctx, std::string_view id) {
    const auto& all = ctx.plan.milestones;
    for (std::size_t i = 0; i < all.size(); ++i)
        if (all[i].id == id)
            return fill(ctx.words.get("milestone.ref"), {{"n", std::to_string(i + 1)}, {"title", all[i].title}});
    return {};
}

inline_node link_or_text(std::string url, std::string label) {
    if (!is_safe_url(url)) return text_node(std::move(label));
    return inline_node{link{std::move(url), {text_node(std::move(label))}}};
}

source_location field_where(const build_context& ctx, const source_location& item, std::string_view suffix) {
    source_location where = item;
    if (where.file.empty()) where.file = ctx.plan.source_file;
    where.pointer += suffix;
    return where;
}

block none_paragraph(const labels& words, std::string_view key) {
    return block{paragraph{{muted(words.get(key))}}};
}

}  // namespace closeplan::view::detail

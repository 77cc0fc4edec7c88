// SPDX-License-Identifier: MIT
// Internal to view/: what the section builders share (not part of the view contract).
#pragma once

#include <initializer_list>
#include <span>
#include <string>
#include <string_view>
#include <utility>

#include "view/build_document.hpp"

namespace closeplan::view::detail {

struct build_context {
    const model::plan& plan;
    const analyze::analysis& facts;
    const labels& words;
    diagnostic_sink& diags;
};

using placeholder = std::pair<std::string_view, std::string>;

/// Replaces `{name}` placeholders; unknown ones stay as written.
std::string fill(std::string_view pattern, std::initializer_list<placeholder> values);
std::string fill(std::string_view pattern, std::span<const placeholder> values);

/// `words.get(key)` with `{n}` filled; uses `key_one`, `key_few`... for n's plural category when the labels have it.
std::string count_text(const labels& words, std::string_view key, int n);

/// "USD 240,000" from the exact decimal text, grouped per `number.group`/`number.decimal`;
/// held together by no-break spaces (U+00A0), like a date.
std::string format_amount(std::string_view amount, std::string_view currency, const labels& words);

/// "<prefix>.<name>" looked up, e.g. label_of(words, "status", "in_progress").
std::string label_of(const labels& words, std::string_view prefix, std::string_view name);

tone side_tone(model::side s);
inline_node text_node(std::string value);
/// Inlines of one node, moved in (a braced list would copy the node's text).
inlines single(inline_node node);
inline_node badge_node(std::string label, tone color);
inline_node muted(std::string value);  ///< secondary text (emphasis)
void append_text(inlines& out, std::string_view value);

/// What separates the items of a list and a name from its title in the
/// language: `punctuation.list` (", "; Arabic "، "), ", " when the labels lack it.
std::string list_separator(const labels& words);
/// What separates the entries of a series whose entries hold commas (the
/// timeline's description): `punctuation.series` ("; "; Arabic "؛ "), "; " when the labels lack it.
std::string series_separator(const labels& words);
/// The non-empty `parts` joined by list_separator: "Dana Ruiz, CFO".
std::string join_listed(const labels& words, std::span<const std::string> parts);
std::string join_listed(const labels& words, std::initializer_list<std::string> parts);

/// A stakeholder's display name, or the id when the plan has no such stakeholder.
std::string person_name(const model::plan& p, std::string_view id);

/// Side badge followed by the assignee's name: the owner cell of milestones and risks.
inlines owner_cell(const build_context& ctx, std::optional<model::side> owner, std::string_view assignee);

/// "#3 Security review" for the milestone with this id; empty when unknown.
std::string milestone_ref(const build_context& ctx, std::string_view id);

/// A link when the URL passes is_safe_url, else the text alone.
inline_node link_or_text(std::string url, std::string label);

/// Where a Markdown field sits: the item's location with `suffix` added to its pointer.
source_location field_where(const build_context& ctx, const source_location& item, std::string_view suffix);

/// A muted one-line paragraph ("No open items"), so a section is never empty.
block none_paragraph(const labels& words, std::string_view key);

// The section builders of the section table (view/section_table.cpp): each
// makes its section's blocks; the table gives the key and the title.
blocks build_summary(const build_context& ctx);
blocks build_milestones(const build_context& ctx);
blocks build_value_map(const build_context& ctx);
blocks build_stakeholders(const build_context& ctx);
blocks build_resources(const build_context& ctx);
blocks build_risks(const build_context& ctx);
blocks build_open_items(const build_context& ctx);
blocks build_signoff(const build_context& ctx);

/// The timeline strip: none when no milestone has a date.
std::optional<timeline> build_timeline(const build_context& ctx);

}  // namespace closeplan::view::detail

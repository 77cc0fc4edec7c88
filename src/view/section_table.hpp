// SPDX-License-Identifier: MIT
// The buyer plan's sections as registered units: ONE table owns each
// section's key, builder, title label, default order and the hints the page
// layout and the condensing policy read. Section selection (--sections), the
// document builder, the HTML and Markdown page context, template checks and
// the PDF flow all read this table; none of them lists section keys itself.
// Adding a section: see "How to add a section" in docs/architecture.md.
#pragma once

#include <cstddef>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "view/document.hpp"

namespace closeplan::view {

namespace detail {
struct build_context;
}

/// Makes a section's blocks from the plan, its analysis and the labels
/// (view/build_*.cpp). Never empty: a section with nothing to show says so
/// in a muted paragraph ("No open items").
using section_builder = blocks (*)(const detail::build_context& ctx);

/// How a section shares the page with the section named in its pair_with.
enum class pairing {
    none,
    /// Side by side in two columns, where the page has columns (the one-page
    /// PDF; the HTML page's <div class="columns">); one after the other where it
    /// has not (--template full, Markdown).
    beside,
    /// One table under both titles when the one-page fitter needs the room and
    /// every row of this section names a row of the partner's table: this
    /// section's rows become second lines under the partner's rows (PDF only).
    merged_table,
};

/// What the page layout needs to know about a section beyond its blocks.
struct layout_hints {
    /// The key of the section this one is placed with; empty = placed alone.
    /// The pair is placed where the later of the two stands in the document,
    /// this section first (the left column, or the detail lines). With
    /// --sections the caller's order holds and nothing is paired.
    std::string_view pair_with = {};
    pairing pair = pairing::none;
    /// Title, words and lines are one piece that never parts at a page break.
    bool keep_together = false;
    /// The section's groups (a sub-heading and what follows it) in two or
    /// three balanced columns, under a title without a figure.
    bool balanced_columns = false;
    /// The document's timeline strip (document::schedule) under the title.
    bool timeline_strip = false;
};

/// Hints for the one-page condensing policy (layout/condense.cpp). The policy
/// owns HOW a section condenses (collapsing done rows, dropping details,
/// "+N more" lines); these say in WHICH ORDER and WHAT MUST STAY, so a new
/// section states its place in the policy in its row. (The policy is being
/// rewritten to read these; until then condense.cpp names its tables itself.)
struct condense_hints {
    /// When the page is still too tall at 8 pt, sections give up room in
    /// ascending order (1 first: what a seller would cut first); 0 = never
    /// condensed.
    int order = 0;
    /// The section always stays on the page: never left for the full plan,
    /// never reduced to a "+N more" line. For a table section it also means
    /// the rows that make its point stay (milestones: every step not done,
    /// the last step (the signature), every overdue or slipped step).
    bool never_drop = false;
    /// Rows (or list items) a condensed section keeps before its
    /// "+N more ... in the full plan" line; 0 = the policy decides.
    std::size_t keep_rows = 0;
};

/// One row of the table.
struct section_entry {
    std::string_view key;        ///< section::key, the --sections name, the template slot and CSS class
    section_builder build;       ///< its blocks
    std::string_view label_key;  ///< its title in templates/labels/<lang>.yaml: "section.<key>"
    layout_hints layout;
    condense_hints condense;
};

/// Every section of the buyer plan, one row each. A row's place in the table
/// is the section's default order: build_document makes them in this order,
/// fragments and the `sections` template list keep it, and the page places
/// them in it (a pair where its later member stands).
std::span<const section_entry> section_table();

/// The row for `key`, or nullptr when no section has that key.
const section_entry* find_section_entry(std::string_view key);

/// The keys of the table in its order (for messages and --sections help).
const std::vector<std::string>& section_keys();

/// Builds the section of `entry`: its builder's blocks under its key and
/// its labelled title.
section build_section(const section_entry& entry, const detail::build_context& ctx);

/// One row of the page: one section, or two sharing the row (`pair` says how;
/// `sections[0]` is the one whose hint named the other).
struct page_row {
    const section* sections[2] = {nullptr, nullptr};
    pairing pair = pairing::none;
    [[nodiscard]] std::size_t size() const { return sections[1] ? 2 : 1; }
};

/// The document's sections as a page places them: in document order, except
/// that a section paired with another (layout_hints::pair_with) waits for it
/// and shares its row. When the caller chose the sections
/// (document::sections_chosen) every section has a row of its own, in the
/// chosen order. Sections not in the table get a row of their own. Rows
/// point into `doc`.
std::vector<page_row> page_rows(const document& doc);

}  // namespace closeplan::view

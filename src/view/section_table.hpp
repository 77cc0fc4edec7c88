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

/// A way a section gives up room when the one-page buyer plan does not fit at
/// 8 pt. This table says which sections condense in which ways and in what
/// order; layout/condense.cpp does each way to the section named by the row.
/// A closed list: condense.cpp switches over it with no default, so a new way
/// does not compile until it is done there.
enum class condensing {
    contact_details,         ///< a people table's contact column ("Contact details are in the full plan")
    value_detail,            ///< the value map's proof and delivering steps ("cares about" stays)
    items_beyond_kept,       ///< a list's items beyond condense_hints::keep_rows ("+2 more resources")
    lower_severity_rows,     ///< low, then medium severity rows; high ones stay
    completed_rows,          ///< completed steps into one line (slipped ones stay rows)
    step_details,            ///< gates and notes of the steps after the next
    completed_slipped_rows,  ///< last resort: completed steps that slipped join the one line
    later_open_rows,         ///< last resort: open steps, furthest first, into "+N later steps"
    next_step_details,       ///< last resort: the next step's gate and notes
    rows_beyond_kept,        ///< last resort: a people table's rows beyond condense_hints::keep_rows
};

/// One way a section condenses, and its place in the whole plan's policy.
struct condense_step {
    condensing way;
    /// Place in the policy, across every section: lower is given up first
    /// (what a seller would cut first). Unique in the table.
    int order = 0;
    /// Hides what is never dropped (see keeps_row): taken only when the page
    /// budget (--fit) cannot hold the plan otherwise.
    bool last_resort = false;
};

/// How a section takes part in the one-page condensing policy.
struct condense_hints {
    /// The ways it condenses; empty = never condensed.
    std::span<const condense_step> steps = {};
    /// The rows of its table that stay until the last resort (milestones:
    /// every step not done, the last step (the signature), every overdue or
    /// slipped step); nullptr = none are protected.
    bool (*keeps_row)(const table_row&) = nullptr;
    /// Rows or list items kept by items_beyond_kept and rows_beyond_kept.
    std::size_t keep_rows = 0;
    /// The section itself always stays on the page (summary with the outcome,
    /// milestones, sign-off): no step may leave it for the full plan.
    bool never_drop = false;
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

// SPDX-License-Identifier: MIT
// The pieces of the page layout: blocks, tables, the title block, the timeline (internal to layout/).
#pragma once

#include <list>
#include <set>
#include <span>
#include <string>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "layout/inline_flow.hpp"
#include "view/document.hpp"

namespace closeplan::layout::detail {

/// A table as layout sees it: data tables and Markdown tables alike.
struct table_input {
    std::vector<const view::inlines*> header;
    std::list<view::inlines> header_text;  ///< header labels made for this table (without a token cache)
    std::vector<view::align> alignments;
    struct row {
        std::span<const view::inlines> cells;  ///< the row's cells, in the document
        bool muted = false;       ///< completed steps read as done
        bool bold_first = false;  ///< the first cell names the row
        bool span_all = false;    ///< one cell across every column (condensed lines)
        std::vector<flow_span> detail;  ///< a second line under the row, from the second column to the end
    };
    std::vector<row> rows;
};

/// The header and one fragment per row; rows carry the header for page breaks.
std::vector<fragment> layout_table(const table_input& table, double width, const context& ctx);

/// The fragments of a list of blocks, with paragraph gaps between them.
std::vector<fragment> layout_blocks(const view::blocks& content, double width, const context& ctx);
std::vector<fragment> layout_block(const view::block& b, double width, const context& ctx);

/// Fragments moved into a vector (a braced list would copy them, items and all).
template <class... Parts>
std::vector<fragment> fragments(Parts&&... parts) {
    std::vector<fragment> out;
    out.reserve(sizeof...(parts));
    (out.push_back(std::forward<Parts>(parts)), ...);
    return out;
}

/// Stacks fragments into one (for columns and figures), taking their items over.
fragment stack(std::vector<fragment> parts);

/// A section title: upper case, accent colour, a rule below; `figure` (may be
/// null; its items are moved in) sits on the same line, right-aligned, when there is room.
fragment section_heading(const std::string& title, fragment* figure, double figure_width, double width,
                         const context& ctx);

/// Label/value pairs in one flowing line.
fragment layout_facts(const view::fact_list& facts, double width, double size, const context& ctx,
                      const view::inlines* lead = nullptr);
flow_widths measure_facts(const view::fact_list& facts, double size, const context& ctx);

/// The title block: parties, logos, the plan's title and the facts bar.
fragment title_block(const view::document& doc, double width, const context& ctx);

/// The timeline strip: milestones on a date axis from today (or the first date) to the target close.
fragment timeline_strip(const view::timeline& t, double width, const context& ctx);

/// Every value-map row names someone in the stakeholders table (or trimmed from it).
bool people_pair_up(const view::section& people, const view::section& value);

/// The stakeholders table with each person's value-map row as a second line;
/// empty when a value row names someone the stakeholders table lacks.
std::vector<fragment> merged_people_table(const view::section& people, const view::section& value, double width,
                                          const context& ctx);

/// Columns side by side, `widths[i]` wide, a column gap apart.
fragment side_by_side(std::vector<fragment> columns, const std::vector<double>& widths, const context& ctx);

/// "page X of Y" (the `page.of` label) at the foot of every page, in the small size and muted colour.
void add_footers(std::vector<page>& pages, const page_style& st, const context& ctx, const view::document& doc);
/// The document's title line and a rule, atop every page after the first ("same header on page 2").
fragment running_head(const view::document& doc, double width, const context& ctx, std::list<view::inlines>& keep);
/// Places `head` at the top margin of every page but the first (frame.running_head keeps its room free).
void add_running_heads(std::vector<page>& pages, const fragment& head, const page_frame& frame);
/// The one O511 warning listing the code points replaced because no font had them.
void report_unpaintable(const std::set<char32_t>& unpaintable, const font_metrics& metrics,
                        closeplan::diagnostic_sink& diags);

}  // namespace closeplan::layout::detail

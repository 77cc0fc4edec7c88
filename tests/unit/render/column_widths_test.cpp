// SPDX-License-Identifier: MIT
// Column needs: the one-pass sizing of ASCII cells (add_content_in_columns)
// gives exactly what add_content measures word by word.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "layout/display_width.hpp"
#include "render/column_widths.hpp"

namespace closeplan::render::detail {
namespace {

// The Markdown writer's measure: display columns, bold a sixth wider.
double columns(std::string_view text, bool bold) {
    return static_cast<double>(layout::display_columns(text)) * (bold ? 1.15 : 1.0);
}

view::inlines plain(std::string text) { return {view::inline_node{view::text{std::move(text)}}}; }

std::vector<view::inlines> cells() {
    std::vector<view::inlines> out;
    for (const char* t : {"", " ", "Discovery", "Security review", "  two  spaces  ", "tab\there", "line\nfeed",
                          "trailing ", " leading", "a", "Jun 30, 2026", "dana.ruiz@example.com",
                          "a-very-long-unbroken-identifier-that-is-wider-than-the-rest", "x\t\n y"})
        out.push_back(plain(t));
    // One-column characters with no-break spaces (a date), and one strong text
    // (an owner): sized in one pass too.
    for (const char* t : {"Jun\u00a030,\u00a02026", "\u00a0", "a\u00a0b c\u00a0\u00a0d", "\u00a0lead trail\u00a0",
                          "x\xC2", "\xC2 y", "\xC2\xC2\xA0"})
        out.push_back(plain(t));
    for (const char* t : {"Joint", "", " ", "Buyer team", "Priya\u00a0Shah lead", "a longest-word here", "Zoë"})
        out.push_back({view::inline_node{view::strong{plain(t)}}});
    out.push_back({view::inline_node{view::strong{{view::inline_node{view::text{"two"}},
                                                    view::inline_node{view::text{" texts"}}}}}});
    for (const char* label : {"Not started", "done", "", " ", "At\u00a0risk now", " two  spaces ", "Überfällig"})
        out.push_back({view::inline_node{view::badge{label, view::tone::ok}}});
    // Not one-column characters, or not one text: add_content's own path.
    out.push_back(plain("Café décor"));
    out.push_back(plain("日本語のタイトル"));
    out.push_back({view::inline_node{view::text{"Lee "}}, view::inline_node{view::badge{"done", view::tone::ok}}});
    out.push_back({view::inline_node{view::strong{plain("Joint")}}, view::inline_node{view::text{" Priya Shah"}}});
    out.push_back({view::inline_node{view::text{"one"}}, view::inline_node{view::line_break{}},
                   view::inline_node{view::text{"two words"}}});
    return out;
}

TEST(ColumnWidths, InColumnsGivesWhatAddContentMeasures) {
    const text_measure measure = columns;
    for (const char* line_break : {static_cast<const char*>(nullptr), " / "})
        for (bool whole_badges : {true, false}) {
            // Cell by cell from empty, and all cells into one column (the maximum kept across cells).
            column_need all_fast, all_plain;
            for (const auto& cell : cells()) {
                column_need fast, reference;
                add_content_in_columns(fast, cell, measure, line_break, whole_badges);
                add_content(reference, cell, measure, line_break, whole_badges);
                EXPECT_EQ(fast.min, reference.min);
                EXPECT_EQ(fast.max, reference.max);
                add_content_in_columns(all_fast, cell, measure, line_break, whole_badges);
                add_content(all_plain, cell, measure, line_break, whole_badges);
            }
            EXPECT_EQ(all_fast.min, all_plain.min);
            EXPECT_EQ(all_fast.max, all_plain.max);
        }
}

TEST(ColumnWidths, AnAsciiCellNeedsItsLongestWordAndItsLength) {
    column_need need;
    add_content_in_columns(need, plain("Security review queue"), columns);
    EXPECT_EQ(need.min, 8.0);  // "Security"
    EXPECT_EQ(need.max, 21.0);
}

}  // namespace
}  // namespace closeplan::render::detail

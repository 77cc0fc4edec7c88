// SPDX-License-Identifier: MIT
// Fragments (laid-out pieces measured from their own top) and placing them on pages.
#pragma once

#include <functional>
#include <memory>
#include <vector>

#include "layout/frame.hpp"

namespace closeplan::layout::detail {

/// A laid-out piece of the document. Item y values are distances DOWN from the
/// fragment's top (text: to the baseline; box, image, link: to the top edge;
/// rule: to each end), so fragments can be measured before a page is chosen.
struct fragment {
    double height = 0;
    double space_before = 0;  ///< dropped at the top of a page
    std::vector<item> items;
    bool keep_with_next = false;  ///< a heading: never the last thing on a page
    /// Table rows carry their header, painted again above them on a new page.
    std::shared_ptr<const fragment> repeat_header;

    /// Adds `other`'s items moved by (dx, dy); does not change the height.
    void append(const fragment& other, double dx, double dy);
    /// The same, taking the items over (their text is not copied); `other` keeps its height.
    void append(fragment&& other, double dx, double dy);
    /// Moves the items from `from` on by (dx, dy), as append() moves what it adds.
    void move_items(std::size_t from, double dx, double dy);
};

/// Pages of the given size with content between the margins.
struct page_frame {
    double width = 612, height = 792;
    double top = 28, bottom = 28, left = 31;  ///< margins
    double footer = 0;             ///< reserved above the bottom margin
    double running_head = 0;       ///< reserved below the top margin on every page but the first

    [[nodiscard]] double content_height() const { return height - top - bottom - footer; }
};

/// Copies a fragment's items onto `p` with its top at `top_y` (distance down from the page top).
void place(const fragment& f, double left_x, double top_y, page& p);

/// Sum of heights and gaps: how tall the fragments are stacked on one page.
double stacked_height(const std::vector<fragment>& flow);

/// Where each page starts: the index of its first fragment (the first is 0).
/// The one reading of the break rules, for paginate() and for counting pages
/// of a flow that was only measured.
std::vector<std::size_t> page_starts(const std::vector<fragment>& flow, const page_frame& frame);

/// The flow with every fragment taller than a page cut between its lines into
/// pieces a page holds (a 40,000-character title in the full plan flows on over
/// pages rather than running off the first).
std::vector<fragment> split_tall(std::vector<fragment> flow, const page_frame& frame);
/// Stacks fragments on as many pages as needed (split_tall first): a heading moves with the next
/// fragment, table rows repeat their header after a break. Takes the flow's items over.
std::vector<page> paginate(std::vector<fragment> flow, const page_frame& frame);

}  // namespace closeplan::layout::detail

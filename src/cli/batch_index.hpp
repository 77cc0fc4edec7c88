// SPDX-License-Identifier: MIT
// The batch's index pages in its output folder: index.html (the totals, the
// links to every page, the first `index_page_deals` deals), then
// index-p2.html, index-p3.html... each a whole page of its own, so 200,000
// deals never make one page heavier than about a megabyte. Rows are held for
// two pages at most: the first (index.html is written last, when the totals
// are known) and the one being filled (written when the next one starts,
// when it is known that there is a next one).
#pragma once

#include <cstddef>
#include <string>

#include "batch/index_page.hpp"

namespace closeplan::cli {

class index_writer {
public:
    /// `base` is the first page's name without `.html` ("index", "index-2-of-3").
    index_writer(std::string folder, std::string base, std::string title, model::date as_of, bool with_health);

    void add(const batch::deal_result& deal);
    /// Writes the last pages (temporary file + rename) and removes pages an
    /// earlier, longer run left beyond the last one.
    void finish(const batch::batch_totals& totals);

private:
    [[nodiscard]] std::string path_of(std::size_t page) const;
    void write_page(std::size_t page, std::size_t pages, const std::string& rows, const std::string& totals_html);

    std::string folder_;
    std::string base_;
    batch::index_page_head head_;
    std::string first_rows_;    ///< page 1's rows
    std::string filling_rows_;  ///< the rows of page `page_` (2 or later), not written yet
    std::size_t page_ = 1;      ///< the page being filled
    std::size_t on_page_ = 0;   ///< its deals
};

}  // namespace closeplan::cli

// SPDX-License-Identifier: MIT
// index.html of a batch, the operator's page: the totals first, then one row
// per deal (owner, account, amount, stage, close date, progress, schedule,
// health with --check, links to its files). No request leaves the page; one
// small inline script, allowed by its hash in the page's Content-Security-Policy,
// sorts a page's table by the column clicked. 200,000 deals would make one
// page of ~200 MB, so the rows are split into pages of `index_page_deals`
// (index.html, then index-p2.html, index-p3.html...; cli/batch_index.hpp
// writes them). Every piece is text built here, every CRM value escaped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

#include "batch/batch_run.hpp"

namespace closeplan::batch {

/// Deals on one page: about 1 MB of HTML, far under the 5 MB a page may weigh.
inline constexpr std::size_t index_page_deals = 1000;

/// The sorting script, as the page holds it, and its CSP hash ('sha256-...').
std::string_view index_sort_script();
std::string_view index_sort_script_hash();

/// What the top of a page says besides the title.
struct index_page_head {
    std::string title;        ///< escaped here
    model::date as_of;
    bool with_health = false; ///< the Health column (batch --check)
    std::string totals_html;  ///< index_totals(): on the first page only
    std::string nav_html;     ///< index_nav(): links to the other pages; empty with one page
};

/// From `<!doctype html>` to the table's header row.
std::string index_page_start(const index_page_head& head);
/// One table row; every CRM value escaped, links only to the deal's own files.
std::string index_page_row(const deal_result& deal, bool with_health = false);
/// The table's end, the navigation again, the page's end.
std::string index_page_end(std::string_view nav_html = {});

/// The totals of the run, deals and rows apart: the first thing index.html shows.
/// Counts of what the folder holds, not of this run: a resumed batch and an
/// uninterrupted one give the same page.
std::string index_totals(const batch_totals& totals);
/// Links to every page ("Pages: 1 2 3 ... N", each naming its first row), the
/// current one not a link; `base` names the files (index_page_file).
std::string index_nav(std::size_t current, std::size_t pages, const std::string& base);
/// Page k's file name: `base.html` for page 1, `base-pK.html` after.
std::string index_page_file(const std::string& base, std::size_t page);

/// "deals 10 = rendered 8 + failed 1 + skipped 1; rows read 12 = rendered 9 + failed 2 + skipped 1"
std::string summary_line(const batch_totals& totals);

}  // namespace closeplan::batch

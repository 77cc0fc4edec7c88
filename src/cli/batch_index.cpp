// SPDX-License-Identifier: MIT
// The batch's index pages (batch_index.hpp).
#include "cli/batch_index.hpp"

#include <filesystem>

#include "cli/output_files.hpp"

namespace closeplan::cli {

namespace fs = std::filesystem;

index_writer::index_writer(std::string folder, std::string base, std::string title, model::date as_of, bool with_health)
    : folder_(std::move(folder)), base_(std::move(base)) {
    head_.title = std::move(title);
    head_.as_of = as_of;
    head_.with_health = with_health;
}

std::string index_writer::path_of(std::size_t page) const {
    return (fs::path(folder_) / batch::index_page_file(base_, page)).string();
}

void index_writer::write_page(std::size_t page, std::size_t pages, const std::string& rows,
                              const std::string& totals_html) {
    // Middle pages do not know how many pages follow: they link to every page
    // up to the next one, and the first page (written last) links to all.
    auto head = head_;
    head.totals_html = totals_html;
    head.nav_html = batch::index_nav(page, pages, base_);
    write_output_file(path_of(page), batch::index_page_start(head) + rows + batch::index_page_end(head.nav_html));
}

void index_writer::add(const batch::deal_result& deal) {
    if (on_page_ == batch::index_page_deals) {
        if (page_ >= 2) write_page(page_, page_ + 1, filling_rows_, {});
        filling_rows_.clear();
        ++page_;
        on_page_ = 0;
    }
    (page_ == 1 ? first_rows_ : filling_rows_) += batch::index_page_row(deal, head_.with_health);
    ++on_page_;
}

void index_writer::finish(const batch::batch_totals& totals) {
    const auto pages = page_;
    if (pages >= 2) write_page(pages, pages, filling_rows_, {});
    write_page(1, pages, first_rows_, batch::index_totals(totals));
    // Pages of an earlier run with more deals: only regular files, as batch wrote them.
    for (std::size_t k = pages + 1;; ++k) {
        std::error_code ec;
        const auto path = path_of(k);
        if (fs::symlink_status(path, ec).type() != fs::file_type::regular || !fs::remove(path, ec)) break;
    }
}

}  // namespace closeplan::cli

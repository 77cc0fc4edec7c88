// SPDX-License-Identifier: MIT
// index.html of a batch: one self-contained page (no scripts, no requests)
// listing every deal with its close date, progress, slips and whether its
// schedule fits. Written in pieces so a long export never sits in memory.
#pragma once

#include <string>

#include "batch/batch_run.hpp"

namespace closeplan::batch {

/// From `<!doctype html>` to the table's header row. `title` is escaped.
std::string index_page_start(const std::string& title, model::date as_of, bool with_health = false);
/// One table row; every CRM value escaped, links only to the deal's own files.
/// `with_health` adds the Health column (batch --check).
std::string index_page_row(const deal_result& deal, bool with_health = false);
/// The closing count of rows with documents, failed and left to other shards, and the tags.
std::string index_page_end(const batch_totals& totals);

/// "rows read 12 = rendered 9 + failed 2 + skipped 1"
std::string summary_line(const batch_totals& totals);

}  // namespace closeplan::batch

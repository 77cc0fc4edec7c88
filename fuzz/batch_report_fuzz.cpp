// SPDX-License-Identifier: MIT
// A line of a shard's batch-report-K-of-N.json as `closeplan batch-index`
// reads it (cli/cmd_batch_index.cpp): a deal object (a trailing comma
// dropped) through batch::deal_from_json, or the totals line (`],"rows_read":...`)
// through batch::totals_from_json; a value of the wrong type is the
// exception batch-index reports as B762, never a crash. A deal read back is
// written again as the merged report and the index page write it: written,
// read and written once more it must give the same text.
#include <nlohmann/json.hpp>

#include "batch/batch_report.hpp"
#include "batch/index_page.hpp"
#include "fuzz_support.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace closeplan;
    std::string line(reinterpret_cast<const char*>(data), size);
    const bool totals = line.starts_with("],");
    if (totals) line = "{" + line.substr(2);
    else if (line.ends_with(",")) line.pop_back();
    const auto value = nlohmann::json::parse(line, nullptr, false);
    if (value.is_discarded() || !value.is_object()) return 0;
    try {
        if (totals) {
            const auto t = batch::totals_from_json(value);
            (void)batch::index_totals(t);
            (void)batch::summary_line(t);
            return 0;
        }
        const auto deal = batch::deal_from_json(value);
        const auto written = batch::deal_json(deal);
        const auto again = batch::deal_json(batch::deal_from_json(nlohmann::json::parse(written)));
        if (again != written) fuzz::finding("a deal written, read back and written again changed: " + written);
        (void)batch::index_page_row(deal, true);
    } catch (const nlohmann::json::exception&) {
        // A value of the wrong type: batch-index reports the report as broken (B762).
    }
    return 0;
}

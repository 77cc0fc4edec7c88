// SPDX-License-Identifier: MIT
// batch-report.json (`batch --report json`), built with nlohmann::json: one
// object per deal as it is done, then the totals, so a long export never sits
// in memory and no value is ever glued into JSON text by hand. Key order is
// kept as written (ordered_json), so the same run gives the same bytes.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "batch/batch_run.hpp"

namespace closeplan::batch {

/// One deal's object: row, rows, id, name, outcome, files, close date,
/// progress, schedule fit, health (with --check) and errors.
nlohmann::ordered_json deal_json_value(const deal_result& deal);
/// The same, as compact JSON text.
std::string deal_json(const deal_result& deal);

/// The report's pieces, in order: start(), deal() per deal, end(totals).
/// Together they make one object {"deals":[...], "rows_read":..., ...}.
class json_report_writer {
public:
    [[nodiscard]] std::string start() const;
    [[nodiscard]] std::string deal(const deal_result& deal);
    /// The totals, then `export` (the export's file name) and `as_of`, which
    /// `closeplan batch-index` reads back to title the merged index.
    [[nodiscard]] std::string end(const batch_totals& totals, const std::string& export_name, model::date as_of) const;

private:
    bool first_ = true;
};

/// The totals object alone (rows_read, rendered, failed, skipped, deal_count, schedules_not_fitting, deals_*).
nlohmann::ordered_json totals_json_value(const batch_totals& totals);

/// The inverses, for `closeplan batch-index` merging the reports of shards:
/// a deal as deal_json_value() wrote it, and the totals as totals_json_value()
/// wrote them. Throws nlohmann::json::exception on a value of the wrong type.
deal_result deal_from_json(const nlohmann::json& value);
batch_totals totals_from_json(const nlohmann::json& value);

}  // namespace closeplan::batch

// SPDX-License-Identifier: MIT
// batch-report.json through nlohmann::json (batch_report.hpp).
#include "batch/batch_report.hpp"

#include "model/dates.hpp"
#include "support/utf8.hpp"

namespace closeplan::batch {

namespace {

using json = nlohmann::ordered_json;

json text(std::string_view value) { return json(utf8::replace_invalid(value)); }

const char* outcome_name(deal_outcome outcome) {
    switch (outcome) {
        case deal_outcome::rendered: return "rendered";
        case deal_outcome::up_to_date: return "up_to_date";
        case deal_outcome::filtered: return "filtered";
        case deal_outcome::failed: break;
    }
    return "failed";
}

}  // namespace

json deal_json_value(const deal_result& deal) {
    json out;
    out["row"] = deal.line;
    out["rows"] = deal.row_count;
    out["id"] = text(deal.id);
    out["name"] = text(deal.name);
    if (!deal.owner.empty()) out["owner"] = text(deal.owner);
    if (deal.sheet_row > 0) out["sheet_row"] = deal.sheet_row;
    out["outcome"] = outcome_name(deal.outcome);
    out["files"] = json::array();
    for (const auto& f : deal.files) out["files"].push_back(text(f));
    if (deal.close) out["close_date"] = model::format_iso_date(*deal.close);
    if (deal.outcome != deal_outcome::failed) {
        out["progress"] = {{"done", deal.progress.done}, {"total", deal.progress.total}};
        out["slipped"] = deal.slipped;
        out["overdue"] = deal.overdue;
        out["schedule_fits"] = deal.feasible;
        out["business_days_missing"] = deal.business_days_missing;
    }
    if (deal.health) {
        json rules = json::array();
        for (const auto& r : deal.health->rules) rules.push_back(text(r));
        out["health"] = {{"score", deal.health->score},
                         {"errors", deal.health->errors},
                         {"warnings", deal.health->warnings},
                         {"notes", deal.health->notes},
                         {"rules", std::move(rules)}};
    }
    out["errors"] = json::array();
    for (const auto& e : deal.errors) out["errors"].push_back(error_json_value(e));
    return out;
}

std::string deal_json(const deal_result& deal) { return deal_json_value(deal).dump(); }

json totals_json_value(const batch_totals& totals) {
    // "deals" is the list of deals; its length is "deal_count" (once also "deals": a duplicate key).
    return {{"rows_read", totals.rows_read},   {"rendered", totals.rendered},
            {"failed", totals.failed},         {"skipped", totals.skipped},
            {"deal_count", totals.deals},      {"schedules_not_fitting", totals.infeasible},
            {"filtered", totals.filtered}};
}

std::string json_report_writer::start() const { return "{\"deals\":["; }

std::string json_report_writer::deal(const deal_result& deal) {
    const char* separator = first_ ? "\n" : ",\n";
    first_ = false;
    return separator + deal_json(deal);
}

std::string json_report_writer::end(const batch_totals& totals) const {
    // The totals object's members follow the list: its text without the opening brace.
    const auto rest = totals_json_value(totals).dump();
    return "\n]," + rest.substr(1) + "\n";
}

}  // namespace closeplan::batch

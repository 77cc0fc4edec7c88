// SPDX-License-Identifier: MIT
// batch-report.json through nlohmann::json (batch_report.hpp).
#include "batch/batch_report.hpp"

#include <cstdint>
#include <type_traits>
#include <utility>

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
    if (deal.failed_rows > 0) out["failed_rows"] = deal.failed_rows;
    out["id"] = text(deal.id);
    out["name"] = text(deal.name);
    if (!deal.owner.empty()) out["owner"] = text(deal.owner);
    if (!deal.account.empty()) out["account"] = text(deal.account);
    if (!deal.stage.empty()) out["stage"] = text(deal.stage);
    if (!deal.amount.empty()) out["amount"] = text(deal.amount);
    if (deal.sheet_row > 0) out["sheet_row"] = deal.sheet_row;
    if (deal.duplicate_of_row > 0) out["duplicate_of_row"] = deal.duplicate_of_row;
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
    // rendered, failed, skipped and filtered count rows; deals_* count deals.
    return {{"rows_read", totals.rows_read},   {"rendered", totals.rendered},
            {"failed", totals.failed},         {"skipped", totals.skipped},
            {"up_to_date", totals.up_to_date},
            {"deal_count", totals.deals},      {"schedules_not_fitting", totals.infeasible},
            {"filtered", totals.filtered},
            {"deals_rendered", totals.deals_rendered}, {"deals_failed", totals.deals_failed},
            {"deals_skipped", totals.deals_skipped},   {"deals_up_to_date", totals.deals_up_to_date},
            {"deals_filtered", totals.deals_filtered},
            {"duplicate_ids", totals.duplicate_ids}};
}

std::string json_report_writer::start() const { return "{\"deals\":["; }

std::string json_report_writer::deal(const deal_result& deal) {
    const char* separator = first_ ? "\n" : ",\n";
    first_ = false;
    return separator + deal_json(deal);
}

std::string json_report_writer::end(const batch_totals& totals, const std::string& export_name, model::date as_of) const {
    // The totals object's members follow the list: its text without the opening brace.
    auto members = totals_json_value(totals);
    members["export"] = text(export_name);
    members["as_of"] = model::format_iso_date(as_of);
    const auto rest = members.dump();
    return "\n]," + rest.substr(1) + "\n";
}

namespace {

template <typename T>
void read_if(const nlohmann::json& object, const char* key, T& into) {
    const auto it = object.find(key);
    if (it == object.end() || it->is_null()) return;
    if constexpr (std::is_integral_v<T> && !std::is_same_v<T, bool>) {
        // A report from another run or a person's edit may hold any number; one that is
        // not a whole number in range refuses the report (converting it is undefined).
        const bool fits = it->is_number_unsigned() ? std::in_range<T>(it->template get<std::uint64_t>())
                          : it->is_number_integer() ? std::in_range<T>(it->template get<std::int64_t>())
                                                    : !it->is_number();
        if (!fits) throw nlohmann::json::out_of_range::create(406, std::string("`") + key + "` is out of range", &*it);
    }
    into = it->template get<T>();
}

deal_outcome outcome_named(const std::string& name) {
    if (name == "rendered") return deal_outcome::rendered;
    if (name == "up_to_date") return deal_outcome::up_to_date;
    if (name == "filtered") return deal_outcome::filtered;
    return deal_outcome::failed;
}

}  // namespace

deal_result deal_from_json(const nlohmann::json& value) {
    deal_result d;
    read_if(value, "row", d.line);
    read_if(value, "rows", d.row_count);
    read_if(value, "failed_rows", d.failed_rows);
    read_if(value, "id", d.id);
    read_if(value, "name", d.name);
    read_if(value, "owner", d.owner);
    read_if(value, "account", d.account);
    read_if(value, "stage", d.stage);
    read_if(value, "amount", d.amount);
    read_if(value, "sheet_row", d.sheet_row);
    read_if(value, "duplicate_of_row", d.duplicate_of_row);
    d.outcome = outcome_named(value.value("outcome", std::string("failed")));
    read_if(value, "files", d.files);
    if (auto it = value.find("close_date"); it != value.end()) d.close = model::parse_iso_date(it->get<std::string>());
    if (auto it = value.find("progress"); it != value.end()) {
        read_if(*it, "done", d.progress.done);
        read_if(*it, "total", d.progress.total);
    }
    read_if(value, "slipped", d.slipped);
    read_if(value, "overdue", d.overdue);
    read_if(value, "schedule_fits", d.feasible);
    read_if(value, "business_days_missing", d.business_days_missing);
    if (auto it = value.find("health"); it != value.end()) {
        deal_health h;
        read_if(*it, "score", h.score);
        read_if(*it, "errors", h.errors);
        read_if(*it, "warnings", h.warnings);
        read_if(*it, "notes", h.notes);
        read_if(*it, "rules", h.rules);
        d.health = std::move(h);
    }
    if (auto it = value.find("errors"); it != value.end())
        for (const auto& e : *it) {
            row_error r;
            read_if(e, "row", r.line);
            read_if(e, "column", r.column);
            read_if(e, "value", r.value);
            read_if(e, "code", r.code);
            read_if(e, "message", r.message);
            d.errors.push_back(std::move(r));
        }
    return d;
}

batch_totals totals_from_json(const nlohmann::json& value) {
    batch_totals t;
    read_if(value, "rows_read", t.rows_read);
    read_if(value, "rendered", t.rendered);
    read_if(value, "failed", t.failed);
    read_if(value, "skipped", t.skipped);
    read_if(value, "up_to_date", t.up_to_date);
    read_if(value, "deal_count", t.deals);
    read_if(value, "schedules_not_fitting", t.infeasible);
    read_if(value, "filtered", t.filtered);
    read_if(value, "deals_rendered", t.deals_rendered);
    read_if(value, "deals_failed", t.deals_failed);
    read_if(value, "deals_skipped", t.deals_skipped);
    read_if(value, "deals_up_to_date", t.deals_up_to_date);
    read_if(value, "deals_filtered", t.deals_filtered);
    read_if(value, "duplicate_ids", t.duplicate_ids);
    return t;
}

}  // namespace closeplan::batch

// SPDX-License-Identifier: MIT
// batch-report.json through nlohmann::json (batch_report.hpp).
#include "batch/batch_report.hpp"

#include <array>

#include "batch/json_fields.hpp"
#include "model/dates.hpp"
#include "support/utf8.hpp"

namespace closeplan::batch {

namespace {

using json = nlohmann::ordered_json;
using json_fields::field;
using json_fields::when;

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

deal_outcome outcome_named(const std::string& name) {
    if (name == "rendered") return deal_outcome::rendered;
    if (name == "up_to_date") return deal_outcome::up_to_date;
    if (name == "filtered") return deal_outcome::filtered;
    return deal_outcome::failed;
}

// The members of a report, each list read by the writer and by batch-index's
// reader (json_fields.hpp), in the order they are written.

/// Which deal and where: the first members of a deal's object.
constexpr std::array<field<deal_result>, 11> deal_members{{
    {"row", &deal_result::line},
    {"rows", &deal_result::row_count},
    {"failed_rows", &deal_result::failed_rows, when::set},
    {"id", &deal_result::id},
    {"name", &deal_result::name},
    {"owner", &deal_result::owner, when::set},
    {"account", &deal_result::account, when::set},
    {"stage", &deal_result::stage, when::set},
    {"amount", &deal_result::amount, when::set},
    {"sheet_row", &deal_result::sheet_row, when::set},
    {"duplicate_of_row", &deal_result::duplicate_of_row, when::set},
}};

/// How the schedule stands, after `progress`: for a deal that did not fail.
constexpr std::array<field<deal_result>, 4> schedule_members{{
    {"slipped", &deal_result::slipped},
    {"overdue", &deal_result::overdue},
    {"schedule_fits", &deal_result::feasible},
    {"business_days_missing", &deal_result::business_days_missing},
}};

constexpr std::array<field<analyze::progress>, 2> progress_members{{
    {"done", &analyze::progress::done},
    {"total", &analyze::progress::total},
}};

constexpr std::array<field<deal_health>, 5> health_members{{
    {"score", &deal_health::score},
    {"errors", &deal_health::errors},
    {"warnings", &deal_health::warnings},
    {"notes", &deal_health::notes},
    {"rules", &deal_health::rules},
}};

// "deals" is the list of deals; its length is "deal_count" (once also "deals": a duplicate key).
// rendered, failed, skipped and filtered count rows; deals_* count deals.
constexpr std::array<field<batch_totals>, 14> totals_members{{
    {"rows_read", &batch_totals::rows_read},
    {"rendered", &batch_totals::rendered},
    {"failed", &batch_totals::failed},
    {"skipped", &batch_totals::skipped},
    {"up_to_date", &batch_totals::up_to_date},
    {"deal_count", &batch_totals::deals},
    {"schedules_not_fitting", &batch_totals::infeasible},
    {"filtered", &batch_totals::filtered},
    {"deals_rendered", &batch_totals::deals_rendered},
    {"deals_failed", &batch_totals::deals_failed},
    {"deals_skipped", &batch_totals::deals_skipped},
    {"deals_up_to_date", &batch_totals::deals_up_to_date},
    {"deals_filtered", &batch_totals::deals_filtered},
    {"duplicate_ids", &batch_totals::duplicate_ids},
}};

}  // namespace

json deal_json_value(const deal_result& deal) {
    json out;
    json_fields::write(out, deal, deal_members);
    out["outcome"] = outcome_name(deal.outcome);
    out["files"] = json::array();
    for (const auto& f : deal.files) out["files"].push_back(text(f));
    if (deal.close) out["close_date"] = model::format_iso_date(*deal.close);
    if (deal.outcome != deal_outcome::failed) {
        json_fields::write(out["progress"], deal.progress, progress_members);
        json_fields::write(out, deal, schedule_members);
    }
    if (deal.health) json_fields::write(out["health"], *deal.health, health_members);
    out["errors"] = json::array();
    for (const auto& e : deal.errors) out["errors"].push_back(error_json_value(e));
    return out;
}

std::string deal_json(const deal_result& deal) { return deal_json_value(deal).dump(); }

std::string errors_csv_lines(const deal_result& deal) {
    std::string lines;
    for (const auto& e : deal.errors) lines += errors_csv_line(e, {deal.id, deal.name, deal.owner, deal.sheet_row});
    return lines;
}

json totals_json_value(const batch_totals& totals) {
    json out;
    json_fields::write(out, totals, totals_members);
    return out;
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

deal_result deal_from_json(const nlohmann::json& value) {
    deal_result d;
    json_fields::read(value, d, deal_members);
    d.outcome = outcome_named(value.value("outcome", std::string("failed")));
    json_fields::read_if(value, "files", d.files);
    if (auto it = value.find("close_date"); it != value.end()) d.close = model::parse_iso_date(it->get<std::string>());
    if (auto it = value.find("progress"); it != value.end()) json_fields::read(*it, d.progress, progress_members);
    json_fields::read(value, d, schedule_members);
    if (auto it = value.find("health"); it != value.end()) json_fields::read(*it, d.health.emplace(), health_members);
    if (auto it = value.find("errors"); it != value.end())
        for (const auto& e : *it) d.errors.push_back(error_from_json(e));
    return d;
}

batch_totals totals_from_json(const nlohmann::json& value) {
    batch_totals t;
    json_fields::read(value, t, totals_members);
    return t;
}

}  // namespace closeplan::batch

// SPDX-License-Identifier: MIT
// A plan diff and a slip ledger as JSON (docs/schemas/diff*.schema.json).
#include <nlohmann/json.hpp>

#include "diff/plan_diff.hpp"
#include "model/dates.hpp"

namespace closeplan::diff {

namespace {

using json = nlohmann::ordered_json;

json date_or_null(const std::optional<model::date>& d) { return d ? json(model::format_iso_date(*d)) : json(nullptr); }

template <typename T>
json name_or_null(const std::optional<T>& v) {
    return v ? json(std::string(model::to_string(*v))) : json(nullptr);
}

json text_or_null(const std::string& s) { return s.empty() ? json(nullptr) : json(s); }

std::string dump(const json& doc) { return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n"; }

json row_json(const ledger_row& row) {
    json dates = json::array();
    for (const auto& d : row.dates) dates.push_back(date_or_null(d));
    return {{"id", text_or_null(row.milestone_id)}, {"title", row.title}, {"dates", dates},
            {"moves", row.moves}, {"net_days", row.net_days}};
}

}  // namespace

std::string to_json(const plan_diff& result) {
    json changes = json::array();
    for (const auto& c : result.changes) {
        json entry = {{"kind", std::string(to_string(c.kind))}, {"id", c.milestone_id}, {"title", c.title}};
        switch (c.kind) {
            case change_kind::added:
                entry["owner"] = name_or_null(c.new_owner);
                entry["assignee"] = text_or_null(c.new_assignee);
                entry["due"] = date_or_null(c.new_due);
                entry["status"] = name_or_null(c.new_status);
                break;
            case change_kind::removed: break;
            case change_kind::reowned:
                entry["old_owner"] = name_or_null(c.old_owner);
                entry["new_owner"] = name_or_null(c.new_owner);
                entry["old_assignee"] = text_or_null(c.old_assignee);
                entry["new_assignee"] = text_or_null(c.new_assignee);
                break;
            case change_kind::redated:
                entry["old_due"] = date_or_null(c.old_due);
                entry["new_due"] = date_or_null(c.new_due);
                entry["days"] = c.days;
                entry["silent_roll"] = c.silent_roll;
                break;
            case change_kind::status_changed:
                entry["old_status"] = name_or_null(c.old_status);
                entry["new_status"] = name_or_null(c.new_status);
                break;
        }
        changes.push_back(std::move(entry));
    }
    const json doc = {
        {"closeplan-diff", 1},
        {"old", {{"file", result.old_file}, {"as_of", date_or_null(result.old_as_of)},
                 {"target_close", model::format_iso_date(result.old_close)}}},
        {"new", {{"file", result.new_file}, {"as_of", date_or_null(result.new_as_of)},
                 {"target_close", model::format_iso_date(result.new_close)}}},
        {"close_moved_days", result.close_moved_days},
        {"close_silent_roll", result.close_silent_roll},
        {"changes", std::move(changes)},
    };
    return dump(doc);
}

std::string to_json(const slip_ledger& ledger) {
    json versions = json::array();
    for (const auto& v : ledger.versions) versions.push_back({{"file", v.file}, {"as_of", date_or_null(v.as_of)}});
    json steps = json::array();
    for (const auto& row : ledger.steps) steps.push_back(row_json(row));
    const json doc = {
        {"closeplan-slip-ledger", 1},
        {"versions", std::move(versions)},
        {"target_close", row_json(ledger.close)},
        {"steps", std::move(steps)},
    };
    return dump(doc);
}

}  // namespace closeplan::diff

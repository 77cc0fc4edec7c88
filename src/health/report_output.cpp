// SPDX-License-Identifier: MIT
#include "health/report_output.hpp"

#include <set>

#include <nlohmann/json.hpp>

#include "model/dates.hpp"

namespace closeplan::health {

namespace {

std::string_view severity_word(severity level) {
    switch (level) {
        case severity::error: return "error";
        case severity::warning: return "warning";
        case severity::note: break;
    }
    return "note";
}

std::string counted(int n, std::string_view noun) {
    return std::to_string(n) + " " + std::string(noun) + (n == 1 ? "" : "s");
}

nlohmann::ordered_json overdue_json(const overdue_count& count) {
    return {{"at_risk", count.at_risk}, {"stalled", count.stalled}};
}

}  // namespace

std::string format_finding(const finding& item, bool explain) {
    std::string out = format_location(item.where);
    const auto& w = item.where;
    out += std::string(severity_word(item.level)) + '[' + item.rule_id + ' ' + item.rule_name + "]: " + item.message;
    if (!w.pointer.empty()) out += " (at " + w.pointer + ')';
    if (const auto* rule = explain ? find_rule(item.rule_id) : nullptr) {
        out += "\n  why: " + std::string(rule->why);
        out += "\n  fix: " + std::string(rule->fix);
    }
    return out;
}

std::string format_findings(const report& result, bool errors_only) {
    std::string out;
    std::set<std::string> explained;
    for (const auto& item : result.findings) {
        if (errors_only && item.level != severity::error) continue;
        out += format_finding(item, explained.insert(item.rule_id).second) + '\n';
    }
    return out;
}

std::string format_score(const report& result, const std::string& file) {
    std::string out = file + ": health " + std::to_string(result.score) + "/100 (" + counted(result.errors, "error") +
                      ", " + counted(result.warnings, "warning") + ", " + counted(result.notes, "note") + ")";
    const auto& s = result.slips;
    if (s.steps_moved > 0) {
        out += "\n  slips: " + counted(s.steps_moved, "step") + " moved, " + counted(s.total_days, "day") + " in all";
        if (s.close_pushed_days > 0) out += ", close pushed " + counted(s.close_pushed_days, "day");
    }
    const auto side = [](std::string_view name, const overdue_count& c) {
        return std::string(name) + " " + std::to_string(c.at_risk) + " at risk, " + std::to_string(c.stalled) + " stalled";
    };
    const auto any = [](const overdue_count& c) { return c.at_risk + c.stalled > 0; };
    if (any(result.buyer_overdue) || any(result.seller_overdue) || any(result.joint_overdue)) {
        out += "\n  overdue: " + side("buyer", result.buyer_overdue) + "; " + side("seller", result.seller_overdue) +
               "; " + side("joint", result.joint_overdue);
    }
    return out;
}

std::string to_json(const report& result, const std::string& file) {
    using json = nlohmann::ordered_json;
    json findings = json::array();
    for (const auto& item : result.findings) {
        const auto* rule = find_rule(item.rule_id);
        json entry = {{"rule", item.rule_id},
                      {"name", item.rule_name},
                      {"severity", severity_word(item.level)},
                      {"message", item.message},
                      {"file", item.where.file},
                      {"line", item.where.line},
                      {"column", item.where.column},
                      {"pointer", item.where.pointer}};
        entry["milestone"] = item.milestone_id.empty() ? json(nullptr) : json(item.milestone_id);
        entry["why"] = rule ? std::string(rule->why) : std::string();
        entry["fix"] = rule ? std::string(rule->fix) : std::string();
        findings.push_back(std::move(entry));
    }
    const json doc = {
        {"closeplan-health-report", 1},
        {"file", file},
        {"as_of", model::format_iso_date(result.as_of)},
        {"score", result.score},
        {"counts", {{"error", result.errors}, {"warning", result.warnings}, {"note", result.notes}}},
        {"slips",
         {{"steps_moved", result.slips.steps_moved},
          {"total_days", result.slips.total_days},
          {"close_pushed_days", result.slips.close_pushed_days}}},
        {"overdue",
         {{"buyer", overdue_json(result.buyer_overdue)},
          {"seller", overdue_json(result.seller_overdue)},
          {"both", overdue_json(result.joint_overdue)}}},
        {"findings", std::move(findings)},
    };
    return doc.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

}  // namespace closeplan::health

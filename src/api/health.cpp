// SPDX-License-Identifier: MIT
// closeplan::check_health: `closeplan check`'s review of the prepared plan
// (its fields' places were kept when it was loaded), as text, JSON and diagnostics.
#include "closeplan/health.hpp"

#include "analyze/analysis.hpp"
#include "api/option_checks.hpp"
#include "api/plan_state.hpp"
#include "health/health.hpp"
#include "health/report_output.hpp"

namespace closeplan {
inline namespace v0 {

namespace {

diagnostic as_diagnostic(const health::finding& item) {
    std::vector<std::string> hints;
    if (const auto* rule = health::find_rule(item.rule_id)) {
        hints.push_back(std::string(rule->name) + ": " + std::string(rule->why));
        hints.emplace_back(rule->fix);
    }
    return {item.level, item.rule_id, item.message, item.where, std::move(hints)};
}

}  // namespace

bool health_result::ok() const { return api::no_errors(diagnostics); }

health_result check_health(const plan& input, const health_options& options) {
    health_result result;
    const auto* s = api::usable_state(input, result.diagnostics);
    diagnostic_sink found;
    api::check_as_of(options.as_of, "health_options::as_of", s ? &*s->validated : nullptr,
                     api::access::state_of(input) ? input.name() : std::string(), found);
    std::optional<health::config> settings = health::config{};
    try {
        if (!options.config_path.empty()) settings = health::load_config(options.config_path, found);
    } catch (const closeplan::error& e) {
        found.report(e.diag());
    }
    result.diagnostics.insert(result.diagnostics.end(), found.all().begin(), found.all().end());
    if (!s || !settings || found.has_errors()) return result;

    auto request = api::request_for(*s);
    request.as_of = api::to_model(options.as_of);
    const auto& model = *s->validated;
    const auto report = health::review(model, analyze::analyze_plan(model, pipeline::as_of_for(request, model)), *settings);
    result.score = report.score;
    for (const auto& item : report.findings) result.findings.push_back(as_diagnostic(item));
    result.text = health::format_findings(report) + health::format_score(report, s->name) + "\n";
    result.json = health::to_json(report, s->name);
    return result;
}

}  // namespace v0
}  // namespace closeplan

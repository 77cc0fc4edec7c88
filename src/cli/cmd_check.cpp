// SPDX-License-Identifier: MIT
// `closeplan check`: validate a plan and report every problem, writing nothing;
// then review its health (src/health/) for the seller, as text or JSON.
#include <iostream>

#include "analyze/analysis.hpp"
#include "cli/command_registry.hpp"
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/terminal.hpp"
#include "health/field_locations.hpp"
#include "health/health.hpp"
#include "health/report_output.hpp"
#include "load/load_document.hpp"

namespace closeplan::cli {

namespace {

/// The flags only `check` has.
struct health_flags {
    std::string format = "text";   ///< text | json
    std::string fail_on = "never"; ///< warning | error | never
    std::string config_path;
    bool validate_only = false;
};

health_flags& health_options() {
    static health_flags parsed;
    return parsed;
}

std::string display_name(const pipeline::render_request& request) {
    return request.plan.path == "-" ? "<stdin>" : request.plan.path;
}

bool reaches(severity level, const std::string& fail_on) {
    if (fail_on == "error") return level == severity::error;
    if (fail_on == "warning") return level == severity::error || level == severity::warning;
    return false;
}

void print_text(const health::report& result, const std::string& name, bool quiet) {
    std::cout << health::format_findings(result, quiet);
    if (!quiet) std::cout << health::format_score(result, name) << '\n';
}

}  // namespace

health::report review_health(const pipeline::render_request& request, const model::plan& plan,
                             const health::config& settings) {
    const auto facts = analyze::analyze_plan(plan, pipeline::as_of_for(request, plan));
    return health::review(plan, facts, settings);
}

CLI::App* setup_check(CLI::App& app, plan_flags& flags) {
    auto* command = app.add_subcommand(
        "check", "Validate a plan (every problem, located, in one run) and review its health");
    add_plan_flags(*command, flags);
    auto& health = health_options();
    one_of(command->add_option("--format", health.format, "Health report as text or json (on standard output)"),
           {"text", "json"});
    one_of(command->add_option("--fail-on", health.fail_on,
                               "Exit with code 8 when a health finding is at or above this severity (default never)"),
           {"warning", "error", "never"});
    command->add_option("--config", health.config_path,
                        "Health config (YAML): rules switched off, severities, thresholds; see docs/health.md");
    command->add_flag("--validate-only,--no-health", health.validate_only, "Validate only; no health review");
    return command;
}

exit_code run_check(const plan_flags& flags) {
    auto request = make_request(flags);
    if (!request) return exit_code::usage;
    const auto& health_opts = health_options();
    const bool json = health_opts.format == "json" && !health_opts.validate_only;

    diagnostic_sink config_diags;
    std::optional<health::config> settings = health::config{};
    if (!health_opts.validate_only && !health_opts.config_path.empty())
        settings = health::load_config(health_opts.config_path, config_diags);
    if (!settings) {
        print_diagnostics(config_diags, std::cerr);
        return config_diags.has_errors() ? exit_code_for(config_diags, false) : exit_code::invalid_input;
    }

    diagnostic_sink diags;
    auto plan = load_plan_with_places(*request, diags);
    print_diagnostics(diags, std::cerr);
    const auto name = display_name(*request);
    const auto validation = exit_code_for(diags, flags.strict);
    if (!flags.quiet && !json) {
        if (validation == exit_code::success && plan) {
            std::cout << name << ": ok (" << counted(plan->milestones.size(), "milestone") << ", "
                      << counted(plan->stakeholders.size(), "stakeholder") << "; " << count_summary(diags) << ")\n";
        } else {
            std::cout << name << ": " << count_summary(diags) << '\n';
        }
    }
    if (!plan || health_opts.validate_only) return validation;

    const auto result = review_health(*request, *plan, *settings);
    if (json) std::cout << health::to_json(result, name);
    else print_text(result, name, flags.quiet);

    if (validation != exit_code::success) return validation;
    for (const auto& item : result.findings)
        if (reaches(item.level, health_opts.fail_on)) return exit_code::health_findings;
    return exit_code::success;
}

namespace {

plan_flags& flags() {
    static plan_flags parsed;
    return parsed;
}

const register_command registered{{20, [](CLI::App& app) { return setup_check(app, flags()); },
                                   [] { return run_check(flags()); }, true}};

}  // namespace

}  // namespace closeplan::cli

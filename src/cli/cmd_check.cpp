// SPDX-License-Identifier: MIT
// `closeplan check`: validate a plan and report every problem, writing nothing.
#include <iostream>

#include "cli/command_registry.hpp"
#include "cli/commands.hpp"
#include "cli/terminal.hpp"

namespace closeplan::cli {

CLI::App* setup_check(CLI::App& app, plan_flags& flags) {
    auto* command = app.add_subcommand("check", "Validate a plan: every problem, located, in one run");
    add_plan_flags(*command, flags);
    return command;
}

exit_code run_check(const plan_flags& flags) {
    auto request = make_request(flags);
    if (!request) return exit_code::usage;
    diagnostic_sink diags;
    const auto plan = pipeline::load_plan(*request, diags);
    print_diagnostics(diags, std::cerr);
    const auto name = flags.plan_path == "-" ? std::string("<stdin>") : flags.plan_path;
    if (!flags.quiet) {
        if (exit_code_for(diags, flags.strict) == exit_code::success && plan) {
            std::cout << name << ": ok (" << counted(plan->milestones.size(), "milestone") << ", "
                      << counted(plan->stakeholders.size(), "stakeholder") << "; " << count_summary(diags) << ")\n";
        } else {
            std::cout << name << ": " << count_summary(diags) << '\n';
        }
    }
    return exit_code_for(diags, flags.strict);
}

namespace {

plan_flags& flags() {
    static plan_flags parsed;
    return parsed;
}

const register_command registered{{20, [](CLI::App& app) { return setup_check(app, flags()); },
                                   [] { return run_check(flags()); }}};

}  // namespace

}  // namespace closeplan::cli

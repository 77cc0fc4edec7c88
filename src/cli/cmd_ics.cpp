// SPDX-License-Identifier: MIT
// `closeplan ics`: the plan's dated milestones and commitments as an iCalendar file.
#include <filesystem>
#include <iostream>

#include "cli/command_registry.hpp"
#include "cli/commands.hpp"
#include "cli/output_files.hpp"
#include "cli/terminal.hpp"
#include "handoff/handoff_pack.hpp"

namespace closeplan::cli {

namespace {

struct ics_flags {
    plan_flags plan;
    std::string output;
    std::string for_person;
};

std::string default_output(const std::string& plan_path) {
    if (plan_path == "-") return "plan.ics";
    auto stem = std::filesystem::path(plan_path).stem().string();
    return (stem.empty() ? std::string("plan") : stem) + ".ics";
}

CLI::App* setup_ics(CLI::App& app, ics_flags& flags) {
    auto* command = app.add_subcommand("ics", "Write the plan's dated milestones and commitments as an iCalendar (.ics) file");
    add_plan_flags(*command, flags.plan);
    command->add_option("-o,--output", flags.output, "Output file; - writes to standard output (default: PLAN.ics)");
    command->add_option("--for", flags.for_person, "Only the steps assigned to this stakeholder (id or name)");
    return command;
}

exit_code run_ics(const ics_flags& flags) {
    auto request = make_request(flags.plan);
    if (!request) return exit_code::usage;
    diagnostic_sink diags;
    const auto calendar = handoff::build_calendar(*request, flags.for_person, diags);
    if (!flags.plan.quiet || diags.has_errors()) print_diagnostics(diags, std::cerr);
    const auto code = exit_code_for(diags, flags.plan.strict);
    if (!calendar || code != exit_code::success) return code;
    if (flags.output == "-") {
        std::cout << *calendar << std::flush;
        return std::cout ? exit_code::success : exit_code::output_error;
    }
    write_output_file(flags.output.empty() ? default_output(request->plan.path) : flags.output, *calendar);
    return exit_code::success;
}

ics_flags& flags() {
    static ics_flags parsed;
    return parsed;
}

const register_command registered{{55, [](CLI::App& app) { return setup_ics(app, flags()); },
                                   [] { return run_ics(flags()); }, true}};

}  // namespace

}  // namespace closeplan::cli

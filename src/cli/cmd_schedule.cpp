// SPDX-License-Identifier: MIT
// `closeplan schedule`: a playbook scheduled backward from a close date
// becomes a plan file (YAML) that `closeplan check` and `render` accept.
// The work is in src/schedule/; this file reads the flags and the clock,
// writes the plan and picks the exit code.
#include <iostream>

#include "cli/command_registry.hpp"
#include "cli/commands.hpp"
#include "cli/output_files.hpp"
#include "cli/schedule_support.hpp"
#include "cli/terminal.hpp"
#include "model/dates.hpp"
#include "schedule/schedule.hpp"

namespace closeplan::cli {

namespace {

struct schedule_flags {
    std::string playbook;
    std::string close;
    std::string as_of;
    std::vector<std::string> holidays;
    schedule::deal_fields deal;
    std::string output = "-";
    bool strict = false;
    bool quiet = false;
};

schedule_flags& flags() {
    static schedule_flags parsed;
    return parsed;
}

CLI::App* setup_schedule(CLI::App& app) {
    auto& f = flags();
    auto* command = app.add_subcommand("schedule", "Write a plan from a playbook, scheduled backward from the close date");
    command->add_option("playbook", f.playbook, "Playbook file (closeplan-playbook: 1), YAML or JSON")->required();
    command->add_option("--close", f.close, "Target close date (YYYY-MM-DD): the last step is due on it")->required();
    command->add_option("--as-of", f.as_of, "The plan's as_of (YYYY-MM-DD); no step may start before it; default: today");
    command->add_option("--holidays", f.holidays, "Holidays file (a YAML list of dates) that are not business days; repeatable");
    command->add_option("--deal-name", f.deal.name, "The deal's name")->capture_default_str();
    command->add_option("--deal-id", f.deal.id, "The deal's id (optional)");
    command->add_option("--buyer", f.deal.buyer, "The buyer's company name")->capture_default_str();
    command->add_option("--seller", f.deal.seller, "The seller's company name")->capture_default_str();
    command->add_option("--amount", f.deal.amount, "Deal amount, a plain number such as 240000 or 240000.50");
    command->add_option("--currency", f.deal.currency, "Currency of the amount, an ISO code such as USD");
    command->add_option("--stage", f.deal.stage, "The deal's stage, free text (optional)");
    command->add_option("-o,--output", f.output, "Plan file to write (temp file + rename); - writes standard output")
        ->capture_default_str();
    command->add_flag("--strict", f.strict, "Treat warnings (a schedule that does not fit) as failure (exit code 3)");
    command->add_flag("-q,--quiet", f.quiet, "No summary line on standard error (problems are still printed)");
    return command;
}

exit_code run_schedule() {
    const auto& f = flags();
    const auto close = date_flag("--close", f.close);
    if (!close) return exit_code::usage;
    const auto as_of = f.as_of.empty() ? today_from_environment() : date_flag("--as-of", f.as_of);
    if (!as_of) return exit_code::usage;
    if (!deal_flags_ok(f.deal)) return exit_code::usage;

    diagnostic_sink diags;
    const auto book = schedule::load_playbook(f.playbook, diags);
    schedule::business_calendar calendar;
    for (const auto& path : f.holidays)
        if (auto days = schedule::load_holidays(path, diags)) calendar.add(*days);
    if (diags.has_errors() || !book) {
        print_diagnostics(diags, std::cerr);
        if (!f.quiet) std::cerr << f.playbook << ": " << count_summary(diags) << '\n';
        // P6xx and L1xx: the playbook or a holidays file
        return diags.has_errors() ? exit_code_for(diags, false) : exit_code::invalid_input;
    }

    const auto scheduled = schedule::schedule_backward(*book, *close, *as_of, calendar);
    schedule::report_close_day(*book, *close, calendar, diags);
    schedule::report_feasibility(*book, scheduled, *as_of, diags);
    if (!schedule::check_date_range(*book, scheduled, diags)) {
        print_diagnostics(diags, std::cerr);
        if (!f.quiet) std::cerr << f.playbook << ": " << count_summary(diags) << '\n';
        return exit_code::invalid_input;
    }
    const auto yaml = schedule::to_plan_yaml(schedule::build_plan(*book, scheduled, f.deal, *close, *as_of));
    if (!plan_reads_back(yaml, diags)) {
        print_diagnostics(diags, std::cerr);
        std::cerr << "closeplan: internal error: the scheduled plan does not pass its own check\n"
                     "  hint: this is a bug in closeplan; please report it with the playbook\n";
        return exit_code::internal;
    }
    if (f.output == "-") {
        std::cout << yaml;
        std::cout.flush();
    } else {
        write_output_file(f.output, yaml);
    }
    print_diagnostics(diags, std::cerr);
    if (!f.quiet)
        std::cerr << f.playbook << ": " << counted(scheduled.milestones.size(), "milestone") << " from "
                  << model::format_iso_date(scheduled.first_start) << " to " << model::format_iso_date(*close) << " ("
                  << (scheduled.feasible ? "fits" : "does not fit") << "; " << count_summary(diags) << ")\n";
    if (f.strict && diags.warning_count() > 0) return exit_code::warnings;
    return exit_code::success;
}

const register_command registered{{35, setup_schedule, run_schedule}};

}  // namespace

}  // namespace closeplan::cli

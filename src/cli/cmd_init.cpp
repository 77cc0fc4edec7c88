// SPDX-License-Identifier: MIT
// `closeplan init [PLAN]`: a starter plan for a person to fill in, scheduled
// backward from the close date (a playbook's steps, or the built-in ones),
// with a comment on each field and the line that gives YAML editors the
// schema. Beside it, unless told where the schema is, the schema itself, so
// the editor help works offline and matches this closeplan.
#include <filesystem>
#include <iostream>

#include "batch/default_playbook.hpp"
#include "cli/command_registry.hpp"
#include "cli/commands.hpp"
#include "cli/output_files.hpp"
#include "cli/schedule_support.hpp"
#include "cli/terminal.hpp"
#include "model/dates.hpp"
#include "schedule/schedule.hpp"
#include "validate/plan_schema.hpp"

namespace closeplan::cli {

namespace {

namespace fs = std::filesystem;

// Eight weeks: room for the built-in steps (21 business days) and a buffer.
constexpr int default_close_days = 56;
constexpr std::string_view schema_file_name = "plan.schema.json";

struct init_flags {
    std::string output = "plan.yaml";
    std::string playbook;
    std::string close;
    std::string as_of;
    std::string schema_url;
    std::string locale = "en-US";
    schedule::deal_fields deal;
    bool force = false;
    bool quiet = false;
};

init_flags& flags() {
    static init_flags parsed;
    return parsed;
}

CLI::App* setup_init(CLI::App& app) {
    auto& f = flags();
    auto* command = app.add_subcommand("init", "Write a starter plan with a comment on each field and editor help");
    command->add_option("plan", f.output, "Plan file to write; - writes standard output")->capture_default_str();
    command->add_option("--playbook", f.playbook, "Playbook whose steps the plan starts from; default: the built-in "
                                                  "discovery, security review, signature");
    command->add_option("--close", f.close, "Target close date (YYYY-MM-DD); default: eight weeks after as_of");
    command->add_option("--as-of", f.as_of, "The plan's as_of (YYYY-MM-DD); default: today");
    command->add_option("--deal-name", f.deal.name, "The deal's name")->capture_default_str();
    command->add_option("--buyer", f.deal.buyer, "The buyer's company name")->capture_default_str();
    command->add_option("--seller", f.deal.seller, "The seller's company name")->capture_default_str();
    command->add_option("--amount", f.deal.amount, "Deal amount, a plain number such as 240000 or 240000.50");
    command->add_option("--currency", f.deal.currency, "Currency of the amount, an ISO code such as USD");
    command->add_option("--locale", f.locale, "The plan's locale (en-US, en-GB, de, fr, es, pt-BR...)")
        ->capture_default_str();
    command->add_option("--schema-url", f.schema_url,
                        "Where editors find the schema (a URL or a path); default: plan.schema.json, written beside "
                        "the plan when missing");
    command->add_flag("--force", f.force, "Replace an existing plan file");
    command->add_flag("-q,--quiet", f.quiet, "No summary line on standard error");
    return command;
}

bool locale_ok(std::string_view tag) {
    // The plan reader's own check runs on the read-back; this only keeps the value one plain word.
    return !tag.empty() && tag.size() <= 35 &&
           tag.find_first_not_of("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-") ==
               std::string_view::npos;
}

exit_code run_init() {
    auto f = flags();
    const bool to_stdout = f.output == "-";
    if (!to_stdout && !f.force && fs::exists(fs::path(f.output))) {
        std::cerr << "closeplan: " << f.output << " exists; init never overwrites a plan\n"
                  << "  hint: name another file, or pass --force to replace it\n";
        return exit_code::usage;
    }
    const auto as_of = f.as_of.empty() ? today_from_environment() : date_flag("--as-of", f.as_of);
    if (!as_of) return exit_code::usage;
    const auto close = f.close.empty()
                           ? std::optional<model::date>(std::chrono::sys_days(*as_of) + std::chrono::days(default_close_days))
                           : date_flag("--close", f.close);
    if (!close) return exit_code::usage;
    if (!deal_flags_ok(f.deal)) return exit_code::usage;
    if (!locale_ok(f.locale)) {
        std::cerr << "closeplan: --locale must be a language tag such as en-US or de, not `" << f.locale << "`\n";
        return exit_code::usage;
    }

    diagnostic_sink diags;
    std::optional<schedule::playbook> book;
    if (f.playbook.empty()) book = batch::default_playbook();
    else book = schedule::load_playbook(f.playbook, diags);
    if (diags.has_errors() || !book) {
        print_diagnostics(diags, std::cerr);
        return diags.has_errors() ? exit_code_for(diags, false) : exit_code::invalid_input;
    }
    const schedule::business_calendar calendar;
    const auto scheduled = schedule::schedule_backward(*book, *close, *as_of, calendar);
    schedule::report_feasibility(*book, scheduled, *as_of, diags);
    if (!schedule::check_date_range(*book, scheduled, diags)) {
        print_diagnostics(diags, std::cerr);
        return exit_code::invalid_input;
    }
    auto plan = schedule::build_plan(*book, scheduled, f.deal, *close, *as_of);
    plan.locale = f.locale;
    plan.source_file = to_stdout ? "plan.yaml" : f.output;
    const std::string schema_ref = f.schema_url.empty() ? std::string(schema_file_name) : f.schema_url;
    const auto yaml = schedule::to_starter_yaml(plan, schema_ref);
    if (!plan_reads_back(yaml, diags)) {
        print_diagnostics(diags, std::cerr);
        std::cerr << "closeplan: internal error: the starter plan does not pass its own check\n"
                     "  hint: this is a bug in closeplan; please report it with the command line\n";
        return exit_code::internal;
    }
    if (to_stdout) {
        std::cout << yaml;
        std::cout.flush();
    } else {
        write_output_file(f.output, yaml);
        // The schema beside the plan, so the first line works offline; an existing one is the user's.
        const auto schema_path = fs::path(f.output).parent_path() / schema_file_name;
        if (f.schema_url.empty() && !fs::exists(schema_path))
            write_output_file(schema_path.string(), validate::schema_json("plan"));
    }
    print_diagnostics(diags, std::cerr);
    if (!f.quiet)
        std::cerr << (to_stdout ? "plan" : f.output) << ": starter plan with " << plan.milestones.size()
                  << " steps to " << model::format_iso_date(*close) << "; fill in the placeholders, then run "
                  << "closeplan check " << (to_stdout ? "PLAN" : f.output) << '\n';
    return exit_code::success;
}

const register_command registered{{5, setup_init, run_init}};

}  // namespace

}  // namespace closeplan::cli

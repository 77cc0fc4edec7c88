// SPDX-License-Identifier: MIT
// `closeplan batch`: a CRM export (one row per deal, or one row per task)
// becomes one plan per deal, an index.html, errors.csv and, on request, a
// JSON report. The work is in src/batch/; this file reads the flags and the
// files that shape every deal and picks the exit code; what goes into the
// output folder is batch_folder.hpp's.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <thread>

#include "batch/batch_run.hpp"
#include "batch/default_playbook.hpp"
#include "batch/fingerprint.hpp"
#include "batch/index_page.hpp"
#include "batch/mapping.hpp"
#include "cli/batch_flags.hpp"
#include "cli/batch_folder.hpp"
#include "cli/command_registry.hpp"
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/output_files.hpp"
#include "cli/terminal.hpp"
#include "health/health.hpp"
#include "load/load_document.hpp"
#include "model/dates.hpp"
#include "render/paper.hpp"
#include "render/render.hpp"
#include "schedule/business_calendar.hpp"
#include "schedule/playbook.hpp"
#include "validate/validate_plan.hpp"
#include "view/select_sections.hpp"
#include "view/locales.hpp"

namespace closeplan::cli {

namespace {

namespace fs = std::filesystem;

bool parse_shard(const std::string& text, int& index, int& count) {
    const auto slash = text.find('/');
    if (slash == std::string::npos) return false;
    try {
        std::size_t used = 0;
        index = std::stoi(text.substr(0, slash), &used);
        if (used != slash) return false;
        count = std::stoi(text.substr(slash + 1), &used);
        if (used != text.size() - slash - 1) return false;
    } catch (const std::exception&) {
        return false;
    }
    return count >= 1 && index >= 1 && index <= count;
}

exit_code run_batch_command(const batch_flags& flags) {
    // Every problem of the flags is printed at once: the request's names
    // (formats, sections: the tables that own them), --as-of, then batch's own.
    auto problems = request_problems(flags.request);
    if (auto why = as_of_problem(flags.as_of)) problems.push_back(*why);
    if (!flags.preset.empty() && !flags.mapping.empty())
        problems.emplace_back("--preset and --mapping both say which column holds what; give one");
    int shard_index = 1, shard_count = 1;
    if (!flags.shard.empty() && !parse_shard(flags.shard, shard_index, shard_count))
        problems.push_back("--shard must be K/N with 1 <= K <= N, such as 2/4, not `" + flags.shard + "`");
    if (flags.jobs < 0) problems.emplace_back("--jobs must be 1 or more");
    std::vector<batch::deal_filter> where;
    for (const auto& text : flags.where) {
        std::string why;
        if (auto filter = batch::parse_deal_filter(text, why)) where.push_back(std::move(*filter));
        else problems.push_back("--where `" + text + "`: " + why);
    }
    std::optional<batch::date_style> dates;
    if (!flags.date_format.empty() && !(dates = batch::parse_date_style(flags.date_format)))
        problems.emplace_back("--date-format must be M/D/YYYY, D/M/YYYY, D.M.YYYY or YYYY-MM-DD");
    if (flags.contacts.empty() && !flags.contacts_mapping.empty())
        problems.emplace_back("--contacts-mapping needs --contacts");
    if (!flags.check && !flags.health_config.empty()) problems.emplace_back("--health-config needs --check");
    if (!no_usage_problems(problems)) return exit_code::usage;

    batch::batch_inputs inputs;
    inputs.file_name = flags.export_path;
    inputs.group_by = flags.group_by;
    inputs.sheet = flags.sheet;
    inputs.request = flags.request;
    inputs.request.today = today_from_environment();
    // Every deal is seen from one date: --as-of, else today.
    const auto as_of = flags.as_of.empty() ? inputs.request.today : *model::parse_iso_date(flags.as_of);
    inputs.request.as_of = as_of;
    inputs.where = std::move(where);
    inputs.include_closed = flags.include_closed;
    if (dates) inputs.dates = dates;
    if (flags.decimal == "point") inputs.decimal = batch::decimal_mark::point;
    if (flags.decimal == "comma") inputs.decimal = batch::decimal_mark::comma;
    inputs.jobs = flags.jobs > 0 ? flags.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    inputs.shard_index = shard_index - 1;
    inputs.shard_count = shard_count;
    inputs.resume = flags.resume;

    // The files that shape every deal are read once, before any row.
    diagnostic_sink diags;
    if (!flags.preset.empty()) inputs.mapping = batch::preset_named(flags.preset);
    if (!flags.mapping.empty()) inputs.mapping = batch::load_mapping(flags.mapping, diags);
    inputs.currency = flags.currency;
    inputs.seller = flags.seller;
    if (!flags.playbook.empty()) inputs.playbook = schedule::load_playbook(flags.playbook, diags);
    else inputs.playbook = batch::default_playbook();  // one row per deal, or per contact role
    for (const auto& path : flags.holidays)
        if (auto days = schedule::load_holidays(path, diags)) inputs.calendar.add(*days);
    if (!flags.value_map.empty()) {
        if (auto tree = load::load_file(flags.value_map, diags))
            if (auto entries = validate::validate_value_map(*tree, diags)) inputs.value_map = std::move(*entries);
    }
    if (!flags.contacts.empty()) {
        std::optional<batch::column_mapping> columns;
        if (!flags.contacts_mapping.empty()) columns = batch::load_mapping(flags.contacts_mapping, diags);
        else if (inputs.mapping) columns = inputs.mapping;
        else columns = batch::contacts_preset();
        if (columns) {
            int fd = ::open(flags.contacts.c_str(), O_RDONLY | O_CLOEXEC);
            struct stat st {};
            if (fd < 0 || ::fstat(fd, &st) != 0 || S_ISDIR(st.st_mode)) {
                if (fd >= 0) ::close(fd);
                throw closeplan::error(diagnostic{severity::error, "L100",
                                                  "cannot read \"" + flags.contacts + "\": no such file or it cannot be read",
                                                  source_location{flags.contacts, 0, 0, {}}, {}});
            }
            // The index reads each deal's contact rows again from the file; a
            // pipe (`--contacts <(...)`) is copied first, as standard input is.
            if (!S_ISREG(st.st_mode)) {
                prepare_output_folder(flags.output);
                const int copy = spool_to_hidden_file(flags.output, fd);
                ::close(fd);
                fd = copy;
            }
            if (auto index = batch::contacts_index::read_file(fd, flags.contacts, *columns, diags))
                inputs.contacts = std::make_shared<const batch::contacts_index>(std::move(*index));
        }
    }
    if (!flags.overlays.empty())
        if (auto folder = batch::overlay_folder::open(flags.overlays, diags))
            inputs.overlays = std::make_shared<const batch::overlay_folder>(std::move(*folder));
    if (flags.check) {
        if (flags.health_config.empty()) inputs.health = health::config{};
        else inputs.health = health::load_config(flags.health_config, diags);
    }
    if (diags.has_errors()) {
        print_diagnostics(diags, std::cerr);
        return exit_code_for(diags, false);
    }
    inputs.fingerprint = batch::input_fingerprint(inputs, CLOSEPLAN_VERSION);

    std::ifstream file;
    std::istream* in = &std::cin;
    std::uintmax_t size = 0;
    if (flags.export_path != "-") {
        file.open(flags.export_path, std::ios::binary);
        if (!file) {
            std::error_code ec;
            const auto reason = fs::is_directory(flags.export_path, ec) ? "is a directory" : "no such file or it cannot be read";
            throw closeplan::error(diagnostic{severity::error, "L100",
                                              "cannot read \"" + flags.export_path + "\": " + reason,
                                              source_location{flags.export_path, 0, 0, {}}, {}});
        }
        std::error_code ec;
        size = fs::file_size(flags.export_path, ec);
        in = &file;
    }

    prepare_output_folder(flags.output);
    if (flags.export_path == "-") {
        // The batch reads the export twice (columns first, then rows); a pipe can be read only once.
        size = spool_standard_input(flags.output, file);
        in = &file;
    }
    const std::string suffix = shard_count > 1 ? "-" + std::to_string(shard_index) + "-of-" + std::to_string(shard_count) : "";
    // A killed run can leave write_output_file's temporary files; they are ours to remove.
    if (flags.resume) remove_leftover_temporaries(flags.output);

    folder_sink sink(flags, suffix, as_of, !flags.quiet && ::isatty(STDERR_FILENO), size);
    auto totals = batch::run_batch(*in, inputs, sink, diags);
    if (!flags.quiet || diags.has_errors()) print_diagnostics(diags, std::cerr);
    if (!totals) return diags.has_errors() ? exit_code_for(diags, false) : exit_code::invalid_input;
    const auto pruned = sink.finish(*totals);
    if (!flags.quiet) {
        std::cout << batch::summary_line(*totals);
        if (totals->infeasible) std::cout << "; " << totals->infeasible << (totals->infeasible == 1 ? " schedule does" : " schedules do") << " not fit before " << model::format_iso_date(as_of);
        std::cout << '\n';
        if (flags.prune) std::cout << "pruned " << pruned << (pruned == 1 ? " file" : " files") << " no longer made from the export\n";
    }
    if (totals->internal_errors > 0) return exit_code::internal;  // B799: a bug, after every other deal was written
    return totals->failed > 0 ? exit_code::batch_failed : exit_code::success;
}

CLI::App* setup_batch(CLI::App& app, batch_flags& flags) {
    auto* command = app.add_subcommand("batch", "Render one plan per deal from a CRM export (CSV or .xlsx)");
    command->add_option("export", flags.export_path, "CSV or .xlsx export: one row per deal, or per task with --group-by; - reads standard input")
        ->required();
    command->add_option("--playbook", flags.playbook, "Playbook whose milestones are scheduled back from each row's close date (default: discovery, security review, signature)");
    command->add_option("--holidays", flags.holidays, "Holidays file for business days; repeatable");
    one_of(command->add_option("--preset", flags.preset, "Column names of a known export (default: detected from the header)"),
           {"salesforce", "hubspot"});
    command->add_option("--mapping", flags.mapping, "Mapping file (YAML) naming the columns of any other export");
    command->add_option("--group-by", flags.group_by, "One row per task: the column holding the deal id");
    command->add_option("--sheet", flags.sheet, "The sheet of an .xlsx export to read (default: the first)");
    command->add_option("--value-map", flags.value_map, "Value map file merged into every plan");
    command->add_option("--where", flags.where, "Render only deals whose fields match: stage=A|B, owner!=X, close<YYYY-MM-DD, close>YYYY-MM-DD; repeatable");
    command->add_flag("--include-closed", flags.include_closed, "Render deals in closed stages too (Closed Won/Lost, closedwon/closedlost, or the mapping's closed_stages)");
    command->add_option("--sections", flags.request.sections, "Sections to keep, in this order, comma-separated (as for render)")->delimiter(',');
    command->add_option("--contacts", flags.contacts, "Contacts export (CSV) joined on the deal id: each deal's stakeholders");
    command->add_option("--contacts-mapping", flags.contacts_mapping, "Mapping file naming the contacts export's columns (`contact:`, `roles:`)");
    command->add_option("--overlays", flags.overlays, "Folder of <deal id>.yaml files: plan fields kept by hand, merged over each deal's plan");
    command->add_option("-o,--output", flags.output, "Output folder (created when missing)")->default_str(".");
    command->add_option("-f,--format", flags.request.formats, "Output formats, comma-separated: html, md, pdf, docx, pdf-layout")
        ->delimiter(',')
        ->default_str("html,md");
    command->add_option("-j,--jobs", flags.jobs, "Worker threads (default: the number of cores)");
    command->add_option("--as-of", flags.as_of, "The date status and scheduling start from (YYYY-MM-DD); default: today");
    command->add_option("--date-format", flags.date_format, "How the export writes dates: M/D/YYYY, D/M/YYYY, D.M.YYYY or YYYY-MM-DD");
    one_of(command->add_option("--decimal", flags.decimal, "Decimal mark of amounts (default: comma for ;-separated files)"),
           {"point", "comma"});
    command->add_option("--currency", flags.currency, "Currency of amounts that name none (ISO code)");
    command->add_option("--seller", flags.seller, "The selling company's name on every plan");
    command->add_option("--locale", flags.request.locale, "Language and date style of the output (" + view::built_in_locale_list() + ")");
    command->add_option("--template", flags.request.template_name, "Template: templates/<name>.<format>.mustache")->default_str("buyer-plan");
    command->add_option("--template-dir", flags.request.template_dir, "Folder whose files replace the built-in templates of the same name");
    command->add_option("--style", flags.request.style_path, "Style file (YAML) replacing the built-in colours, fonts and spacing");
    one_of(command->add_option("--paper", flags.request.paper, "Paper for PDF: letter or a4"), render::paper_names());
    add_pdf_standard_flag(*command, flags.request.pdf_standard);
    command->add_option("--shard", flags.shard, "Render only deal K of every N (K/N, e.g. 1/4) for several machines");
    one_of(command->add_option("--report", flags.report, "Also write batch-report.json"), {"json"});
    command->add_flag("--resume", flags.resume, "Skip deals whose files were made from the same row and options");
    command->add_flag("--prune", flags.prune, "Remove the files earlier runs wrote for deals no longer in the export");
    command->add_flag("--check", flags.check, "Add each deal's plan health (score and rules found) to index.html and the JSON report");
    command->add_option("--health-config", flags.health_config, "Health rule settings for --check (as `closeplan check --config`)");
    command->add_flag("-q,--quiet", flags.quiet, "Print errors only");
    return command;
}

batch_flags& parsed_flags() {
    static batch_flags parsed;
    return parsed;
}

const register_command registered{{40, [](CLI::App& app) { return setup_batch(app, parsed_flags()); },
                                   [] { return run_batch_command(parsed_flags()); }, true}};

}  // namespace

}  // namespace closeplan::cli

// SPDX-License-Identifier: MIT
// `closeplan sheet PLAN -o FILE.xlsx|.csv`: the plan's milestones as a sheet
// a champion edits in Excel or Google Sheets; `closeplan apply` brings the
// edits back (cmd_apply.cpp).
#include <filesystem>
#include <iostream>

#include "cli/command_registry.hpp"
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/output_files.hpp"
#include "cli/sheet_support.hpp"
#include "cli/terminal.hpp"
#include "model/dates.hpp"
#include "sheet/sheet_write.hpp"

namespace closeplan::cli {

namespace {

namespace fs = std::filesystem;

struct sheet_flags {
    sheet_plan_flags plan;
    std::string output;
    std::string format;  ///< xlsx | csv; empty = from the output's extension
    std::string as_of;
};

sheet_flags& flags() {
    static sheet_flags parsed;
    return parsed;
}

CLI::App* setup_sheet(CLI::App& app) {
    auto& f = flags();
    auto* command = add_sheet_command(app, "sheet",
                                      "Write the plan's milestones as a sheet (.xlsx or .csv) to edit and bring back "
                                      "with apply",
                                      f.plan, "Plan file (.yaml, .yml or .json)");
    command->add_option("-o,--output", f.output, "The sheet to write: FILE.xlsx or FILE.csv")->required();
    one_of(command->add_option("-f,--format", f.format, "xlsx or csv; default: from the output's extension"),
           {"xlsx", "csv"});
    command->add_option("--as-of", f.as_of, "The workbook's created date (YYYY-MM-DD); default: the plan's as_of, else today");
    add_assets_and_quiet(*command, f.plan, "Print errors only");
    return command;
}

std::string format_for(const sheet_flags& f) {
    if (!f.format.empty()) return f.format;
    auto ext = fs::path(f.output).extension().string();
    for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (ext == ".xlsx") return "xlsx";
    if (ext == ".csv") return "csv";
    return {};
}

exit_code run_sheet() {
    const auto& f = flags();
    const auto format = format_for(f);
    if (format.empty()) {
        std::cerr << "closeplan: sheet writes FILE.xlsx or FILE.csv, not `" << f.output << "`\n"
                  << "  hint: end the output's name in .xlsx or .csv, or pass --format xlsx|csv\n";
        return exit_code::usage;
    }
    std::optional<model::date> as_of_flag;
    if (!f.as_of.empty()) {
        as_of_flag = model::parse_iso_date(f.as_of);
        if (!as_of_flag) {
            std::cerr << "closeplan: --as-of must be a date like 2026-05-04, not `" << f.as_of << "`\n";
            return exit_code::usage;
        }
    }
    auto request = sheet_request(f.plan);
    request.as_of = as_of_flag;
    diagnostic_sink diags;
    const auto plan = pipeline::load_plan(request, diags);
    if (!plan || diags.has_errors()) {
        print_diagnostics(diags, std::cerr);
        const auto code = exit_code_for(diags, false);
        return code == exit_code::success ? exit_code::invalid_input : code;
    }
    if (!f.plan.quiet) print_diagnostics(diags, std::cerr);
    const auto as_of = as_of_flag ? *as_of_flag : plan->as_of ? *plan->as_of : request.today;
    write_output_file(f.output, format == "xlsx" ? sheet::write_xlsx(*plan, as_of) : sheet::write_csv(*plan));
    if (!f.plan.quiet)
        std::cerr << f.output << ": " << plan->milestones.size() << " steps to edit; bring the edits back with "
                  << "closeplan apply " << request.plan.path << ' ' << f.output << '\n';
    return exit_code::success;
}

const register_command registered{{62, setup_sheet, run_sheet}};

}  // namespace

}  // namespace closeplan::cli

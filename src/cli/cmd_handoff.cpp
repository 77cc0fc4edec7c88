// SPDX-License-Identifier: MIT
// `closeplan handoff`: the Customer Success handoff pack (PDF, HTML, Markdown, calendar, plan.json) in one folder.
#include <filesystem>
#include <iostream>

#include "cli/command_registry.hpp"
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/output_files.hpp"
#include "cli/terminal.hpp"
#include "handoff/handoff_pack.hpp"
#include "render/paper.hpp"

namespace closeplan::cli {

namespace {

struct handoff_flags {
    plan_flags plan;  ///< also --paper, --pdf-standard, --template-dir, --style, bound straight into plan.request
    std::string output = ".";
    bool layout_dump = false;
};

CLI::App* setup_handoff(CLI::App& app, handoff_flags& flags) {
    auto* command = app.add_subcommand("handoff", "Write the Customer Success handoff pack: PDF, HTML, Markdown, calendar, plan.json");
    add_plan_flags(*command, flags.plan);
    command->add_option("-o,--output", flags.output, "Folder for the pack (created when missing)")->default_str(".");
    auto& request = flags.plan.request;
    one_of(command->add_option("--paper", request.paper,
                               "Paper for the PDF: letter or a4 (default: the style's page.size, else the locale's paper)"),
           render::paper_names());
    add_pdf_standard_flag(*command, request.pdf_standard);
    command->add_option("--template-dir", request.template_dir, "Folder whose files replace the built-in templates of the same name");
    command->add_option("--style", request.style_path, "Style file (YAML) replacing the built-in colours, fonts and spacing");
    command->add_flag("--layout-dump", flags.layout_dump, "Also write handoff.layout.txt: the PDF's pages, bookmarks and links as text");
    return command;
}

exit_code run_handoff(const handoff_flags& flags) {
    std::vector<std::string> problems;
    if (flags.output == "-") problems.emplace_back("the handoff pack is several files; give a folder with -o");
    const auto request = make_request(flags.plan, std::move(problems));
    if (!request) return exit_code::usage;

    diagnostic_sink diags;
    const auto files = handoff::build_pack(*request, {flags.layout_dump}, diags);
    if (!flags.plan.quiet || diags.has_errors()) print_diagnostics(diags, std::cerr);
    const auto code = exit_code_for(diags, flags.plan.strict);
    if (diags.has_errors()) return code;
    // Warnings under --strict still leave the pack: CS gets it and the exit code says what it lacks.
    for (const auto& file : files)
        write_into_folder(flags.output, file.name, file.bytes);
    return code;
}

handoff_flags& flags() {
    static handoff_flags parsed;
    return parsed;
}

const register_command registered{{50, [](CLI::App& app) { return setup_handoff(app, flags()); },
                                   [] { return run_handoff(flags()); }, true}};

}  // namespace

}  // namespace closeplan::cli

// SPDX-License-Identifier: MIT
// `closeplan render`: a plan file becomes documents.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/command_registry.hpp"
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/output_files.hpp"
#include "cli/terminal.hpp"
#include "render/paper.hpp"
#include "render/render.hpp"
#include "view/select_sections.hpp"

namespace closeplan::cli {

namespace {

std::string known_formats() {
    std::string names;
    for (const auto& format : render::output_formats()) names += (names.empty() ? "" : ", ") + format.name;
    return names;
}

std::string known_sections() {
    std::string names;
    for (const auto& key : view::section_keys()) names += (names.empty() ? "" : ", ") + key;
    return names;
}

std::string output_stem(const std::string& plan_path) {
    if (plan_path == "-") return "plan";
    auto stem = std::filesystem::path(plan_path).stem().string();
    return stem.empty() ? "plan" : stem;
}

}  // namespace

void add_render_options(CLI::App& command, render_flags& flags, bool documents) {
    auto& request = flags.plan.request;
    command.add_option("--template", request.template_name, "Template: templates/<name>.<format>.mustache")
        ->default_str("buyer-plan");
    one_of(command.add_option("--paper", request.paper,
                              "Paper for PDF: letter or a4 (default: the style's page.size, else the locale's paper)"),
           render::paper_names());
    one_of(command.add_option("--fit", request.fit,
                              "PDF buyer plan: two-pages (a second page before an open step is hidden) or one-page (strict)"),
           render::fit_names())
        ->default_str("two-pages");
    add_pdf_standard_flag(command, request.pdf_standard);
    command.add_option("--template-dir", request.template_dir, "Folder whose files replace the built-in templates of the same name");
    command.add_option("--style", request.style_path, "Style file (YAML) replacing the built-in colours, fonts and spacing");
    if (documents)
        command.add_option("--reference-docx", request.reference_docx,
                           "docx: a .docx whose styles (styles.xml) replace closeplan's, as a proposal template's");
    command.add_option("--sections", request.sections, "Sections to keep, in this order, comma-separated: " + known_sections())
        ->delimiter(',');
    if (documents)
        command.add_flag("--fragment", request.fragment,
                         "html, md and docx: a piece to paste into another document (no page, no title block, scoped CSS)");
    in_range(command.add_option("--heading-offset", request.heading_offset,
                                "Move every heading down N levels (section titles become h2+N), 0 to 4"),
             0, 4)
        ->default_str("0");
}

CLI::App* setup_render(CLI::App& app, render_flags& flags) {
    auto* command = app.add_subcommand("render", "Render a plan as documents (HTML, Markdown, PDF, DOCX)");
    add_plan_flags(*command, flags.plan);
    command->add_option("-f,--format", flags.plan.request.formats, "Output formats, comma-separated: " + known_formats())
        ->delimiter(',')
        ->default_str("html,md");
    command->add_option("-o,--output", flags.output, "Output folder (created when missing); - writes one format to standard output")
        ->default_str(".");
    add_render_options(*command, flags, true);
    return command;
}

exit_code run_render(const render_flags& flags) {
    const auto& formats = flags.plan.request.formats;
    const bool to_stdout = flags.output == "-";
    std::vector<std::string> problems;
    if (to_stdout && formats.size() != 1)
        problems.push_back("`-o -` writes one format to standard output; " + std::to_string(formats.size()) +
                           " were asked for");
    const auto request = make_request(flags.plan, std::move(problems));
    if (!request) return exit_code::usage;

    diagnostic_sink diags;
    auto result = pipeline::render_plan(*request, diags);
    if (!flags.plan.quiet || diags.has_errors()) print_diagnostics(diags, std::cerr);
    const auto code = exit_code_for(diags, flags.plan.strict);
    if (code != exit_code::success) return code;

    if (to_stdout) {
        std::cout << result.outputs.front().bytes << std::flush;
        return std::cout ? exit_code::success : exit_code::output_error;
    }
    // A fragment never overwrites the page rendered from the same plan.
    const auto stem = output_stem(request->plan.path) + (request->fragment ? ".fragment" : "");
    for (const auto& output : result.outputs) {
        write_into_folder(flags.output, stem + "." + output.extension, output.bytes);
    }
    return exit_code::success;
}

namespace {

render_flags& flags() {
    static render_flags parsed;
    return parsed;
}

const register_command registered{{10, [](CLI::App& app) { return setup_render(app, flags()); },
                                   [] { return run_render(flags()); }, true}};

}  // namespace

}  // namespace closeplan::cli

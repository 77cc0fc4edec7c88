// SPDX-License-Identifier: MIT
// `closeplan apply PLAN SHEET`: the edits of a sheet written by `closeplan
// sheet` brought back into the plan. The sheet is read and checked cell by
// cell (src/sheet/), the plan's YAML edited as text so comments and key order
// stay (or rewritten when its style does not allow that, and said so), the
// result checked as a plan, the diff printed, and only then a file written.
#include <filesystem>
#include <iostream>

#include "batch/xlsx_reader.hpp"
#include "cli/command_registry.hpp"
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/output_files.hpp"
#include "cli/sheet_support.hpp"
#include "cli/terminal.hpp"
#include "diff/plan_diff.hpp"
#include "load/load_document.hpp"
#include "render/template_set.hpp"
#include "sheet/sheet_apply.hpp"
#include "sheet/sheet_read.hpp"
#include "sheet/tree_write.hpp"
#include "sheet/yaml_edit.hpp"

namespace closeplan::cli {

namespace {

namespace fs = std::filesystem;

struct apply_flags {
    sheet_plan_flags plan;
    std::string sheet;
    std::string output;
    std::string format = "text";
    bool in_place = false;
    bool allow_remove = false;
    bool dry_run = false;
};

apply_flags& flags() {
    static apply_flags parsed;
    return parsed;
}

CLI::App* setup_apply(CLI::App& app) {
    auto& f = flags();
    auto* command = add_sheet_command(app, "apply",
                                      "Bring a sheet's edits (from closeplan sheet) back into the plan; moved dates "
                                      "are kept as baselines",
                                      f.plan, "The plan file the sheet was written from");
    command->add_option("sheet", f.sheet, "The edited sheet (.xlsx or .csv)")->required();
    auto* output = command->add_option("-o,--output", f.output,
                                       "Where the updated plan goes; default: PLAN's name with .updated before the "
                                       "extension, beside it");
    command->add_flag("--in-place", f.in_place, "Replace PLAN itself with the updated plan")->excludes(output);
    command->add_flag("--allow-remove", f.allow_remove, "Remove the steps whose rows were deleted from the sheet");
    command->add_flag("--dry-run", f.dry_run, "Check the sheet and print the diff; write nothing");
    one_of(command->add_option("-f,--format", f.format, "The diff printed: text, or md for people (the plan's language)"),
           {"text", "md"});
    add_assets_and_quiet(*command, f.plan, "Print errors only (no warnings, no summary)");
    return command;
}

std::string default_output(const std::string& plan) {
    const fs::path path(plan);
    return (path.parent_path() / (path.stem().string() + ".updated" + path.extension().string())).string();
}

exit_code fail_with(const diagnostic_sink& diags) {
    print_diagnostics(diags, std::cerr);
    const auto code = exit_code_for(diags, false);
    return code == exit_code::success ? exit_code::invalid_input : code;
}

/// The updated plan's text: the YAML edited in place of its bytes, else the tree written anew.
struct updated_text {
    std::string text;
    std::string rewritten_because;  ///< empty when the text edit kept the file as it was
};

std::optional<updated_text> update_text(const std::string& original, const std::string& plan_path,
                                        const sheet::plan_patch& patch, diagnostic_sink& diags) {
    const auto syntax = load::syntax_for_path(plan_path);
    diagnostic_sink ignored;
    const auto tree = load::load_document(original, plan_path, syntax, ignored);
    if (!tree) {
        diags.error("V273", "the plan cannot be read again to edit it", {plan_path, 0, 0, ""},
                    {"run closeplan check on the plan"});
        return std::nullopt;
    }
    if (syntax == load::input_syntax::json)
        return updated_text{sheet::tree_to_json(sheet::patched_tree(*tree, patch)), "a JSON plan is always rewritten"};
    auto edited = sheet::edit_yaml_text(original, *tree, patch);
    if (edited.text) return updated_text{std::move(*edited.text), {}};
    diags.warning("V271",
                  "the plan is written anew, without its comments: its text cannot be edited in place (" +
                      edited.why_not + ")",
                  {plan_path, 0, 0, ""},
                  {"key order and values are kept; docs/cli.md (closeplan apply) lists the styles edited in place"});
    return updated_text{sheet::tree_to_yaml(sheet::patched_tree(*tree, patch)), edited.why_not};
}

std::string summary(const sheet::plan_patch& patch) {
    std::string out = std::to_string(patch.edits.size()) + " step(s) changed";
    if (!patch.added.empty()) out += ", " + std::to_string(patch.added.size()) + " added";
    if (!patch.removed.empty()) out += ", " + std::to_string(patch.removed.size()) + " removed";
    return out;
}

std::optional<std::string> diff_output(const diff::plan_diff& result, const apply_flags& f, diagnostic_sink& diags) {
    if (f.format == "text") return diff::to_text(result);
    const render::template_set templates;
    const auto words = templates.load_labels(result.locale, diags);
    return diff::to_people_markdown(result, words, templates, {}, diags);
}

exit_code run_apply() {
    const auto& f = flags();
    const auto& plan_path = f.plan.request.plan.path;
    const auto output = f.in_place ? plan_path : f.output.empty() ? default_output(plan_path) : f.output;
    diagnostic_sink diags;
    const auto original = load::read_file(plan_path);
    auto before = pipeline::load_plan(sheet_request(f.plan, original), diags);
    if (!before || diags.has_errors()) return fail_with(diags);
    diags = diagnostic_sink{};  // the plan's own warnings as it stands are check's business, not apply's

    std::error_code size_error;
    if (const auto size = fs::file_size(f.sheet, size_error); !size_error && size > batch::max_xlsx_bytes) {
        diags.error("V260", "the sheet is larger than " + std::to_string(batch::max_xlsx_bytes) + " bytes",
                    {f.sheet, 0, 0, ""}, {"check that this is the sheet closeplan wrote"});
        return fail_with(diags);
    }
    const auto table = sheet::read_sheet(load::read_file(f.sheet), f.sheet, diags);
    if (!table) return fail_with(diags);
    const auto patch = sheet::changes_from_sheet(*before, *table, {f.allow_remove}, diags);
    if (!patch) return fail_with(diags);
    if (patch->empty()) {
        if (!f.plan.quiet) {
            print_diagnostics(diags, std::cerr);
            std::cerr << f.sheet << ": no changes to " << plan_path << "; nothing written\n";
        }
        return exit_code::success;
    }

    const auto updated = update_text(original, plan_path, *patch, diags);
    if (!updated) return fail_with(diags);
    // The result must pass the plan's own check before anything is written.
    diagnostic_sink check;
    auto after = pipeline::load_plan(sheet_request(f.plan, updated->text), check);
    if (!after || check.has_errors()) {
        for (auto d : check.all()) {
            if (d.where.file == plan_path) d.where.file = output + " (not written)";
            diags.report(d);
        }
        diags.error("V273", "the plan with the sheet's edits does not pass its check; nothing was written",
                    {f.sheet, 0, 0, ""}, {"fix the rows the errors above point to, and apply again"});
        return fail_with(diags);
    }
    for (auto d : check.all()) {
        // The updated plan's own warnings (a date now after the close, V211): worth seeing before it is used.
        if (d.where.file == plan_path) d.where.file = output;
        diags.report(d);
    }
    after->source_file = output;
    before->source_file = plan_path;
    const auto result = diff::compare(*before, *after);
    const auto shown = diff_output(result, f, diags);
    if (!shown) return fail_with(diags);

    if (!f.dry_run) write_output_file(output, updated->text);
    if (!f.plan.quiet) {
        print_diagnostics(diags, std::cerr);
        std::cerr << (f.dry_run ? std::string("(dry run, nothing written) ") : output + ": ") << summary(*patch)
                  << (updated->rewritten_because.empty() ? "; the plan's text edited, comments kept"
                                                         : "; the plan written anew")
                  << '\n';
    }
    std::cout << *shown;
    return exit_code::success;
}

const register_command registered{{64, setup_apply, run_apply}};

}  // namespace

}  // namespace closeplan::cli

// SPDX-License-Identifier: MIT
// `closeplan diff OLD NEW`: what changed between two versions of a plan;
// `closeplan diff --history DIR`: the slip ledger of a folder of versions.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/command_registry.hpp"
#include "cli/commands.hpp"
#include "cli/terminal.hpp"
#include "diff/plan_diff.hpp"

namespace closeplan::cli {

namespace {

namespace fs = std::filesystem;

struct diff_flags {
    std::vector<std::string> plans;
    std::string history_dir;
    std::string format = "text";
};

diff_flags& options() {
    static diff_flags parsed;
    return parsed;
}

/// Loads and validates one version; prints its diagnostics.
std::optional<model::plan> load_version(const std::string& path, diagnostic_sink& diags) {
    pipeline::render_request request;
    request.plan.path = path;
    request.today = today_from_environment();
    return pipeline::load_plan(request, diags);
}

bool is_plan_file(const fs::path& path) {
    const auto ext = path.extension().string();
    return ext == ".yaml" || ext == ".yml" || ext == ".json";
}

/// The versions in a folder, oldest first: by as_of, then by file name.
std::optional<std::vector<model::plan>> load_history(const std::string& dir, diagnostic_sink& diags) {
    std::error_code ec;
    std::vector<std::string> files;
    for (const auto& entry : fs::directory_iterator(dir, ec))
        if (entry.is_regular_file() && is_plan_file(entry.path())) files.push_back(entry.path().string());
    if (ec) {
        diags.error("H880", "cannot read the folder \"" + dir + "\": " + ec.message(), {dir, 0, 0, ""},
                    {"--history takes a folder holding one plan file per version"});
        return std::nullopt;
    }
    std::sort(files.begin(), files.end());
    std::vector<model::plan> plans;
    for (const auto& file : files) {
        auto plan = load_version(file, diags);
        if (!plan) continue;
        if (!plan->as_of) {
            diags.error("H881", "version has no as_of; the ledger orders versions by as_of", {file, 0, 0, "/as_of"},
                        {"add `as_of: YYYY-MM-DD`: the date this version of the plan was agreed"});
            continue;
        }
        plans.push_back(std::move(*plan));
    }
    if (diags.has_errors()) return std::nullopt;
    if (plans.size() < 2) {
        diags.error("H880",
                    "the folder \"" + dir + "\" holds " + std::to_string(plans.size()) +
                        " plan version(s); a ledger needs two or more",
                    {dir, 0, 0, ""}, {"put each dated version of the plan in the folder (.yaml, .yml or .json)"});
        return std::nullopt;
    }
    std::stable_sort(plans.begin(), plans.end(),
                     [](const model::plan& a, const model::plan& b) { return *a.as_of < *b.as_of; });
    return plans;
}

exit_code fail_with(const diagnostic_sink& diags) {
    print_diagnostics(diags, std::cerr);
    const auto code = exit_code_for(diags, false);
    return code == exit_code::success ? exit_code::invalid_input : code;
}

CLI::App* setup_diff(CLI::App& app) {
    auto& flags = options();
    auto* command = app.add_subcommand("diff", "Compare two versions of a plan, or list every date each step has had");
    command->add_option("plans", flags.plans, "OLD and NEW plan files")->expected(0, 2);
    command->add_option("--history", flags.history_dir,
                        "Folder of dated versions of one plan: the slip ledger, versions ordered by as_of");
    command->add_option("-f,--format", flags.format, "text, md (to paste in a deal review) or json")
        ->check(CLI::IsMember({"text", "md", "json"}));
    return command;
}

exit_code run_diff() {
    const auto& flags = options();
    const bool history = !flags.history_dir.empty();
    if (history == !flags.plans.empty() || (!history && flags.plans.size() != 2)) {
        std::cerr << "closeplan: diff takes two plan files (OLD NEW) or --history DIR\n"
                  << "Run with --help for more information.\n";
        return exit_code::usage;
    }
    diagnostic_sink diags;
    std::string out;
    if (history) {
        const auto plans = load_history(flags.history_dir, diags);
        if (!plans) return fail_with(diags);
        const auto ledger = diff::build_ledger(*plans);
        out = flags.format == "json" ? diff::to_json(ledger) : flags.format == "md" ? diff::to_markdown(ledger) : diff::to_text(ledger);
    } else {
        const auto before = load_version(flags.plans[0], diags);
        const auto after = load_version(flags.plans[1], diags);
        if (!before || !after) return fail_with(diags);
        const auto result = diff::compare(*before, *after);
        out = flags.format == "json" ? diff::to_json(result) : flags.format == "md" ? diff::to_markdown(result) : diff::to_text(result);
    }
    print_diagnostics(diags, std::cerr);  // warnings of valid versions
    std::cout << out;
    return exit_code::success;
}

const register_command registered{{30, setup_diff, run_diff}};

}  // namespace

}  // namespace closeplan::cli

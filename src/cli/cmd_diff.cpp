// SPDX-License-Identifier: MIT
// `closeplan diff OLD NEW`: what changed between two versions of a plan;
// `closeplan diff --git REV[..REV] PLAN`: the same with versions from git;
// `closeplan diff --history DIR`: the slip ledger of a folder of versions.
#include <algorithm>
#include <filesystem>
#include <iostream>

#include "cli/command_registry.hpp"
#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "cli/git_show.hpp"
#include "cli/terminal.hpp"
#include "diff/plan_diff.hpp"
#include "load/load_document.hpp"
#include "render/template_set.hpp"

namespace closeplan::cli {

namespace {

namespace fs = std::filesystem;

struct diff_flags {
    std::vector<std::string> plans;
    std::string history_dir;
    std::string git;  ///< REV or REV..REV
    std::string format = "text";
    /// --locale, --template-dir and --assets, bound straight into the request each version is loaded with.
    pipeline::render_request request;
    bool verbose = false;
    bool quiet = false;
};

diff_flags& options() {
    static diff_flags parsed;
    return parsed;
}

/// One version to load: a file, or a file's bytes from git under a label.
struct version_source {
    std::string path;
    std::optional<std::string> text;
    std::string label;  ///< what diagnostics and the output call it; empty = path
};

pipeline::render_request request_for(const version_source& source) {
    auto request = options().request;
    request.plan.path = source.path;
    request.plan.text = source.text;
    request.today = today_from_environment();
    return request;
}

/// Loads and validates one version, with its fields' places (for the silent
/// roll warnings). A version from git is read with the plan's path, so its
/// logos and value map resolve in the work tree; its diagnostics and name
/// then say which revision they are about.
std::optional<model::plan> load_version(const version_source& source, diagnostic_sink& diags) {
    const auto request = request_for(source);
    diagnostic_sink own;
    auto plan = load_plan_with_places(request, own);
    for (auto d : own.all()) {
        if (!source.label.empty() && d.where.file == source.path) d.where.file = source.label;
        diags.report(d);
    }
    if (!plan) return plan;
    if (!source.label.empty()) {
        plan->source_file = source.label;
        for (auto& [pointer, where] : plan->field_locations)
            if (where.file == source.path) where.file = source.label;
        for (auto& m : plan->milestones)
            if (m.where.file == source.path) m.where.file = source.label;
    }
    return plan;
}

std::optional<model::plan> load_version(const std::string& path, diagnostic_sink& diags) {
    return load_version(version_source{path, std::nullopt, {}}, diags);
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

/// `--git REV PLAN`: REV against the work tree; `--git A..B PLAN`: A against B.
std::optional<std::pair<version_source, version_source>> git_sources(const std::string& spec, const std::string& plan,
                                                                     diagnostic_sink& diags) {
    const auto dots = spec.find("..");
    const auto old_rev = dots == std::string::npos ? spec : spec.substr(0, dots);
    const auto new_rev = dots == std::string::npos ? std::string() : spec.substr(dots + 2);
    const auto limit = load::load_limits{}.max_bytes;
    auto before = git_show(plan, old_rev, limit, diags);
    if (!before) return std::nullopt;
    std::pair<version_source, version_source> sources{{plan, before->text, before->label}, {plan, std::nullopt, {}}};
    if (dots != std::string::npos) {
        auto after = git_show(plan, new_rev, limit, diags);
        if (!after) return std::nullopt;
        sources.second = {plan, after->text, after->label};
    }
    return sources;
}

std::optional<std::string> people_output(const diff::plan_diff& result, const diff_flags& flags, diagnostic_sink& diags) {
    const auto& template_dir = flags.request.template_dir;
    const auto templates = template_dir.empty() ? render::template_set{} : render::template_set{template_dir};
    const auto words = templates.load_labels(result.locale, diags);
    const diff::people_options people{flags.verbose};
    return flags.format == "html" ? diff::to_people_html(result, words, templates, people, diags)
                                  : diff::to_people_markdown(result, words, templates, people, diags);
}

CLI::App* setup_diff(CLI::App& app) {
    auto& flags = options();
    auto* command = app.add_subcommand("diff", "Compare two versions of a plan, or list every date each step has had");
    command->add_option("plans", flags.plans, "OLD and NEW plan files")->expected(0, 2);
    command->add_option("--history", flags.history_dir,
                        "Folder of dated versions of one plan: the slip ledger, versions ordered by as_of");
    command->add_option("--git", flags.git,
                        "Versions from git: REV..REV PLAN compares two revisions of PLAN, REV PLAN a revision with "
                        "the work tree");
    one_of(command->add_option("-f,--format", flags.format,
                               "text; md or html for people (the plan's language, to paste to a buyer); json"),
           {"text", "md", "html", "json"});
    command->add_option("--locale", flags.request.locale, "Language and date style of md and html (default: the new plan's locale)");
    command->add_option("--template-dir", flags.request.template_dir, "Folder whose diff.md.mustache, diff.html.mustache or labels replace the built-in ones");
    command->add_option("--assets", flags.request.asset_dirs, "Folder local files (logos, resources) may also come from; repeatable");
    command->add_flag("--verbose", flags.verbose, "md and html: show step ids and file names");
    command->add_flag("-q,--quiet", flags.quiet, "Print errors only (no warnings)");
    return command;
}

exit_code fail_or_print(const diagnostic_sink& diags, bool quiet) {
    if (diags.has_errors()) return fail_with(diags);
    if (!quiet) print_diagnostics(diags, std::cerr);
    return exit_code::success;
}

exit_code run_diff() {
    const auto& flags = options();
    const bool history = !flags.history_dir.empty();
    const bool git = !flags.git.empty();
    const std::size_t files_wanted = git ? 1 : 2;
    std::vector<std::string> problems;  // every one printed at once
    if ((history && (git || !flags.plans.empty())) || (!history && flags.plans.size() != files_wanted))
        problems.emplace_back("diff takes two plan files (OLD NEW), --git REV[..REV] PLAN, or --history DIR\n"
                              "Run with --help for more information.");
    if (history && flags.format == "html") problems.emplace_back("--history writes text, md or json");
    if (!no_usage_problems(problems)) return exit_code::usage;
    diagnostic_sink diags;
    std::string out;
    if (history) {
        const auto plans = load_history(flags.history_dir, diags);
        if (!plans) return fail_with(diags);
        const auto ledger = diff::build_ledger(*plans);
        out = flags.format == "json" ? diff::to_json(ledger) : flags.format == "md" ? diff::to_markdown(ledger) : diff::to_text(ledger);
    } else {
        std::pair<version_source, version_source> sources{{flags.plans[0], std::nullopt, {}}, {}};
        if (git) {
            auto from_git = git_sources(flags.git, flags.plans[0], diags);
            if (!from_git) return fail_with(diags);
            sources = std::move(*from_git);
        } else {
            sources.second = {flags.plans[1], std::nullopt, {}};
        }
        const auto before = load_version(sources.first, diags);
        const auto after = load_version(sources.second, diags);
        if (!before || !after) return fail_with(diags);
        const auto result = diff::compare(*before, *after);
        diff::report_silent_rolls(result, diags);
        if (flags.format == "json") {
            out = diff::to_json(result);
        } else if (flags.format == "text") {
            out = diff::to_text(result);
        } else {
            auto people = people_output(result, flags, diags);
            if (!people) return fail_with(diags);
            out = std::move(*people);
        }
    }
    const auto code = fail_or_print(diags, flags.quiet);
    std::cout << out;
    return code;
}

const register_command registered{{30, setup_diff, run_diff, true}};

}  // namespace

}  // namespace closeplan::cli

// SPDX-License-Identifier: MIT
// Flags every plan-reading command shares, and turning them into a pipeline request.
#include <algorithm>
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <iterator>

#include "cli/commands.hpp"
#include "cli/option_checks.hpp"
#include "health/field_locations.hpp"
#include "load/load_document.hpp"
#include "model/dates.hpp"
#include "render/render.hpp"
#include "view/locales.hpp"
#include "view/section_table.hpp"

namespace closeplan::cli {

model::date today_from_environment() {
    std::time_t now = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) {
        char* end = nullptr;
        const long long seconds = std::strtoll(epoch, &end, 10);
        if (end && *end == '\0' && seconds >= 0) now = static_cast<std::time_t>(seconds);
    }
    const auto days = std::chrono::floor<std::chrono::days>(std::chrono::system_clock::from_time_t(now));
    return model::date{days};
}

void add_pdf_standard_flag(CLI::App& command, render::pdf_standard& out) {
    std::string help = "PDF (always tagged): also claim, comma-separated,";
    for (const auto& v : render::pdf_standard_values()) help += " " + std::string(v.name) + " (" + std::string(v.description) + ")";
    help += "; fonts are then embedded";
    // A bad value is noted by the check and left as written: the callback keeps `out` then.
    checked(command.add_option_function<std::string>(
                "--pdf-standard",
                [&out](const std::string& value) {
                    std::string problem;
                    if (auto parsed = render::parse_pdf_standard(value, problem)) out = *parsed;
                },
                help),
            [](const std::string& name, const std::string& value) {
                std::string problem;
                return render::parse_pdf_standard(value, problem) ? std::string() : name + ": " + problem;
            },
            "");
}

void add_plan_flags(CLI::App& command, plan_flags& flags) {
    auto& request = flags.request;
    command.add_option("plan", request.plan.path, "Plan file (.yaml, .yml or .json); - reads standard input")
        ->required();
    one_of(command.add_option("--input-format", request.plan.syntax, "Syntax of the plan when it comes from standard input"),
           {"yaml", "json"});
    command.add_option("--as-of", flags.as_of, "The date status is computed for (YYYY-MM-DD); default: the plan's as_of, else today");
    command.add_option("--value-map", request.value_map_path, "Value map file merged into the stakeholders");
    command.add_option("--assets", request.asset_dirs, "Folder local files (logos, resources) may also come from; repeatable");
    command.add_option("--locale", request.locale, "Language and date style of the output (" + view::built_in_locale_list() + ")");
    command.add_flag("--strict", flags.strict, "Treat warnings as failure (exit code 3)");
    command.add_flag("-q,--quiet", flags.quiet, "Print errors only");
}

std::optional<model::plan> load_plan_with_places(const pipeline::render_request& request, diagnostic_sink& diags) {
    return pipeline::load_plan(request, diags, [](const load::raw_node& tree, model::plan& plan) {
        health::remember_field_locations(tree, plan);
    });
}

namespace {

template <class Names>
std::string listed(const Names& names) {
    std::string out;
    for (const auto& name : names) out += (out.empty() ? "" : ", ") + std::string(name);
    return out;
}

}  // namespace

std::vector<std::string> request_problems(const pipeline::render_request& request) {
    std::vector<std::string> problems;
    std::vector<std::string> format_names;
    for (const auto& format : render::output_formats()) format_names.push_back(format.name);
    for (const auto& name : request.formats) {
        const auto* format = render::find_output_format(name);
        if (!format)
            problems.push_back("unknown format `" + name + "`; known formats: " + listed(format_names));
        else if (request.fragment && !format->fragment)
            problems.push_back("--fragment writes " + render::fragment_format_names() + ", not `" + name + "`");
    }
    const auto& keys = view::section_keys();
    for (const auto& name : request.sections)
        if (std::find(keys.begin(), keys.end(), name) == keys.end())
            problems.push_back("unknown section `" + name + "`; known sections: " + listed(keys));
    return problems;
}

std::optional<std::string> as_of_problem(const std::string& as_of) {
    if (as_of.empty()) return std::nullopt;
    const auto date = model::parse_iso_date(as_of);
    if (!date) return "--as-of must be a date like 2026-05-04, not `" + as_of + "`";
    if (auto why = model::range_problem(*date)) return "--as-of `" + as_of + "` " + *why;
    return std::nullopt;
}

bool no_usage_problems(const std::vector<std::string>& problems) {
    // The flags' values CLI11 checked first (option_checks), then the command's own.
    auto all = take_option_problems();
    all.insert(all.end(), problems.begin(), problems.end());
    for (const auto& problem : all) std::cerr << "closeplan: " << problem << '\n';
    return all.empty();
}

std::optional<pipeline::render_request> make_request(const plan_flags& flags, std::vector<std::string> problems) {
    auto found = request_problems(flags.request);
    problems.insert(problems.end(), found.begin(), found.end());
    if (auto why = as_of_problem(flags.as_of)) problems.push_back(*why);
    if (!no_usage_problems(problems)) return std::nullopt;

    auto request = flags.request;
    if (request.plan.path == "-") {
        request.plan.text = std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    }
    request.today = today_from_environment();
    if (!flags.as_of.empty()) request.as_of = model::parse_iso_date(flags.as_of);
    return request;
}

}  // namespace closeplan::cli

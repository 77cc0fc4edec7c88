// SPDX-License-Identifier: MIT
// Flags every plan-reading command shares, and turning them into a pipeline request.
#include <cstdlib>
#include <ctime>
#include <iostream>
#include <iterator>

#include "cli/commands.hpp"
#include "health/field_locations.hpp"
#include "load/load_document.hpp"
#include "model/dates.hpp"
#include "view/locales.hpp"

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
    command
        .add_option_function<std::string>(
            "--pdf-standard",
            [&out](const std::string& value) {
                std::string problem;
                if (auto parsed = render::parse_pdf_standard(value, problem)) out = *parsed;
            },
            help)
        ->check([](const std::string& value) {
            std::string problem;
            return render::parse_pdf_standard(value, problem) ? std::string() : problem;
        });
}

CLI::IsMember one_of(std::span<const std::string_view> names) {
    return CLI::IsMember(std::vector<std::string>(names.begin(), names.end()));
}

void add_plan_flags(CLI::App& command, plan_flags& flags) {
    command.add_option("plan", flags.plan_path, "Plan file (.yaml, .yml or .json); - reads standard input")
        ->required();
    command.add_option("--input-format", flags.input_format, "Syntax of the plan when it comes from standard input")
        ->check(CLI::IsMember({"yaml", "json"}));
    command.add_option("--as-of", flags.as_of, "The date status is computed for (YYYY-MM-DD); default: the plan's as_of, else today");
    command.add_option("--value-map", flags.value_map, "Value map file merged into the stakeholders");
    command.add_option("--assets", flags.asset_dirs, "Folder local files (logos, resources) may also come from; repeatable");
    command.add_option("--locale", flags.locale, "Language and date style of the output (" + view::built_in_locale_list() + ")");
    command.add_flag("--strict", flags.strict, "Treat warnings as failure (exit code 3)");
    command.add_flag("-q,--quiet", flags.quiet, "Print errors only");
}

// Findings point at fields (a milestone's `due`, `sign_off`), which the plan
// model does not keep; read the plan's tree once more for their places. A
// failure here only costs precision, so its diagnostics are dropped.
void add_field_locations(const pipeline::render_request& request, model::plan& plan) {
    diagnostic_sink ignored;
    try {
        const auto text = request.plan.text ? *request.plan.text : load::read_file(request.plan.path);
        const auto syntax = request.plan.syntax == "json"                               ? load::input_syntax::json
                            : request.plan.syntax == "yaml" || request.plan.path == "-" ? load::input_syntax::yaml
                                                                                        : load::syntax_for_path(request.plan.path);
        if (const auto tree = load::load_document(text, plan.source_file, syntax, ignored))
            health::remember_field_locations(*tree, plan);
    } catch (const closeplan::error&) {
        // The plan was read a moment ago; if it is gone now, keep the coarser places.
    }
}

std::optional<pipeline::render_request> make_request(const plan_flags& flags, pipeline::render_request request) {
    request.plan.path = flags.plan_path;
    if (flags.plan_path == "-") {
        request.plan.text = std::string(std::istreambuf_iterator<char>(std::cin), std::istreambuf_iterator<char>());
    }
    if (!flags.input_format.empty()) request.plan.syntax = flags.input_format;
    request.today = today_from_environment();
    if (!flags.as_of.empty()) {
        request.as_of = model::parse_iso_date(flags.as_of);
        if (!request.as_of) {
            std::cerr << "closeplan: --as-of must be a date like 2026-05-04, not `" << flags.as_of << "`\n";
            return std::nullopt;
        }
        if (auto why = model::range_problem(*request.as_of)) {
            std::cerr << "closeplan: --as-of `" << flags.as_of << "` " << *why << "\n";
            return std::nullopt;
        }
    }
    request.value_map_path = flags.value_map;
    request.asset_dirs = flags.asset_dirs;
    request.locale = flags.locale;
    return request;
}

}  // namespace closeplan::cli

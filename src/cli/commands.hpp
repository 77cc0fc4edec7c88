// SPDX-License-Identifier: MIT
// The subcommands of the closeplan CLI: each has a setup_* (flags) and a run_* (work).
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "cli/exit_codes.hpp"
#include "health/health.hpp"
#include "pipeline/pipeline.hpp"

namespace closeplan::cli {

/// Flags shared by every command that reads a plan. Each flag that says what
/// to make is bound straight into the one request the pipeline takes (the
/// library maps its options onto the same struct, api/option_checks.cpp):
/// the plan, --input-format, --value-map, --assets, --locale here, and each
/// command's own (render's -f, --paper, --sections ...; handoff's --paper ...).
/// Nothing is copied field by field.
struct plan_flags {
    pipeline::render_request request;  ///< plan.path, plan.syntax, value_map_path, asset_dirs, locale, and the command's own
    std::string as_of;                 ///< YYYY-MM-DD, checked by make_request with the rest
    bool strict = false;
    bool quiet = false;
};

/// `closeplan render`'s flags: the plan's and the rendering flags in `plan.request`.
struct render_flags {
    plan_flags plan;  ///< also -f, --template, --paper, --fit, --pdf-standard, --template-dir, --style,
                      ///< --reference-docx, --sections, --fragment, --heading-offset
    std::string output = ".";
};

/// The date `as_of` defaults to: SOURCE_DATE_EPOCH when set (reproducible
/// builds), else the system clock in UTC. Only the CLI reads the clock.
model::date today_from_environment();

/// Loads and validates the request's plan once, keeping its fields' places
/// (plan.field_locations, from the same tree: findings and diff warnings
/// point at a milestone's `due`), as the library's plan does. The plan's text
/// is never read again.
std::optional<model::plan> load_plan_with_places(const pipeline::render_request& request, diagnostic_sink& diags);

CLI::App* setup_render(CLI::App& app, render_flags& flags);
exit_code run_render(const render_flags& flags);
/// The flags that shape a rendered document (--template, --paper, --fit,
/// --pdf-standard, --template-dir, --style, --sections, --heading-offset):
/// render and preview share them, so preview shows what render would write.
/// `documents`: also --reference-docx and --fragment, which only render has
/// (preview shows the whole HTML page and the PDF).
void add_render_options(CLI::App& command, render_flags& flags, bool documents);

CLI::App* setup_check(CLI::App& app, plan_flags& flags);
/// `check`'s health review of a plan from load_plan_with_places; preview's
/// checks panel shows the same findings.
health::report review_health(const pipeline::render_request& request, const model::plan& plan,
                             const health::config& settings);
exit_code run_check(const plan_flags& flags);

/// Adds --pdf-standard (render, handoff, batch): the values of render::pdf_standard_values(),
/// checked by render::parse_pdf_standard (a usage error otherwise) and stored in `out`.
void add_pdf_standard_flag(CLI::App& command, render::pdf_standard& out);

/// Adds the flags of plan_flags to a subcommand, bound into `flags.request`.
void add_plan_flags(CLI::App& command, plan_flags& flags);

/// What is wrong with a request's names, checked against the tables that own
/// them: each format (render::output_formats(); with `fragment`, its fragment
/// form) and section (view::section_keys()). One line per problem, as printed
/// after "closeplan: ".
std::vector<std::string> request_problems(const pipeline::render_request& request);
/// What is wrong with an --as-of (YYYY-MM-DD in the supported years); nullopt when fine.
std::optional<std::string> as_of_problem(const std::string& as_of);
/// Prints every problem at once ("closeplan: ..."): the flag values noted by
/// option_checks.hpp, then `problems`; true when there was none.
bool no_usage_problems(const std::vector<std::string>& problems);

/// The request the command's flags were bound into, checked once and
/// completed: every problem of its names and --as-of and the command's own
/// `problems` printed together (then nullopt, a usage error); else standard
/// input read for `-`, today and --as-of set.
std::optional<pipeline::render_request> make_request(const plan_flags& flags, std::vector<std::string> problems = {});

}  // namespace closeplan::cli

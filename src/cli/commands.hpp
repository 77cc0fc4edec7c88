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

/// Flags shared by every command that reads a plan.
struct plan_flags {
    std::string plan_path;
    std::string input_format;  ///< "", "yaml" or "json" (needed for stdin)
    std::string as_of;         ///< YYYY-MM-DD
    std::string value_map;
    std::vector<std::string> asset_dirs;
    std::string locale;
    bool strict = false;
    bool quiet = false;
};

/// `closeplan render`'s flags. The rendering flags are bound straight into the
/// request the pipeline takes (the library maps its render_options onto the
/// same struct, api/option_checks.cpp): nothing is copied field by field.
struct render_flags {
    plan_flags plan;
    pipeline::render_request request;  ///< -f, --template, --paper, --fit, --pdf-standard, --template-dir,
                                       ///< --style, --reference-docx, --sections, --fragment, --heading-offset
    std::string output = ".";
};

/// The date `as_of` defaults to: SOURCE_DATE_EPOCH when set (reproducible
/// builds), else the system clock in UTC. Only the CLI reads the clock.
model::date today_from_environment();

/// Findings and diff warnings point at fields (a milestone's `due`), which the
/// plan model does not keep: reads the plan's tree once more for their places
/// (plan.field_locations). A failure only costs precision.
void add_field_locations(const pipeline::render_request& request, model::plan& plan);

CLI::App* setup_render(CLI::App& app, render_flags& flags);
exit_code run_render(const render_flags& flags);
/// The flags that shape a rendered document (--template, --paper, --fit,
/// --pdf-standard, --template-dir, --style, --sections, --heading-offset):
/// render and preview share them, so preview shows what render would write.
/// `documents`: also --reference-docx and --fragment, which only render has
/// (preview shows the whole HTML page and the PDF).
void add_render_options(CLI::App& command, render_flags& flags, bool documents);
/// The pipeline request `render` makes from its flags (formats: the given
/// ones, else html and md); nullopt (after printing why) on a usage error.
std::optional<pipeline::render_request> make_render_request(const render_flags& flags);

CLI::App* setup_check(CLI::App& app, plan_flags& flags);
/// `check`'s health review of a loaded plan (its field locations added
/// first); preview's checks panel shows the same findings.
health::report review_health(const pipeline::render_request& request, model::plan& plan,
                             const health::config& settings);
exit_code run_check(const plan_flags& flags);

/// Adds --pdf-standard (render, handoff, batch): the values of render::pdf_standard_values(),
/// checked by render::parse_pdf_standard (a usage error otherwise) and stored in `out`.
void add_pdf_standard_flag(CLI::App& command, render::pdf_standard& out);

/// A flag check accepting the names of one table (render::paper_names(), fit_names()...).
CLI::IsMember one_of(std::span<const std::string_view> names);

/// Adds the flags of plan_flags to a subcommand.
void add_plan_flags(CLI::App& command, plan_flags& flags);
/// Completes `request` (the command's own flags already bound into it) with
/// the shared flags: the plan, --as-of, today, --value-map, --assets, --locale.
/// nullopt (after printing the reason) on a usage error such as a malformed --as-of.
std::optional<pipeline::render_request> make_request(const plan_flags& flags, pipeline::render_request request = {});

}  // namespace closeplan::cli

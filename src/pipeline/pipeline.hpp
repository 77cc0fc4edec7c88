// SPDX-License-Identifier: MIT
// The whole pipeline behind `closeplan render` and `closeplan check`: load, validate, analyze, view, render.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "load/raw_tree.hpp"
#include "model/plan.hpp"
#include "render/render_request.hpp"

namespace closeplan::pipeline {

/// The one request every command and the library fill (render/render_request.hpp).
using plan_source = render::plan_source;
using render_request = render::render_request;

struct rendered_output {
    std::string format;     ///< "html"
    std::string extension;  ///< "html"
    std::string bytes;
};

struct render_result {
    std::optional<model::plan> plan;          ///< set when the plan validated
    std::vector<rendered_output> outputs;     ///< one per requested format, in request order
};

/// The date a plan is seen from: the request's as_of (--as-of, render_options::as_of), else the
/// plan's own as_of, else the request's today (the CLI's clock; the library has none and says O532).
/// The one place this rule is written.
model::date as_of_for(const render_request& request, const model::plan& plan);

/// Called with the plan's raw tree once the plan validated (the health review keeps its fields' places).
using tree_visitor = std::function<void(const load::raw_node& tree, model::plan& plan)>;

/// Loads and validates a plan (and a value map file, when given); the diagnostics say what failed.
std::optional<model::plan> load_plan(const render_request& request, diagnostic_sink& diags,
                                     const tree_visitor& visit_tree = {});

/// Runs the whole pipeline. On any error diagnostic the outputs are empty:
/// nothing half-done is ever returned. Environment failures (unreadable file)
/// throw closeplan::error.
render_result render_plan(const render_request& request, diagnostic_sink& diags);

/// Runs analyze -> view -> render on a plan built in code (batch: a CRM row
/// and a playbook), skipping load and validate. `request.plan` is not read;
/// the formats, as_of, today, templates, style, paper and locale are. The
/// caller vouches that the plan holds what validate would accept. Outputs
/// are empty on any error diagnostic, as for render_plan.
std::vector<rendered_output> render_model(const model::plan& plan, const render_request& request,
                                          diagnostic_sink& diags);

/// Adds what the later stages (view, layout, writers) reported about `plan`
/// to `diags`, naming the plan's file where a diagnostic names none: a
/// message such as O511 (characters no font can paint) or T406 (no such
/// template) is about this plan, and every diagnostic about an input names its file.
void report_about_plan(const model::plan& plan, const diagnostic_sink& produced, diagnostic_sink& diags);

}  // namespace closeplan::pipeline

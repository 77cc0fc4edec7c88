// SPDX-License-Identifier: MIT
// closeplan::render: the public options mapped onto one pipeline request.
#include "closeplan/render.hpp"

#include <algorithm>

#include "api/plan_state.hpp"
#include "closeplan/closeplan.hpp"
#include "render/render.hpp"
#include "view/select_sections.hpp"

#ifndef CLOSEPLAN_VERSION
#define CLOSEPLAN_VERSION "0.0.0"
#endif

namespace closeplan {

bool render_result::ok() const {
    return std::none_of(diagnostics.begin(), diagnostics.end(),
                        [](const diagnostic& d) { return d.level == severity::error; });
}

render_result render_plan(const plan& input, const render_options& options) {
    const auto& s = *input.state_;
    render_result result;
    result.diagnostics = s.diagnostics;
    if (!s.validated) return result;  // its errors are in the diagnostics already
    if (!options.as_of && !s.validated->as_of) {
        result.diagnostics.push_back(
            {severity::error, "O532", "the plan has no as_of and render_options::as_of is not set", {s.name, 0, 0, {}},
             {"the library never reads the clock: set render_options::as_of, or as_of in the plan"}});
        return result;
    }
    if (options.heading_offset < 0 || options.heading_offset > 4) {
        result.diagnostics.push_back({severity::error, "O533",
                                      "heading_offset " + std::to_string(options.heading_offset) + " is not 0 to 4",
                                      {s.name, 0, 0, {}},
                                      {"section titles are level 2 + heading_offset, and Markdown stops at 6"}});
        return result;
    }

    if (options.fit != "two-pages" && options.fit != "one-page") {
        result.diagnostics.push_back({severity::error, "O534", "fit \"" + options.fit + "\" is not two-pages or one-page",
                                      {s.name, 0, 0, {}},
                                      {"two-pages lets the buyer plan take a second page before it hides an open step"}});
        return result;
    }

    auto request = api::request_for(s);
    request.formats = options.formats;
    request.as_of = options.as_of;
    request.fragment = options.fragment;
    request.heading_offset = options.heading_offset;
    request.sections = options.sections;
    request.template_name = options.template_name;
    request.template_dir = options.template_dir;
    request.style_path = options.style_path;
    request.paper = options.paper;
    request.fit = options.fit;

    diagnostic_sink diags;
    try {
        auto rendered = pipeline::render_plan(request, diags);
        for (auto& o : rendered.outputs) result.outputs.push_back({o.format, o.extension, std::move(o.bytes)});
    } catch (const closeplan::error& e) {
        diags.report(e.diag());
    }
    // The plan's own diagnostics were reported again by the pipeline's load: keep one copy.
    result.diagnostics = diags.all();
    if (!result.ok()) result.outputs.clear();
    return result;
}

std::vector<std::string> output_formats() {
    std::vector<std::string> names;
    for (const auto& f : render::output_formats()) names.push_back(f.name);
    return names;
}

std::vector<std::string> section_names() { return view::section_keys(); }

const char* version() { return CLOSEPLAN_VERSION; }

}  // namespace closeplan

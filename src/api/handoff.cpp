// SPDX-License-Identifier: MIT
// closeplan::make_handoff and make_calendar: the public options mapped onto the request `closeplan handoff` builds.
#include "closeplan/handoff.hpp"

#include <algorithm>

#include "api/plan_state.hpp"
#include "handoff/handoff_pack.hpp"

namespace closeplan {

namespace {

bool no_errors(const std::vector<diagnostic>& diags) {
    return std::none_of(diags.begin(), diags.end(), [](const diagnostic& d) { return d.level == severity::error; });
}

// The request of the CLI for this plan, or nullopt with the reason in `diags` (the plan's own errors, O532).
std::optional<pipeline::render_request> request_or_why(const plan::state& s, const handoff_options& options,
                                                       std::vector<diagnostic>& diags) {
    diags = s.diagnostics;
    if (!s.validated) return std::nullopt;
    if (!options.as_of && !s.validated->as_of) {
        diags.push_back({severity::error, "O532", "the plan has no as_of and handoff_options::as_of is not set",
                         {s.name, 0, 0, {}},
                         {"the library never reads the clock: set handoff_options::as_of, or as_of in the plan"}});
        return std::nullopt;
    }
    auto request = api::request_for(s);
    request.as_of = options.as_of;
    request.template_dir = options.template_dir;
    request.style_path = options.style_path;
    request.paper = options.paper;
    return request;
}

}  // namespace

bool handoff_result::ok() const { return no_errors(diagnostics); }
bool calendar_result::ok() const { return no_errors(diagnostics); }

handoff_result make_handoff(const plan& input, const handoff_options& options) {
    handoff_result result;
    const auto request = request_or_why(*input.state_, options, result.diagnostics);
    if (!request) return result;
    diagnostic_sink diags;
    try {
        for (auto& f : handoff::build_pack(*request, {options.layout_dump}, diags))
            result.files.push_back({std::move(f.name), std::move(f.bytes)});
    } catch (const closeplan::error& e) {
        diags.report(e.diag());
    }
    // The plan's own diagnostics were reported again by the pack's load: keep one copy.
    result.diagnostics = diags.all();
    if (!result.ok()) result.files.clear();
    return result;
}

calendar_result make_calendar(const plan& input, const handoff_options& options, const std::string& for_person) {
    calendar_result result;
    const auto request = request_or_why(*input.state_, options, result.diagnostics);
    if (!request) return result;
    diagnostic_sink diags;
    try {
        result.ics = handoff::build_calendar(*request, for_person, diags);
    } catch (const closeplan::error& e) {
        diags.report(e.diag());
    }
    result.diagnostics = diags.all();
    if (!result.ok()) result.ics.reset();
    return result;
}

}  // namespace closeplan

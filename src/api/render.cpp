// SPDX-License-Identifier: MIT
// closeplan::render_plan: the options checked all at once, then the prepared
// plan's model rendered by the pipeline (never loaded again).
#include "closeplan/render.hpp"

#include "api/option_checks.hpp"
#include "api/plan_state.hpp"
#include "closeplan/version.hpp"

namespace closeplan {
inline namespace v0 {

bool render_result::ok() const { return api::no_errors(diagnostics); }

render_result render_plan(const plan& input, const render_options& options) {
    render_result result;
    const auto* s = api::usable_state(input, result.diagnostics);
    const auto* name = api::access::state_of(input) ? &input.name() : nullptr;
    diagnostic_sink diags;
    api::check_render_options(options, s ? &*s->validated : nullptr, name ? *name : std::string(), diags);
    result.diagnostics.insert(result.diagnostics.end(), diags.all().begin(), diags.all().end());
    if (!s || diags.has_errors()) return result;

    diagnostic_sink rendered;
    try {
        auto outputs = pipeline::render_model(*s->validated, api::request_with(*s, options), rendered);
        for (auto& o : outputs) result.outputs.push_back({o.format, o.extension, std::move(o.bytes)});
    } catch (const closeplan::error& e) {
        rendered.report(e.diag());
    }
    result.diagnostics.insert(result.diagnostics.end(), rendered.all().begin(), rendered.all().end());
    if (!result.ok()) result.outputs.clear();
    return result;
}

const char* version() { return CLOSEPLAN_VERSION_STRING; }

}  // namespace v0
}  // namespace closeplan

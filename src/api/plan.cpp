// SPDX-License-Identifier: MIT
// closeplan::plan: loading and validating through the pipeline, with every
// failure, the environment's included, turned into diagnostics.
#include "api/plan_state.hpp"

#include "load/load_document.hpp"

namespace closeplan {
namespace api {

pipeline::render_request request_for(const plan::state& s) {
    pipeline::render_request request;
    request.plan = s.source;
    request.value_map_path = s.options.value_map_path;
    request.asset_dirs = s.options.asset_dirs;
    request.locale = s.options.locale;
    return request;
}

}  // namespace api

namespace {

std::string syntax_name(input_syntax syntax) {
    switch (syntax) {
        case input_syntax::yaml: return "yaml";
        case input_syntax::json: return "json";
        case input_syntax::from_name: break;
    }
    return {};
}

// Validates s.source; a failure of the environment (unreadable file or
// value map) becomes its diagnostic, so callers only ever read diagnostics.
void validate(plan::state& s) {
    diagnostic_sink diags;
    try {
        s.validated = pipeline::load_plan(api::request_for(s), diags);
        // The text is kept so render_plan() works on exactly what was validated.
        if (s.validated && !s.source.text) s.source.text = load::read_file(s.source.path);
    } catch (const closeplan::error& e) {
        diags.report(e.diag());
        s.validated.reset();
    }
    s.diagnostics = diags.all();
    if (diags.has_errors()) s.validated.reset();
}

}  // namespace

plan plan::from_file(const std::string& path, const load_options& options) {
    auto s = std::make_shared<state>();
    s->name = path;
    s->source.path = path;
    s->source.syntax = syntax_name(options.syntax);
    s->options = options;
    validate(*s);
    return plan(std::move(s));
}

plan plan::from_memory(std::string text, std::string name, const load_options& options) {
    auto s = std::make_shared<state>();
    // "-" means standard input to the pipeline; a memory plan is never that.
    if (name.empty() || name == "-") name = "<memory>.yaml";
    s->name = name;
    s->source.path = std::move(name);
    s->source.text = std::move(text);
    s->source.syntax = syntax_name(options.syntax);
    s->options = options;
    validate(*s);
    return plan(std::move(s));
}

bool plan::valid() const { return state_->validated.has_value(); }
const std::vector<diagnostic>& plan::diagnostics() const { return state_->diagnostics; }
const std::string& plan::name() const { return state_->name; }
std::string plan::deal_name() const { return valid() ? state_->validated->deal.name : std::string(); }
std::size_t plan::milestone_count() const { return valid() ? state_->validated->milestones.size() : 0; }

}  // namespace closeplan

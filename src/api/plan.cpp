// SPDX-License-Identifier: MIT
// closeplan::plan: loading and validating through the pipeline once, with
// every failure, the environment's included, turned into diagnostics.
#include "api/plan_state.hpp"

#include <algorithm>

#include "api/option_checks.hpp"
#include "health/field_locations.hpp"

namespace closeplan {
inline namespace v0 {
namespace api {

pipeline::render_request request_for(const plan::state& s) {
    pipeline::render_request request;
    request.plan = s.source;
    request.value_map_path = s.options.value_map_path;
    request.asset_dirs = s.options.asset_dirs;
    request.locale = s.options.locale;
    return request;
}

const plan::state* usable_state(const plan& p, std::vector<diagnostic>& diags) {
    const auto* s = access::state_of(p);
    if (!s) {
        diags.push_back({severity::error, "A107", "the plan was moved from and holds nothing", {},
                         {"pass the plan object that was moved to, or load the plan again"}});
        return nullptr;
    }
    diags.insert(diags.end(), s->diagnostics.begin(), s->diagnostics.end());
    return s->validated ? s : nullptr;
}

bool no_errors(const std::vector<diagnostic>& diags) {
    return std::none_of(diags.begin(), diags.end(), [](const diagnostic& d) { return d.level == severity::error; });
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

// Validates s.source once; a failure of the environment (unreadable file or
// value map) becomes its diagnostic, so callers only ever read diagnostics.
// The fields' places (a milestone's `due`) are kept from the same tree for
// the health review and the diff, so nothing reads the text again.
void validate(plan::state& s) {
    diagnostic_sink diags;
    api::check_load_options(s.options, s.name, diags);
    if (!diags.has_errors()) {
        try {
            s.validated = pipeline::load_plan(api::request_for(s), diags, [](const load::raw_node& tree, model::plan& p) {
                health::remember_field_locations(tree, p);
            });
        } catch (const closeplan::error& e) {
            diags.report(e.diag());
        }
    }
    s.diagnostics = diags.all();
    if (diags.has_errors()) s.validated.reset();
}

plan loaded(std::shared_ptr<plan::state> s) {
    validate(*s);
    return api::access::make(std::move(s));
}

}  // namespace

plan plan::from_file(const std::string& path, const load_options& options) {
    auto s = std::make_shared<state>();
    s->name = path;
    s->source.path = path;
    s->source.syntax = syntax_name(options.syntax);
    s->options = options;
    return loaded(std::move(s));
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
    return loaded(std::move(s));
}

plan::plan(plan&& other) noexcept : state_(std::move(other.state_)) {}
plan& plan::operator=(plan&& other) noexcept {
    state_ = std::move(other.state_);
    return *this;
}
plan::~plan() = default;

namespace {
const std::vector<diagnostic> no_diagnostics;
const std::string no_name;
}  // namespace

bool plan::valid() const { return state_ && state_->validated.has_value(); }
const std::vector<diagnostic>& plan::diagnostics() const { return state_ ? state_->diagnostics : no_diagnostics; }
const std::string& plan::name() const { return state_ ? state_->name : no_name; }
std::string plan::deal_name() const { return valid() ? state_->validated->deal.name : std::string(); }
std::size_t plan::milestone_count() const { return valid() ? state_->validated->milestones.size() : 0; }

}  // namespace v0
}  // namespace closeplan

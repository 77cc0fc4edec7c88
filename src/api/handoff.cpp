// SPDX-License-Identifier: MIT
// closeplan::make_handoff, make_calendar and make_plan_json: the options
// checked all at once, then the prepared plan's model handed to the pack's
// builders (never loaded again).
#include "closeplan/handoff.hpp"

#include "api/option_checks.hpp"
#include "api/plan_state.hpp"
#include "handoff/handoff_pack.hpp"

namespace closeplan {
inline namespace v0 {

namespace {

// The plan's state when it and the options can be worked on; else nullptr with every reason in `diags`.
const plan::state* checked(const plan& input, const handoff_options& options, std::vector<diagnostic>& diags) {
    const auto* s = api::usable_state(input, diags);
    diagnostic_sink found;
    api::check_handoff_options(options, s ? &*s->validated : nullptr,
                               api::access::state_of(input) ? input.name() : std::string(), found);
    diags.insert(diags.end(), found.all().begin(), found.all().end());
    return found.has_errors() ? nullptr : s;
}

// Runs `make` (which reports into a sink and may throw for the environment) and appends what it reported.
template <class Make>
auto reported(std::vector<diagnostic>& diags, Make&& make) -> decltype(make(std::declval<diagnostic_sink&>())) {
    diagnostic_sink sink;
    decltype(make(sink)) made{};
    try {
        made = make(sink);
    } catch (const closeplan::error& e) {
        sink.report(e.diag());
    }
    diags.insert(diags.end(), sink.all().begin(), sink.all().end());
    return made;
}

}  // namespace

bool handoff_result::ok() const { return api::no_errors(diagnostics); }
bool calendar_result::ok() const { return api::no_errors(diagnostics); }
bool plan_json_result::ok() const { return api::no_errors(diagnostics); }

handoff_result make_handoff(const plan& input, const handoff_options& options) {
    handoff_result result;
    const auto* s = checked(input, options, result.diagnostics);
    if (!s) return result;
    auto files = reported(result.diagnostics, [&](diagnostic_sink& diags) {
        return handoff::build_pack(*s->validated, api::request_with(*s, options), {options.layout_dump}, diags);
    });
    if (!result.ok()) return result;
    for (auto& f : files) result.files.push_back({std::move(f.name), std::move(f.bytes)});
    return result;
}

calendar_result make_calendar(const plan& input, const handoff_options& options, const std::string& for_person) {
    calendar_result result;
    const auto* s = checked(input, options, result.diagnostics);
    if (!s) return result;
    result.ics = reported(result.diagnostics, [&](diagnostic_sink& diags) {
        return handoff::build_calendar(*s->validated, api::request_with(*s, options), for_person, diags);
    });
    if (!result.ok()) result.ics.reset();
    return result;
}

plan_json_result make_plan_json(const plan& input, const handoff_options& options) {
    plan_json_result result;
    const auto* s = checked(input, options, result.diagnostics);
    if (!s) return result;
    result.json = handoff::build_plan_json(*s->validated, api::request_with(*s, options));
    return result;
}

}  // namespace v0
}  // namespace closeplan

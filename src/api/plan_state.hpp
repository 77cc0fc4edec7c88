// SPDX-License-Identifier: MIT
// What a closeplan::plan holds behind its public header: the prepared plan.
// It is read, validated, its value map merged and its locale set once, at
// load; render, handoff, ics, plan.json, health and diff all take this
// model and never read the plan's text or value map again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "closeplan/plan.hpp"
#include "model/plan.hpp"
#include "pipeline/pipeline.hpp"

namespace closeplan {
inline namespace v0 {

struct plan::state {
    std::string name;
    pipeline::plan_source source;          ///< where the plan came from (its folder resolves logos)
    load_options options;
    std::vector<diagnostic> diagnostics;   ///< the load's, reported once: by plan::diagnostics() and each result
    std::optional<model::plan> validated;  ///< set when valid; field places kept for the health review
};

namespace api {

/// The library's way into a plan's state (a friend of closeplan::plan).
struct access {
    /// The state, or nullptr for a moved-from plan.
    static const plan::state* state_of(const plan& p) { return p.state_.get(); }
    static plan make(std::shared_ptr<const plan::state> s) { return plan(std::move(s)); }
};

/// The pipeline request for a loaded plan, before any option of a call is applied.
pipeline::render_request request_for(const plan::state& s);

/// The plan's state when it can be worked on; otherwise nullptr, with why in
/// `diags`: A107 for a moved-from plan, else the plan's own errors.
const plan::state* usable_state(const plan& p, std::vector<diagnostic>& diags);

/// True when no diagnostic is an error.
bool no_errors(const std::vector<diagnostic>& diags);

}  // namespace api
}  // namespace v0
}  // namespace closeplan

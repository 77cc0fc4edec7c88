// SPDX-License-Identifier: MIT
// What a closeplan::plan holds behind its public header: the source text, the
// load options and the validated model, so render_plan() never reads the file again.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "closeplan/plan.hpp"
#include "model/plan.hpp"
#include "pipeline/pipeline.hpp"

namespace closeplan {

struct plan::state {
    std::string name;
    pipeline::plan_source source;       ///< text always set once the file was read
    load_options options;
    std::vector<diagnostic> diagnostics;
    std::optional<model::plan> validated;  ///< set when valid
};

namespace api {

/// The pipeline request for a loaded plan, before any render option is applied.
pipeline::render_request request_for(const plan::state& s);

}  // namespace api
}  // namespace closeplan

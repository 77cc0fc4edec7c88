// SPDX-License-Identifier: MIT
// What the PDF benches start from: a plan loaded, analysed and given its labels,
// as the pipeline does it before building a document (one loader for every bench).
#pragma once

#include "analyze/analysis.hpp"
#include "model/plan.hpp"
#include "pipeline/pipeline.hpp"
#include "view/build_document.hpp"  // view::labels

namespace closeplan::bench {

struct loaded_plan {
    model::plan plan;
    analyze::analysis facts;
    view::labels words;
};

/// The plan `request` names (its path, or its text when set), analysed at its as_of
/// (else request.today), with the labels of its locale. A plan that does not load
/// ends the bench: `bench` names it in the message.
loaded_plan load_plan_or_exit(const pipeline::render_request& request, const char* bench);

}  // namespace closeplan::bench

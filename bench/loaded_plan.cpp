// SPDX-License-Identifier: MIT
#include "loaded_plan.hpp"

#include <cstdio>
#include <cstdlib>

#include "render/template_set.hpp"

namespace closeplan::bench {

loaded_plan load_plan_or_exit(const pipeline::render_request& request, const char* bench) {
    diagnostic_sink diags;
    auto plan = pipeline::load_plan(request, diags);
    if (!plan) {
        std::fprintf(stderr, "%s: the plan %s does not load\n", bench,
                     request.plan.path.empty() ? "(text)" : request.plan.path.c_str());
        std::exit(1);
    }
    auto facts = analyze::analyze_plan(*plan, plan->as_of ? *plan->as_of : request.today);
    auto words = render::template_set{}.load_labels(plan->locale, diags);
    return {std::move(*plan), std::move(facts), std::move(words)};
}

}  // namespace closeplan::bench

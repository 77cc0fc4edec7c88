// SPDX-License-Identifier: MIT
// A health config (`closeplan check --config`): health::parse_config reads it
// from memory (the same code load_config runs after reading the file), then
// the review of a plan that trips many rules (tests/cli/fixtures/warnings.yaml)
// runs with it, and the report is written as text and JSON.
#include "analyze/analysis.hpp"
#include "fuzz_support.hpp"
#include "health/health.hpp"
#include "health/report_output.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace closeplan;
    static const auto plan = [] {
        pipeline::render_request request;
        request.plan.path = "warnings.yaml";
        request.plan.text = fuzz::source_file("tests/cli/fixtures/warnings.yaml");
        request.today = fuzz::fuzz_today();
        diagnostic_sink diags;
        auto loaded = pipeline::load_plan(request, diags);
        if (!loaded) fuzz::finding("tests/cli/fixtures/warnings.yaml no longer validates");
        return *loaded;
    }();
    diagnostic_sink diags;
    const auto settings = health::parse_config({reinterpret_cast<const char*>(data), size}, "closeplan-health.yaml", diags);
    if (!settings) {
        if (!diags.has_errors()) fuzz::finding("parse_config: no config and no error");
        return 0;
    }
    const auto facts = analyze::analyze_plan(plan, plan.as_of ? *plan.as_of : fuzz::fuzz_today());
    const auto review = health::review(plan, facts, *settings);
    (void)health::format_findings(review);
    (void)health::format_score(review, "warnings.yaml");
    (void)health::to_json(review, "warnings.yaml");
    return 0;
}

// SPDX-License-Identifier: MIT
// Loads a plan file the way `closeplan check` does and reviews it.
#pragma once

#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "analyze/analysis.hpp"
#include "health/health.hpp"
#include "pipeline/pipeline.hpp"

namespace closeplan::health::testing {

inline std::string source_path(const std::string& relative) {
    return (std::filesystem::path(CLOSEPLAN_SOURCE_DIR) / relative).string();
}

inline std::optional<model::plan> load(const std::string& path) {
    pipeline::render_request request;
    request.plan.path = path;
    diagnostic_sink diags;
    auto plan = pipeline::load_plan(request, diags);
    EXPECT_TRUE(plan.has_value()) << path << ": " << (diags.all().empty() ? "" : format_diagnostic(diags.all().front()));
    return plan;
}

inline report review_file(const std::string& path, const config& settings = {}) {
    const auto plan = load(path);
    if (!plan) return {};
    return review(*plan, analyze::analyze_plan(*plan, *plan->as_of), settings);
}

inline std::set<std::string> rule_ids(const report& result) {
    std::set<std::string> ids;
    for (const auto& f : result.findings) ids.insert(f.rule_id);
    return ids;
}

}  // namespace closeplan::health::testing

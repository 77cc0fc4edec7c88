// SPDX-License-Identifier: MIT
/// @file
/// The closeplan library in one include: load a Mutual Action Plan, check
/// it, and make in memory what the command makes: the buyer plan (HTML,
/// Markdown, PDF, DOCX), the handoff pack, the calendar, plan.json, the health
/// report, the diff of two versions and a plan scheduled from a playbook
/// (docs/api.md). Each header states its thread-safety.
///
/// Example (CMake: `find_package(closeplan REQUIRED)` and link `closeplan::closeplan`;
/// or `pkg-config --cflags --libs --static closeplan`):
/// ```cpp
/// #include <closeplan/closeplan.hpp>
/// #include <iostream>
///
/// int main() {
///     auto plan = closeplan::plan::from_file("plan.yaml");
///     auto result = closeplan::render_plan(plan, {.formats = {"md"}, .fragment = true});
///     for (const auto& d : result.diagnostics) std::cerr << closeplan::format_diagnostic(d) << '\n';
///     if (!result.ok()) return 1;
///     std::cout << result.outputs[0].bytes;
/// }
/// ```
#pragma once

#include "closeplan/diagnostics.hpp"
#include "closeplan/diff.hpp"
#include "closeplan/handoff.hpp"
#include "closeplan/health.hpp"
#include "closeplan/options.hpp"
#include "closeplan/plan.hpp"
#include "closeplan/render.hpp"
#include "closeplan/schedule.hpp"
#include "closeplan/version.hpp"

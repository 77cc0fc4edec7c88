// SPDX-License-Identifier: MIT
/// @file
/// The closeplan library in one include: load a Mutual Action Plan, check
/// it, and make in memory what the command makes: the buyer plan (HTML,
/// Markdown, PDF, DOCX), the handoff pack, the calendar, plan.json, the health
/// report, the diff of two versions and a plan scheduled from a playbook
/// (docs/api.md). Each header states its thread-safety.
///
/// The headers compile as C++17 or later (the library itself is built as
/// C++20), so `g++ main.cpp $(pkg-config --cflags --libs closeplan)` builds a
/// program with g++'s default standard.
///
/// Example (CMake: `find_package(closeplan REQUIRED)` and link `closeplan::closeplan`;
/// or `pkg-config --cflags --libs closeplan`):
/// ```cpp
/// #include <closeplan/closeplan.hpp>
/// #include <iostream>
///
/// int main() {
///     auto plan = closeplan::plan::from_file("plan.yaml");
///     closeplan::render_options options;
///     options.formats = {closeplan::format::md};
///     options.fragment = true;  // in C++20: render_plan(plan, {.formats = {"md"}, .fragment = true})
///     auto result = closeplan::render_plan(plan, options);
///     for (const auto& d : result.diagnostics) std::cerr << closeplan::format_diagnostic(d) << '\n';
///     if (!result.ok()) return 1;
///     std::cout << result.outputs[0].bytes;
/// }
/// ```
#pragma once

#include "closeplan/date.hpp"
#include "closeplan/diagnostics.hpp"
#include "closeplan/diff.hpp"
#include "closeplan/handoff.hpp"
#include "closeplan/health.hpp"
#include "closeplan/options.hpp"
#include "closeplan/plan.hpp"
#include "closeplan/render.hpp"
#include "closeplan/schedule.hpp"
#include "closeplan/version.hpp"

// SPDX-License-Identifier: MIT
/// @file
/// What changed between two versions of a plan, as `closeplan diff OLD NEW`
/// gives it: steps added, removed, re-owned, re-dated (silent rolls flagged,
/// H834/H835) and status changes; as text, JSON (docs/schemas/diff.schema.json)
/// or for people in the plan's language (Markdown, HTML).
///
/// Example:
/// ```cpp
/// auto before = closeplan::plan::from_file("plan-v1.yaml");
/// auto after = closeplan::plan::from_file("plan-v2.yaml");
/// closeplan::diff_options options;
/// options.format = closeplan::diff_format::md;
/// auto changes = closeplan::diff_plans(before, after, options);
/// if (changes.ok()) std::cout << changes.output;  // paste to the buyer
/// ```
///
/// Thread-safety: diff_plans() may run at once on any threads.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "closeplan/plan.hpp"

namespace closeplan {
inline namespace v0 {

/// How a diff is written (`closeplan diff -f`).
enum class diff_format {
    text,  ///< for a terminal
    json,  ///< for pipelines
    md,    ///< for people: the plan's language, without ids unless verbose
    html,  ///< for people, as an HTML piece
};

struct diff_options {
    diff_format format = diff_format::text;
    /// md and html: a folder whose diff.md.mustache, diff.html.mustache or labels replace the built-in ones.
    std::string template_dir = {};
    /// md and html: show step ids and file names.
    bool verbose = false;
};

struct diff_result {
    /// The diff in the format asked for; empty when not ok().
    std::string output;
    /// How many changes to steps were found (a step changed in two ways counts twice).
    std::size_t change_count = 0;
    /// Both plans' own problems, silent rolls (H834, H835 warnings) and template errors.
    std::vector<diagnostic> diagnostics;
    [[nodiscard]] bool ok() const;  ///< no error diagnostic
};

/// Compares two loaded versions of one plan, steps matched by id. Never throws.
diff_result diff_plans(const plan& before, const plan& after, const diff_options& options = {});

}  // namespace v0
}  // namespace closeplan

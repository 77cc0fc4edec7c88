// SPDX-License-Identifier: MIT
// A health report as text (located like diagnostics) and as JSON
// (docs/schemas/health.schema.json). Pure functions: the CLI prints them.
#pragma once

#include <string>

#include "health/health.hpp"

namespace closeplan::health {

/// `plan.yaml:14:5: warning[H812 step-at-risk]: MESSAGE (at /milestones/4/due)`,
/// then, when `explain`, `  why: ...` and `  fix: ...`. No trailing newline.
std::string format_finding(const finding& item, bool explain = true);

/// Every finding, one block each; why and fix only at the first finding of
/// each rule, so five slips do not repeat the same advice five times.
/// `errors_only` leaves out warnings and notes (`--quiet`).
std::string format_findings(const report& result, bool errors_only = false);

/// `plan.yaml: health 62/100 (1 error, 3 warnings, 1 note)`, then a line with
/// slips and overdue steps by side when there are any. No trailing newline.
std::string format_score(const report& result, const std::string& file);

/// The whole report as one JSON document (two-space indent, trailing newline).
std::string to_json(const report& result, const std::string& file);

}  // namespace closeplan::health

// SPDX-License-Identifier: MIT
// The exit codes of the closeplan command: the one table (also in README.md and docs/cli.md).
#pragma once

namespace closeplan::cli {

enum class exit_code : int {
    success = 0,         ///< done; warnings allowed unless --strict
    usage = 2,           ///< bad flag, unknown format, missing argument
    warnings = 3,        ///< only warnings, and --strict was given
    invalid_input = 4,   ///< the plan (or value map) has errors: L1xx, V2xx, R3xx
    template_error = 5,  ///< a template, labels or style file is broken: T4xx
    output_error = 6,    ///< output could not be written: O5xx
    batch_failed = 7,    ///< batch finished, one or more rows failed (reserved for `batch`)
    health_findings = 8, ///< `check`: health findings at or above `--fail-on` (H8xx)
    internal = 70,       ///< a bug in closeplan; please report it
};

}  // namespace closeplan::cli

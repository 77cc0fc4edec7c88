// SPDX-License-Identifier: MIT
// The one table of diagnostic codes: every code closeplan reports, its
// severity, the exit code an error with it leads to, what it means and where
// docs explain it. Everything else reads this table: the command's exit code
// (cli/terminal.cpp), and the tests that check every code used in src/ and
// every row of docs/diagnostics.md against it (tests/unit/support/).
#pragma once

#include <span>
#include <string_view>

namespace closeplan {

/// The exit code an error with a code leads to (the numbers of
/// cli/exit_codes.hpp and docs/cli.md, "Exit codes").
enum class exit_class : int {
    usage = 2,           ///< an option the caller gave (the library's A1xx; the command's bad flags, which have no code)
    invalid_input = 4,   ///< the plan, value map, playbook, export, mapping or a config file
    template_error = 5,  ///< a template, labels or style file
    output_error = 6,    ///< output could not be made or written
    batch_row = 7,       ///< one row of a CRM export: the batch goes on, and exits 7
    health = 8,          ///< a health finding (`check --fail-on`)
    internal = 70,       ///< a bug in closeplan
};

/// How a code is reported (its default, for health rules a config can change).
enum class code_severity { error, warning, note, error_or_warning };

struct code_info {
    std::string_view code;     ///< "V203"
    code_severity severity;
    exit_class exit;
    std::string_view summary;  ///< one line: what it means
    std::string_view anchor;   ///< where docs explain it: "diagnostics.md#V203", "health.md#h801-seller-heavy"
};

/// Every code, in code order, each once.
std::span<const code_info> diagnostic_codes();

/// The row of `code`, or nullptr for a code the table lacks (a bug: the tests scan src/ for such codes).
const code_info* find_code_info(std::string_view code);

}  // namespace closeplan

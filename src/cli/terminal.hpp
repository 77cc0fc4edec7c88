// SPDX-License-Identifier: MIT
// Printing diagnostics and choosing the exit code they lead to.
#pragma once

#include <iosfwd>
#include <string>
#include <string_view>

#include "cli/exit_codes.hpp"
#include "closeplan/diagnostics.hpp"

namespace closeplan::cli {

/// Prints every diagnostic to `out`, one block each, errors and warnings in report order.
void print_diagnostics(const diagnostic_sink& diags, std::ostream& out);

/// The exit code an error with this diagnostic's code leads to, from the one
/// table of codes (support/diagnostic_codes.hpp); 70 for a code it lacks.
exit_code exit_code_of(const diagnostic& d);

/// The exit code a set of diagnostics leads to: the first error's (exit_code_of),
/// else 3 for warnings under --strict, else 0.
exit_code exit_code_for(const diagnostic_sink& diags, bool strict);

/// "1 milestone", "3 milestones".
std::string counted(std::size_t n, std::string_view noun);

/// "2 errors, 1 warning" (with the right plurals).
std::string count_summary(const diagnostic_sink& diags);

}  // namespace closeplan::cli

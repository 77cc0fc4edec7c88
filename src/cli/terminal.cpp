// SPDX-License-Identifier: MIT
// Printing diagnostics and choosing the exit code they lead to.
#include "cli/terminal.hpp"

#include <ostream>
#include <string>

#include "support/diagnostic_codes.hpp"

namespace closeplan::cli {

void print_diagnostics(const diagnostic_sink& diags, std::ostream& out) {
    for (const auto& d : diags.all()) out << format_diagnostic(d) << '\n';
}

// The table's exit classes are the command's exit codes, number for number.
static_assert(static_cast<int>(exit_class::invalid_input) == static_cast<int>(exit_code::invalid_input));
static_assert(static_cast<int>(exit_class::template_error) == static_cast<int>(exit_code::template_error));
static_assert(static_cast<int>(exit_class::output_error) == static_cast<int>(exit_code::output_error));
static_assert(static_cast<int>(exit_class::batch_row) == static_cast<int>(exit_code::batch_failed));
static_assert(static_cast<int>(exit_class::health) == static_cast<int>(exit_code::health_findings));
static_assert(static_cast<int>(exit_class::internal) == static_cast<int>(exit_code::internal));

exit_code exit_code_of(const diagnostic& d) {
    const auto* info = find_code_info(d.code);
    // A code the table lacks is a bug (tests/unit/support/ scans src/ for them).
    return info ? static_cast<exit_code>(static_cast<int>(info->exit)) : exit_code::internal;
}

exit_code exit_code_for(const diagnostic_sink& diags, bool strict) {
    for (const auto& d : diags.all())
        if (d.level == severity::error) return exit_code_of(d);
    if (strict && diags.warning_count() > 0) return exit_code::warnings;
    return exit_code::success;
}

std::string counted(std::size_t n, std::string_view noun) {
    return std::to_string(n) + ' ' + std::string(noun) + (n == 1 ? "" : "s");
}

std::string count_summary(const diagnostic_sink& diags) {
    return counted(diags.error_count(), "error") + ", " + counted(diags.warning_count(), "warning");
}

}  // namespace closeplan::cli

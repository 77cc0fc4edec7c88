// SPDX-License-Identifier: MIT
// Printing diagnostics and choosing the exit code they lead to.
#include "cli/terminal.hpp"

#include <ostream>
#include <string>

namespace closeplan::cli {

void print_diagnostics(const diagnostic_sink& diags, std::ostream& out) {
    for (const auto& d : diags.all()) out << format_diagnostic(d) << '\n';
}

exit_code exit_code_for(const diagnostic_sink& diags, bool strict) {
    for (const auto& d : diags.all()) {
        if (d.level != severity::error) continue;
        switch (d.code.empty() ? 'X' : d.code.front()) {
            case 'L':
            case 'V':
            case 'R':
            case 'P':  // playbooks and holiday files
            case 'B':  // CRM exports and mapping files
            case 'H':  // health config files
            case 'C': return exit_code::invalid_input;  // handoff and calendar input
            case 'T': return exit_code::template_error;
            case 'O': return exit_code::output_error;
            default: return exit_code::internal;
        }
    }
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

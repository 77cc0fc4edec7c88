// SPDX-License-Identifier: MIT
// The CLI's own help, written out for packaging: the man page closeplan(1)
// and the bash, zsh and fish completions. All four are read from the same
// CLI::App the parser uses (the registered commands and their flags), so a
// new command or flag reaches them without editing anything here; the build
// runs `closeplan --help-man` and `closeplan --completion SHELL`
// (cmake/help_files.cmake) and installs what they print.
#pragma once

#include <CLI/CLI.hpp>

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

namespace closeplan::cli {

/// The man page in roff (man(7) macros): name, synopsis, each command with
/// its arguments and flags, and `exit_codes` (the "Exit codes:" text of
/// --help, one "  N   meaning" line per code) as EXIT STATUS.
void write_man_page(CLI::App& app, std::string_view version, std::string_view exit_codes, std::ostream& out);

enum class shell { bash, zsh, fish };
/// "bash", "zsh" or "fish".
std::optional<shell> parse_shell(std::string_view name);
/// The completion script for `which`, in the file each shell's Debian package
/// loads on demand (bash-completion, zsh's vendor-completions, fish's vendor_completions.d).
void write_completion(CLI::App& app, shell which, std::ostream& out);

}  // namespace closeplan::cli

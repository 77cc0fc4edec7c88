// SPDX-License-Identifier: MIT
// Subcommands register themselves here, so adding a command is adding one
// cmd_<name>.cpp file: main.cpp never lists them.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

#include "cli/exit_codes.hpp"

namespace closeplan::cli {

/// One subcommand. `setup` adds it and its flags to the application (keeping
/// the parsed values in the command's own state) and returns it; `run` does
/// the work once the command line has been parsed.
struct command_spec {
    int order = 0;  ///< position in --help and in "unknown command" messages
    CLI::App* (*setup)(CLI::App& app) = nullptr;
    exit_code (*run)() = nullptr;
    /// `run` prints the flag values' problems (option_checks.hpp) with its
    /// own through no_usage_problems before it reads anything; otherwise
    /// main prints them and stops before `run`.
    bool gathers_usage_problems = false;
};

/// Declare one at namespace scope in the command's own file:
///   const register_command registered{{20, setup, run}};
/// or {{20, setup, run, true}} when `run` calls no_usage_problems first.
struct register_command {
    explicit register_command(command_spec spec);
};

/// Every registered command, in `order`.
std::vector<command_spec> registered_commands();

}  // namespace closeplan::cli

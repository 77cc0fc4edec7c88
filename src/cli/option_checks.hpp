// SPDX-License-Identifier: MIT
// Checks of flag values that do not stop CLI11's parse at the first bad one.
//
// CLI11 throws at the first failing check, so `--paper a5 --fit squeeze`
// would name only --paper. These checks note the problem instead, hand CLI11
// an accepted stand-in so parsing goes on, and the command prints every noted
// problem together with its own (no_usage_problems) before reading anything;
// a command that has none of its own stops before running (main.cpp).
#pragma once

#include <CLI/CLI.hpp>

#include <functional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace closeplan::cli {

/// The option's value must be one of `names`. Help, the man page and the
/// completions still see the choices ("TEXT:{letter,a4}").
CLI::Option* one_of(CLI::Option* option, std::span<const std::string_view> names);
CLI::Option* one_of(CLI::Option* option, std::vector<std::string> names);

/// The option's value must be a whole number from `low` to `high`.
CLI::Option* in_range(CLI::Option* option, int low, int high);

/// The option's value is checked by `problem(name, value)`, which returns the
/// whole line ("--paper must be ...") or nothing when the value is fine; a bad
/// value is replaced by `stand_in` (when not empty) so CLI11's conversion of it
/// goes on. `description` is what --help shows after the type.
using value_problem = std::function<std::string(const std::string& name, const std::string& value)>;
CLI::Option* checked(CLI::Option* option, value_problem problem, std::string stand_in, std::string description = {});

/// The problems noted so far (one line each, printed after "closeplan: "),
/// in the order CLI11 checked the options; the list is emptied.
std::vector<std::string> take_option_problems();
/// Whether any problem is noted and not yet taken.
bool option_problems_pending();

}  // namespace closeplan::cli

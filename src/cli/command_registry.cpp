// SPDX-License-Identifier: MIT
#include "cli/command_registry.hpp"

#include <algorithm>

namespace closeplan::cli {

namespace {

// A function-local static: registrations run during static initialisation of
// other files, whose order relative to this one is unspecified.
std::vector<command_spec>& registry() {
    static std::vector<command_spec> commands;
    return commands;
}

}  // namespace

register_command::register_command(command_spec spec) { registry().push_back(spec); }

std::vector<command_spec> registered_commands() {
    auto commands = registry();
    std::stable_sort(commands.begin(), commands.end(),
                     [](const command_spec& a, const command_spec& b) { return a.order < b.order; });
    return commands;
}

}  // namespace closeplan::cli

// SPDX-License-Identifier: MIT
#include "cli/option_checks.hpp"

#include <algorithm>
#include <charconv>

namespace closeplan::cli {

namespace {

// One list per process: the command line is parsed once.
std::vector<std::string>& noted() {
    static std::vector<std::string> problems;
    return problems;
}

std::string choices_text(const std::vector<std::string>& names) {
    if (names.size() == 2) return names[0] + " or " + names[1];
    std::string out = "one of ";
    for (std::size_t i = 0; i < names.size(); ++i) out += (i ? ", " : "") + names[i];
    return out;
}

}  // namespace

CLI::Option* checked(CLI::Option* option, value_problem problem, std::string stand_in, std::string description) {
    const std::string name = option->get_name();
    CLI::Validator check(
        [name, problem = std::move(problem), stand_in = std::move(stand_in)](std::string& value) {
            if (auto line = problem(name, value); !line.empty()) {
                noted().push_back(std::move(line));
                if (!stand_in.empty()) value = stand_in;
            }
            return std::string();
        },
        std::move(description));
    // transform, not check: CLI11 makes a check non-modifying, and the stand-in must replace the value.
    return option->transform(std::move(check));
}

CLI::Option* one_of(CLI::Option* option, std::vector<std::string> names) {
    // CLI11's IsMember describes itself as "{a,b}"; help_exports reads the choices from that.
    std::string description = "{";
    for (std::size_t i = 0; i < names.size(); ++i) description += (i ? "," : "") + names[i];
    description += "}";
    const std::string stand_in = names.front();
    return checked(
        option,
        [names = std::move(names)](const std::string& name, const std::string& value) {
            if (std::find(names.begin(), names.end(), value) != names.end()) return std::string();
            return name + " must be " + choices_text(names) + ", not `" + value + "`";
        },
        stand_in, description);
}

CLI::Option* one_of(CLI::Option* option, std::span<const std::string_view> names) {
    return one_of(option, std::vector<std::string>(names.begin(), names.end()));
}

CLI::Option* in_range(CLI::Option* option, int low, int high) {
    return checked(
        option,
        [low, high](const std::string& name, const std::string& value) {
            int number = 0;
            const auto* end = value.data() + value.size();
            const auto [stop, error] = std::from_chars(value.data(), end, number);
            if (error == std::errc() && stop == end && number >= low && number <= high) return std::string();
            return name + " must be a whole number from " + std::to_string(low) + " to " + std::to_string(high) + ", not `" +
                   value + "`";
        },
        std::to_string(low), CLI::Range(low, high).get_description());
}

std::vector<std::string> take_option_problems() {
    auto problems = std::move(noted());
    noted().clear();
    return problems;
}

bool option_problems_pending() { return !noted().empty(); }

}  // namespace closeplan::cli

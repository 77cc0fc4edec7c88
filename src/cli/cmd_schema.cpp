// SPDX-License-Identifier: MIT
// `closeplan schema [plan|value-map]`: prints the JSON Schema of an input
// file for editors (VS Code's YAML extension and others), generated from the
// validator's field table (src/validate/plan_schema.cpp).
#include <iostream>

#include "cli/command_registry.hpp"
#include "cli/option_checks.hpp"
#include "cli/output_files.hpp"
#include "validate/plan_schema.hpp"

namespace closeplan::cli {

namespace {

struct schema_flags {
    std::string kind = "plan";
    std::string output = "-";
};

schema_flags& flags() {
    static schema_flags parsed;
    return parsed;
}

CLI::App* setup_schema(CLI::App& app) {
    auto& f = flags();
    auto* command = app.add_subcommand("schema", "Print the JSON Schema of plan files (or value map files) for editors");
    std::vector<std::string> names;
    for (const auto& file : validate::schema_files()) names.emplace_back(file.name);
    one_of(command->add_option("kind", f.kind, "Which file: plan or value-map"), names)->capture_default_str();
    command->add_option("-o,--output", f.output, "File to write (temp file + rename); - writes standard output")
        ->capture_default_str();
    return command;
}

exit_code run_schema() {
    const auto& f = flags();
    const auto text = validate::schema_json(f.kind);
    if (f.output == "-") {
        std::cout << text;
        std::cout.flush();
    } else {
        write_output_file(f.output, text);
    }
    return exit_code::success;
}

const register_command registered{{60, setup_schema, run_schema}};

}  // namespace

}  // namespace closeplan::cli

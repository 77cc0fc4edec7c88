// SPDX-License-Identifier: MIT
// The closeplan command: parse arguments, run one subcommand, map the outcome to an exit code.
#include <CLI/CLI.hpp>

#include <exception>
#include <string>
#include <string_view>
#include <vector>
#include <iostream>

#include "cli/command_registry.hpp"
#include "cli/commands.hpp"
#include "cli/exit_codes.hpp"
#include "cli/help_exports.hpp"
#include "cli/terminal.hpp"
#include "closeplan/diagnostics.hpp"

namespace {

constexpr const char* exit_code_help = R"(Exit codes:
  0   success (warnings allowed unless --strict)
  2   usage error: bad flag, unknown format, missing argument
  3   only warnings, and --strict was given
  4   invalid input: the plan or value map has errors (L1xx, V2xx, R3xx)
  5   template error: a template, labels or style file is broken (T4xx)
  6   output error: a file could not be written (O5xx)
  7   batch finished with failed rows (batch only)
  8   health findings at or above check --fail-on (H8xx)
  70  internal error: a bug in closeplan; please report it)";

int run(int argc, char** argv) {
    using namespace closeplan::cli;
    CLI::App app{"closeplan turns mutual action plan files into documents buyers read."};
    app.footer(exit_code_help);
    app.set_version_flag("--version", std::string("closeplan ") + CLOSEPLAN_VERSION);
    app.require_subcommand(1);

    const auto commands = registered_commands();
    std::vector<CLI::App*> installed;
    std::string command_names;
    for (const auto& command : commands) {
        installed.push_back(command.setup(app));
        command_names += (command_names.empty() ? "" : ", ") + installed.back()->get_name();
    }
    // For packaging (cmake/help_files.cmake): the man page and the shell
    // completions, read from the commands set up above. Not in --help.
    if (argc >= 2 && (std::string_view(argv[1]) == "--help-man" || std::string_view(argv[1]) == "--completion")) {
        if (argc == 2 && std::string_view(argv[1]) == "--help-man") {
            write_man_page(app, CLOSEPLAN_VERSION, exit_code_help, std::cout);
            return 0;
        }
        if (argc == 3 && std::string_view(argv[1]) == "--completion") {
            if (const auto which = parse_shell(argv[2])) {
                write_completion(app, *which, std::cout);
                return 0;
            }
        }
        std::cerr << "closeplan: usage: closeplan --help-man, or closeplan --completion bash|zsh|fish\n";
        return static_cast<int>(exit_code::usage);
    }
    bool fail_internally = false;
    // Hidden: lets the test suite prove that a bug maps to exit code 70.
    app.add_flag("--internal-error-for-testing", fail_internally)->group("");

    // CLI11 would say "A subcommand is required" for a misspelt command; say what is wrong.
    const auto known = [&](std::string_view name) {
        for (const auto* command : app.get_subcommands({}))
            if (command->get_name() == name) return true;
        return false;
    };
    if (argc > 1 && argv[1][0] != '-' && !known(argv[1])) {
        std::cerr << "closeplan: unknown command `" << argv[1] << "`; commands: " << command_names << "\n"
                  << "Run with --help for more information.\n";
        return static_cast<int>(exit_code::usage);
    }
    app.failure_message([](const CLI::App*, const CLI::Error& e) {
        return std::string("closeplan: ") + e.what() + "\nRun with --help for more information.\n";
    });
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        const int code = app.exit(e);
        return code == 0 ? 0 : static_cast<int>(exit_code::usage);
    }
    if (fail_internally) throw std::logic_error("internal error requested by --internal-error-for-testing");
    for (std::size_t i = 0; i < commands.size(); ++i) {
        if (!installed[i]->parsed()) continue;
        // Bad flag values were noted, not thrown (option_checks.hpp), so all of them are named.
        if (!commands[i].gathers_usage_problems && !no_usage_problems({})) return static_cast<int>(exit_code::usage);
        return static_cast<int>(commands[i].run());
    }
    return static_cast<int>(exit_code::usage);
}

}  // namespace

int main(int argc, char** argv) {
    using closeplan::cli::exit_code;
    try {
        return run(argc, argv);
    } catch (const closeplan::error& e) {
        std::cerr << closeplan::format_diagnostic(e.diag()) << '\n';
        return static_cast<int>(closeplan::cli::exit_code_of(e.diag()));
    } catch (const std::exception& e) {
        std::cerr << "closeplan: internal error: " << e.what()
                  << "\n  hint: this is a bug in closeplan; please report it with the input that caused it\n";
        return static_cast<int>(exit_code::internal);
    }
}

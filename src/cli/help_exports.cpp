// SPDX-License-Identifier: MIT
#include "cli/help_exports.hpp"

#include <cctype>
#include <sstream>
#include <vector>

namespace closeplan::cli {

namespace {

// What the four outputs need of the parser's tables, read once.
struct flag_model {
    std::vector<std::string> names;  ///< "-f", "--format": short ones first, as --help lists them
    bool takes_value = false;
    bool repeatable = false;
    std::vector<std::string> choices;  ///< from a CLI::IsMember check: "{letter,a4}"
    std::string value_name;            ///< "format": the first long name, for the man page
    std::string description;
    std::string default_value;
};

struct positional_model {
    std::string name;
    std::string description;
    bool required = false;
    bool many = false;
};

struct command_model {
    std::string name;
    std::string description;
    std::vector<flag_model> flags;
    std::vector<positional_model> positionals;
};

// CLI11 writes a set check's values into the type name: "TEXT:{letter,a4}".
std::vector<std::string> choices_of(const CLI::Option& option) {
    const auto type = option.get_type_name();
    const auto open = type.find(":{");
    const auto close = type.find('}', open == std::string::npos ? 0 : open);
    std::vector<std::string> out;
    if (open == std::string::npos || close == std::string::npos) return out;
    std::stringstream values(type.substr(open + 2, close - open - 2));
    for (std::string value; std::getline(values, value, ',');)
        if (!value.empty()) out.push_back(value);
    return out;
}

// Options in the group "" are hidden from --help; they stay out of the man page and completions too.
bool visible(const CLI::Option& option) { return !option.get_group().empty(); }

flag_model flag_of(const CLI::Option& option) {
    flag_model flag;
    for (const auto& name : option.get_snames()) flag.names.push_back("-" + name);
    for (const auto& name : option.get_lnames()) flag.names.push_back("--" + name);
    // A flag (add_flag, --help) expects no value; a vector option any number of them.
    flag.takes_value = option.get_expected_max() > 0;
    flag.repeatable = option.get_expected_max() > 1;
    flag.choices = choices_of(option);
    flag.value_name = option.get_lnames().empty() ? "value" : option.get_lnames().front();
    flag.description = option.get_description();
    flag.default_value = option.get_default_str();
    return flag;
}

std::vector<flag_model> flags_of(CLI::App& app) {
    std::vector<flag_model> flags;
    for (const auto* option : app.get_options())
        if (visible(*option) && option->nonpositional()) flags.push_back(flag_of(*option));
    return flags;
}

std::vector<command_model> commands_of(CLI::App& app) {
    std::vector<command_model> commands;
    for (auto* sub : app.get_subcommands({})) {
        if (sub->get_group().empty()) continue;
        command_model command{sub->get_name(), sub->get_description(), flags_of(*sub), {}};
        for (const auto* option : sub->get_options())
            if (visible(*option) && option->get_positional())
                command.positionals.push_back({option->get_name(true), option->get_description(), option->get_required(),
                                               option->get_expected_max() > 1});
        commands.push_back(std::move(command));
    }
    return commands;
}

// ---- man page --------------------------------------------------------------

// Text for roff: backslashes doubled as \e, a control character at a line's
// start neutralised, and every hyphen a minus (option names are typed as
// ASCII hyphen-minus, and the page's prose loses nothing by it).
std::string roff(std::string_view text) {
    std::string out;
    bool line_start = true;
    for (const char c : text) {
        if (line_start && (c == '.' || c == '\'')) out += "\\&";
        if (c == '\\') out += "\\e";
        else if (c == '-') out += "\\-";
        else out += c;
        line_start = c == '\n';
    }
    return out;
}

std::string man_flag_line(const flag_model& flag) {
    std::string line;
    for (std::size_t i = 0; i < flag.names.size(); ++i) {
        if (i > 0) line += ", ";
        line += "\\fB" + roff(flag.names[i]) + "\\fR";
    }
    if (flag.takes_value) {
        if (!flag.choices.empty()) {
            line += " {";
            for (std::size_t i = 0; i < flag.choices.size(); ++i) line += (i ? "|" : "") + roff(flag.choices[i]);
            line += "}";
        } else {
            line += " \\fI" + roff(flag.value_name) + "\\fR";
        }
    }
    return line;
}

std::string man_flag_text(const flag_model& flag) {
    std::string text = flag.description;
    if (!flag.default_value.empty()) text += " (default: " + flag.default_value + ")";
    if (flag.repeatable && text.find("repeatable") == std::string::npos) text += "; may be given more than once";
    return roff(text);
}

// "closeplan turns mutual action plan files into documents buyers read." ->
// "turns mutual action plan files into documents buyers read", for NAME.
std::string whatis(std::string description, std::string_view program) {
    if (description.rfind(std::string(program) + " ", 0) == 0) description.erase(0, program.size() + 1);
    while (!description.empty() && (description.back() == '.' || description.back() == '\n')) description.pop_back();
    return description;
}

void write_exit_status(std::string_view exit_codes, std::ostream& out) {
    std::istringstream lines{std::string(exit_codes)};
    for (std::string line; std::getline(lines, line);) {
        std::size_t at = line.find_first_not_of(' ');
        if (at == std::string::npos) continue;
        std::size_t digits = at;
        while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
        if (digits == at) continue;  // the "Exit codes:" heading; the section has its own
        const auto text = line.find_first_not_of(' ', digits);
        out << ".TP\n.B " << line.substr(at, digits - at) << '\n'
            << roff(text == std::string::npos ? "" : line.substr(text)) << '\n';
    }
}

// ---- completions -------------------------------------------------------------

std::string joined(const std::vector<std::string>& words, std::string_view separator = " ") {
    std::string out;
    for (const auto& word : words) out += (out.empty() ? "" : std::string(separator)) + word;
    return out;
}

// Inside '...' in bash, zsh and fish: close the quote, add an escaped quote, reopen.
std::string single_quoted(std::string_view text) {
    std::string out = "'";
    for (const char c : text) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

std::string first_sentence(std::string text) {
    // Completion menus show one short line.
    if (const auto end = text.find("; "); end != std::string::npos) text.erase(end);
    if (const auto end = text.find(" ("); end != std::string::npos && end > 20) text.erase(end);
    return text;
}

void write_bash(CLI::App& app, std::ostream& out) {
    const auto commands = commands_of(app);
    std::vector<std::string> top_words;
    for (const auto& command : commands) top_words.push_back(command.name);
    for (const auto& flag : flags_of(app)) top_words.insert(top_words.end(), flag.names.begin(), flag.names.end());

    out << "# bash completion for closeplan (generated by `closeplan --completion bash`; do not edit)\n"
        << "_closeplan() {\n"
        << "    local cur=\"${COMP_WORDS[COMP_CWORD]}\" prev=\"\" command=\"\" i\n"
        << "    ((COMP_CWORD > 0)) && prev=\"${COMP_WORDS[COMP_CWORD - 1]}\"\n"
        << "    # The command is the first word after closeplan that is not a flag (no top-level flag takes a value).\n"
        << "    for ((i = 1; i < COMP_CWORD; i++)); do\n"
        << "        [[ \"${COMP_WORDS[i]}\" == -* ]] || { command=\"${COMP_WORDS[i]}\"; break; }\n"
        << "    done\n"
        << "    local words=\"\" files=1\n"
        << "    case \"$command\" in\n"
        << "    \"\") words=" << single_quoted(joined(top_words)) << "; files=0 ;;\n";
    for (const auto& command : commands) {
        out << "    " << command.name << ")\n"
            << "        case \"$prev\" in\n";
        std::vector<std::string> flag_words;
        for (const auto& flag : command.flags) {
            flag_words.insert(flag_words.end(), flag.names.begin(), flag.names.end());
            if (!flag.takes_value) continue;
            // A value: one of the choices, else any word or file name.
            out << "        " << joined(flag.names, "|") << ")\n";
            if (!flag.choices.empty())
                out << "            mapfile -t COMPREPLY < <(compgen -W " << single_quoted(joined(flag.choices))
                    << " -- \"$cur\")\n";
            else
                out << "            compopt -o filenames 2>/dev/null\n"
                    << "            mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n";
            out << "            return ;;\n";
        }
        out << "        esac\n"
            << "        [[ \"$cur\" == -* ]] && { words=" << single_quoted(joined(flag_words)) << "; files=0; } ;;\n";
    }
    out << "    esac\n"
        << "    if ((files)); then\n"
        << "        compopt -o filenames 2>/dev/null\n"
        << "        mapfile -t COMPREPLY < <(compgen -f -- \"$cur\")\n"
        << "    else\n"
        << "        mapfile -t COMPREPLY < <(compgen -W \"$words\" -- \"$cur\")\n"
        << "    fi\n"
        << "}\n"
        << "complete -F _closeplan closeplan\n";
}

// In an _arguments spec: brackets end the description, colons end the spec's fields.
std::string zsh_text(std::string_view text) {
    std::string out;
    for (const char c : text) {
        if (c == '[' || c == ']' || c == ':' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

std::string zsh_flag_spec(const flag_model& flag) {
    const std::string description = "[" + zsh_text(first_sentence(flag.description)) + "]";
    std::string value;
    if (flag.takes_value)
        value = ":" + zsh_text(flag.value_name) + ":" +
                (flag.choices.empty() ? std::string("_files") : "(" + joined(flag.choices) + ")");
    std::string spec;
    if (flag.names.size() == 1) {
        spec = single_quoted((flag.repeatable ? "*" : "") + flag.names[0] + description + value);
    } else {
        // '(-q --quiet)'{-q,--quiet}'[...]': the names exclude each other.
        spec = flag.repeatable ? std::string("'*'") : single_quoted("(" + joined(flag.names) + ")");
        spec += "{" + joined(flag.names, ",") + "}" + single_quoted(description + value);
    }
    return spec;
}

void write_zsh(CLI::App& app, std::ostream& out) {
    const auto commands = commands_of(app);
    out << "#compdef closeplan\n"
        << "# zsh completion for closeplan (generated by `closeplan --completion zsh`; do not edit)\n\n"
        << "_closeplan() {\n"
        << "    local curcontext=\"$curcontext\" state line\n"
        << "    typeset -A opt_args\n"
        << "    local -a commands\n"
        << "    commands=(\n";
    for (const auto& command : commands)
        out << "        " << single_quoted(command.name + ":" + first_sentence(command.description)) << '\n';
    out << "    )\n"
        << "    _arguments -C \\\n";
    for (const auto& flag : flags_of(app)) out << "        " << zsh_flag_spec(flag) << " \\\n";
    out << "        '1: :->command' \\\n"
        << "        '*:: :->arguments' && return\n"
        << "    case $state in\n"
        << "    command) _describe -t commands 'closeplan command' commands ;;\n"
        << "    arguments)\n"
        << "        case $words[1] in\n";
    for (const auto& command : commands) {
        out << "        " << command.name << ")\n"
            << "            _arguments \\\n";
        for (const auto& flag : command.flags) out << "                " << zsh_flag_spec(flag) << " \\\n";
        for (const auto& positional : command.positionals)
            out << "                "
                << single_quoted((positional.many ? "*:" : ":") + zsh_text(positional.name) + ":_files") << " \\\n";
        out << "                && return ;;\n";
    }
    out << "        esac ;;\n"
        << "    esac\n"
        << "}\n\n"
        << "_closeplan \"$@\"\n";
}

void write_fish(CLI::App& app, std::ostream& out) {
    const auto commands = commands_of(app);
    std::vector<std::string> names;
    for (const auto& command : commands) names.push_back(command.name);
    const std::string no_command = "not __fish_seen_subcommand_from " + joined(names);

    out << "# fish completion for closeplan (generated by `closeplan --completion fish`; do not edit)\n"
        << "complete -c closeplan -f\n";
    const auto flag_line = [&](const std::string& condition, const flag_model& flag) {
        out << "complete -c closeplan -n " << single_quoted(condition);
        for (const auto& name : flag.names)
            out << (name.rfind("--", 0) == 0 ? " -l " + name.substr(2) : " -s " + name.substr(1));
        if (flag.takes_value)
            out << (flag.choices.empty() ? std::string(" -r -F") : " -x -a " + single_quoted(joined(flag.choices)));
        out << " -d " << single_quoted(first_sentence(flag.description)) << '\n';
    };
    for (const auto& flag : flags_of(app)) flag_line(no_command, flag);
    for (const auto& command : commands)
        out << "complete -c closeplan -n " << single_quoted(no_command) << " -a " << command.name << " -d "
            << single_quoted(first_sentence(command.description)) << '\n';
    for (const auto& command : commands) {
        const std::string in_command = "__fish_seen_subcommand_from " + command.name;
        for (const auto& flag : command.flags) flag_line(in_command, flag);
        if (!command.positionals.empty())
            out << "complete -c closeplan -n " << single_quoted(in_command) << " -F\n";
    }
}

}  // namespace

void write_man_page(CLI::App& app, std::string_view version, std::string_view exit_codes, std::ostream& out) {
    const std::string program = app.get_name().empty() ? "closeplan" : app.get_name();
    out << ".\\\" Generated by `" << program << " --help-man` from the command's own help; do not edit.\n"
        << ".TH " << "CLOSEPLAN 1 \"\" \"" << program << ' ' << roff(version) << "\" \"User Commands\"\n"
        << ".SH NAME\n"
        << program << " \\- " << roff(whatis(app.get_description(), program)) << '\n'
        << ".SH SYNOPSIS\n"
        << ".B " << program << "\n.I command\n[\\fIoptions\\fR] [\\fIarguments\\fR]\n.br\n"
        << ".B " << program << "\n.I command\n\\fB\\-\\-help\\fR\n"
        << ".SH DESCRIPTION\n"
        << roff(app.get_description()) << '\n'
        << ".PP\nEach command and its options follow; \\fB" << program
        << " \\fIcommand\\fB \\-\\-help\\fR prints the same.\n";
    const auto top_flags = flags_of(app);
    if (!top_flags.empty()) {
        out << ".SH OPTIONS\n";
        for (const auto& flag : top_flags) out << ".TP\n" << man_flag_line(flag) << '\n' << man_flag_text(flag) << '\n';
    }
    out << ".SH COMMANDS\n";
    for (const auto& command : commands_of(app)) {
        out << ".SS \"" << program << ' ' << command.name;
        for (const auto& positional : command.positionals)
            out << ' ' << (positional.required ? "" : "[") << "\\fI" << roff(positional.name) << "\\fR"
                << (positional.many ? "..." : "") << (positional.required ? "" : "]");
        out << " [\\fIoptions\\fR]\"\n" << roff(command.description) << '\n';
        for (const auto& positional : command.positionals)
            out << ".TP\n\\fI" << roff(positional.name) << "\\fR\n" << roff(positional.description) << '\n';
        for (const auto& flag : command.flags)
            out << ".TP\n" << man_flag_line(flag) << '\n' << man_flag_text(flag) << '\n';
    }
    out << ".SH \"EXIT STATUS\"\n";
    write_exit_status(exit_codes, out);
    out << ".SH \"SEE ALSO\"\n"
        << "The guides installed in \\fI/usr/share/doc/" << program << "/\\fR (README.md and docs/).\n";
}

std::optional<shell> parse_shell(std::string_view name) {
    if (name == "bash") return shell::bash;
    if (name == "zsh") return shell::zsh;
    if (name == "fish") return shell::fish;
    return std::nullopt;
}

void write_completion(CLI::App& app, shell which, std::ostream& out) {
    switch (which) {
        case shell::bash: write_bash(app, out); return;
        case shell::zsh: write_zsh(app, out); return;
        case shell::fish: write_fish(app, out); return;
    }
}

}  // namespace closeplan::cli

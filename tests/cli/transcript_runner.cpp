// SPDX-License-Identifier: MIT
// Runs CLI transcripts (tests/cli/transcripts/*.txt) against the real binary; --update rewrites them.
//
// Format (see tests/cli/README.md):
//   % closeplan ARGS...      one case; ARGS are split like a shell (quotes, no expansion)
//   ...stdin lines...        optional, only when a line "^D" follows them
//   ^D
//   stdout lines
//   2> stderr lines
//   => EXIT_CODE
// Lines outside cases are comments and are kept as written by --update.
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <vector>

#include "harness.hpp"

namespace fs = std::filesystem;
using namespace closeplan::testing;

namespace {

constexpr std::string_view no_newline_marker = "\\ no newline at end";

struct transcript_case {
    int line = 0;              // of the "% " line, for messages
    std::string command;       // the text after "% "
    std::optional<std::string> stdin_text;
    std::string expected_out;
    std::string expected_err;
    int expected_exit = 0;
};

struct transcript {
    // Comment chunks: comments[i] is written before cases[i]; the last one after all cases.
    std::vector<std::string> comments;
    std::vector<transcript_case> cases;
};

bool starts_with(std::string_view text, std::string_view prefix) { return text.substr(0, prefix.size()) == prefix; }

// Joins lines back into a stream, honouring the no-newline marker.
std::string join_stream(const std::vector<std::string>& lines) {
    std::string text;
    for (const auto& line : lines) {
        if (line == no_newline_marker) {
            if (!text.empty() && text.back() == '\n') text.pop_back();
            continue;
        }
        text += line;
        text += '\n';
    }
    return text;
}

std::string stream_lines(std::string_view text, std::string_view prefix) {
    std::string block;
    for (const auto& line : split_lines(text)) {
        block += prefix.empty() || !line.empty() ? std::string(prefix) + line : std::string(prefix.substr(0, 2));
        block += '\n';
    }
    if (!text.empty() && text.back() != '\n') block += std::string(prefix) + std::string(no_newline_marker) + '\n';
    return block;
}

transcript parse_transcript(const std::string& text, const std::string& file) {
    transcript parsed;
    const auto lines = split_lines(text);
    std::string comment;
    std::size_t i = 0;
    while (i < lines.size()) {
        if (!starts_with(lines[i], "% ")) {
            comment += lines[i] + '\n';
            ++i;
            continue;
        }
        transcript_case c;
        c.line = static_cast<int>(i + 1);
        c.command = lines[i].substr(2);
        std::vector<std::string> body;
        ++i;
        while (i < lines.size() && !starts_with(lines[i], "=> ")) body.push_back(lines[i++]);
        if (i == lines.size())
            throw std::runtime_error(file + ":" + std::to_string(c.line) + ": case has no \"=> EXIT\" line");
        c.expected_exit = std::stoi(lines[i].substr(3));
        ++i;
        std::size_t first_output = 0;
        for (std::size_t k = 0; k < body.size(); ++k) {
            if (body[k] == "^D") {
                c.stdin_text = join_stream({body.begin(), body.begin() + static_cast<std::ptrdiff_t>(k)});
                first_output = k + 1;
                break;
            }
        }
        std::vector<std::string> out_lines, err_lines;
        for (std::size_t k = first_output; k < body.size(); ++k) {
            if (body[k] == "2>") err_lines.emplace_back();
            else if (starts_with(body[k], "2> ")) err_lines.push_back(body[k].substr(3));
            else out_lines.push_back(body[k]);
        }
        c.expected_out = join_stream(out_lines);
        c.expected_err = join_stream(err_lines);
        parsed.comments.push_back(comment);
        comment.clear();
        parsed.cases.push_back(std::move(c));
    }
    parsed.comments.push_back(comment);
    return parsed;
}

// Shell-like splitting: whitespace separates, '...' and "..." group, backslash escapes in "..." and bare words.
std::vector<std::string> split_command(std::string_view command) {
    std::vector<std::string> words;
    std::string word;
    bool in_word = false;
    for (std::size_t i = 0; i < command.size(); ++i) {
        const char ch = command[i];
        if (ch == ' ' || ch == '\t') {
            if (in_word) words.push_back(word);
            word.clear();
            in_word = false;
        } else if (ch == '\'') {
            in_word = true;
            const auto end = command.find('\'', i + 1);
            if (end == std::string_view::npos) throw std::runtime_error("unclosed ' in command");
            word += command.substr(i + 1, end - i - 1);
            i = end;
        } else if (ch == '"') {
            in_word = true;
            for (++i; i < command.size() && command[i] != '"'; ++i) {
                if (command[i] == '\\' && i + 1 < command.size()) ++i;
                word += command[i];
            }
            if (i == command.size()) throw std::runtime_error("unclosed \" in command");
        } else if (ch == '\\' && i + 1 < command.size()) {
            in_word = true;
            word += command[++i];
        } else {
            in_word = true;
            word += ch;
        }
    }
    if (in_word) words.push_back(word);
    return words;
}

struct settings {
    fs::path binary;
    fs::path fixtures;
    bool update = false;
    std::vector<fs::path> files;
};

struct case_outcome {
    run_result result;
    bool passed = false;
    std::string report;
};

case_outcome run_case(const transcript_case& c, const settings& options, const std::string& file) {
    auto words = split_command(c.command);
    if (words.empty() || words[0] != "closeplan")
        throw std::runtime_error(file + ":" + std::to_string(c.line) + ": a command must start with \"closeplan\"");
    temp_dir scratch("closeplan-transcript");
    // $TMP lets a case write files somewhere fresh; it is put back in the output so transcripts stay stable.
    const std::string tmp = scratch.path().string();
    for (auto& word : words) word = replace_all(word, "$TMP", tmp);
    words[0] = options.binary.string();

    run_options run;
    run.cwd = options.fixtures;
    run.stdin_text = c.stdin_text.value_or("");
    // As if typed at a prompt: help text shows "closeplan", not the build folder.
    run.argv0 = "closeplan";
    case_outcome outcome;
    outcome.result = run_process(words, run);
    auto& r = outcome.result;
    r.out = replace_all(r.out, tmp, "$TMP");
    r.err = replace_all(r.err, tmp, "$TMP");

    std::string report;
    if (r.timed_out) report += "  timed out\n";
    if (r.exit_code != c.expected_exit)
        report += "  exit code: expected " + std::to_string(c.expected_exit) + ", got " + std::to_string(r.exit_code) + "\n";
    report += unified_diff(c.expected_out, r.out, "expected stdout", "actual stdout");
    report += unified_diff(c.expected_err, r.err, "expected stderr", "actual stderr");
    outcome.passed = report.empty();
    if (!outcome.passed) outcome.report = file + ":" + std::to_string(c.line) + ": % " + c.command + "\n" + report;
    return outcome;
}

std::string render_case(const transcript_case& c, const run_result& r) {
    std::string text = "% " + c.command + "\n";
    if (c.stdin_text) text += stream_lines(*c.stdin_text, "") + "^D\n";
    text += stream_lines(r.out, "");
    text += stream_lines(r.err, "2> ");
    text += "=> " + std::to_string(r.exit_code) + "\n";
    return text;
}

int usage() {
    std::cerr << "usage: transcript_runner --closeplan BINARY --fixtures DIR [--update] TRANSCRIPT...\n";
    return 2;
}

}  // namespace

int main(int argc, char** argv) {
    settings options;
    for (int i = 1; i < argc; ++i) {
        const std::string_view arg = argv[i];
        if (arg == "--update") options.update = true;
        else if (arg == "--closeplan" && i + 1 < argc) options.binary = fs::absolute(argv[++i]);
        else if (arg == "--fixtures" && i + 1 < argc) options.fixtures = fs::absolute(argv[++i]);
        else if (starts_with(arg, "--")) return usage();
        else options.files.emplace_back(arg);
    }
    if (options.binary.empty() || options.fixtures.empty() || options.files.empty()) return usage();

    int cases = 0, failed = 0, updated = 0;
    try {
        for (const auto& path : options.files) {
            const std::string name = path.string();
            const std::string original = read_file(path);
            const auto parsed = parse_transcript(original, name);
            if (parsed.cases.empty()) throw std::runtime_error(name + ": no \"% closeplan\" case in this file");
            std::string rewritten;
            for (std::size_t k = 0; k < parsed.cases.size(); ++k) {
                const auto& c = parsed.cases[k];
                const auto outcome = run_case(c, options, name);
                ++cases;
                if (!outcome.passed) {
                    ++failed;
                    std::cout << outcome.report;
                }
                rewritten += parsed.comments[k] + render_case(c, outcome.result);
            }
            rewritten += parsed.comments.back();
            if (options.update && rewritten != original) {
                write_file(path, rewritten);
                ++updated;
                std::cout << "updated " << name << "\n";
            }
        }
    } catch (const std::exception& e) {
        std::cerr << "transcript_runner: " << e.what() << "\n";
        return 2;
    }
    if (options.update) {
        std::cout << updated << " transcript file(s) rewritten, " << cases << " case(s) run\n";
        return 0;
    }
    std::cout << (cases - failed) << " passed, " << failed << " failed\n";
    return failed == 0 ? 0 : 1;
}

// SPDX-License-Identifier: MIT
// Test harness shared by the transcript, golden and hostile runners: run the real binary, files, diffs.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace closeplan::testing {

struct run_options {
    std::filesystem::path cwd;       ///< empty: the runner's own working directory
    std::string stdin_text;          ///< fed to the child, then its stdin is closed
    std::vector<std::pair<std::string, std::string>> env;  ///< set on top of the inherited environment
    int timeout_seconds = 300;
    std::string argv0;               ///< what the child sees as argv[0]; empty: argv[0] itself
};

struct run_result {
    int exit_code = -1;      ///< the shell's view: 128 + N when killed by signal N
    bool signaled = false;
    bool timed_out = false;
    std::string out;
    std::string err;
};

/// Runs `argv` (argv[0] is the program's path, not searched in PATH) and captures everything.
/// LC_ALL=C, TZ=UTC and NO_COLOR=1 are always set so output never depends on the host.
run_result run_process(const std::vector<std::string>& argv, const run_options& options = {});

std::string read_file(const std::filesystem::path& path);
void write_file(const std::filesystem::path& path, std::string_view bytes);

/// A fresh folder under the system temp dir, removed when the object goes away.
class temp_dir {
public:
    explicit temp_dir(std::string_view prefix = "closeplan-test");
    ~temp_dir();
    temp_dir(const temp_dir&) = delete;
    temp_dir& operator=(const temp_dir&) = delete;
    [[nodiscard]] const std::filesystem::path& path() const { return path_; }

private:
    std::filesystem::path path_;
};

/// `diff -u` of two texts with the given labels (empty when equal).
std::string unified_diff(std::string_view expected, std::string_view actual,
                         std::string_view expected_label = "expected",
                         std::string_view actual_label = "actual");

/// Replaces every occurrence of `from` by `to`.
std::string replace_all(std::string text, std::string_view from, std::string_view to);

/// Splits text into lines without their '\n'; a final line without '\n' is kept.
std::vector<std::string> split_lines(std::string_view text);

}  // namespace closeplan::testing

// SPDX-License-Identifier: MIT
/// @file
/// Diagnostics: every problem closeplan finds is data, not an exception.
///
/// A diagnostic carries a stable code (see docs/diagnostics.md), a message,
/// where it happened (file, 1-based line and column, and a JSON Pointer into
/// the input such as `/milestones/2/owner`) and hints on how to fix it.
/// Stages report into a `diagnostic_sink` and carry on, so one run lists
/// every problem.
///
/// Example:
/// ```cpp
/// closeplan::diagnostic_sink diags;
/// diags.error("V203", "unknown owner \"vendor\"", where, {"owner must be buyer, seller or both"});
/// for (const auto& d : diags.all()) std::cerr << closeplan::format_diagnostic(d) << '\n';
/// ```
///
/// Thread-safety: diagnostics are plain values. A diagnostic_sink is not
/// synchronized: give each thread its own and merge() them afterwards.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace closeplan {
inline namespace v0 {

/// Where something is in an input file. Line and column are 1-based; 0 means unknown.
struct source_location {
    std::string file;     ///< path as the user gave it (or "<stdin>")
    int line = 0;         ///< 1-based line, 0 when unknown
    int column = 0;       ///< 1-based column in bytes, 0 when unknown
    std::string pointer;  ///< JSON Pointer of the value, e.g. "/milestones/2/owner"; may be empty
};

enum class severity { error, warning, note };

/// One problem found in the input, a template, or while writing output.
struct diagnostic {
    severity level = severity::error;
    std::string code;      ///< stable id, letter + 3 digits, e.g. "V203"
    std::string message;   ///< one line, no trailing period
    source_location where;
    std::vector<std::string> hints;  ///< zero or more "how to fix" lines
};

/// Collects diagnostics in the order they are reported.
class diagnostic_sink {
public:
    void report(diagnostic d) { items_.push_back(std::move(d)); }
    void error(std::string code, std::string message, source_location where,
               std::vector<std::string> hints = {});
    void warning(std::string code, std::string message, source_location where,
                 std::vector<std::string> hints = {});

    [[nodiscard]] const std::vector<diagnostic>& all() const { return items_; }
    [[nodiscard]] bool has_errors() const;
    [[nodiscard]] std::size_t error_count() const;
    [[nodiscard]] std::size_t warning_count() const;
    /// Appends everything from another sink (used when a stage works on a private sink).
    void merge(const diagnostic_sink& other);

private:
    std::vector<diagnostic> items_;
};

/// Formats a diagnostic the way compilers do:
/// `plan.yaml:14:9: error[V204]: owner "jdoe" is not a known stakeholder (at /milestones/2/assignee)`
/// followed by one `  hint: ...` line per hint. No trailing newline.
std::string format_diagnostic(const diagnostic& d);

/// The `FILE:LINE:COLUMN: ` prefix of a message about `where` (shorter when
/// line or column are unknown, "" without a file).
std::string format_location(const source_location& where);

/// Thrown only for failures of the environment (unreadable file, full disk),
/// never for bad input data, which is reported as diagnostics.
class error : public std::runtime_error {
public:
    explicit error(diagnostic d) : std::runtime_error(d.message), diag_(std::move(d)) {}
    [[nodiscard]] const diagnostic& diag() const { return diag_; }

private:
    diagnostic diag_;
};

}  // namespace v0
}  // namespace closeplan

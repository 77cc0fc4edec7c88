// SPDX-License-Identifier: MIT
// Collecting and printing diagnostics.
#include "closeplan/diagnostics.hpp"

#include <algorithm>

namespace closeplan {
inline namespace v0 {

void diagnostic_sink::error(std::string code, std::string message, source_location where,
                            std::vector<std::string> hints) {
    report({severity::error, std::move(code), std::move(message), std::move(where), std::move(hints)});
}

void diagnostic_sink::warning(std::string code, std::string message, source_location where,
                              std::vector<std::string> hints) {
    report({severity::warning, std::move(code), std::move(message), std::move(where), std::move(hints)});
}

bool diagnostic_sink::has_errors() const { return error_count() > 0; }

std::size_t diagnostic_sink::error_count() const {
    return static_cast<std::size_t>(std::count_if(
        items_.begin(), items_.end(), [](const diagnostic& d) { return d.level == severity::error; }));
}

std::size_t diagnostic_sink::warning_count() const {
    return static_cast<std::size_t>(std::count_if(
        items_.begin(), items_.end(), [](const diagnostic& d) { return d.level == severity::warning; }));
}

void diagnostic_sink::merge(const diagnostic_sink& other) {
    items_.insert(items_.end(), other.items_.begin(), other.items_.end());
}

std::string format_location(const source_location& w) {
    std::string out;
    if (!w.file.empty()) {
        out += w.file;
        if (w.line > 0) {
            out += ':' + std::to_string(w.line);
            if (w.column > 0) out += ':' + std::to_string(w.column);
        }
        out += ": ";
    }
    return out;
}

std::string format_diagnostic(const diagnostic& d) {
    std::string out = format_location(d.where);
    const auto& w = d.where;
    switch (d.level) {
        case severity::error: out += "error"; break;
        case severity::warning: out += "warning"; break;
        case severity::note: out += "note"; break;
    }
    out += '[' + d.code + "]: " + d.message;
    if (!w.pointer.empty()) out += " (at " + w.pointer + ')';
    for (const auto& hint : d.hints) out += "\n  hint: " + hint;
    return out;
}

}  // namespace v0
}  // namespace closeplan

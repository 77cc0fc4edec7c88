// SPDX-License-Identifier: MIT
// Positions, JSON Pointers and the messages both loaders share.
#include <algorithm>
#include <climits>
#include <cstdio>

#include "load/load_internal.hpp"

namespace closeplan::load::detail {

namespace {

int clamp_int(std::size_t n) { return n > static_cast<std::size_t>(INT_MAX) ? INT_MAX : static_cast<int>(n); }


}  // namespace

line_index::line_index(std::string_view text) : size_(text.size()) {
    starts_.push_back(0);
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts_.push_back(i + 1);
}

std::pair<int, int> line_index::position(std::size_t offset) const {
    offset = std::min(offset, size_);
    const auto next = std::upper_bound(starts_.begin(), starts_.end(), offset);
    const auto line = static_cast<std::size_t>(next - starts_.begin());
    return {clamp_int(line), clamp_int(offset - starts_[line - 1] + 1)};
}

source_location location_at(const line_index& lines, const std::string& file, std::size_t offset,
                            std::string pointer) {
    const auto [line, column] = lines.position(offset);
    return {file, line, column, std::move(pointer)};
}


std::string quote(std::string_view text) {
    constexpr std::size_t max_shown = 60;
    std::string out = "\"";
    std::size_t i = 0;
    for (; i < text.size() && i < max_shown; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '"' || c == '\\') {
            out += '\\';
            out += static_cast<char>(c);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c == '\t') {
            out += "\\t";
        } else if (c < 0x20u || c == 0x7Fu) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\x%02X", c);
            out += buf;
        } else {
            out += static_cast<char>(c);
        }
    }
    if (i < text.size()) {
        // Never cut a UTF-8 sequence in half.
        while (!out.empty() && (static_cast<unsigned char>(out.back()) & 0xC0u) == 0x80u) out.pop_back();
        if (!out.empty() && static_cast<unsigned char>(out.back()) >= 0xC0u) out.pop_back();
        out += "...";
    }
    out += '"';
    return out;
}

void report_too_large(diagnostic_sink& diags, const std::string& file, const load_limits& limits,
                      std::optional<std::size_t> size) {
    const auto limit = std::to_string(limits.max_bytes);
    diags.error("L105",
                size ? "file is too large: " + std::to_string(*size) + " bytes, the limit is " + limit
                     : "file is too large: over the limit of " + limit + " bytes",
                {file, 0, 0, {}}, {"plan files are small text files; check that this is the right file"});
}

void report_duplicate_key(diagnostic_sink& diags, std::string_view key, const source_location& first,
                          source_location second) {
    diags.error("L104", "duplicate key " + quote(key), std::move(second),
                {"the first " + quote(key) + " is on line " + std::to_string(first.line) + ", column " +
                 std::to_string(first.column) + " and is the one used; remove one of them"});
}

void report_too_many_nodes(diagnostic_sink& diags, const load_limits& limits, source_location where,
                           expansion cause) {
    const auto count = std::to_string(limits.max_nodes);
    if (cause == expansion::aliases) {
        diags.error("L106", "document has more than " + count + " values once aliases are expanded",
                    std::move(where),
                    {"each alias (*name) copies its anchor's content again; use fewer aliases or "
                     "write the values out"});
    } else {
        diags.error("L106", "document has more than " + count + " values", std::move(where),
                    {"a plan needs far fewer values; check that this is the right file"});
    }
}

void report_too_deep(diagnostic_sink& diags, const load_limits& limits, source_location where) {
    diags.error("L107", "nesting is deeper than " + std::to_string(max_depth_of(limits)) + " levels",
                std::move(where), {"a plan needs only a few levels of lists and mappings; flatten this one"});
}

}  // namespace closeplan::load::detail

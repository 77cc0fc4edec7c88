// SPDX-License-Identifier: MIT
// Checks a file's bytes before parsing: size, encoding, NUL bytes, well-formed UTF-8.
#include <cstdio>

#include "load/load_internal.hpp"
#include "support/utf8.hpp"

namespace closeplan::load::detail {

namespace {

constexpr std::size_t max_utf8_reports = 10;

std::string hex_bytes(std::string_view bytes) {
    std::string out;
    for (char c : bytes) {
        char buf[4];
        std::snprintf(buf, sizeof buf, "%02X", static_cast<unsigned char>(c));
        if (!out.empty()) out += ' ';
        out += buf;
    }
    return out;
}

// UTF-16 and UTF-32 files (PowerShell's `>` writes UTF-16) would otherwise
// show up as a stream of NUL bytes; naming the encoding says what to do.
std::string_view wide_encoding(std::string_view text) {
    if (text.starts_with(std::string_view("\x00\x00\xFE\xFF", 4))) return "UTF-32 (big-endian)";
    if (text.starts_with(std::string_view("\xFF\xFE\x00\x00", 4))) return "UTF-32 (little-endian)";
    if (text.starts_with("\xFE\xFF")) return "UTF-16 (big-endian)";
    if (text.starts_with("\xFF\xFE")) return "UTF-16 (little-endian)";
    return {};
}

bool check_nul(std::string_view body, const std::string& file, diagnostic_sink& diags) {
    const auto first = body.find('\0');
    if (first == std::string_view::npos) return true;
    std::size_t count = 0;
    for (char c : body) count += c == '\0' ? 1u : 0u;
    std::string message = "file contains a NUL byte";
    if (count > 1) message += " (" + std::to_string(count) + " in all)";
    const line_index lines(body);
    diags.error("L108", std::move(message), location_at(lines, file, first),
                {"this looks like a binary or UTF-16 file; plan files are UTF-8 text"});
    return false;
}

bool check_utf8(std::string_view body, const std::string& file, diagnostic_sink& diags) {
    auto bad = utf8::find_invalid(body);
    if (!bad) return true;
    const line_index lines(body);
    std::size_t reported = 0;
    std::size_t more = 0;
    for (; bad; bad = utf8::find_invalid(body, bad->offset + bad->length)) {
        if (reported == max_utf8_reports) {
            ++more;
            continue;
        }
        ++reported;
        diags.error("L101",
                    "invalid UTF-8: " + std::string(utf8::describe(bad->kind)) + " (bytes " +
                        hex_bytes(body.substr(bad->offset, bad->length)) + ")",
                    location_at(lines, file, bad->offset),
                    {"save the file as UTF-8; it may be in Windows-1252 or Latin-1"});
    }
    if (more > 0) {
        diags.report({severity::note, "L101",
                      std::to_string(more) + " more invalid UTF-8 sequence" + (more == 1 ? "" : "s") +
                          " not shown",
                      {file, 0, 0, {}}, {}});
    }
    return false;
}

}  // namespace

bool check_text(std::string_view text, const std::string& file, diagnostic_sink& diags,
                const load_limits& limits) {
    if (text.size() > limits.max_bytes) {
        report_too_large(diags, file, limits, text.size());
        return false;
    }
    if (const auto encoding = wide_encoding(text); !encoding.empty()) {
        diags.error("L101", "file is encoded as " + std::string(encoding) + ", not UTF-8", {file, 1, 1, {}},
                    {"save the file as UTF-8"});
        return false;
    }
    const auto body = utf8::strip_bom(text);
    return check_nul(body, file, diags) && check_utf8(body, file, diags);
}

}  // namespace closeplan::load::detail

// SPDX-License-Identifier: MIT
// UTF-8 validation by the well-formed byte table of RFC 3629, section 4.
#include "support/utf8.hpp"

namespace closeplan::utf8 {

namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0u) == 0x80u; }

// Checks one sequence starting at `i`; returns nullopt when it is well formed
// and sets `length` to its size.
std::optional<invalid_sequence> check_at(std::string_view text, std::size_t i, std::size_t& length) {
    const auto lead = static_cast<unsigned char>(text[i]);
    length = 1;
    if (lead < 0x80u) return std::nullopt;
    if (is_continuation(lead)) return invalid_sequence{i, 1, problem::stray_continuation};
    if (lead == 0xC0u || lead == 0xC1u) {
        // Still consume the continuation bytes so one overlong character is one problem.
        std::size_t n = 1;
        if (i + 1 < text.size() && is_continuation(static_cast<unsigned char>(text[i + 1]))) n = 2;
        return invalid_sequence{i, n, problem::overlong};
    }
    if (lead > 0xF4u) return invalid_sequence{i, 1, problem::invalid_byte};

    const std::size_t need = lead < 0xE0u ? 2 : lead < 0xF0u ? 3 : 4;
    // Counts continuation bytes first so a cut sequence reports "truncated"
    // and the next byte is examined afresh.
    std::size_t have = 1;
    while (have < need && i + have < text.size() && is_continuation(static_cast<unsigned char>(text[i + have])))
        ++have;
    if (have < need) return invalid_sequence{i, have, problem::truncated};

    const auto second = static_cast<unsigned char>(text[i + 1]);
    if (lead == 0xE0u && second < 0xA0u) return invalid_sequence{i, need, problem::overlong};
    if (lead == 0xEDu && second > 0x9Fu) return invalid_sequence{i, need, problem::surrogate};
    if (lead == 0xF0u && second < 0x90u) return invalid_sequence{i, need, problem::overlong};
    if (lead == 0xF4u && second > 0x8Fu) return invalid_sequence{i, need, problem::too_large};
    length = need;
    return std::nullopt;
}

}  // namespace

std::string_view describe(problem p) {
    switch (p) {
        case problem::stray_continuation: return "unexpected continuation byte";
        case problem::invalid_byte: return "byte that never occurs in UTF-8";
        case problem::overlong: return "overlong encoding";
        case problem::surrogate: return "encoded surrogate (U+D800-U+DFFF)";
        case problem::too_large: return "code point above U+10FFFF";
        case problem::truncated: return "truncated multi-byte sequence";
    }
    return "invalid UTF-8";
}

std::optional<invalid_sequence> find_invalid(std::string_view text, std::size_t from) {
    std::size_t i = from;
    while (i < text.size()) {
        // ASCII runs dominate real files; skip them without the table.
        if (static_cast<unsigned char>(text[i]) < 0x80u) {
            ++i;
            continue;
        }
        std::size_t length = 1;
        if (auto bad = check_at(text, i, length)) return bad;
        i += length;
    }
    return std::nullopt;
}

std::string replace_invalid(std::string_view text, std::string_view replacement) {
    std::string out;
    out.reserve(text.size());
    std::size_t done = 0;
    for (auto bad = find_invalid(text); bad; bad = find_invalid(text, done)) {
        out.append(text.substr(done, bad->offset - done));
        out.append(replacement);
        done = bad->offset + bad->length;
    }
    out.append(text.substr(done));
    return out;
}

}  // namespace closeplan::utf8

// SPDX-License-Identifier: MIT
// Wording helpers: messages quote user text safely and suggest the likely intended word.
#include "validate/wording.hpp"

#include <algorithm>
#include <cstdio>

namespace closeplan::validate::detail {

namespace {

bool is_blank(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

char lower(char c) {
    return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
}

std::string lowercase(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (char c : text) out += lower(c);
    return out;
}

// Looser than normalise_word: "targetClose", "target-close" and "Target Close" all meet.
std::string squash(std::string_view text) {
    std::string out;
    for (char c : text)
        if (c != '_' && c != '-' && c != ' ') out += lower(c);
    return out;
}

// Short words tolerate fewer edits, or every three-letter key would suggest every other.
std::size_t tolerance(std::size_t length) {
    if (length <= 4) return 1;
    if (length <= 8) return 2;
    return 3;
}

template <typename Text>
std::optional<std::string> closest_impl(std::string_view written, std::span<const Text> candidates) {
    const auto squashed = squash(written);
    for (const auto& c : candidates)
        if (squash(c) == squashed && !squashed.empty()) return std::string(c);
    const auto lowered = lowercase(written);
    std::optional<std::string> best;
    std::size_t best_distance = tolerance(lowered.size()) + 1;
    for (const auto& c : candidates) {
        const std::string_view candidate(c);
        const auto d = edit_distance(lowered, lowercase(candidate));
        if (d < best_distance && d < candidate.size()) {
            best_distance = d;
            best = std::string(candidate);
        }
    }
    return best;
}

}  // namespace

std::string_view trim(std::string_view text) {
    while (!text.empty() && is_blank(text.front())) text.remove_prefix(1);
    while (!text.empty() && is_blank(text.back())) text.remove_suffix(1);
    return text;
}

std::string quote(std::string_view text) {
    constexpr std::size_t max_shown = 60;
    std::string out = "\"";
    std::size_t shown = 0;
    for (char c : text) {
        if (shown == max_shown) {
            out += "...";
            break;
        }
        const auto byte = static_cast<unsigned char>(c);
        // Escaped so a hostile value cannot move the cursor or forge lines in a terminal.
        if (byte < 0x20 || byte == 0x7f) {
            char buffer[8];
            std::snprintf(buffer, sizeof buffer, "\\x%02x", byte);
            out += buffer;
        } else if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else {
            out += c;
        }
        ++shown;
    }
    out += '"';
    return out;
}

std::string normalise_word(std::string_view text) {
    std::string out;
    for (char c : trim(text)) out += (c == ' ' || c == '-') ? '_' : lower(c);
    return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
    const std::size_t n = a.size(), m = b.size();
    std::vector<std::vector<std::size_t>> d(n + 1, std::vector<std::size_t>(m + 1));
    for (std::size_t i = 0; i <= n; ++i) d[i][0] = i;
    for (std::size_t j = 0; j <= m; ++j) d[0][j] = j;
    for (std::size_t i = 1; i <= n; ++i) {
        for (std::size_t j = 1; j <= m; ++j) {
            const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
            d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost});
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
        }
    }
    return d[n][m];
}

std::optional<std::string> closest(std::string_view written, std::span<const std::string> candidates) {
    return closest_impl(written, candidates);
}

std::optional<std::string> closest(std::string_view written, std::span<const std::string_view> candidates) {
    return closest_impl(written, candidates);
}

std::string join_or(std::span<const std::string_view> names) {
    std::string out;
    for (std::size_t i = 0; i < names.size(); ++i) {
        if (i > 0) out += (i + 1 == names.size()) ? " or " : ", ";
        out += names[i];
    }
    return out;
}

std::string join_capped(std::span<const std::string> names, std::size_t cap) {
    std::string out;
    const std::size_t shown = std::min(cap, names.size());
    for (std::size_t i = 0; i < shown; ++i) {
        if (i > 0) out += ", ";
        out += names[i];
    }
    if (names.size() > shown) out += " and " + std::to_string(names.size() - shown) + " more";
    return out;
}

std::string did_you_mean(std::string_view name) {
    return "did you mean `" + std::string(name) + "`?";
}

}  // namespace closeplan::validate::detail

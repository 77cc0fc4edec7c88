// SPDX-License-Identifier: MIT
// Header names as people see them, not as exports spell them.
#include "batch/header.hpp"

#include <algorithm>
#include <unordered_map>

namespace closeplan::batch {

std::string normalise_header(std::string_view raw) {
    std::string out;
    bool pending_space = false;
    for (std::size_t i = 0; i < raw.size(); ++i) {
        const auto c = static_cast<unsigned char>(raw[i]);
        bool space = c == ' ' || c == '\t' || c == '\r' || c == '\n';
        if (c == 0xC2 && i + 1 < raw.size() && static_cast<unsigned char>(raw[i + 1]) == 0xA0) {
            space = true;  // U+00A0 NO-BREAK SPACE, common in HubSpot headers
            ++i;
        }
        if (space) {
            pending_space = !out.empty();
            continue;
        }
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(static_cast<char>(c));
    }
    return out;
}

std::string header_key(std::string_view raw) {
    auto key = normalise_header(raw);
    std::transform(key.begin(), key.end(), key.begin(), [](unsigned char c) {
        return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    });
    return key;
}

header_row::header_row(const std::vector<std::string>& raw_names) {
    names_.reserve(raw_names.size());
    first_column_.reserve(raw_names.size());
    std::unordered_map<std::string, bool> reported;  // duplicate keys, each reported once
    for (const auto& raw : raw_names) {
        auto name = normalise_header(raw);
        auto key = header_key(name);
        const bool fresh = first_column_.emplace(key, names_.size()).second;
        if (!fresh && !key.empty() && reported.emplace(std::move(key), true).second) duplicates_.push_back(name);
        names_.push_back(std::move(name));
    }
}

std::optional<std::size_t> header_row::find(std::string_view name) const {
    const auto key = header_key(name);
    if (key.empty()) return std::nullopt;
    const auto it = first_column_.find(key);
    if (it == first_column_.end()) return std::nullopt;
    return it->second;
}

}  // namespace closeplan::batch

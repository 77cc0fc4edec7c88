// SPDX-License-Identifier: MIT
// Safe, unique output names.
#include "batch/file_names.hpp"

#include <algorithm>
#include <array>

#include "batch/content_hash.hpp"

namespace closeplan::batch {

namespace {

bool is_kept(unsigned char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

std::string lower(std::string_view s) {
    std::string out(s);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c); });
    return out;
}

bool is_reserved_windows_name(std::string_view stem) {
    const auto key = lower(stem.substr(0, stem.find('-')));
    static constexpr std::array<std::string_view, 4> plain{"con", "prn", "aux", "nul"};
    if (std::find(plain.begin(), plain.end(), key) != plain.end()) return true;
    return key.size() == 4 && (key.starts_with("com") || key.starts_with("lpt")) && key[3] >= '0' && key[3] <= '9';
}

void append_slug(std::string& out, std::string_view text) {
    bool dash = !out.empty();
    for (unsigned char c : text) {
        if (is_kept(c)) {
            if (dash && !out.empty()) out.push_back('-');
            dash = false;
            out.push_back(static_cast<char>(c));
        } else {
            dash = true;
        }
    }
}

}  // namespace

std::string safe_stem(std::string_view id, std::string_view name) {
    std::string stem;
    append_slug(stem, id);
    append_slug(stem, name);
    if (stem.size() > max_stem_length) {
        stem.resize(max_stem_length);
        while (!stem.empty() && stem.back() == '-') stem.pop_back();
    }
    if (!stem.empty() && is_reserved_windows_name(stem)) stem = "deal-" + stem;
    return stem;
}

namespace {

constexpr std::array<std::string_view, 4> placeholders{"{id}", "{name}", "{account}", "{owner}"};

const std::string& field_for(const naming_fields& fields, std::size_t placeholder) {
    switch (placeholder) {
        case 0: return fields.id;
        case 1: return fields.name;
        case 2: return fields.account;
        default: return fields.owner;
    }
}

/// Calls `literal(text)` and `field(index)` for the pieces of a pattern; false at an unknown `{...}`.
template <typename Literal, typename Field>
bool walk_pattern(std::string_view pattern, Literal literal, Field field) {
    while (!pattern.empty()) {
        const auto open = pattern.find('{');
        literal(pattern.substr(0, open));
        if (open == std::string_view::npos) return true;
        pattern.remove_prefix(open);
        std::size_t which = placeholders.size();
        for (std::size_t i = 0; i < placeholders.size(); ++i)
            if (pattern.starts_with(placeholders[i])) which = i;
        if (which == placeholders.size()) return false;
        field(which);
        pattern.remove_prefix(placeholders[which].size());
    }
    return true;
}

}  // namespace

std::optional<std::string> file_name_pattern_problem(std::string_view pattern) {
    bool identifies = false;
    const bool known = walk_pattern(pattern, [](std::string_view) {}, [&](std::size_t i) { identifies |= i <= 1; });
    if (!known) return "it holds a `{` that is none of {id}, {name}, {account}, {owner}";
    if (!identifies) return "it must hold {id} or {name}, or every deal would get the same name";
    return std::nullopt;
}

bool pattern_uses_more_than_id_and_name(std::string_view pattern) {
    return pattern.find("{account}") != std::string_view::npos || pattern.find("{owner}") != std::string_view::npos;
}

std::string stem_from_pattern(std::string_view pattern, const naming_fields& fields) {
    std::string stem;
    walk_pattern(pattern, [&](std::string_view text) { append_slug(stem, text); },
                 [&](std::size_t i) { append_slug(stem, field_for(fields, i)); });
    if (stem.size() > max_stem_length) {
        stem.resize(max_stem_length);
        while (!stem.empty() && stem.back() == '-') stem.pop_back();
    }
    if (!stem.empty() && is_reserved_windows_name(stem)) stem = "deal-" + stem;
    return stem;
}

namespace {

std::uint64_t slot_key(std::string_view stem) {
    const auto h = hash_text(lower(stem));
    return h == 0 ? 1 : h;  // 0 marks an empty slot
}

}  // namespace

stem_registry::stem_registry() {
    // The batch's own files must never be overwritten by a deal called "index".
    for (auto own : {"index", "errors", "batch-report"}) remember(own);
}

bool stem_registry::taken(std::string_view stem) const {
    const auto key = slot_key(stem);
    const auto mask = slots_.size() - 1;
    for (auto i = key & mask; slots_[i] != 0; i = (i + 1) & mask)
        if (slots_[i] == key) return true;
    return false;
}

void stem_registry::remember(std::string_view stem) {
    if (2 * (used_ + 1) > slots_.size()) {
        // Keep the table at most half full: double it and re-place every key.
        std::vector<std::uint64_t> old(slots_.size() * 2, 0);
        old.swap(slots_);
        const auto mask = slots_.size() - 1;
        for (auto key : old) {
            if (key == 0) continue;
            auto i = key & mask;
            while (slots_[i] != 0) i = (i + 1) & mask;
            slots_[i] = key;
        }
    }
    const auto key = slot_key(stem);
    const auto mask = slots_.size() - 1;
    auto i = key & mask;
    while (slots_[i] != 0) {
        if (slots_[i] == key) return;
        i = (i + 1) & mask;
    }
    slots_[i] = key;
    ++used_;
}

std::string stem_registry::claim(const std::string& wanted) {
    std::string stem = wanted.empty() ? std::string("deal") : wanted;
    if (taken(stem) || wanted.empty()) {
        for (int n = 2;; ++n) {
            auto candidate = stem + "-" + std::to_string(n);
            if (!taken(candidate)) {
                stem = std::move(candidate);
                break;
            }
        }
    }
    remember(stem);
    return stem;
}

}  // namespace closeplan::batch

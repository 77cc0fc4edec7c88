// SPDX-License-Identifier: MIT
// Output file names from a deal's id and name that are safe on every file
// system and never collide, not even on a case-insensitive one.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_set>

namespace closeplan::batch {

/// Longest stem in bytes; leaves room for `-NNNNNN` and `.html` under the
/// 255-byte limit of common file systems and keeps paths short on Windows.
inline constexpr std::size_t max_stem_length = 80;

/// `"006A0000 / Acme: Renewal <2026>"` -> `"006A0000-Acme-Renewal-2026"`: ASCII
/// letters, digits, `-` and `_` only (anything else becomes one `-`), no
/// leading or trailing `-`, `.` or space, no reserved Windows device name,
/// at most max_stem_length bytes. Empty input gives an empty stem.
std::string safe_stem(std::string_view id, std::string_view name);

/// Hands out unique stems in the order asked, so names are the same whatever
/// the number of workers. Keeps one 64-bit hash per name handed out, so its
/// memory stays small for long exports.
class stem_registry {
public:
    stem_registry();
    /// `wanted` itself, or `wanted-2`, `wanted-3`... when a name equal ignoring
    /// case was already handed out (or is a batch report's own name).
    std::string claim(const std::string& wanted);

private:
    bool taken(std::string_view stem) const;
    std::unordered_set<std::uint64_t> seen_;
};

}  // namespace closeplan::batch

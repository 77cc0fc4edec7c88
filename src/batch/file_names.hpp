// SPDX-License-Identifier: MIT
// Output file names from a deal's id and name that are safe on every file
// system and never collide, not even on a case-insensitive one.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace closeplan::batch {

/// Longest stem in bytes; leaves room for `-NNNNNN` and `.html` under the
/// 255-byte limit of common file systems and keeps paths short on Windows.
inline constexpr std::size_t max_stem_length = 80;

/// `"006A0000 / Acme: Renewal <2026>"` -> `"006A0000-Acme-Renewal-2026"`: ASCII
/// letters, digits, `-` and `_` only (anything else becomes one `-`), no
/// leading or trailing `-`, `.` or space, no reserved Windows device name,
/// at most max_stem_length bytes. Empty input gives an empty stem.
std::string safe_stem(std::string_view id, std::string_view name);

/// The fields a file name pattern can use (cleaned CRM text).
struct naming_fields {
    std::string id;
    std::string name;
    std::string account;
    std::string owner;
};

/// The pattern of file names when the mapping names none: the deal id, then
/// the name as a readable suffix (`006A0000-Acme-Renewal`).
inline constexpr std::string_view default_file_name_pattern = "{id}-{name}";

/// Why `pattern` (a mapping's `file_name`) cannot name files, or nullopt: it
/// may hold `{id}`, `{name}`, `{account}` and `{owner}` and literal text, and
/// must hold `{id}` or `{name}`.
std::optional<std::string> file_name_pattern_problem(std::string_view pattern);
/// Whether the pattern reads `{account}` or `{owner}` (so the row's need cleaning).
bool pattern_uses_more_than_id_and_name(std::string_view pattern);

/// The stem of a checked pattern: the placeholders filled in, then made safe
/// as safe_stem does (`{id}-{name}` gives exactly safe_stem(id, name)).
std::string stem_from_pattern(std::string_view pattern, const naming_fields& fields);

/// Hands out unique stems in the order asked, so names are the same whatever
/// the number of workers. Keeps one 64-bit hash per name handed out in an
/// open-addressing table (16 bytes a name), so 100,000 deals cost 2 MB.
class stem_registry {
public:
    stem_registry();
    /// `wanted` itself, or `wanted-2`, `wanted-3`... when a name equal ignoring
    /// case was already handed out (or is a batch report's own name).
    std::string claim(const std::string& wanted);

private:
    bool taken(std::string_view stem) const;
    void remember(std::string_view stem);
    std::vector<std::uint64_t> slots_ = std::vector<std::uint64_t>(1024, 0);  ///< 0 = empty; size a power of two
    std::size_t used_ = 0;
};

}  // namespace closeplan::batch

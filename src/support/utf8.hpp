// SPDX-License-Identifier: MIT
// UTF-8 validation: find malformed byte sequences, skip a byte-order mark, repair text.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace closeplan::utf8 {

/// Why a byte sequence is not UTF-8 (RFC 3629).
enum class problem {
    stray_continuation,  ///< a continuation byte (0x80-0xBF) where a sequence should start
    invalid_byte,        ///< 0xC0, 0xC1 or 0xF5-0xFF, which never occur in UTF-8
    overlong,            ///< a code point encoded with more bytes than needed
    surrogate,           ///< U+D800-U+DFFF, which UTF-8 must not encode
    too_large,           ///< above U+10FFFF
    truncated,           ///< a sequence cut short by the end of text or a non-continuation byte
};

/// One malformed sequence: where it starts, how many bytes belong to it, and why.
struct invalid_sequence {
    std::size_t offset = 0;
    std::size_t length = 1;  ///< bytes to skip before looking for the next problem (at least 1)
    problem kind = problem::invalid_byte;
};

/// Short lowercase description, e.g. "overlong encoding".
std::string_view describe(problem p);

/// The first malformed sequence at or after `from`, or nullopt when the rest is valid.
///
/// Example:
/// ```cpp
/// for (auto bad = utf8::find_invalid(text); bad; bad = utf8::find_invalid(text, bad->offset + bad->length))
///     report(bad->offset, utf8::describe(bad->kind));
/// ```
std::optional<invalid_sequence> find_invalid(std::string_view text, std::size_t from = 0);

[[nodiscard]] inline bool is_valid(std::string_view text) { return !find_invalid(text); }

inline constexpr std::string_view bom = "\xEF\xBB\xBF";

[[nodiscard]] inline bool starts_with_bom(std::string_view text) { return text.starts_with(bom); }

/// `text` without a leading UTF-8 byte-order mark.
[[nodiscard]] inline std::string_view strip_bom(std::string_view text) {
    return starts_with_bom(text) ? text.substr(bom.size()) : text;
}

/// A copy with every malformed sequence replaced by `replacement` (U+FFFD by default),
/// for text that must be shown even though it is not UTF-8 (e.g. Windows-1252 exports).
std::string replace_invalid(std::string_view text, std::string_view replacement = "\xEF\xBF\xBD");

}  // namespace closeplan::utf8

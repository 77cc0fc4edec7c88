// SPDX-License-Identifier: MIT
// UTF-8 decoding and the WinAnsi (CP1252) repertoire of the standard PDF fonts.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace closeplan::layout {

inline constexpr char32_t replacement_character = 0xFFFD;

/// Decodes the code point at `pos` and moves `pos` past it. A malformed
/// sequence gives U+FFFD and advances one byte, so callers never loop forever
/// and never split a valid sequence.
inline char32_t next_code_point(std::string_view s, std::size_t& pos) noexcept {
    const auto b0 = static_cast<unsigned char>(s[pos]);
    if (b0 < 0x80) {
        ++pos;
        return b0;
    }
    int len = 0;
    char32_t cp = 0;
    char32_t min = 0;
    if (b0 >= 0xC2 && b0 <= 0xDF) {
        len = 2, cp = b0 & 0x1Fu, min = 0x80;
    } else if (b0 >= 0xE0 && b0 <= 0xEF) {
        len = 3, cp = b0 & 0x0Fu, min = 0x800;
    } else if (b0 >= 0xF0 && b0 <= 0xF4) {
        len = 4, cp = b0 & 0x07u, min = 0x10000;
    } else {
        ++pos;
        return replacement_character;
    }
    if (pos + static_cast<std::size_t>(len) > s.size()) {
        ++pos;
        return replacement_character;
    }
    for (int k = 1; k < len; ++k) {
        const auto b = static_cast<unsigned char>(s[pos + static_cast<std::size_t>(k)]);
        if ((b & 0xC0u) != 0x80u) {
            ++pos;
            return replacement_character;
        }
        cp = (cp << 6) | (b & 0x3Fu);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
        ++pos;
        return replacement_character;
    }
    pos += static_cast<std::size_t>(len);
    return cp;
}

/// The CP1252 byte of a code point, or -1 when WinAnsiEncoding has none.
int winansi_byte(char32_t cp) noexcept;

/// The code point a CP1252 byte stands for (0 for the five unassigned bytes 81 8D 8F 90 9D).
char32_t winansi_code_point(unsigned char byte) noexcept;

/// UTF-8 to WinAnsi bytes for the standard fonts; characters outside the
/// encoding become `replacement` (layout/ has already replaced them visibly).
std::string to_winansi(std::string_view utf8, char replacement = '?');

/// Appends the UTF-8 encoding of `cp` to `out`.
void append_utf8(std::string& out, char32_t cp);

}  // namespace closeplan::layout

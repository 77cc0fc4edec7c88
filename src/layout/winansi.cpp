// SPDX-License-Identifier: MIT
// The CP1252 repertoire (ASCII, Latin-1 A0-FF and 27 extras in 80-9F) and UTF-8 to WinAnsi conversion.
#include "layout/winansi.hpp"

#include <array>

namespace closeplan::layout {
namespace {

// Bytes 0x80-0x9F; 0 marks the five bytes CP1252 leaves unassigned.
constexpr std::array<char32_t, 32> extras = {
    0x20AC, 0,      0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,  // 80-87
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0,      0x017D, 0,       // 88-8F
    0,      0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,  // 90-97
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0,      0x017E, 0x0178,  // 98-9F
};

}  // namespace

int winansi_byte(char32_t cp) noexcept {
    if (cp < 0x80 || (cp >= 0xA0 && cp <= 0xFF)) return static_cast<int>(cp);
    if (cp < 0x0152 || cp > 0x2122) return -1;
    for (std::size_t i = 0; i < extras.size(); ++i) {
        if (extras[i] == cp) return static_cast<int>(0x80 + i);
    }
    return -1;
}

char32_t winansi_code_point(unsigned char byte) noexcept {
    if (byte >= 0x80 && byte < 0xA0) return extras[byte - 0x80u];
    return byte;
}

std::string to_winansi(std::string_view utf8, char replacement) {
    std::string out;
    out.reserve(utf8.size());
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        const auto b = static_cast<unsigned char>(utf8[pos]);
        if (b < 0x80) {
            out.push_back(static_cast<char>(b));
            ++pos;
            continue;
        }
        const int mapped = winansi_byte(next_code_point(utf8, pos));
        out.push_back(mapped < 0 ? replacement : static_cast<char>(static_cast<unsigned char>(mapped)));
    }
    return out;
}

void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out.push_back(static_cast<char>(cp));
    } else if (cp < 0x800) {
        out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
        out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    } else {
        out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
        out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
    }
}

}  // namespace closeplan::layout

// SPDX-License-Identifier: MIT
// Display width and unspaced-script breaks from ICU's properties (layout/display_width.hpp).
#include "layout/display_width.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "layout/text_breaks.hpp"

namespace closeplan::layout {

namespace {

bool ascii(std::string_view utf8) {
    return std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

bool wide(UChar32 c) {
    const auto w = u_getIntPropertyValue(c, UCHAR_EAST_ASIAN_WIDTH);
    return w == U_EA_WIDE || w == U_EA_FULLWIDTH;
}

bool zero_width(UChar32 c) {
    const auto category = u_charType(c);
    return category == U_NON_SPACING_MARK || category == U_ENCLOSING_MARK || category == U_FORMAT_CHAR;
}

// Written without spaces between its words: wide (CJK) or complex context (Thai...).
bool unspaced(UChar32 c) {
    return wide(c) || u_getIntPropertyValue(c, UCHAR_LINE_BREAK) == U_LB_COMPLEX_CONTEXT;
}

// The code point starting at `at` (or the replacement for a bad sequence).
UChar32 code_point_at(std::string_view utf8, std::size_t at) {
    auto i = static_cast<int32_t>(at);
    UChar32 c = 0;
    U8_NEXT(utf8.data(), i, static_cast<int32_t>(utf8.size()), c);
    return c;
}

// The code point ending just before `at`.
UChar32 code_point_before(std::string_view utf8, std::size_t at) {
    auto i = static_cast<int32_t>(at);
    UChar32 c = 0;
    U8_PREV(utf8.data(), 0, i, c);
    return c;
}

}  // namespace

std::size_t display_columns(std::string_view utf8) {
    if (ascii(utf8)) return utf8.size();
    std::size_t columns = 0;
    const auto length = static_cast<int32_t>(utf8.size());
    for (int32_t i = 0; i < length;) {
        UChar32 c = 0;
        U8_NEXT(utf8.data(), i, length, c);
        if (c < 0) columns += 1;
        else if (wide(c)) columns += 2;
        else if (!zero_width(c)) columns += 1;
    }
    return columns;
}

void unspaced_break_opportunities(std::string_view utf8, std::vector<std::size_t>& out) {
    if (ascii(utf8)) return;
    std::vector<std::size_t> all;
    line_break_opportunities(utf8, all);
    for (const std::size_t at : all) {
        const UChar32 before = code_point_before(utf8, at);
        if (before == ' ' || before == '\t' || before == '\n') continue;
        if (unspaced(before) && unspaced(code_point_at(utf8, at))) out.push_back(at);
    }
}

}  // namespace closeplan::layout

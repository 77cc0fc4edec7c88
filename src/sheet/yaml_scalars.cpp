// SPDX-License-Identifier: MIT
#include "sheet/yaml_scalars.hpp"

#include <array>
#include <cstdio>

namespace closeplan::sheet {

namespace {

bool is_special_word(std::string_view text) {
    // Words YAML 1.1 or 1.2 read as null or a boolean: kept as text only when quoted.
    constexpr std::array words{"null", "Null", "NULL", "~", "true", "True", "TRUE", "false", "False", "FALSE",
                               "yes", "Yes", "YES", "no", "No", "NO", "on", "On", "ON", "off", "Off", "OFF",
                               "y", "Y", "n", "N"};
    for (const auto* w : words)
        if (text == w) return true;
    return false;
}

}  // namespace

bool printable(std::string_view text, std::string_view allowed_controls) {
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if ((c < 0x20 || c == 0x7F) && allowed_controls.find(static_cast<char>(c)) == std::string_view::npos) return false;
        // U+0085, U+2028, U+2029: YAML 1.1 readers (libyaml) break lines there.
        if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x85) return false;
        if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
            (static_cast<unsigned char>(text[i + 2]) == 0xA8 || static_cast<unsigned char>(text[i + 2]) == 0xA9))
            return false;
        if (c == 0xEF && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xBB &&
            static_cast<unsigned char>(text[i + 2]) == 0xBF)
            return false;  // a byte-order mark inside a value
    }
    return true;
}

bool plain_safe(std::string_view text, bool in_flow) {
    if (text.empty() || is_special_word(text)) return false;
    if (text.front() == ' ' || text.back() == ' ' || text.back() == ':') return false;
    if (std::string_view("-?:,[]{}#&*!|>'\"%@`").find(text.front()) != std::string_view::npos) return false;
    if (text.find(": ") != std::string_view::npos || text.find(" #") != std::string_view::npos) return false;
    if (in_flow && text.find_first_of(",[]{}") != std::string_view::npos) return false;
    return printable(text, "");
}

std::string double_quoted(std::string_view text) {
    std::string out = "\"";
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\t': out += "\\t"; break;
            case '\r': out += "\\r"; break;
            default:
                if (c < 0x20 || c == 0x7F) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\x%02X", c);
                    out += buf;
                } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x85) {
                    out += "\\N";
                    ++i;
                } else if (c == 0xE2 && i + 2 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0x80 &&
                           (static_cast<unsigned char>(text[i + 2]) == 0xA8 ||
                            static_cast<unsigned char>(text[i + 2]) == 0xA9)) {
                    out += static_cast<unsigned char>(text[i + 2]) == 0xA8 ? "\\L" : "\\P";
                    i += 2;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
    return out;
}

std::string yaml_value(std::string_view text, bool in_flow) {
    return plain_safe(text, in_flow) ? std::string(text) : double_quoted(text);
}

}  // namespace closeplan::sheet

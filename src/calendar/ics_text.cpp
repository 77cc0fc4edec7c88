// SPDX-License-Identifier: MIT
// RFC 5545 escaping (3.3.11) and line folding (3.1).
#include "calendar/ics_text.hpp"

namespace closeplan::calendar {

namespace {

constexpr std::size_t max_octets = 75;

bool continuation_byte(char c) { return (static_cast<unsigned char>(c) & 0xC0) == 0x80; }

}  // namespace

std::string escape_text(std::string_view value) {
    std::string out;
    out.reserve(value.size() + 8);
    for (std::size_t i = 0; i < value.size(); ++i) {
        const char c = value[i];
        switch (c) {
            case '\\': out += "\\\\"; break;
            case ';': out += "\\;"; break;
            case ',': out += "\\,"; break;
            case '\r':
                if (i + 1 < value.size() && value[i + 1] == '\n') ++i;  // CRLF is one line end
                out += "\\n";
                break;
            case '\n': out += "\\n"; break;
            case '\t': out += c; break;
            default: {
                const auto u = static_cast<unsigned char>(c);
                // CTLs are not TSAFE-CHARs: a raw one would end or corrupt the line.
                out += (u < 0x20 || u == 0x7F) ? ' ' : c;
            }
        }
    }
    return out;
}

std::string fold_line(std::string_view line) {
    std::string out;
    out.reserve(line.size() + line.size() / 70 * 3 + 2);
    std::size_t start = 0;
    bool first = true;
    while (true) {
        // A continuation's leading space counts toward its 75 octets.
        const std::size_t room = first ? max_octets : max_octets - 1;
        if (line.size() - start <= room) {
            if (!first) out += ' ';
            out.append(line.substr(start));
            out += "\r\n";
            return out;
        }
        std::size_t end = start + room;
        // Back up to the first byte of a UTF-8 sequence so none is split.
        while (end > start + 1 && continuation_byte(line[end])) --end;
        if (!first) out += ' ';
        out.append(line.substr(start, end - start));
        out += "\r\n";
        start = end;
        first = false;
    }
}

std::string text_property(std::string_view name, std::string_view value) {
    std::string line(name);
    line += ':';
    line += escape_text(value);
    return fold_line(line);
}

}  // namespace closeplan::calendar

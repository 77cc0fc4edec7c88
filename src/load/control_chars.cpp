// SPDX-License-Identifier: MIT
// Replacing control characters in loaded text and sheet cells (control_chars.hpp).
#include <cstdio>
#include <string>

#include "load/control_chars.hpp"
#include "load/load_internal.hpp"

namespace closeplan::load {

namespace {

constexpr std::string_view replacement = "\xEF\xBF\xBD";  // U+FFFD, visible: never drop text in silence

// The length of the control character starting at text[i], or 0 when there is none.
// Tab and line feed are ordinary text; a carriage return only as part of CRLF.
std::size_t control_length(std::string_view text, std::size_t i) {
    const auto byte = static_cast<unsigned char>(text[i]);
    if (byte == '\t' || byte == '\n') return 0;
    if (byte == '\r') return i + 1 < text.size() && text[i + 1] == '\n' ? 0 : 1;
    if (byte < 0x20 || byte == 0x7F) return 1;
    // C1 controls U+0080-U+009F are encoded C2 80 - C2 9F.
    if (byte == 0xC2 && i + 1 < text.size()) {
        const auto next = static_cast<unsigned char>(text[i + 1]);
        if (next >= 0x80 && next <= 0x9F) return 2;
    }
    return 0;
}

unsigned code_point(std::string_view text, std::size_t i, std::size_t length) {
    if (length == 1) return static_cast<unsigned char>(text[i]);
    return static_cast<unsigned char>(text[i + 1]);  // C2 xx encodes U+00xx
}

}  // namespace

replaced_controls replace_control_characters(std::string& text) {
    replaced_controls replaced;
    std::size_t i = 0;
    while (i < text.size() && control_length(text, i) == 0) ++i;
    if (i == text.size()) return replaced;  // the common case: nothing copied
    std::string out(text, 0, i);
    while (i < text.size()) {
        const auto length = control_length(text, i);
        if (length == 0) {
            out += text[i++];
            continue;
        }
        if (replaced.count++ == 0) replaced.first = code_point(text, i, length);
        out += replacement;
        i += length;
    }
    text = std::move(out);
    return replaced;
}

void report_replaced_controls(diagnostic_sink& diags, const source_location& where, const replaced_controls& replaced,
                              std::string_view what) {
    if (replaced.count == 0) return;
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", replaced.first);
    std::string message = what.empty() ? std::string() : std::string(what) + ": ";
    message += "control character " + std::string(name) + " replaced with U+FFFD";
    if (replaced.count > 1) message += " (and " + std::to_string(replaced.count - 1) + " more in this value)";
    diags.warning("L113", std::move(message), where,
                  {"remove terminal escapes, bells and other control characters from the text"});
}

void detail::replace_control_characters(raw_node& root, diagnostic_sink& diags) {
    // Recursion is bounded: the loader refuses trees deeper than its depth limit.
    if (root.is_scalar()) report_replaced_controls(diags, root.where, load::replace_control_characters(root.text));
    for (auto& member : root.members) {
        report_replaced_controls(diags, member.key_where, load::replace_control_characters(member.key));
        replace_control_characters(member.value, diags);
    }
    for (auto& item : root.items) replace_control_characters(item, diags);
}

}  // namespace closeplan::load

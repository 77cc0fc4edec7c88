// SPDX-License-Identifier: MIT
// Replacing control characters in loaded text, so that no terminal escape,
// bell or NEL from a CRM field reaches a document or a terminal.
#include <cstdio>
#include <string>

#include "load/load_internal.hpp"

namespace closeplan::load::detail {

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

bool replace_controls(std::string& text, unsigned& first, std::size_t& count) {
    std::string out;
    bool changed = false;
    for (std::size_t i = 0; i < text.size();) {
        const auto length = control_length(text, i);
        if (length == 0) {
            out += text[i++];
            continue;
        }
        if (!changed) first = code_point(text, i, length);
        changed = true;
        ++count;
        out += replacement;
        i += length;
    }
    if (changed) text = std::move(out);
    return changed;
}

void report(diagnostic_sink& diags, const source_location& where, unsigned first, std::size_t count) {
    char name[16];
    std::snprintf(name, sizeof name, "U+%04X", first);
    std::string message = "control character " + std::string(name) + " replaced with U+FFFD";
    if (count > 1) message += " (and " + std::to_string(count - 1) + " more in this value)";
    diags.warning("L113", std::move(message), where,
                  {"remove terminal escapes, bells and other control characters from the text"});
}

}  // namespace

void replace_control_characters(raw_node& root, diagnostic_sink& diags) {
    // Recursion is bounded: the loader refuses trees deeper than its depth limit.
    unsigned first = 0;
    std::size_t count = 0;
    if (root.is_scalar() && replace_controls(root.text, first, count)) report(diags, root.where, first, count);
    for (auto& member : root.members) {
        count = 0;
        if (replace_controls(member.key, first, count)) report(diags, member.key_where, first, count);
        replace_control_characters(member.value, diags);
    }
    for (auto& item : root.items) replace_control_characters(item, diags);
}

}  // namespace closeplan::load::detail

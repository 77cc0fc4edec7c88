// SPDX-License-Identifier: MIT
// Link-target checks and Markdown fields flattened to one line of inlines for table cells.
#include <string>

#include "view/markdown_field.hpp"

namespace closeplan::view {

namespace {

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool equal_folded(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i)
        if (ascii_lower(a[i]) != ascii_lower(b[i])) return false;
    return true;
}

// Invisible or space-like code points that make a URL read differently from
// where it goes: C1 controls, NBSP, soft hyphen, the U+2000 block spaces and bidi marks,
// line/paragraph separators, ideographic space and the BOM.
bool has_invisible_code_point(std::string_view s) {
    for (std::size_t i = 0; i + 1 < s.size(); ++i) {
        const auto b0 = static_cast<unsigned char>(s[i]);
        const auto b1 = static_cast<unsigned char>(s[i + 1]);
        if (b0 == 0xC2 && ((b1 >= 0x80 && b1 <= 0xA0) || b1 == 0xAD)) return true;  // C1, NBSP, soft hyphen
        if (i + 2 >= s.size()) continue;
        const auto b2 = static_cast<unsigned char>(s[i + 2]);
        if (b0 == 0xE1 && b1 == 0x9A && b2 == 0x80) return true;                      // U+1680
        if (b0 == 0xE2 && b1 == 0x80 && (b2 <= 0x8F || (b2 >= 0xA8 && b2 <= 0xAF))) return true;  // U+2000-200F, 2028-202F
        if (b0 == 0xE2 && b1 == 0x81 && b2 >= 0x9F && b2 <= 0xAF) return true;        // U+205F-206F
        if (b0 == 0xE3 && b1 == 0x80 && b2 == 0x80) return true;                      // U+3000
        if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) return true;                      // U+FEFF
    }
    return false;
}

void append_all(inlines& out, inlines more) {
    for (auto& node : more) append_inline(out, std::move(node));
}

inlines flatten(const blocks& content, const inline_node& separator);

inlines flatten_items(const std::vector<list_item>& items, bool ordered, int start) {
    inlines out;
    int number = start;
    for (const auto& item : items) {
        auto part = flatten(item.content, inline_node{line_break{}});
        if (part.empty() && !item.checked) continue;
        if (!out.empty()) append_inline(out, inline_node{text{"; "}});
        if (ordered) append_inline(out, inline_node{text{std::to_string(number) + ". "}});
        if (item.checked) append_inline(out, inline_node{text{*item.checked ? "[x] " : "[ ] "}});
        append_all(out, std::move(part));
        ++number;
    }
    return out;
}

std::string one_line(std::string s) {
    for (auto& c : s)
        if (c == '\n' || c == '\r') c = ' ';
    return s;
}

inlines flatten_table(const md_table& table) {
    inlines out;
    auto add_row = [&out](const std::vector<inlines>& cells) {
        if (!out.empty()) append_inline(out, inline_node{line_break{}});
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0) append_inline(out, inline_node{text{" | "}});
            append_all(out, cells[i]);
        }
    };
    add_row(table.header);
    for (const auto& row : table.rows) add_row(row);
    return out;
}

template <typename... F>
struct overloaded : F... {
    using F::operator()...;
};
template <typename... F>
overloaded(F...) -> overloaded<F...>;

inlines flatten_block(const block& b) {
    return std::visit(
        overloaded{
            [](const paragraph& v) { return v.content; },
            [](const heading& v) { return inlines{inline_node{strong{v.content}}}; },
            [](const bullet_list& v) { return flatten_items(v.items, false, 1); },
            [](const ordered_list& v) { return flatten_items(v.items, true, v.start); },
            [](const code_block& v) { return inlines{inline_node{code_span{one_line(v.code)}}}; },
            [](const block_quote& v) { return flatten(v.content, inline_node{line_break{}}); },
            [](const thematic_break&) { return inlines{}; },
            [](const md_table& v) { return flatten_table(v); },
            // Built by closeplan, never parsed from Markdown.
            [](const data_table&) { return inlines{}; },
            [](const fact_list&) { return inlines{}; },
            [](const signature_block&) { return inlines{}; },
        },
        b.value);
}

inlines flatten(const blocks& content, const inline_node& separator) {
    inlines out;
    for (const auto& b : content) {
        auto part = flatten_block(b);
        if (part.empty()) continue;
        if (!out.empty()) out.push_back(separator);
        append_all(out, std::move(part));
    }
    return out;
}

}  // namespace

bool is_safe_url(std::string_view url) {
    for (char c : url) {
        const auto u = static_cast<unsigned char>(c);
        // Controls and spaces hide a scheme ("java\tscript:"); quotes, angle
        // brackets and backslashes are never valid unencoded in a URL.
        if (u <= 0x20 || u == 0x7f || c == '"' || c == '<' || c == '>' || c == '\\' || c == '`') return false;
    }
    if (has_invisible_code_point(url)) return false;
    // An allow-list of schemes: anything else, relative or obfuscated
    // ("JaVaScRiPt:", "&#106;avascript:") fails here.
    const auto colon = url.find(':');
    if (colon == std::string_view::npos) return false;
    const auto scheme = url.substr(0, colon);
    const auto rest = url.substr(colon + 1);
    if (equal_folded(scheme, "mailto")) return !rest.empty() && rest.front() != '/';
    if (!equal_folded(scheme, "http") && !equal_folded(scheme, "https")) return false;
    if (rest.substr(0, 2) != "//") return false;
    const auto authority = rest.substr(2, rest.find_first_of("/?#", 2) - 2);
    return !authority.empty() && authority.front() != '@' && authority.front() != ':';
}

inlines parse_markdown_inline(std::string_view markdown, const source_location& where, diagnostic_sink& diags) {
    return flatten(parse_markdown_field(markdown, where, diags), inline_node{line_break{}});
}

}  // namespace closeplan::view

// SPDX-License-Identifier: MIT
// Escaping untrusted text for HTML, Markdown and CSS, and the URL rules for links.
#include "render/escape.hpp"

#include <algorithm>
#include <cstddef>

namespace closeplan::render {
namespace {

bool is_control(char c) {
    const auto u = static_cast<unsigned char>(c);
    return u < 0x20 || u == 0x7f;
}

bool is_ascii_alnum(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

char ascii_lower(char c) { return (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c; }

bool starts_with_ci(std::string_view text, std::string_view prefix) {
    if (text.size() < prefix.size()) return false;
    for (std::size_t i = 0; i < prefix.size(); ++i)
        if (ascii_lower(text[i]) != prefix[i]) return false;
    return true;
}

void append_percent(std::string& out, char c) {
    static constexpr char hex[] = "0123456789ABCDEF";
    const auto u = static_cast<unsigned char>(c);
    out += '%';
    out += hex[u >> 4];
    out += hex[u & 0x0f];
}

std::size_t longest_backtick_run(std::string_view text) {
    std::size_t longest = 0;
    std::size_t run = 0;
    for (char c : text) {
        run = (c == '`') ? run + 1 : 0;
        longest = std::max(longest, run);
    }
    return longest;
}

// The bytes of a small set as a table: std::string_view::find_first_of
// calls memchr over the set once for every byte of the text.
class byte_set {
public:
    constexpr explicit byte_set(std::string_view bytes) {
        for (char c : bytes) in_[static_cast<unsigned char>(c)] = true;
    }
    [[nodiscard]] constexpr bool any_in(std::string_view text) const {
        for (char c : text)
            if (in_[static_cast<unsigned char>(c)]) return true;
        return false;
    }

private:
    bool in_[256] = {};
};

constexpr byte_set html_special("&<>\"'");
// Without any of these, neither escape_markdown's loop nor the line starts
// (-, +, = or digits then . or )) have anything to escape.
constexpr byte_set markdown_special("\\`*_[]<>#|~&:.)-+=");
constexpr byte_set cell_breaks("\n\r\t");

}  // namespace

void append_escaped_html(std::string& out, std::string_view text) {
    // Most table cells and names have nothing to escape: one append, no loop.
    if (!html_special.any_in(text)) {
        out += text;
        return;
    }
    out.reserve(out.size() + text.size() + text.size() / 8);
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c; break;
        }
    }
}

std::string escape_html(std::string_view text) {
    std::string out;
    append_escaped_html(out, text);
    return out;
}

std::string escape_html_attribute(std::string_view text) {
    std::string flat(text);
    std::replace_if(flat.begin(), flat.end(), is_control, ' ');
    return escape_html(flat);
}

std::string escape_markdown(std::string_view text) {
    if (!markdown_special.any_in(text)) return std::string(text);
    std::string out;
    out.reserve(text.size() + text.size() / 4);
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        switch (c) {
            case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
            case '#': case '|': case '~': case '&':
                out += '\\';
                out += c;
                break;
            case ':':
                // "http://" and friends are autolinked by GFM; an escaped colon is not.
                if (text.substr(i + 1, 2) == "//") out += '\\';
                out += c;
                break;
            case '.':
                // "www." at a word start is autolinked by GFM; "www\." is not.
                if (i >= 3 && starts_with_ci(text.substr(i - 3), "www") &&
                    (i == 3 || !is_ascii_alnum(text[i - 4])))
                    out += '\\';
                out += c;
                break;
            default: out += c; break;
        }
    }
    return escape_markdown_line_starts(out);
}

std::string escape_markdown_cell(std::string_view text) {
    if (!cell_breaks.any_in(text)) return escape_markdown(text);
    std::string flat(text);
    std::replace_if(flat.begin(), flat.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    return escape_markdown(flat);
}

void append_escaped_markdown(std::string& out, std::string_view text, bool single_line) {
    // The early returns of escape_markdown and escape_markdown_cell, without their copy.
    if (!markdown_special.any_in(text) && !(single_line && cell_breaks.any_in(text))) {
        out += text;
        return;
    }
    out += single_line ? escape_markdown_cell(text) : escape_markdown(text);
}

std::string escape_markdown_line_starts(std::string_view markdown) {
    std::string out;
    out.reserve(markdown.size() + 4);
    std::size_t line_begin = 0;
    while (line_begin <= markdown.size()) {
        std::size_t line_end = markdown.find('\n', line_begin);
        if (line_end == std::string_view::npos) line_end = markdown.size();
        const std::string_view line = markdown.substr(line_begin, line_end - line_begin);

        std::size_t i = 0;
        while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
        std::size_t insert_at = std::string_view::npos;
        if (i < line.size() && (line[i] == '-' || line[i] == '+' || line[i] == '=')) {
            insert_at = i;
        } else {
            std::size_t j = i;
            while (j < line.size() && j - i < 10 && line[j] >= '0' && line[j] <= '9') ++j;
            if (j > i && j - i <= 9 && j < line.size() && (line[j] == '.' || line[j] == ')')) insert_at = j;
        }
        if (insert_at == std::string_view::npos) {
            out += line;
        } else {
            out += line.substr(0, insert_at);
            out += '\\';
            out += line.substr(insert_at);
        }
        if (line_end == markdown.size()) break;
        out += '\n';
        line_begin = line_end + 1;
    }
    return out;
}

bool is_allowed_url(std::string_view url) {
    if (std::any_of(url.begin(), url.end(), is_control)) return false;
    if (starts_with_ci(url, "https://")) return url.size() > 8;
    if (starts_with_ci(url, "http://")) return url.size() > 7;
    if (starts_with_ci(url, "mailto:")) return url.size() > 7;
    return false;
}

std::optional<std::string> html_href(std::string_view url) {
    if (!is_allowed_url(url)) return std::nullopt;
    std::string encoded;
    for (char c : url) {
        switch (c) {
            case ' ': case '"': case '\'': case '<': case '>': case '`': case '\\':
                append_percent(encoded, c);
                break;
            default: encoded += c; break;
        }
    }
    return escape_html(encoded);
}

std::optional<std::string> markdown_link_destination(std::string_view url) {
    if (!is_allowed_url(url)) return std::nullopt;
    std::string out;
    for (char c : url) {
        switch (c) {
            case ' ': case '"': case '\'': case '(': case ')': case '<': case '>': case '|': case '\\': case '`':
                append_percent(out, c);
                break;
            // An entity such as &lt; would be decoded inside a destination;
            // a backslash keeps the & literal without changing the URL.
            case '&': out += "\\&"; break;
            default: out += c; break;
        }
    }
    return out;
}

std::string markdown_code_span(std::string_view code, bool in_table_cell) {
    std::string body(code);
    std::replace_if(body.begin(), body.end(), [](char c) { return c == '\n' || c == '\r' || c == '\t'; }, ' ');
    if (body.empty()) return {};
    if (in_table_cell) {
        std::string piped;
        for (char c : body) {
            if (c == '|') piped += '\\';
            piped += c;
        }
        body = std::move(piped);
    }
    const std::string fence(longest_backtick_run(body) + 1, '`');
    const bool all_spaces = body.find_first_not_of(' ') == std::string::npos;
    // A span strips one space from each end when both are there, and a
    // backtick next to the fence would lengthen it: pad in both cases.
    const bool pad = body.front() == '`' || body.back() == '`' ||
                     (!all_spaces && body.front() == ' ' && body.back() == ' ');
    return pad ? fence + ' ' + body + ' ' + fence : fence + body + fence;
}

std::string markdown_code_fence(std::string_view code) {
    return std::string(std::max<std::size_t>(3, longest_backtick_run(code) + 1), '`');
}

void append_css_identifier(std::string& out, std::string_view text) {
    // Written in place: a page has a class name for every table row.
    const auto at = out.size();
    out.resize(at + text.size());
    char* to = out.data() + at;
    for (const char c : text) {
        const char lower = ascii_lower(c);
        *to++ = (is_ascii_alnum(lower) || lower == '_' || lower == '-') ? lower : '-';
    }
}

std::string css_identifier(std::string_view text) {
    std::string out;
    append_css_identifier(out, text);
    return out;
}

std::string escape_css_value(std::string_view text) {
    static constexpr std::string_view allowed = " #.,%'\"-_";
    std::string out;
    for (char c : text)
        if (is_ascii_alnum(c) || allowed.find(c) != std::string_view::npos) out += c;
    return out;
}

}  // namespace closeplan::render

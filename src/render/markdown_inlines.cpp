// SPDX-License-Identifier: MIT
// Writes the document's inline nodes as GitHub-flavoured Markdown, never as raw HTML.
#include <variant>

#include "render/escape.hpp"
#include "render/markdown_writer.hpp"
#include "render/writer_support.hpp"

namespace closeplan::render::detail {
namespace {

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t'; }

struct markdown_inline_writer {
    bool single_line;
    diagnostic_sink& diags;
    std::string& out;  ///< appended to: a table cell goes straight into its row's line
    int link_depth = 0;

    void write(const view::inlines& content) {
        for (const auto& node : content) std::visit(*this, node.value);
    }
    void text(std::string_view s) const { append_escaped_markdown(out, s, single_line); }

    // Emphasis delimiters only work hugging non-space text: "* x *" would stay
    // literal asterisks, so the spaces move outside.
    void delimit(std::string_view mark, const view::inlines& children) {
        std::string s;
        markdown_inline_writer inner{single_line, diags, s, link_depth};
        inner.write(children);
        std::size_t b = 0;
        std::size_t e = s.size();
        while (b < e && is_space(s[b])) ++b;
        while (e > b && is_space(s[e - 1])) --e;
        if (b == e) {
            out += s;
            return;
        }
        out += s.substr(0, b);
        out += mark;
        out += s.substr(b, e - b);
        out += mark;
        out += s.substr(e);
    }

    void operator()(const view::text& n) { text(n.value); }
    void operator()(const view::emphasis& n) { delimit("*", n.children); }
    void operator()(const view::strong& n) { delimit("**", n.children); }
    void operator()(const view::strikethrough& n) { delimit("~~", n.children); }
    void operator()(const view::code_span& n) { out += markdown_code_span(n.value, single_line); }
    void operator()(const view::soft_break&) { out += single_line ? " " : "\n"; }
    void operator()(const view::line_break&) { out += single_line ? " / " : "\\\n"; }
    void operator()(const view::badge& n) {
        if (n.label.empty()) return;
        out += "**";
        text(n.label);
        out += "**";
    }
    void operator()(const view::link& n) {
        const bool has_text = !plain_text(n.children).empty();
        const auto destination = markdown_link_destination(n.url);
        if (!destination)
            diags.warning("O501", "link to a refused URL written as text", {},
                          {"only http, https and mailto links are written"});
        if (!destination || link_depth > 0) {
            has_text ? write(n.children) : text(n.url);
            return;
        }
        out += '[';
        ++link_depth;
        has_text ? write(n.children) : text(n.url);
        --link_depth;
        out += "](" + *destination + ")";
    }
};

}  // namespace

std::string markdown_inlines(const view::inlines& content, bool single_line, diagnostic_sink& diags) {
    std::string out;
    markdown_inline_writer w{single_line, diags, out, 0};
    w.write(content);
    // A soft break can leave data such as "- x" or "1. x" at the start of a line.
    if (single_line) return out;
    return escape_markdown_line_starts(out);
}

void append_markdown_cell(std::string& out, const view::inlines& content, diagnostic_sink& diags) {
    markdown_inline_writer w{true, diags, out, 0};
    w.write(content);
}

}  // namespace closeplan::render::detail

// SPDX-License-Identifier: MIT
// Writes the document's inline nodes as HTML.
#include <string_view>
#include <variant>

#include "layout/address_breaks.hpp"
#include "render/escape.hpp"
#include "render/html_writer.hpp"
#include "render/writer_support.hpp"

namespace closeplan::render::detail {
namespace {

std::string_view tone_class(view::tone t) {
    switch (t) {
        case view::tone::neutral: return "neutral";
        case view::tone::info: return "info";
        case view::tone::ok: return "ok";
        case view::tone::warn: return "warn";
        case view::tone::bad: return "bad";
        case view::tone::buyer: return "buyer";
        case view::tone::seller: return "seller";
        case view::tone::both: return "both";
    }
    return "neutral";
}

struct html_inline_writer {
    diagnostic_sink& diags;
    std::string& out;  ///< appended to: a table cell goes straight into its table
    int link_depth = 0;
    bool in_cell = false;

    void write(const view::inlines& content) {
        for (const auto& node : content) std::visit(*this, node.value);
    }
    void wrap(std::string_view tag, const view::inlines& children) {
        out += '<';
        out += tag;
        out += '>';
        write(children);
        out += "</";
        out += tag;
        out += '>';
    }

    void operator()(const view::text& n) {
        if (link_depth > 0) return address_text(n.value);
        append_escaped_html(out, n.value);
    }
    // A link's e-mail address or URL may wrap only where the PDF's would
    // (layout/address_breaks.hpp): a <wbr> there, and page.css's
    // `overflow-wrap: break-word` cuts elsewhere only what still overflows.
    void address_text(std::string_view text) {
        std::size_t from = 0;
        while (from < text.size()) {
            const auto space = text.find(' ', from);
            const auto end = space == std::string_view::npos ? text.size() : space;
            const auto chunk = text.substr(from, end - from);
            std::size_t done = 0;
            if (layout::is_address(chunk))
                for (const auto at : layout::address_breaks(chunk)) {
                    append_escaped_html(out, chunk.substr(done, at - done));
                    out += "<wbr>";
                    done = at;
                }
            append_escaped_html(out, chunk.substr(done));
            if (end < text.size()) out += ' ';
            from = end + 1;
        }
    }
    void operator()(const view::emphasis& n) { wrap("em", n.children); }
    void operator()(const view::strong& n) { wrap("strong", n.children); }
    void operator()(const view::strikethrough& n) { wrap("del", n.children); }
    void operator()(const view::code_span& n) { out += "<code>" + escape_html(n.value) + "</code>"; }
    void operator()(const view::soft_break&) { out += '\n'; }
    void operator()(const view::line_break&) {
        // On paper a table row stays one line where it can: the break prints as a middle dot.
        out += in_cell ? "<br>\n<span class=\"bs\">\u00b7 </span>" : "<br>\n";
    }
    void operator()(const view::badge& n) {
        out += "<span class=\"badge badge-";
        out += tone_class(n.color);
        out += "\">";
        append_escaped_html(out, n.label);
        out += "</span>";
    }
    void operator()(const view::link& n) {
        // The visible text is what a screen reader announces: never leave it empty.
        const bool has_text = !plain_text(n.children).empty();
        const auto href = html_href(n.url);
        if (!href) {
            diags.warning("O501", "link to a refused URL written as text", {},
                          {"only http, https and mailto links are written"});
        }
        if (!href || link_depth > 0) {
            has_text ? write(n.children) : void(out += escape_html(n.url));
            return;
        }
        out += "<a href=\"" + *href + "\">";
        ++link_depth;
        has_text ? write(n.children) : address_text(n.url);
        --link_depth;
        out += "</a>";
    }
};

}  // namespace

std::string html_cell_inlines(const view::inlines& content, diagnostic_sink& diags) {
    // A link alone in a cell stays a link on paper too: underlined, coloured and
    // clickable in a PDF printed from the browser (page.css.mustache).
    std::string out;
    append_html_cell_inlines(out, content, diags);
    return out;
}

void append_html_cell_inlines(std::string& out, const view::inlines& content, diagnostic_sink& diags) {
    html_inline_writer w{diags, out, 0, true};
    w.write(content);
}

std::string html_inlines(const view::inlines& content, diagnostic_sink& diags) {
    std::string out;
    html_inline_writer w{diags, out, 0, false};
    w.write(content);
    return out;
}

}  // namespace closeplan::render::detail

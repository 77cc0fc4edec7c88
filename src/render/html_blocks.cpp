// SPDX-License-Identifier: MIT
// Writes the document's blocks and sections as HTML: prose, tables, facts, signature lines.
#include <algorithm>
#include <variant>
#include <vector>

#include "render/escape.hpp"
#include "render/html_writer.hpp"
#include "render/writer_support.hpp"

namespace closeplan::render::detail {
namespace {

std::string_view align_class(view::align a) {
    switch (a) {
        case view::align::none: return "";
        case view::align::left: return "al";
        case view::align::center: return "ac";
        case view::align::right: return "ar";
    }
    return "";
}

// class="a b" from the non-empty parts, or "" when there are none.
std::string class_attr(std::initializer_list<std::string_view> parts) {
    std::string joined;
    for (auto p : parts) {
        if (p.empty()) continue;
        if (!joined.empty()) joined += ' ';
        joined += p;
    }
    return joined.empty() ? std::string() : " class=\"" + joined + "\"";
}

struct html_block_writer {
    std::string_view label;
    diagnostic_sink& diags;
    std::string out;

    void write(const view::blocks& content) {
        for (const auto& b : content) std::visit(*this, b.value);
    }
    std::string inl(const view::inlines& content) { return html_inlines(content, diags); }
    std::string cell(const view::inlines& content) { return html_cell_inlines(content, diags); }

    void operator()(const view::paragraph& b) {
        out += "<p>";
        out += inl(b.content);
        out += "</p>\n";
    }
    void operator()(const view::heading& b) {
        const std::string tag = "h" + std::to_string(std::clamp(b.level + 2, 3, 6));
        out += "<" + tag + ">" + inl(b.content) + "</" + tag + ">\n";
    }
    void operator()(const view::bullet_list& b) { write_list("ul", 1, b.items); }
    void operator()(const view::ordered_list& b) { write_list("ol", b.start, b.items); }
    void operator()(const view::code_block& b) {
        const std::string info = b.info.substr(0, b.info.find(' '));
        const std::string cls = info.empty() ? std::string() : "language-" + css_identifier(info);
        out += "<pre><code" + class_attr({cls}) + ">" + escape_html(b.code) + "</code></pre>\n";
    }
    void operator()(const view::block_quote& b) {
        out += "<blockquote>\n";
        write(b.content);
        out += "</blockquote>\n";
    }
    void operator()(const view::thematic_break&) { out += "<hr>\n"; }
    void operator()(const view::md_table& b);
    void operator()(const view::data_table& b);
    void operator()(const view::fact_list& b);
    void operator()(const view::signature_block& b);

    void write_list(std::string_view tag, int start, const std::vector<view::list_item>& items);
    void write_item_content(const view::blocks& content);
};

void html_block_writer::write_item_content(const view::blocks& content) {
    // A tight item (one paragraph) goes without <p>, like CommonMark's tight lists.
    if (content.size() == 1)
        if (const auto* p = std::get_if<view::paragraph>(&content.front().value)) {
            out += inl(p->content);
            return;
        }
    out += '\n';
    write(content);
}

void html_block_writer::write_list(std::string_view tag, int start, const std::vector<view::list_item>& items) {
    const bool tasks = std::any_of(items.begin(), items.end(), [](const auto& i) { return i.checked.has_value(); });
    out += "<" + std::string(tag) + class_attr({tasks ? "tasks" : ""});
    if (tag == "ol" && start != 1) out += " start=\"" + std::to_string(start) + "\"";
    out += ">\n";
    for (const auto& item : items) {
        if (item.checked) {
            // The box is a character, so its state is read aloud and printed.
            out += *item.checked ? "<li class=\"task done\">\u2611 " : "<li class=\"task\">\u2610 ";
        } else {
            out += "<li>";
        }
        write_item_content(item.content);
        out += "</li>\n";
    }
    out += "</" + std::string(tag) + ">\n";
}

void html_block_writer::operator()(const view::md_table& b) {
    std::vector<std::string> heads;
    for (const auto& h : b.header) heads.push_back(plain_text(h));
    const auto align_of = [&](std::size_t i) { return i < b.alignments.size() ? align_class(b.alignments[i]) : ""; };

    out += "<table class=\"md\" aria-label=\"" + escape_html_attribute(label) + "\">\n<thead>\n<tr>";
    for (std::size_t i = 0; i < b.header.size(); ++i)
        out += "<th scope=\"col\"" + class_attr({align_of(i)}) + ">" + inl(b.header[i]) + "</th>";
    out += "</tr>\n</thead>\n<tbody>\n";
    for (const auto& row : b.rows) {
        out += "<tr>";
        for (std::size_t i = 0; i < row.size(); ++i) {
            const std::string head = i < heads.size() ? heads[i] : std::string();
            out += "<td" + class_attr({align_of(i)}) + " data-label=\"" + escape_html_attribute(head) + "\">" +
                   cell(row[i]) + "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
}

void html_block_writer::operator()(const view::data_table& b) {
    const std::string_view caption = b.caption.empty() ? label : std::string_view(b.caption);
    // A column's class and its cells' attributes are made once per table, not per cell.
    std::vector<std::string> column_class;
    std::vector<std::string> column_attrs;
    column_class.reserve(b.columns.size());
    column_attrs.reserve(b.columns.size());
    for (const auto& col : b.columns) {
        std::string cls = class_attr({"c-" + css_identifier(col.key), align_class(col.alignment)});
        column_attrs.push_back(cls + " data-label=\"" + escape_html_attribute(col.label) + "\"");
        column_class.push_back(std::move(cls));
    }
    const std::string no_column_attrs = " data-label=\"\"";  // a cell beyond the columns
    // The section heading names the table on screen; the caption describes it
    // for screen readers and costs no line on the one printed page.
    out += "<table class=\"data t-";
    append_css_identifier(out, b.key);
    out += "\">\n<caption class=\"vh\">";
    append_escaped_html(out, caption);
    out += "</caption>\n<thead>\n<tr>";
    for (std::size_t i = 0; i < b.columns.size(); ++i) {
        out += "<th scope=\"col\"";
        out += column_class[i];
        out += '>';
        append_escaped_html(out, b.columns[i].label);
        out += "</th>";
    }
    out += "</tr>\n</thead>\n<tbody>\n";
    for (const auto& row : b.rows) {
        out += "<tr";
        if (!row.row_class.empty()) {
            out += " class=\"r-";
            append_css_identifier(out, row.row_class);
            out += '"';
        }
        out += '>';
        for (std::size_t i = 0; i < row.cells.size(); ++i) {
            const std::string& attrs = i < column_attrs.size() ? column_attrs[i] : no_column_attrs;
            const bool row_header = i == 0 && row.row_header_first;
            out += row_header ? "<th scope=\"row\"" : "<td";
            out += attrs;
            out += '>';
            append_html_cell_inlines(out, row.cells[i], diags);
            out += row_header ? "</th>" : "</td>";
        }
        out += "</tr>\n";
    }
    out += "</tbody>\n</table>\n";
}

void html_block_writer::operator()(const view::fact_list& b) {
    out += "<dl class=\"facts f-";
    append_css_identifier(out, b.key);
    out += "\">\n";
    for (const auto& f : b.facts) {
        out += "<div class=\"fact k-";
        append_css_identifier(out, f.key);
        out += "\"><dt>";
        append_escaped_html(out, f.label);
        out += "</dt><dd>";
        append_html_cell_inlines(out, f.value, diags);
        out += "</dd></div>\n";
    }
    out += "</dl>\n";
}

void html_block_writer::operator()(const view::signature_block& b) {
    out += "<div class=\"signatures\">\n";
    for (const auto& s : b.lines) {
        const std::string who = escape_html(s.who);
        out += "<div class=\"signature\">\n";
        out += "<p class=\"sig-side\">" + escape_html(s.side_label) + "</p>\n";
        out += "<div class=\"sig-fields\">\n";
        out += "<div class=\"sig-field sig-sign\"><div class=\"sig-space\"></div><p class=\"sig-caption\">" + who +
               "</p></div>\n";
        out += "<div class=\"sig-field sig-date\"><div class=\"sig-space\">" + escape_html(s.date_value) +
               "</div><p class=\"sig-caption\">" + escape_html(s.date_label) + "</p></div>\n";
        out += "</div>\n</div>\n";
    }
    out += "</div>\n";
}

}  // namespace

std::string html_blocks(const view::blocks& content, std::string_view label, diagnostic_sink& diags) {
    html_block_writer w{label, diags, {}};
    w.write(content);
    return std::move(w.out);
}

std::string html_section(const view::section& s, diagnostic_sink& diags, int heading_level, std::string_view id_prefix) {
    // The section's opening, then its blocks written after it into the same
    // string: no body written apart and copied in, no growing by doubling
    // from an empty string. A section whose blocks write nothing is left out.
    html_block_writer w{s.title, diags, {}};
    std::string& out = w.out;
    out.reserve(4096);
    out += "<section class=\"section s-";
    append_css_identifier(out, s.key);
    out += "\" id=\"";
    const auto id_at = out.size();
    out += id_prefix;
    append_css_identifier(out, s.key);
    const std::string id = out.substr(id_at);
    out += '"';
    if (!s.title.empty()) {
        const char level = static_cast<char>('0' + std::clamp(heading_level, 1, 6));
        out += " aria-labelledby=\"";
        out += id;
        out += "-title\">\n<h";
        out += level;
        out += " id=\"";
        out += id;
        out += "-title\">";
        append_escaped_html(out, s.title);
        out += "</h";
        out += level;
        out += ">\n";
    } else {
        out += ">\n";
    }
    const auto body_at = out.size();
    w.write(s.content);
    if (out.size() == body_at) return {};
    out += "</section>\n";
    return std::move(out);
}

}  // namespace closeplan::render::detail

// SPDX-License-Identifier: MIT
// Writes the document's blocks and sections as GitHub-flavoured Markdown lines.
#include <algorithm>
#include <cmath>
#include <variant>

#include "layout/display_width.hpp"
#include "render/column_widths.hpp"
#include "render/escape.hpp"
#include "render/markdown_writer.hpp"

namespace closeplan::render::detail {
namespace {

using lines = std::vector<std::string>;

lines split_lines(std::string_view text) {
    lines out;
    std::size_t start = 0;
    while (true) {
        const auto nl = text.find('\n', start);
        out.emplace_back(text.substr(start, nl == std::string_view::npos ? nl : nl - start));
        if (nl == std::string_view::npos) return out;
        start = nl + 1;
    }
}

std::string trim_left(std::string s) {
    s.erase(0, s.find_first_not_of(" \t"));
    return s;
}

// A separator cell of `width` characters (3 at least) with the column's alignment colons.
std::string delimiter_cell(view::align a, std::size_t width) {
    width = std::max<std::size_t>(width, 3);
    switch (a) {
        case view::align::none: return std::string(width, '-');
        case view::align::left: return ":" + std::string(width - 1, '-');
        case view::align::center: return ":" + std::string(width - 2, '-') + ":";
        case view::align::right: return std::string(width - 1, '-') + ":";
    }
    return std::string(width, '-');
}

// Text width in display columns: what a reader of the Markdown in a
// monospaced editor, and pandoc, count (pandoc sizes a pipe table's columns
// by display width, a CJK character two columns: layout/display_width.hpp).
double characters(std::string_view text) { return static_cast<double>(layout::display_columns(text)); }

// Pandoc reads a pipe table whose lines are longer than its --columns (72)
// with column widths in proportion to the separator's dash counts, and the
// same dash count in every column gives equal columns: "#" as wide as the
// milestone's title, and words broken inside. The dashes are shared out as
// the DOCX writer shares the page (render/column_widths.hpp): each column
// its longest word, the rest by how much more its lines want, out of a line
// of this many characters (what a pandoc DOCX line of 12 pt text holds on
// Letter or A4 in LibreOffice, cell margins included).
constexpr double markdown_table_line = 72;

std::vector<std::size_t> delimiter_widths(const std::vector<column_need>& needs) {
    std::vector<column_need> padded = needs;
    for (auto& n : padded) {
        n.min += 2;  // the spaces around the cell
        n.max += 2;
    }
    const auto shared = share_width(padded, markdown_table_line);
    std::vector<std::size_t> out;
    for (double w : shared) out.push_back(static_cast<std::size_t>(std::lround(w)));
    return out;
}

std::string trim_right_copy(std::string s) {
    s.erase(s.find_last_not_of(" \t") + 1);
    return s;
}

// Prefixes the first line with `first` and the others with `rest`; blank lines stay blank.
void append_prefixed(lines& out, const lines& body, const std::string& first, const std::string& rest) {
    for (std::size_t i = 0; i < body.size(); ++i) {
        const std::string& prefix = i == 0 ? first : rest;
        out.push_back(body[i].empty() ? trim_right_copy(prefix) : prefix + body[i]);
    }
    if (body.empty()) out.push_back(trim_right_copy(first));
}

// A cell's width in characters; pandoc sets **strong** text and badges in
// bold, whose letters are about a sixth wider.
double cell_measure(std::string_view text, bool bold) { return characters(text) * (bold ? 1.15 : 1.0); }
// A table cell is one line: markdown_inlines writes a hard break in it as this.
constexpr const char* single_line_break = " / ";

struct markdown_block_writer {
    diagnostic_sink& diags;
    lines out;
    // Two lists in a row would merge into one: alternate the marker instead.
    int bullet_lists_in_a_row = 0;
    int ordered_lists_in_a_row = 0;

    void write(const view::blocks& content) {
        for (const auto& b : content) {
            const std::size_t before = out.size();
            if (!out.empty()) out.emplace_back();
            const bool bullet = std::holds_alternative<view::bullet_list>(b.value);
            const bool ordered = std::holds_alternative<view::ordered_list>(b.value);
            std::visit(*this, b.value);
            if (out.size() == before + 1 && before > 0) out.pop_back();  // the block wrote nothing
            bullet_lists_in_a_row = bullet ? bullet_lists_in_a_row + 1 : 0;
            ordered_lists_in_a_row = ordered ? ordered_lists_in_a_row + 1 : 0;
        }
    }
    std::string inl(const view::inlines& c, bool single_line) { return markdown_inlines(c, single_line, diags); }
    lines sub(const view::blocks& content) {
        markdown_block_writer w{diags, {}, 0, 0};
        w.write(content);
        return std::move(w.out);
    }

    void operator()(const view::paragraph& b) {
        const std::string text = inl(b.content, false);
        if (text.find_first_not_of(" \t\n") == std::string::npos) return;
        // Leading spaces would turn a line into code: CommonMark drops them in a paragraph anyway.
        for (auto& line : split_lines(text)) out.push_back(trim_left(std::move(line)));
    }
    void operator()(const view::heading& b) {
        const std::string text = inl(b.content, true);
        out.push_back(std::string(static_cast<std::size_t>(std::clamp(b.level + 2, 3, 6)), '#') + " " + text);
    }
    void operator()(const view::bullet_list& b) {
        const std::string marker = bullet_lists_in_a_row % 2 == 0 ? "-" : "*";
        write_items(b.items, [&](std::size_t) { return marker; });
    }
    void operator()(const view::ordered_list& b) {
        const char delim = ordered_lists_in_a_row % 2 == 0 ? '.' : ')';
        write_items(b.items, [&](std::size_t i) { return std::to_string(b.start + static_cast<int>(i)) + delim; });
    }
    void operator()(const view::code_block& b) {
        // Only the language word survives: the info string is ours to keep plain.
        std::string info;
        for (char c : b.info.substr(0, b.info.find_first_of(" \t\n"))) {
            const bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                              c == '-' || c == '+' || c == '_' || c == '.' || c == '#';
            if (keep) info += c;
        }
        const std::string fence = markdown_code_fence(b.code);
        out.push_back(fence + info);
        std::string code = b.code;
        if (!code.empty() && code.back() == '\n') code.pop_back();
        if (!b.code.empty())
            for (auto& line : split_lines(code)) out.push_back(std::move(line));
        out.push_back(fence);
    }
    void operator()(const view::block_quote& b) { append_prefixed(out, sub(b.content), "> ", "> "); }
    void operator()(const view::thematic_break&) { out.emplace_back("---"); }
    void operator()(const view::md_table& b) {
        std::vector<std::string> header;
        std::vector<column_need> needs(b.header.size());
        for (std::size_t i = 0; i < b.header.size(); ++i) {
            header.push_back(inl(b.header[i], true));
            add_content(needs[i], b.header[i], cell_measure, single_line_break, false);
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& r : b.rows) {
            rows.emplace_back();
            for (std::size_t i = 0; i < r.size(); ++i) {
                rows.back().push_back(inl(r[i], true));
                if (i < needs.size()) add_content(needs[i], r[i], cell_measure, single_line_break, false);
            }
        }
        const auto widths = delimiter_widths(needs);
        std::vector<std::string> delimiters;
        for (std::size_t i = 0; i < header.size(); ++i)
            delimiters.push_back(delimiter_cell(i < b.alignments.size() ? b.alignments[i] : view::align::none, widths[i]));
        write_table(header, delimiters, rows);
    }
    void operator()(const view::data_table& b) {
        const bool rows_fit = std::all_of(b.rows.begin(), b.rows.end(),
                                          [&](const view::table_row& r) { return r.cells.size() <= b.columns.size(); });
        if (!b.columns.empty() && rows_fit) return write_data_table(b);
        std::vector<std::string> header;
        std::vector<column_need> needs(b.columns.size());
        for (std::size_t i = 0; i < b.columns.size(); ++i) {
            header.push_back(escape_markdown_cell(b.columns[i].label));
            add_content(needs[i], b.columns[i].label, false, cell_measure);
        }
        std::vector<std::vector<std::string>> rows;
        for (const auto& r : b.rows) {
            rows.emplace_back();
            for (std::size_t i = 0; i < r.cells.size(); ++i) {
                rows.back().push_back(inl(r.cells[i], true));
                if (i < needs.size()) add_content(needs[i], r.cells[i], cell_measure, single_line_break, false);
            }
        }
        const auto widths = delimiter_widths(needs);
        std::vector<std::string> delimiters;
        for (std::size_t i = 0; i < b.columns.size(); ++i) delimiters.push_back(delimiter_cell(b.columns[i].alignment, widths[i]));
        write_table(header, delimiters, rows);
    }
    // The lines write_table makes for a data table whose rows have no more
    // cells than it has columns (every table the view builds), written as the
    // cells are: no copy of a cell's text, one string a line. The separator
    // line waits for every cell to be measured.
    void write_data_table(const view::data_table& b) {
        const std::size_t width = b.columns.size();
        const text_measure measure = cell_measure;  // made once, not once a cell
        std::vector<column_need> needs(width);
        std::string line = "|";
        for (std::size_t i = 0; i < width; ++i) {
            line += ' ';
            line += escape_markdown_cell(b.columns[i].label);
            line += " |";
            add_content(needs[i], b.columns[i].label, false, measure);
        }
        out.push_back(std::move(line));
        const std::size_t delimiter_at = out.size();
        out.emplace_back();
        for (const auto& r : b.rows) {
            line.clear();
            line.reserve(64 * width);
            line += '|';
            for (std::size_t i = 0; i < width; ++i) {
                line += ' ';
                if (i < r.cells.size()) {
                    append_markdown_cell(line, r.cells[i], diags);
                    add_content_in_columns(needs[i], r.cells[i], measure, single_line_break, false);
                }
                line += " |";
            }
            out.push_back(std::move(line));
        }
        const auto widths = delimiter_widths(needs);
        line.clear();
        line += '|';
        for (std::size_t i = 0; i < width; ++i) {
            line += ' ';
            line += delimiter_cell(b.columns[i].alignment, widths[i]);
            line += " |";
        }
        out[delimiter_at] = std::move(line);
    }
    void operator()(const view::fact_list& b) {
        for (const auto& f : b.facts) {
            std::string line = "- **" + escape_markdown_cell(f.label) + ":**";
            const std::string value = inl(f.value, true);
            if (!value.empty()) {
                line += ' ';
                line += value;
            }
            out.push_back(std::move(line));
        }
    }
    void operator()(const view::signature_block& b) {
        for (std::size_t i = 0; i < b.lines.size(); ++i) {
            const auto& s = b.lines[i];
            if (i > 0) out.emplace_back();
            const std::string who = escape_markdown_cell(s.who);
            // Underscore runs between spaces are neither emphasis nor a rule.
            const std::string date = s.date_value.empty() ? "______________" : escape_markdown_cell(s.date_value);
            out.push_back("**" + escape_markdown_cell(s.side_label) + "**\\");
            out.push_back((who.empty() ? "" : who + ": ") + "________________________________ " +
                          escape_markdown_cell(s.date_label) + ": " + date);
        }
    }

    template <typename marker_fn>
    void write_items(const std::vector<view::list_item>& items, marker_fn marker) {
        const bool tight = std::all_of(items.begin(), items.end(), [](const view::list_item& i) {
            return i.content.size() <= 1 &&
                   (i.content.empty() || std::holds_alternative<view::paragraph>(i.content.front().value));
        });
        for (std::size_t i = 0; i < items.size(); ++i) {
            if (i > 0 && !tight) out.emplace_back();
            const std::string m = marker(i);
            std::string first = m + " ";
            if (items[i].checked) first += *items[i].checked ? "[x] " : "[ ] ";
            append_prefixed(out, sub(items[i].content), first, std::string(m.size() + 1, ' '));
        }
    }

    void write_table(const std::vector<std::string>& header, std::vector<std::string> delimiters,
                     const std::vector<std::vector<std::string>>& rows) {
        std::size_t width = header.size();
        if (width == 0) {
            for (const auto& r : rows) width = std::max(width, r.size());
            if (width == 0) return;
        }
        delimiters.resize(width, "---");
        const auto row_line = [&](const std::vector<std::string>& cells) {
            std::string line = "|";
            for (std::size_t i = 0; i < width; ++i) {
                line += ' ';
                if (i < cells.size()) line += cells[i];
                line += " |";
            }
            return line;
        };
        out.push_back(row_line(header));
        out.push_back(row_line(delimiters));
        for (const auto& r : rows) {
            if (r.size() > width)
                diags.warning("O502", "a table row has " + std::to_string(r.size()) + " cells for " +
                                          std::to_string(width) + " columns; the extra cells are left out",
                              {}, {});
            out.push_back(row_line(r));
        }
    }
};

}  // namespace

std::vector<std::string> markdown_blocks(const view::blocks& content, diagnostic_sink& diags) {
    markdown_block_writer w{diags, {}, 0, 0};
    w.write(content);
    return std::move(w.out);
}

std::string markdown_section(const view::section& s, diagnostic_sink& diags, int heading_level) {
    const auto body = markdown_blocks(s.content, diags);
    if (body.empty()) return {};
    std::string out;
    const auto hashes = static_cast<std::size_t>(std::clamp(heading_level, 1, 6));
    std::size_t size = s.title.size() + hashes + 3;
    for (const auto& line : body) size += line.size() + 1;
    out.reserve(size);
    if (!s.title.empty()) {
        out.append(hashes, '#');
        out += ' ';
        out += escape_markdown_cell(s.title);
        out += "\n\n";
    }
    for (const auto& line : body) {
        out += line;
        out += '\n';
    }
    return out;
}

}  // namespace closeplan::render::detail

// SPDX-License-Identifier: MIT
// word/document.xml from the view document: the same sections and blocks the
// HTML and Markdown writers read, as Word paragraphs, runs and tables.
#include <algorithm>
#include <cmath>
#include <memory>
#include <variant>

#include "layout/layout_document.hpp"
#include "render/column_widths.hpp"
#include "render/docx_writer.hpp"
#include "render/escape.hpp"
#include "render/page_template.hpp"
#include "render/pdf_images.hpp"
#include "render/xml_writer.hpp"
#include "view/section_table.hpp"

namespace closeplan::render::detail {

std::string docx_references::add_link(const std::string& url) {
    std::string id = "rId" + std::to_string(3 + relationships.size());
    relationships.push_back({id, url, true});
    return id;
}

std::string docx_references::add_image(std::string bytes, bool png) {
    std::string id = "rId" + std::to_string(3 + relationships.size());
    std::string part = "media/image" + std::to_string(images.size() + 1) + (png ? ".png" : ".jpeg");
    relationships.push_back({id, part, false});
    images.push_back({std::move(part), std::move(bytes)});
    return id;
}

namespace {

constexpr const char* ns_wp = "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing";
constexpr const char* ns_a = "http://schemas.openxmlformats.org/drawingml/2006/main";
constexpr const char* ns_pic = "http://schemas.openxmlformats.org/drawingml/2006/picture";
constexpr long emu_per_point = 12700;

std::string twips(double pt) { return std::to_string(std::lround(pt * 20)); }

// How the runs being written look, from the inlines around them.
struct run_format {
    bool bold = false, italic = false, strike = false, code = false;
    const char* char_style = nullptr;  // a badge's or a link's character style
};

// The paragraph a block writes into: its style and what lists add.
struct paragraph_context {
    const char* style = nullptr;  // nullptr = Normal
    const char* align = nullptr;  // "right", "center"
    int list_level = -1;          // -1 = not a list item's first paragraph
    int num_id = 0;
};

struct body_writer {
    xml_writer& x;
    const view::document& doc;
    const docx_look& look;
    docx_references& refs;
    diagnostic_sink& diags;
    const layout::font_metrics& metrics;
    int section_level = 1;
    int list_depth = 0;
    int drawing_id = 0;
    bool in_link = false;
    bool run_on_breaks = false;  // inside a table cell of the one-page plan
    const char* body_style = nullptr;  // the plain paragraph's style (a quote's)
    paragraph_context pending;         // applies to the next paragraph opened (a list item's marker)

    // --- runs -----------------------------------------------------------
    void run_properties(const run_format& f) {
        if (!f.bold && !f.italic && !f.strike && !f.code && !f.char_style) return;
        x.open("w:rPr");
        if (f.char_style) x.leaf("w:rStyle", "w:val", f.char_style);
        else if (f.code) x.leaf("w:rStyle", "w:val", "closeplanCodeChar");
        if (f.bold) x.leaf("w:b");
        if (f.italic) x.leaf("w:i");
        if (f.strike) x.leaf("w:strike");
        x.close();
    }
    // Text as runs: tabs and line feeds inside text are spaces (Word ignores them in w:t).
    void run(std::string_view text, const run_format& f) {
        if (text.empty()) return;
        std::string flat(text);
        std::replace(flat.begin(), flat.end(), '\t', ' ');
        std::replace(flat.begin(), flat.end(), '\n', ' ');
        std::replace(flat.begin(), flat.end(), '\r', ' ');
        x.open("w:r");
        run_properties(f);
        x.open("w:t").attr("xml:space", "preserve").text(flat).close();
        x.close();
    }
    void line_break(const run_format& f) {
        x.open("w:r");
        run_properties(f);
        x.leaf("w:br");
        x.close();
    }

    struct inline_visitor {
        body_writer& w;
        run_format f;
        void operator()(const view::text& n) const { w.run(n.value, f); }
        void operator()(const view::emphasis& n) const { w.runs(n.children, with([](run_format& r) { r.italic = true; })); }
        void operator()(const view::strong& n) const { w.runs(n.children, with([](run_format& r) { r.bold = true; })); }
        void operator()(const view::strikethrough& n) const { w.runs(n.children, with([](run_format& r) { r.strike = true; })); }
        void operator()(const view::code_span& n) const { w.run(n.value, with([](run_format& r) { r.code = true; })); }
        void operator()(const view::soft_break&) const { w.run(" ", f); }
        void operator()(const view::line_break&) const {
            // The one-page plan runs a cell's lines on, as its PDF does ("title · notes").
            if (w.run_on_breaks) w.run(" \xC2\xB7 ", f);
            else w.line_break(f);
        }
        void operator()(const view::badge& n) const {
            run_format b = f;
            b.char_style = tone_style_id(n.color);
            // No-break spaces pad the shading and keep the label on one line.
            std::string label = "\xC2\xA0";
            for (char c : n.label) c == ' ' ? void(label += "\xC2\xA0") : void(label += c);
            w.run(label + "\xC2\xA0", b);
        }
        void operator()(const view::link& n) const {
            // The view keeps only http, https and mailto links; checked again
            // here, so no other scheme can ever become a live link.
            const bool live = !w.in_link && is_allowed_url(n.url);
            if (!live) {
                n.children.empty() ? w.run(n.url, f) : w.runs(n.children, f);
                return;
            }
            const auto id = w.refs.add_link(n.url);
            w.x.open("w:hyperlink").attr("r:id", id);
            w.in_link = true;
            const auto linked = with([](run_format& r) { r.char_style = "closeplanHyperlink"; });
            n.children.empty() ? w.run(n.url, linked) : w.runs(n.children, linked);
            w.in_link = false;
            w.x.close();
        }
        template <typename change>
        run_format with(change c) const {
            run_format r = f;
            c(r);
            return r;
        }
    };
    void runs(const view::inlines& content, const run_format& f = {}) {
        for (const auto& node : content) std::visit(inline_visitor{*this, f}, node.value);
    }

    // --- paragraphs -----------------------------------------------------
    bool ended_with_table = false;  // the last thing written was a table
    void open_paragraph(const char* style, const char* align = nullptr) {
        ended_with_table = false;
        paragraph_context p = pending;
        pending = {};
        if (!p.style) p.style = style ? style : body_style;
        if (!p.align) p.align = align;
        x.open("w:p");
        if (p.style || p.align || p.list_level >= 0) {
            x.open("w:pPr");
            if (p.style) x.leaf("w:pStyle", "w:val", p.style);
            if (p.list_level >= 0) {
                x.open("w:numPr").leaf("w:ilvl", "w:val", std::to_string(std::min(p.list_level, 8)));
                x.leaf("w:numId", "w:val", std::to_string(p.num_id)).close();
            }
            if (p.align) x.leaf("w:jc", "w:val", p.align);
            x.close();
        }
    }
    void paragraph(const view::inlines& content, const char* style = nullptr, const char* align = nullptr,
                   const run_format& f = {}) {
        open_paragraph(style, align);
        runs(content, f);
        x.close();
    }
    void text_paragraph(std::string_view text, const char* style, const run_format& f = {}) {
        open_paragraph(style);
        run(text, f);
        x.close();
    }

    // --- blocks ---------------------------------------------------------
    double available = 0;  // the width blocks are set in, points

    void write(const view::blocks& content) {
        for (const auto& b : content) {
            const char* style = b.role == view::block_role::figure ? "closeplanFigure" : nullptr;
            std::visit([&](const auto& block) { write_block(block, style); }, b.value);
        }
    }
    void write_block(const view::paragraph& b, const char* style) { paragraph(b.content, style); }
    void write_block(const view::heading& b, const char*) {
        paragraph(b.content, heading_style_id(section_level + b.level).c_str());
    }
    void write_block(const view::bullet_list& b, const char*) { items(b.items, 1); }
    void write_block(const view::ordered_list& b, const char*) {
        refs.ordered_list_starts.push_back(b.start);
        items(b.items, 1 + static_cast<int>(refs.ordered_list_starts.size()));
    }
    void items(const std::vector<view::list_item>& list, int num_id) {
        const int level = list_depth++;
        for (const auto& item : list) {
            pending = {"closeplanListParagraph", nullptr, level, num_id};
            const bool starts_with_paragraph =
                !item.content.empty() && std::holds_alternative<view::paragraph>(item.content.front().value);
            if (item.checked) {
                // A task item's box is text, in the item's first paragraph.
                open_paragraph(nullptr);
                run(*item.checked ? "\xE2\x98\x92 " : "\xE2\x98\x90 ", {});
                if (starts_with_paragraph) runs(std::get<view::paragraph>(item.content.front().value).content);
                x.close();
                write_rest(item.content, starts_with_paragraph ? 1 : 0);
            } else if (item.content.empty() || !starts_with_paragraph) {
                open_paragraph(nullptr);
                x.close();
                write_rest(item.content, 0);
            } else {
                write(item.content);
            }
            pending = {};
        }
        --list_depth;
    }
    void write_rest(const view::blocks& content, std::size_t from) {
        const view::blocks rest(content.begin() + static_cast<std::ptrdiff_t>(std::min(from, content.size())), content.end());
        write(rest);
    }
    void write_block(const view::code_block& b, const char*) {
        open_paragraph("closeplanCode");
        std::string code = b.code;
        if (!code.empty() && code.back() == '\n') code.pop_back();
        std::size_t start = 0;
        while (true) {
            const auto nl = code.find('\n', start);
            run(std::string_view(code).substr(start, nl == std::string::npos ? std::string::npos : nl - start), {});
            if (nl == std::string::npos) break;
            line_break({});
            start = nl + 1;
        }
        x.close();
    }
    void write_block(const view::block_quote& b, const char*) {
        const char* outer = body_style;
        body_style = "closeplanQuote";
        write(b.content);
        body_style = outer;
    }
    void write_block(const view::thematic_break&, const char*) {
        open_paragraph("closeplanRule");
        x.close();
    }
    void write_block(const view::fact_list& b, const char* style) {
        // One paragraph, label and value pairs in a row: the facts of a
        // section are short, and a line each would cost the page its room.
        open_paragraph(style);
        for (std::size_t i = 0; i < b.facts.size(); ++i) {
            if (i > 0) run(" \xC2\xA0\xC2\xB7\xC2\xA0 ", {});
            run(b.facts[i].label + ":\xC2\xA0", {.bold = true});
            runs(b.facts[i].value);
        }
        x.close();
    }
    void write_block(const view::signature_block& b, const char*) {
        // Two signers side by side, a line to sign on above each name.
        if (b.lines.empty()) return;
        const std::size_t columns = std::min<std::size_t>(2, b.lines.size());
        const std::vector<double> widths(columns, available / static_cast<double>(columns));
        open_table("closeplanLayoutTable", widths, false);
        for (std::size_t row = 0; row < b.lines.size(); row += columns) {
            x.open("w:tr").open("w:trPr").leaf("w:cantSplit").close();
            for (std::size_t c = 0; c < columns; ++c) {
                open_cell(widths[c]);
                if (row + c < b.lines.size()) signature_cell(b.lines[row + c]);
                else x.leaf("w:p");
                x.close();
            }
            x.close();
        }
        x.close();
        ended_with_table = true;
    }
    void signature_cell(const view::signature& s) {
        text_paragraph(s.side_label, "closeplanSignature", {.bold = true});
        open_paragraph("closeplanSignatureLine");
        x.close();
        const std::string& who = s.who;
        // Who signs, and the date at the right of the same line.
        open_paragraph("closeplanSignature");
        run(who, {});
        x.open("w:r").leaf("w:tab").close();
        run(s.date_label + ": " + (s.date_value.empty() ? "____________" : s.date_value), {});
        x.close();
    }

    // --- tables ---------------------------------------------------------
    double text_width(std::string_view text, bool bold) const {
        return metrics.width(text, bold ? layout::font_face::bold : layout::font_face::regular, look.table);
    }
    std::vector<double> column_widths(const std::vector<view::inlines>& header,
                                      const std::vector<std::vector<view::inlines>>& rows, std::size_t columns) const {
        std::vector<column_need> needs(columns);
        const auto measure = [&](std::string_view t, bool bold) { return text_width(t, bold); };
        for (std::size_t i = 0; i < columns && i < header.size(); ++i) {
            // Header labels are bold: measured as strong text.
            add_content(needs[i], header[i], [&](std::string_view t, bool) { return text_width(t, true); });
        }
        for (const auto& row : rows)
            for (std::size_t i = 0; i < columns && i < row.size(); ++i)
                add_content(needs[i], row[i], measure, look.compact ? " \xC2\xB7 " : nullptr);
        // The cell's padding, and a point for the renderer's rounding.
        const double padding = 2 * look.page.cell_x + 1;
        for (auto& n : needs) {
            n.min += padding;
            n.max += padding;
        }
        return share_width(needs, available);
    }
    void open_table(const char* style, const std::vector<double>& widths, bool header_row) {
        double total = 0;
        for (double w : widths) total += std::round(w * 20) / 20;
        x.open("w:tbl").open("w:tblPr").leaf("w:tblStyle", "w:val", style);
        x.open("w:tblW").attr("w:w", twips(total)).attr("w:type", "dxa").close();
        x.leaf("w:tblLayout", "w:type", "fixed");
        x.open("w:tblLook").attr("w:val", header_row ? "0020" : "0000").attr("w:firstRow", header_row ? "1" : "0")
            .attr("w:lastRow", "0").attr("w:firstColumn", "0").attr("w:lastColumn", "0").attr("w:noHBand", "1")
            .attr("w:noVBand", "1").close();
        x.close().open("w:tblGrid");
        for (double w : widths) x.leaf("w:gridCol", "w:w", twips(w));
        x.close();
    }
    void open_cell(double width) {
        x.open("w:tc").open("w:tcPr").open("w:tcW").attr("w:w", twips(width)).attr("w:type", "dxa").close().close();
    }
    static const char* align_of(view::align a) {
        switch (a) {
            case view::align::none:
            case view::align::left: return nullptr;
            case view::align::center: return "center";
            case view::align::right: return "right";
        }
        return nullptr;
    }
    void table(const std::vector<view::inlines>& header, const std::vector<view::align>& aligns,
               const std::vector<std::vector<view::inlines>>& rows) {
        std::size_t columns = header.size();
        for (const auto& r : rows) columns = std::max(columns, r.size());
        if (columns == 0) return;
        const auto widths = column_widths(header, rows, columns);
        const auto align = [&](std::size_t i) { return i < aligns.size() ? align_of(aligns[i]) : nullptr; };
        open_table("closeplanTable", widths, !header.empty());
        if (!header.empty()) {
            // The header row repeats at the top of every page the table runs onto.
            x.open("w:tr").open("w:trPr").leaf("w:cantSplit").leaf("w:tblHeader").close();
            for (std::size_t i = 0; i < columns; ++i) {
                open_cell(widths[i]);
                paragraph(i < header.size() ? header[i] : view::inlines{}, "closeplanTableHeading", align(i));
                x.close();
            }
            x.close();
        }
        for (const auto& r : rows) {
            x.open("w:tr").open("w:trPr").leaf("w:cantSplit").close();
            for (std::size_t i = 0; i < columns; ++i) {
                open_cell(widths[i]);
                run_on_breaks = look.compact;
                paragraph(i < r.size() ? r[i] : view::inlines{}, "closeplanTableText", align(i));
                run_on_breaks = false;
                x.close();
            }
            x.close();
        }
        x.close();
        ended_with_table = true;
    }
    void write_block(const view::md_table& b, const char*) { table(b.header, b.alignments, b.rows); }
    void write_block(const view::data_table& b, const char*) {
        std::vector<view::inlines> header;
        std::vector<view::align> aligns;
        for (const auto& c : b.columns) {
            header.push_back({view::inline_node{view::text{c.label}}});
            aligns.push_back(c.alignment);
        }
        std::vector<std::vector<view::inlines>> rows;
        rows.reserve(b.rows.size());
        for (const auto& r : b.rows) rows.push_back(r.cells);
        table(header, aligns, rows);
    }

    // --- sections and the page ------------------------------------------
    void section(const view::section& s) {
        if (!s.title.empty()) text_paragraph(s.title, heading_style_id(section_level).c_str());
        const auto* entry = view::find_section_entry(s.key);
        if (look.compact && entry && entry->layout.balanced_columns) balanced_groups(s.content);
        else write(s.content);
    }
    // The section's groups (a sub-heading and what follows it) side by side,
    // up to three columns, as the one-page PDF sets them.
    void balanced_groups(const view::blocks& content) {
        std::vector<view::blocks> groups;
        for (const auto& b : content) {
            if (groups.empty() || std::holds_alternative<view::heading>(b.value)) groups.emplace_back();
            groups.back().push_back(b);
        }
        if (groups.size() < 2) {
            write(content);
            return;
        }
        const std::size_t columns = std::min<std::size_t>(3, groups.size());
        const std::size_t per_column = (groups.size() + columns - 1) / columns;
        const double full = available;
        const std::vector<double> widths(columns, full / static_cast<double>(columns));
        open_table("closeplanLayoutTable", widths, false);
        x.open("w:tr");
        for (std::size_t c = 0; c < columns; ++c) {
            open_cell(widths[c]);
            available = widths[c] - look.page.column_gap;
            ended_with_table = true;  // an empty cell still needs its paragraph
            for (std::size_t g = c * per_column; g < std::min(groups.size(), (c + 1) * per_column); ++g) write(groups[g]);
            closing_paragraph();
            x.close();
        }
        x.close().close();
        ended_with_table = true;
        available = full;
    }
    // Two sections side by side, as the one-page PDF and the HTML page place them.
    void section_pair(const view::section& left, const view::section& right) {
        const double full = available;
        const std::vector<double> widths(2, full / 2);
        open_table("closeplanLayoutTable", widths, false);
        x.open("w:tr");
        for (const auto* s : {&left, &right}) {
            open_cell(full / 2);
            available = full / 2 - look.page.column_gap;
            section(*s);
            closing_paragraph();
            x.close();
        }
        x.close().close();
        ended_with_table = true;
        available = full;
    }
    // A table cell, and the body, end with a paragraph: this one takes no room.
    void closing_paragraph() {
        if (!ended_with_table) return;
        x.open("w:p").open("w:pPr").open("w:spacing").attr("w:before", "0").attr("w:after", "0").attr("w:line", "20")
            .attr("w:lineRule", "exact").close().close().close();
        ended_with_table = false;
    }
    void logo(const view::party_view& party) {
        if (party.logo_path.empty()) return;
        std::string problem;
        const auto image = check_image_file(party.logo_path, problem);
        if (!image) {
            diags.warning("O512", "logo \"" + party.logo_path + "\" left out of the DOCX: " + problem, {},
                          {"use a PNG (not interlaced) or an RGB JPEG under 5 MB"});
            return;
        }
        const double height = look.compact ? 22 : 32;
        const double width = std::min(160.0, height * image->width / std::max<std::uint32_t>(1, image->height));
        const double shown_height = width * image->height / std::max<std::uint32_t>(1, image->width);
        const auto cx = std::to_string(std::lround(width * emu_per_point));
        const auto cy = std::to_string(std::lround(shown_height * emu_per_point));
        const auto id = refs.add_image(image->bytes, image->format == image_format::png);
        const auto number = std::to_string(++drawing_id);
        x.open("w:r").open("w:drawing").open("wp:inline").attr("distT", "0").attr("distB", "0").attr("distL", "0").attr("distR", "0");
        x.open("wp:extent").attr("cx", cx).attr("cy", cy).close();
        x.open("wp:docPr").attr("id", number).attr("name", "Logo " + number).attr("descr", party.name).close();
        x.open("wp:cNvGraphicFramePr").open("a:graphicFrameLocks").attr("noChangeAspect", "1").close().close();
        x.open("a:graphic").open("a:graphicData").attr("uri", ns_pic).open("pic:pic");
        x.open("pic:nvPicPr").open("pic:cNvPr").attr("id", number).attr("name", "logo" + number).close().leaf("pic:cNvPicPr").close();
        x.open("pic:blipFill").open("a:blip").attr("r:embed", id).close().open("a:stretch").leaf("a:fillRect").close().close();
        x.open("pic:spPr").open("a:xfrm").open("a:off").attr("x", "0").attr("y", "0").close();
        x.open("a:ext").attr("cx", cx).attr("cy", cy).close().close();
        x.open("a:prstGeom").attr("prst", "rect").leaf("a:avLst").close().close();
        x.close().close().close();  // pic:pic, graphicData, graphic
        x.close().close().close();  // wp:inline, w:drawing, w:r
        run("  ", {});
    }
    void title_block() {
        const bool logos = !doc.buyer.logo_path.empty() || !doc.seller.logo_path.empty();
        // Title and parties at the left, the logos at the right, as on the PDF.
        const double full = available;
        const double logo_width = look.compact ? 170 : 200;
        const std::vector<double> widths = {full - logo_width, logo_width};
        if (logos) {
            open_table("closeplanLayoutTable", widths, false);
            x.open("w:tr");
            open_cell(widths[0]);
        }
        text_paragraph(doc.title, "closeplanTitle");
        if (!doc.buyer.name.empty() || !doc.seller.name.empty())
            text_paragraph(doc.buyer.name + " \xC3\x97 " + doc.seller.name, "closeplanParties");
        if (logos) {
            x.close();
            open_cell(widths[1]);
            open_paragraph(nullptr, "right");
            logo(doc.buyer);
            logo(doc.seller);
            x.close();
            x.close().close().close();
        }
        write_block(doc.title_facts, "closeplanFacts");
    }
    void page_setup() {
        x.open("w:sectPr");
        x.open("w:pgSz").attr("w:w", twips(look.page.width)).attr("w:h", twips(look.page.height)).close();
        x.open("w:pgMar").attr("w:top", twips(look.page.margin_top)).attr("w:right", twips(look.page.margin_right))
            .attr("w:bottom", twips(look.page.margin_bottom)).attr("w:left", twips(look.page.margin_left))
            .attr("w:header", "0").attr("w:footer", "0").attr("w:gutter", "0").close();
        x.close();
    }
};

}  // namespace

std::string docx_document_xml(const view::document& doc, const render_context& ctx, const docx_look& look,
                              docx_references& refs, diagnostic_sink& diags) {
    xml_writer x;
    x.open("w:document").attr("xmlns:w", ns_w).attr("xmlns:r", ns_r).attr("xmlns:wp", ns_wp).attr("xmlns:a", ns_a)
        .attr("xmlns:pic", ns_pic);
    x.open("w:body");
    const auto metrics = layout::metrics_for(doc);
    body_writer w{x, doc, look, refs, diags, *metrics};
    w.available = look.page.content_width();
    // Section titles one level under the document's title, lower with --heading-offset.
    w.section_level = 1 + doc.heading_offset;
    if (!ctx.request.fragment) w.title_block();
    if (look.compact) {
        for (const auto& row : view::page_rows(doc)) {
            if (row.size() == 2 && row.pair == view::pairing::beside) w.section_pair(*row.sections[0], *row.sections[1]);
            else
                for (std::size_t i = 0; i < row.size(); ++i) w.section(*row.sections[i]);
        }
    } else {
        for (const auto& s : doc.sections) w.section(s);
    }
    w.closing_paragraph();
    w.page_setup();
    x.close().close();
    return x.finish();
}

}  // namespace closeplan::render::detail

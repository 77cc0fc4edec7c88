// SPDX-License-Identifier: MIT
// Blocks to fragments: paragraphs, headings, lists, code, quotes, tables, facts, signature lines.
#include <algorithm>
#include <optional>
#include <string>

#include "layout/layout_parts.hpp"
#include "layout/structure_tags.hpp"
#include "layout/upper_case.hpp"

namespace closeplan::layout::detail {

namespace {

double para_gap(const context& ctx) { return ctx.style().paragraph_gap * ctx.gap_scale; }

fragment text_line(const std::string& s, font_face face, color fill, double size, double width, const context& ctx,
                   view::align a = view::align::left) {
    std::list<view::inlines> keep;
    return flow(flow_span{&ctx.text(s, keep), {face, fill, false}, 0, false}, width, {size, a}, ctx);
}

std::vector<fragment> list_items(const std::vector<view::list_item>& items, int start, bool ordered, double width,
                                 const context& ctx) {
    std::vector<fragment> out;
    const double indent = ctx.body * 1.3;
    int number = start;
    std::optional<fragment> bullet;
    for (const auto& item : items) {
        fragment f;
        fragment body = stack(layout_blocks(item.content, width - indent, ctx));
        tag(body, tag_role::lbody);
        f.append(std::move(body), indent, 0);
        f.height = body.height;
        const double first_line = ctx.leading(ctx.body);
        if (item.checked) {
            // A drawn check box: WinAnsi has no ballot box character.
            const double side = ctx.body * 0.7, y = (first_line - side) / 2;
            f.items.push_back({box{1, y, side, side, std::nullopt, ctx.style().muted, 0.6, 0.8}});
            if (*item.checked) f.items.push_back({box{2.3, y + 1.3, side - 2.6, side - 2.6, ctx.style().accent, std::nullopt, 0, 0.4}});
        } else if (ordered) {
            fragment label = text_line(std::to_string(number) + ".", font_face::regular, ctx.style().text, ctx.body,
                                       indent - 2, ctx, view::align::right);
            tag(label, tag_role::lbl);
            f.append(std::move(label), 0, 0);
        } else {
            // Every bullet of a list is the same: laid out once (each item's label is its own Lbl).
            if (!bullet) bullet = text_line("\u2022", font_face::regular, ctx.style().accent, ctx.body, indent - 2, ctx);
            const std::size_t first = f.items.size();
            f.append(*bullet, 0, 0);
            tag_items(f.items, {tag_role::lbl, new_tag_id()}, first);
        }
        tag(f, tag_role::li);
        ++number;
        f.space_before = out.empty() ? para_gap(ctx) : para_gap(ctx) * 0.25;
        out.push_back(std::move(f));
    }
    return out;
}

fragment code(const view::code_block& c, double width, const context& ctx) {
    fragment f;
    const double pad = 3;
    std::vector<fragment> lines;
    std::size_t from = 0;
    const std::string& text = c.code;
    while (from < text.size()) {
        const std::size_t nl = text.find('\n', from);
        const std::string line = text.substr(from, nl == std::string::npos ? std::string::npos : nl - from);
        lines.push_back(text_line(line.empty() ? " " : line, font_face::regular, ctx.style().text, ctx.body, width - 2 * pad, ctx));
        from = nl == std::string::npos ? text.size() : nl + 1;
    }
    const fragment body = stack(lines);
    f.height = body.height + 2 * pad;
    f.items.push_back({box{0, 0, width, f.height, ctx.style().header_bg, std::nullopt, 0, 1}});
    f.append(body, pad, pad);
    return f;
}

fragment signatures(const view::signature_block& s, double width, const context& ctx) {
    fragment f;
    if (s.lines.empty()) return f;
    const double gap = ctx.style().column_gap * 2;
    const double n = static_cast<double>(s.lines.size());
    const double col = (width - gap * (n - 1)) / n;
    for (std::size_t i = 0; i < s.lines.size(); ++i) {
        const auto& sig = s.lines[i];
        const double x = static_cast<double>(i) * (col + gap);
        const fragment side = text_line(sig.side_label, font_face::bold, ctx.style().text, ctx.body, col, ctx);
        fragment col_f;
        col_f.append(side, 0, 0);
        // Room to sign by hand above the line.
        const double line_y = side.height + ctx.body * 2.0;
        const double name_w = col * 0.66, date_x = name_w + col * 0.06;
        col_f.items.push_back({rule{0, line_y, name_w, line_y, 0.7, ctx.style().text, false}});
        col_f.items.push_back({rule{date_x, line_y, col, line_y, 0.7, ctx.style().text, false}});
        if (!sig.date_value.empty()) {
            const fragment dv = text_line(sig.date_value, font_face::regular, ctx.style().text, ctx.body, col - date_x, ctx);
            col_f.append(dv, date_x, line_y - dv.height);
        }
        const fragment name = text_line(sig.who, font_face::regular, ctx.style().muted, ctx.small, name_w, ctx);
        const fragment date = text_line(sig.date_label, font_face::regular, ctx.style().muted, ctx.small, col - date_x, ctx);
        col_f.append(name, 0, line_y + 1);
        col_f.append(date, date_x, line_y + 1);
        col_f.height = line_y + 1 + std::max(name.height, date.height);
        tag(col_f, tag_role::p);  // one P per signer, in order
        f.append(col_f, x, 0);
        f.height = std::max(f.height, col_f.height);
    }
    return f;
}

struct block_visitor {
    double width;
    const context& ctx;

    std::vector<fragment> operator()(const view::paragraph& p) const {
        return fragments(flow(p.content, width, {ctx.body, view::align::left}, ctx));
    }
    std::vector<fragment> operator()(const view::heading& h) const {
        fragment f = flow(h.content, width, {ctx.body, view::align::left}, ctx, {font_face::bold, ctx.style().text, false});
        f.keep_with_next = true;
        f.space_before = para_gap(ctx) * 1.6;
        return fragments(std::move(f));
    }
    std::vector<fragment> operator()(const view::bullet_list& l) const { return list_items(l.items, 1, false, width, ctx); }
    std::vector<fragment> operator()(const view::ordered_list& l) const { return list_items(l.items, l.start, true, width, ctx); }
    std::vector<fragment> operator()(const view::code_block& c) const { return fragments(code(c, width, ctx)); }
    std::vector<fragment> operator()(const view::block_quote& q) const {
        const double indent = 7;
        fragment body = stack(layout_blocks(q.content, width - indent, ctx));
        fragment f;
        f.height = body.height;
        f.items.push_back({rule{1, 0, 1, body.height, ctx.style().rule_thick, ctx.style().rule, false}});
        f.append(std::move(body), indent, 0);
        return fragments(std::move(f));
    }
    std::vector<fragment> operator()(const view::thematic_break&) const {
        fragment f;
        f.height = para_gap(ctx) * 2;
        f.items.push_back({rule{0, f.height / 2, width, f.height / 2, ctx.style().rule_thin, ctx.style().rule, false}});
        return fragments(std::move(f));
    }
    std::vector<fragment> operator()(const view::md_table& t) const {
        table_input in;
        for (const auto& h : t.header) in.header.push_back(&h);
        in.alignments = t.alignments;
        for (const auto& r : t.rows) {
            table_input::row row;
            row.cells = r;
            in.rows.push_back(std::move(row));
        }
        return layout_table(in, width, ctx);
    }
    std::vector<fragment> operator()(const view::data_table& t) const {
        table_input in;
        for (const auto& c : t.columns) {
            in.header.push_back(&ctx.text(c.label, in.header_text));
            in.alignments.push_back(c.alignment);
        }
        for (const auto& r : t.rows) {
            table_input::row row;
            row.cells = r.cells;
            row.muted = r.row_class == "done";
            row.bold_first = r.row_header_first;
            row.span_all = r.row_class == "condensed";
            in.rows.push_back(std::move(row));
        }
        return layout_table(in, width, ctx);
    }
    std::vector<fragment> operator()(const view::fact_list& f) const { return fragments(layout_facts(f, width, ctx.body, ctx)); }
    std::vector<fragment> operator()(const view::signature_block& s) const {
        fragment f = signatures(s, width, ctx);
        f.space_before = para_gap(ctx) * 2;
        return fragments(std::move(f));
    }
};

std::vector<flow_span> fact_spans(const view::fact_list& facts, const context& ctx, const view::inlines* lead,
                                  std::vector<view::inlines>& labels) {
    labels.reserve(facts.facts.size());
    std::vector<flow_span> spans;
    if (lead) spans.push_back({lead, {font_face::bold, ctx.style().text, false}, 0, false});
    for (const auto& fact : facts.facts) {
        labels.push_back({view::inline_node{view::text{fact.label}}});
        const double gap = spans.empty() ? 0 : ctx.body * 1.1;
        // A label and its value are one unit: a line breaks between facts.
        spans.push_back({&labels.back(), {font_face::regular, ctx.style().muted, false, false, true}, gap, false});
        spans.push_back({&fact.value, {font_face::bold, ctx.style().text, false, false, true}, ctx.body * 0.35, false, true});
    }
    return spans;
}

}  // namespace

// The structure element a block is, around what its kind tagged inside it
// (lists and tables tag their own parts; a rule is an artifact and needs none).
struct block_tagger {
    std::vector<fragment>& parts;
    void operator()(const view::paragraph&) const { tag(parts, tag_role::p); }
    void operator()(const view::heading& h) const { tag(parts, h.level <= 1 ? tag_role::h3 : tag_role::h4); }
    void operator()(const view::bullet_list&) const { tag(parts, tag_role::l); }
    void operator()(const view::ordered_list&) const { tag(parts, tag_role::l); }
    void operator()(const view::code_block&) const { tag(parts, tag_role::p); }
    void operator()(const view::block_quote&) const { tag(parts, tag_role::blockquote); }
    void operator()(const view::thematic_break&) const {}
    void operator()(const view::md_table&) const {}
    void operator()(const view::data_table&) const {}
    void operator()(const view::fact_list&) const { tag(parts, tag_role::p); }
    void operator()(const view::signature_block&) const {}
};

std::vector<fragment> layout_block(const view::block& b, double width, const context& ctx) {
    auto parts = std::visit(block_visitor{width, ctx}, b.value);
    std::visit(block_tagger{parts}, b.value);
    return parts;
}

std::vector<fragment> layout_blocks(const view::blocks& content, double width, const context& ctx) {
    std::vector<fragment> out;
    for (const auto& b : content) {
        auto parts = layout_block(b, width, ctx);
        if (!parts.empty() && !out.empty()) parts.front().space_before = std::max(parts.front().space_before, para_gap(ctx));
        if (!parts.empty() && out.empty()) parts.front().space_before = 0;
        for (auto& p : parts) out.push_back(std::move(p));
    }
    return out;
}

fragment stack(std::vector<fragment> parts) {
    fragment out;
    for (std::size_t i = 0; i < parts.size(); ++i) {
        if (i > 0) out.height += parts[i].space_before;
        out.append(std::move(parts[i]), 0, out.height);
        out.height += parts[i].height;
    }
    if (!parts.empty()) out.space_before = parts.front().space_before;
    return out;
}

fragment layout_facts(const view::fact_list& facts, double width, double size, const context& ctx, const view::inlines* lead) {
    std::vector<view::inlines> labels;
    const auto spans = fact_spans(facts, ctx, lead, labels);
    return flow(spans, width, {size, view::align::left}, ctx);
}

flow_widths measure_facts(const view::fact_list& facts, double size, const context& ctx) {
    std::vector<view::inlines> labels;
    return measure(fact_spans(facts, ctx, nullptr, labels), {size, view::align::left}, ctx);
}

fragment section_heading(const std::string& title, fragment* figure, double figure_width, double width,
                         const context& ctx) {
    const std::string upper = upper_case(title);
    fragment f = text_line(upper, font_face::bold, ctx.style().accent, ctx.h2, width, ctx);
    tag(f, tag_role::h2);
    const double title_w = ctx.metrics().width(upper, font_face::bold, ctx.h2);
    if (figure && figure->height > 0) {
        if (title_w + 16 + figure_width <= width && figure->height <= ctx.leading(ctx.body) * 1.01) {
            const double dy = f.height - figure->height;
            f.append(std::move(*figure), width - figure_width, std::max(0.0, dy) - 0.5);
        } else {
            f.height += 1;
            const double figure_height = figure->height;
            f.append(std::move(*figure), 0, f.height);
            f.height += figure_height;
        }
    }
    f.height += 0.8;
    f.items.push_back({rule{0, f.height, width, f.height, ctx.style().rule_thin, ctx.style().rule, false}});
    f.height += 1.2;
    f.keep_with_next = true;
    f.space_before = ctx.style().section_gap * ctx.gap_scale;
    return f;
}

fragment side_by_side(std::vector<fragment> columns, const std::vector<double>& widths, const context& ctx) {
    fragment f;
    double x = 0;
    for (std::size_t i = 0; i < columns.size(); ++i) {
        f.append(std::move(columns[i]), x, 0);
        x += (i < widths.size() ? widths[i] : 0) + ctx.style().column_gap;
        f.height = std::max(f.height, columns[i].height);
        f.space_before = std::max(f.space_before, columns[i].space_before);
    }
    return f;
}

}  // namespace closeplan::layout::detail

// SPDX-License-Identifier: MIT
// Estimating how full the printed page is, to pick the print density (roomy, normal, compact: never under 8 pt).
#include "render/page_fit.hpp"

#include <algorithm>
#include <cmath>
#include <variant>

#include "render/writer_support.hpp"

namespace closeplan::render::detail {
namespace {

// Characters across a full printed line at the normal size (Letter, Arial 7.5pt, 11mm margins).
constexpr double page_chars = 150.0;
// Estimated lines that still fit one Letter page at each density. Measured on the
// examples when the normal size was 7.5 pt: a full page held 101 to 110 estimated
// lines, and about 82 at the roomy size; the limits keep a few lines in reserve.
// Paper never goes under 8 pt now, so the normal limit shrank by (7.5 / 8)^2, as
// lines get both taller and shorter. Beyond it the compact density tightens the
// spacing, and a plan that still does not fit takes a second page.
constexpr double roomy_up_to = 72.0;
constexpr double normal_up_to = 86.0;

// Characters, counting a UTF-8 sequence once.
double length(std::string_view s) {
    return static_cast<double>(std::count_if(s.begin(), s.end(), [](char c) {
        return (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    }));
}

double wrapped(double chars, double width) { return std::max(1.0, std::ceil(chars / std::max(width, 8.0))); }

// Rows as tall as their fullest cell; columns share the width by how much they hold.
double table_lines(const std::vector<double>& header, const std::vector<std::vector<double>>& rows, double width) {
    std::size_t columns = header.size();
    for (const auto& r : rows) columns = std::max(columns, r.size());
    if (columns == 0) return 0.0;
    std::vector<double> natural(columns, 3.0);
    for (std::size_t c = 0; c < header.size(); ++c) natural[c] = std::max(natural[c], header[c] * 0.9 + 2.0);
    for (const auto& r : rows)
        for (std::size_t c = 0; c < r.size(); ++c) natural[c] = std::max(natural[c], r[c] + 2.0);
    double total = 0.0;
    for (double n : natural) total += n;
    std::vector<double> share(columns);
    for (std::size_t c = 0; c < columns; ++c)
        share[c] = total <= width ? natural[c] : std::max(std::min(natural[c], 10.0), width * natural[c] / total);
    double lines = 1.0;  // the header row
    for (const auto& r : rows) {
        double tallest = 1.0;
        for (std::size_t c = 0; c < r.size(); ++c) tallest = std::max(tallest, wrapped(r[c], share[c] - 2.0));
        lines += tallest;
    }
    return lines;
}

// length(plain_text(content)), counted where the text lies: a batch
// estimates hundreds of cells a deal, and a copy of each cost more than the count.
struct plain_length {
    double chars = 0.0;
    void write(const view::inlines& content) {
        for (const auto& node : content) std::visit(*this, node.value);
    }
    void operator()(const view::text& n) { chars += length(n.value); }
    void operator()(const view::emphasis& n) { write(n.children); }
    void operator()(const view::strong& n) { write(n.children); }
    void operator()(const view::strikethrough& n) { write(n.children); }
    void operator()(const view::code_span& n) { chars += length(n.value); }
    void operator()(const view::link& n) { n.children.empty() ? void(chars += length(n.url)) : write(n.children); }
    void operator()(const view::soft_break&) { chars += 1.0; }
    void operator()(const view::line_break&) { chars += 1.0; }
    void operator()(const view::badge& n) { chars += length(n.label); }
};

double length(const view::inlines& content) {
    plain_length counter;
    counter.write(content);
    return counter.chars;
}

std::vector<double> lengths(const std::vector<view::inlines>& cells) {
    std::vector<double> out;
    out.reserve(cells.size());
    for (const auto& c : cells) out.push_back(length(c));
    return out;
}

struct line_estimator {
    double width = page_chars;
    double lines = 0.0;

    void write(const view::blocks& content) {
        for (const auto& b : content) std::visit(*this, b.value);
    }
    double nested(const view::blocks& content, double indent) const {
        line_estimator inner{width - indent, 0.0};
        inner.write(content);
        return std::max(1.0, inner.lines);
    }
    void items(const std::vector<view::list_item>& list) {
        for (const auto& item : list) lines += nested(item.content, 3.0) + 0.1;
    }

    void operator()(const view::paragraph& b) { lines += wrapped(length(b.content), width) + 0.3; }
    void operator()(const view::heading& b) { lines += wrapped(length(b.content), width) + 0.3; }
    void operator()(const view::bullet_list& b) { items(b.items); }
    void operator()(const view::ordered_list& b) { items(b.items); }
    void operator()(const view::code_block& b) {
        std::size_t start = 0;
        while (start < b.code.size()) {
            auto nl = b.code.find('\n', start);
            if (nl == std::string::npos) nl = b.code.size();
            lines += wrapped(length(std::string_view(b.code).substr(start, nl - start)), width);
            start = nl + 1;
        }
        lines += 0.8;
    }
    void operator()(const view::block_quote& b) { lines += nested(b.content, 3.0); }
    void operator()(const view::thematic_break&) { lines += 0.6; }
    void operator()(const view::md_table& b) {
        std::vector<std::vector<double>> rows;
        for (const auto& r : b.rows) rows.push_back(lengths(r));
        lines += table_lines(lengths(b.header), rows, width) + 0.3;
    }
    void operator()(const view::data_table& b) {
        std::vector<double> header;
        for (const auto& c : b.columns) header.push_back(length(c.label));
        std::vector<std::vector<double>> rows;
        rows.reserve(b.rows.size());
        for (const auto& r : b.rows) rows.push_back(lengths(r.cells));
        lines += table_lines(header, rows, width) + 0.3;
    }
    void operator()(const view::fact_list& b) {
        double chars = 0.0;
        for (const auto& f : b.facts) chars += length(f.label) + length(f.value) + 4.0;
        lines += wrapped(chars, width) + 0.2;
    }
    void operator()(const view::signature_block& b) {
        // Two signatures side by side: side, space to sign, name and date captions.
        lines += 4.0 * std::ceil(static_cast<double>(b.lines.size()) / 2.0);
    }
};

}  // namespace

std::string_view to_string(density d) {
    switch (d) {
        case density::roomy: return "roomy";
        case density::normal: return "normal";
        case density::compact: return "compact";
    }
    return "normal";
}

double estimate_print_lines(const view::document& doc) {
    line_estimator e;
    e.lines = 4.0;  // title block: parties, title, facts bar
    for (const auto& s : doc.sections) {
        if (s.content.empty()) continue;
        e.lines += 2.0;  // heading and the space above it
        e.write(s.content);
    }
    return e.lines;
}

density choose_density(const view::document& doc) {
    const double lines = estimate_print_lines(doc);
    if (lines <= roomy_up_to) return density::roomy;
    if (lines <= normal_up_to) return density::normal;
    return density::compact;
}

const std::string& density_name(const view::document& doc, const render_context& ctx) {
    if (ctx.density.empty()) ctx.density = std::string(to_string(choose_density(doc)));
    return ctx.density;
}

}  // namespace closeplan::render::detail

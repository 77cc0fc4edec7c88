// SPDX-License-Identifier: MIT
// A stable, locale-independent text dump of laid-out pages for golden files and review.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "layout/layout_document.hpp"

namespace closeplan::layout {
namespace {

// Our own formatting: iostreams and printf follow the global locale (decimal commas).
void number(std::string& out, double v) {
    if (!std::isfinite(v)) {
        out += "nan";
        return;
    }
    std::int64_t hundredths = std::llround(v * 100.0);
    if (hundredths < 0) {
        out.push_back('-');
        hundredths = -hundredths;
    }
    out += std::to_string(hundredths / 100);
    out.push_back('.');
    const auto frac = hundredths % 100;
    out.push_back(static_cast<char>('0' + frac / 10));
    out.push_back(static_cast<char>('0' + frac % 10));
}

void numbers(std::string& out, std::initializer_list<double> values) {
    for (const double v : values) {
        out.push_back(' ');
        number(out, v);
    }
}

void hex_color(std::string& out, const color& c) {
    static constexpr char digits[] = "0123456789abcdef";
    out.push_back('#');
    for (const double channel : {c.r, c.g, c.b}) {
        const auto v = static_cast<int>(std::lround(std::clamp(channel, 0.0, 1.0) * 255.0));
        out.push_back(digits[v >> 4]);
        out.push_back(digits[v & 15]);
    }
}

void quoted(std::string& out, std::string_view s) {
    static constexpr char digits[] = "0123456789abcdef";
    out.push_back('"');
    for (const char ch : s) {
        const auto c = static_cast<unsigned char>(ch);
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(ch);
        } else if (c == '\n') {
            out += "\\n";
        } else if (c < 0x20 || c == 0x7F) {
            out += "\\u{";
            out.push_back(digits[c >> 4]);
            out.push_back(digits[c & 15]);
            out.push_back('}');
        } else {
            out.push_back(ch);
        }
    }
    out.push_back('"');
}

const char* face_name(font_face f) {
    switch (f) {
        case font_face::regular: return "regular";
        case font_face::bold: return "bold";
        case font_face::italic: return "italic";
        case font_face::bold_italic: return "bold_italic";
    }
    return "regular";
}

struct item_dumper {
    std::string& out;
    bool text_bounds = false;
    void operator()(const text_run& t) const {
        out += "text";
        numbers(out, {t.x, t.y});
        out += ' ';
        out += face_name(t.face);
        numbers(out, {t.size});
        out += ' ';
        hex_color(out, t.fill);
        out += ' ';
        quoted(out, t.text);
        if (!text_bounds) return;
        out += " width";
        numbers(out, {t.width});
        out += " area";
        numbers(out, {t.area_left, t.area_right});
    }
    void operator()(const rule& r) const {
        out += "rule";
        numbers(out, {r.x1, r.y1, r.x2, r.y2, r.width});
        out += ' ';
        hex_color(out, r.stroke);
        out += r.dashed ? " dashed" : " solid";
    }
    void operator()(const box& b) const {
        out += "box";
        numbers(out, {b.x, b.y, b.width, b.height});
        out += " fill=";
        if (b.fill) hex_color(out, *b.fill); else out += "none";
        out += " stroke=";
        if (b.stroke) {
            hex_color(out, *b.stroke);
            numbers(out, {b.stroke_width});
        } else {
            out += "none";
        }
        out += " radius=";
        number(out, b.radius);
    }
    void operator()(const image& i) const {
        out += "image";
        numbers(out, {i.x, i.y, i.width, i.height});
        out += ' ';
        quoted(out, i.path);
    }
    void operator()(const link_area& l) const {
        out += "link";
        numbers(out, {l.x, l.y, l.width, l.height});
        out += ' ';
        quoted(out, l.url);
    }
};

}  // namespace

std::string dump_pages(const paged_document& pages, bool text_bounds) {
    std::string out;
    out += "document title=";
    quoted(out, pages.title);
    out += " fonts=";
    out += pages.fonts.embedded ? "embedded " : "standard ";
    quoted(out, pages.fonts.family);
    out.push_back('\n');
    std::size_t n = 0;
    for (const auto& p : pages.pages) {
        out += "page " + std::to_string(++n) + ' ';
        number(out, p.width);
        out.push_back('x');
        number(out, p.height);
        out.push_back('\n');
        for (const auto& it : p.items) {
            std::visit(item_dumper{out, text_bounds}, it.value);
            out.push_back('\n');
        }
    }
    return out;
}

}  // namespace closeplan::layout

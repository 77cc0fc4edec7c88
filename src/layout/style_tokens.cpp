// SPDX-License-Identifier: MIT
// Style tokens to numbers and colours, with the defaults of styles/default.yaml.
#include "layout/style_tokens.hpp"

#include <cstdlib>
#include <optional>

namespace closeplan::layout::detail {

namespace {

color rgb(int hex) {
    return color{static_cast<double>((hex >> 16) & 0xff) / 255.0, static_cast<double>((hex >> 8) & 0xff) / 255.0,
                 static_cast<double>(hex & 0xff) / 255.0};
}

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

const std::string* find(const std::map<std::string, std::string>& tokens, const std::string& key) {
    const auto it = tokens.find(key);
    return it == tokens.end() ? nullptr : &it->second;
}

double length_or(const std::map<std::string, std::string>& tokens, const std::string& key, double fallback) {
    const auto* v = find(tokens, key);
    return v ? parse_length(*v, fallback) : fallback;
}

color color_or(const std::map<std::string, std::string>& tokens, const std::string& key, color fallback) {
    const auto* v = find(tokens, key);
    return v ? parse_color(*v, fallback) : fallback;
}

}  // namespace

double parse_length(const std::string& value, double fallback) {
    if (value.empty()) return fallback;
    char* end = nullptr;
    const double number = std::strtod(value.c_str(), &end);
    if (end == value.c_str()) return fallback;
    const std::string unit(end);
    if (unit.empty() || unit == "pt") return number;
    if (unit == "mm") return number * 72.0 / 25.4;
    if (unit == "cm") return number * 72.0 / 2.54;
    if (unit == "in") return number * 72.0;
    return fallback;
}

color parse_color(const std::string& value, color fallback) {
    if (value.size() != 4 && value.size() != 7) return fallback;
    if (value[0] != '#') return fallback;
    int hex = 0;
    for (std::size_t i = 1; i < value.size(); ++i) {
        const int d = hex_digit(value[i]);
        if (d < 0) return fallback;
        hex = hex * 16 + d;
        if (value.size() == 4) hex = hex * 16 + d;  // #abc is #aabbcc
    }
    return rgb(hex);
}

color page_style::tone_color(view::tone t) const {
    const auto it = tone_colors.find(t);
    return it == tone_colors.end() ? text : it->second;
}

badge_colors page_style::badge(view::tone t) const {
    const auto it = badges.find(t);
    return it == badges.end() ? badge_colors{header_bg, text} : it->second;
}

page_style read_style(const std::map<std::string, std::string>& tokens, const std::string& paper) {
    page_style s;
    const auto* size_token = find(tokens, "page.size");
    const std::string size = !paper.empty() ? paper : size_token ? *size_token : "letter";
    if (size == "a4") {
        s.width = 595.28;
        s.height = 841.89;
    }
    s.margin_top = length_or(tokens, "page.margin.top", s.margin_top);
    s.margin_right = length_or(tokens, "page.margin.right", s.margin_right);
    s.margin_bottom = length_or(tokens, "page.margin.bottom", s.margin_bottom);
    s.margin_left = length_or(tokens, "page.margin.left", s.margin_left);
    s.line_height = length_or(tokens, "font.line_height", 1.1);
    s.rule_thin = length_or(tokens, "rule.thin", s.rule_thin);
    s.rule_thick = length_or(tokens, "rule.thick", s.rule_thick);
    s.column_gap = length_or(tokens, "spacing.column_gap", s.column_gap);
    // Narrower than the HTML's padding: at 8 pt the milestone cells need the width more.
    s.cell_x = length_or(tokens, "spacing.cell_x", s.cell_x) * 0.7;
    s.cell_y = length_or(tokens, "spacing.cell_y", 0.5) + 0.2;  // the HTML's padding plus a little air
    // The HTML print sizes (7.5 pt body) are below the PDF's 8 pt floor, so the PDF keeps
    // its own sizes and takes only the ratios between heading and body from the style.
    const double body = length_or(tokens, "font.size.body", 7.5);
    s.h1 = s.body * length_or(tokens, "font.size.h1", 12.5) / body;
    s.h2 = s.body * length_or(tokens, "font.size.h2", 8.2) / body;

    s.background = color_or(tokens, "colors.background", rgb(0xffffff));
    s.text = color_or(tokens, "colors.text", rgb(0x1b2733));
    s.muted = color_or(tokens, "colors.muted", rgb(0x56616c));
    s.rule = color_or(tokens, "colors.rule", rgb(0xc5ced6));
    s.accent = color_or(tokens, "colors.accent", rgb(0x1d4f7c));
    s.header_bg = color_or(tokens, "colors.header_bg", rgb(0xedf1f5));

    struct tone_default {
        view::tone t;
        const char* name;
        int color, bg, fg;
    };
    const tone_default defaults[] = {
        {view::tone::neutral, "neutral", 0x56616c, 0xe8ecf0, 0x36414c},
        {view::tone::info, "info", 0x1a5693, 0xe1ecf8, 0x164a7e},
        {view::tone::ok, "ok", 0x1c6636, 0xdff1e5, 0x155a2d},
        {view::tone::warn, "warn", 0x854800, 0xfcefd3, 0x744000},
        {view::tone::bad, "bad", 0xae2318, 0xfbe2df, 0x9a1b13},
        {view::tone::buyer, "buyer", 0x1d4f7c, 0xe2ebf5, 0x1b4a75},
        {view::tone::seller, "seller", 0x62358f, 0xeee6f6, 0x58307f},
        {view::tone::both, "both", 0x0e7c72, 0xe0efee, 0x214f4f},
    };
    for (const auto& d : defaults) {
        const std::string name = d.name;
        s.tone_colors[d.t] = name == "neutral" ? s.muted : color_or(tokens, "colors." + name, rgb(d.color));
        s.badges[d.t] = {color_or(tokens, "badge." + name + ".bg", rgb(d.bg)),
                         color_or(tokens, "badge." + name + ".fg", rgb(d.fg))};
    }
    return s;
}

page_style remembered_style(const std::map<std::string, std::string>& tokens, const std::string& paper) {
    struct remembered {
        std::map<std::string, std::string> tokens;
        std::string paper;
        page_style style;
    };
    thread_local std::optional<remembered> last;
    if (!last || last->paper != paper || last->tokens != tokens) last = remembered{tokens, paper, read_style(tokens, paper)};
    return last->style;
}

}  // namespace closeplan::layout::detail

// SPDX-License-Identifier: MIT
// Style tokens: the built-in styles/default.yaml, user overrides, value checks and contrast checks.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "render/style_context.hpp"
#include "render/template_check.hpp"
#include "render/template_set.hpp"
#include "render/yaml_flat.hpp"

namespace closeplan::render {
namespace {

enum class token_type { color, length, page_size, pdf_font, font_stack, number, embed_mode, font_file };

struct token_spec {
    std::string key;
    token_type type;
};

const std::vector<token_spec>& token_specs() {
    using t = token_type;
    static const std::vector<token_spec> specs = [] {
        std::vector<token_spec> s = {
            {"page.size", t::page_size},
            {"page.margin.top", t::length},    {"page.margin.right", t::length},
            {"page.margin.bottom", t::length}, {"page.margin.left", t::length},
            {"font.family", t::pdf_font},      {"font.mono_family", t::pdf_font},
            {"font.stack", t::font_stack},     {"font.mono_stack", t::font_stack},
            {"font.size.body", t::length},     {"font.size.small", t::length},
            {"font.size.h1", t::length},       {"font.size.h2", t::length},
            {"font.size.body_roomy", t::length},   {"font.size.small_roomy", t::length},
            {"font.size.body_compact", t::length}, {"font.size.small_compact", t::length},
            {"font.line_height", t::number},   {"font.screen_scale", t::number},
            {"spacing.section", t::length},    {"spacing.paragraph", t::length},
            {"spacing.cell_x", t::length},     {"spacing.cell_y", t::length},
            {"spacing.column_gap", t::length}, {"rule.thin", t::length},
            {"rule.thick", t::length},
            {"font.pdf.embed", t::embed_mode},
            {"font.pdf.regular", t::font_file},     {"font.pdf.bold", t::font_file},
            {"font.pdf.italic", t::font_file},      {"font.pdf.bold_italic", t::font_file},
        };
        for (std::string_view c : {"background", "text", "muted", "rule", "accent", "header_bg", "buyer", "seller",
                                   "both", "ok", "info", "warn", "bad"})
            s.push_back({"colors." + std::string(c), t::color});
        for (std::string_view tone : {"neutral", "info", "ok", "warn", "bad", "buyer", "seller", "both"})
            for (std::string_view part : {"bg", "fg"})
                s.push_back({"badge." + std::string(tone) + "." + std::string(part), t::color});
        return s;
    }();
    return specs;
}

const token_spec* find_spec(std::string_view key) {
    const auto& specs = token_specs();
    const auto it = std::find_if(specs.begin(), specs.end(), [&](const token_spec& s) { return s.key == key; });
    return it == specs.end() ? nullptr : &*it;
}

// A brand font is a .ttf file named relative to the style file, inside its
// folder: no absolute path, no `..`, so a style cannot make closeplan read
// files elsewhere.
std::string font_file_problem(const std::string& value) {
    static const std::regex file("[A-Za-z0-9_ .-]+(/[A-Za-z0-9_ .-]+)*\\.[tT][tT][fF]");
    if (value.empty()) return "";
    if (!std::regex_match(value, file))
        return "name a TrueType file (.ttf) relative to the style file, such as fonts/Brand-Regular.ttf";
    for (std::size_t start = 0; start <= value.size();) {
        const auto slash = std::min(value.find('/', start), value.size());
        const auto segment = value.substr(start, slash - start);
        if (segment == ".." || segment == ".") return "font paths stay inside the style file's folder: no `.` or `..`";
        start = slash + 1;
    }
    return "";
}

// Where a style's font file is, checked to exist and to be TrueType; "" after reporting why not.
std::string resolve_font_file(const std::string& style_path, const std::string& key, const detail::flat_value& value,
                              diagnostic_sink& diags) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(style_path).parent_path();
    const fs::path file = dir / value.text;
    std::error_code ec;
    const auto real_dir = fs::weakly_canonical(dir.empty() ? fs::path(".") : dir, ec);
    const auto real_file = fs::weakly_canonical(file, ec);
    const auto inside = std::mismatch(real_dir.begin(), real_dir.end(), real_file.begin(), real_file.end()).first == real_dir.end();
    if (ec || !inside) {
        diags.error("T404", "`" + key + "`: \"" + value.text + "\" leads outside the style file's folder", value.where,
                    {"keep brand fonts in the style's folder or below it (symbolic links out of it are refused)"});
        return {};
    }
    std::ifstream in(file, std::ios::binary);
    char magic[4] = {};
    if (!in || !fs::is_regular_file(file, ec)) {
        diags.error("T404", "`" + key + "`: font file \"" + file.string() + "\" not found", value.where,
                    {"the path is relative to the style file"});
        return {};
    }
    in.read(magic, sizeof magic);
    const std::string head(magic, static_cast<std::size_t>(in.gcount()));
    if (head != std::string("\0\1\0\0", 4) && head != "true") {
        diags.error("T404", "`" + key + "`: \"" + value.text + "\" is not a TrueType font", value.where,
                    {head == "OTTO" ? "OpenType fonts with CFF outlines (.otf) cannot be embedded; use the TrueType (.ttf) version"
                                    : "use a TrueType (.ttf) file; collections (.ttc) are not supported"});
        return {};
    }
    return file.string();
}

// The problem with `value` for its type, or "" when it is fine.
std::string value_problem(token_type type, const std::string& value) {
    static const std::regex color("#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})");
    static const std::regex length("[0-9]{1,3}(\\.[0-9]{1,3})?(pt|mm|cm|in)");
    static const std::regex number("[0-9]{1,2}(\\.[0-9]{1,3})?");
    static const std::regex stack("[A-Za-z0-9 ,\"'-]{1,200}");
    switch (type) {
        case token_type::color:
            return std::regex_match(value, color) ? "" : "write a colour as #rgb or #rrggbb";
        case token_type::length:
            return std::regex_match(value, length) ? "" : "write a length with a unit: 9pt, 12mm, 1.2cm or 0.5in";
        case token_type::page_size:
            return value == "letter" || value == "a4" || value == "locale" ? "" : "page.size is letter, a4 or locale";
        case token_type::pdf_font:
            return value == "Helvetica" || value == "Times-Roman" || value == "Courier"
                       ? ""
                       : "PDF fonts are the built-in Helvetica, Times-Roman or Courier";
        case token_type::font_stack:
            return std::regex_match(value, stack) ? "" : "a CSS font list such as \"Source Sans 3\", Arial, sans-serif";
        case token_type::number:
            return std::regex_match(value, number) ? "" : "write a plain number such as 1.3";
        case token_type::embed_mode:
            return value == "auto" || value == "always" ? "" : "font.pdf.embed is auto or always";
        case token_type::font_file:
            return font_file_problem(value);
    }
    return "";
}

std::string lowercase(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Checks `entries` and writes the accepted ones into `tokens`; false on any error.
bool apply(const detail::flat_map& entries, std::map<std::string, std::string>& tokens, diagnostic_sink& diags) {
    bool ok = true;
    std::vector<std::string> known;
    for (const auto& s : token_specs()) known.emplace_back(s.key);
    for (const auto& [key, value] : entries) {
        const auto* spec = find_spec(key);
        if (spec == nullptr) {
            std::vector<std::string> hints;
            if (auto near = detail::closest_name(key, known)) hints.push_back("did you mean `" + *near + "`?");
            hints.push_back("styles/default.yaml lists every style key");
            diags.error("T404", "unknown style key `" + key + "`", value.where, hints);
            ok = false;
            continue;
        }
        if (const auto problem = value_problem(spec->type, value.text); !problem.empty()) {
            diags.error("T404", "`" + value.text + "` is not a valid value for `" + key + "`", value.where, {problem});
            ok = false;
            continue;
        }
        tokens[key] = spec->type == token_type::color ? lowercase(value.text) : value.text;
    }
    return ok;
}

// The built-in tokens, without the value checks: those compile regular
// expressions (most of a small render's start-up), and the built-in file is
// checked by the build and by a unit test that reads it through from_file.
void apply_built_in(const detail::flat_map& entries, std::map<std::string, std::string>& tokens) {
    for (const auto& [key, value] : entries)
        if (const auto* spec = find_spec(key))
            tokens[key] = spec->type == token_type::color ? lowercase(value.text) : value.text;
}

double channel(unsigned value) {
    const double c = value / 255.0;
    return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(std::string_view color) {
    std::string hex(color.substr(1));
    if (hex.size() == 3) hex = {hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]};
    if (hex.size() != 6) return 0.0;
    const auto part = [&](std::size_t i) { return static_cast<unsigned>(std::stoul(hex.substr(i, 2), nullptr, 16)); };
    return 0.2126 * channel(part(0)) + 0.7152 * channel(part(2)) + 0.0722 * channel(part(4));
}

}  // namespace

namespace detail {

double contrast_ratio(std::string_view a, std::string_view b) {
    if (a.size() < 4 || b.size() < 4 || a[0] != '#' || b[0] != '#') return 1.0;
    const double la = luminance(a);
    const double lb = luminance(b);
    return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

const std::vector<color_pair>& readable_pairs() {
    static const std::vector<color_pair> pairs = [] {
        std::vector<color_pair> p = {
            {"colors.text", "colors.background"},  {"colors.text", "colors.header_bg"},
            {"colors.muted", "colors.background"}, {"colors.muted", "colors.header_bg"},
            {"colors.accent", "colors.background"},
        };
        for (std::string_view c : {"buyer", "seller", "both", "ok", "info", "warn", "bad"})
            p.push_back({"colors." + std::string(c), "colors.background"});
        for (std::string_view tone : {"neutral", "info", "ok", "warn", "bad", "buyer", "seller", "both"})
            p.push_back({"badge." + std::string(tone) + ".fg", "badge." + std::string(tone) + ".bg"});
        return p;
    }();
    return pairs;
}

template_value style_context(const style& look) {
    template_value root;
    for (const auto& [key, value] : look.tokens()) {
        template_value* node = &root;
        std::size_t start = 0;
        for (auto dot = key.find('.'); dot != std::string::npos; dot = key.find('.', start)) {
            auto& child = node->members[key.substr(start, dot - start)];
            node = &child;
            start = dot + 1;
        }
        node->members.insert_or_assign(key.substr(start), template_value::text(value));
    }
    return root;
}

}  // namespace detail

style style::built_in() {
    static const style cached = [] {
        style s;
        // Flattened at build time; a broken built-in style fails the build and the unit tests, not the user.
        std::map<std::string, std::string> tokens;
        if (const auto entries = detail::built_in_flat("styles/default.yaml", "built-in:styles/default.yaml"))
            apply_built_in(*entries, tokens);
        s.tokens_ = std::make_shared<const std::map<std::string, std::string>>(std::move(tokens));
        return s;
    }();
    return cached;
}

std::optional<style> style::from_file(const std::string& path, diagnostic_sink& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in)
        throw closeplan::error({severity::error, "T404", "cannot read style file `" + path + "`", {path, 0, 0, {}},
                                {"check the --style path"}});
    std::ostringstream text;
    text << in.rdbuf();
    const auto entries = detail::load_flat_yaml(text.str(), path, "T404", diags);
    if (!entries) return std::nullopt;
    style s = built_in();
    auto tokens = s.tokens();  // this file's own copy, shared once complete
    const bool applied = apply(*entries, tokens, diags);
    // Font files are checked on disk too, each valid one, so one run reports every problem.
    bool fonts_ok = applied;
    for (const auto& [key, value] : *entries) {
        const auto* spec = find_spec(key);
        if (!spec || spec->type != token_type::font_file || value.text.empty() || !font_file_problem(value.text).empty())
            continue;
        const auto file = resolve_font_file(path, key, value, diags);
        fonts_ok = fonts_ok && !file.empty();
        tokens[key] = file;
    }
    if (!fonts_ok) return std::nullopt;
    s.tokens_ = std::make_shared<const std::map<std::string, std::string>>(std::move(tokens));
    if (!s.get("font.pdf.bold").empty() || !s.get("font.pdf.italic").empty() || !s.get("font.pdf.bold_italic").empty()) {
        if (s.get("font.pdf.regular").empty()) {
            diags.error("T404", "a brand font family needs its regular face: `font.pdf.regular` is missing",
                        {path, 0, 0, {}}, {"name the regular .ttf file; bold and italic fall back to it when left out"});
            return std::nullopt;
        }
    }

    for (const auto& pair : detail::readable_pairs()) {
        const double ratio = detail::contrast_ratio(s.get(pair.foreground), s.get(pair.background));
        if (ratio >= 4.5) continue;
        // Point at whichever of the two colours this file changed.
        source_location where{path, 0, 0, {}};
        if (const auto it = entries->find(pair.foreground); it != entries->end()) where = it->second.where;
        else if (const auto bg = entries->find(pair.background); bg != entries->end()) where = bg->second.where;
        else continue;
        char ratio_text[16];
        std::snprintf(ratio_text, sizeof ratio_text, "%.2f", ratio);
        diags.warning("T407", "`" + pair.foreground + "` on `" + pair.background + "` has a contrast of " + ratio_text +
                                  ":1, below 4.5:1",
                      where, {"darken the text colour or lighten the background (WCAG AA)"});
    }
    return s;
}

std::string style::get(std::string_view key) const {
    const auto it = tokens_->find(std::string(key));
    return it == tokens_->end() ? std::string() : it->second;
}

}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// Flowing inlines into lines. break_lines() handles text only; badges are boxes inside
// a line, so the buyer plan flows words and badges itself, greedily, on measured widths.
#include "layout/inline_flow.hpp"

#include <algorithm>
#include <variant>

namespace closeplan::layout::detail {

namespace {

struct token {
    std::string text;
    font_face face = font_face::regular;
    color fill;
    std::string url;
    bool strike = false;
    bool is_badge = false;
    view::tone tone = view::tone::neutral;
    bool space_before = false;
    bool breakable_before = false;  // after a hyphen or slash
    bool hard_break = false;
    double gap = 0;
    double width = 0;
};

struct state {
    font_face face = font_face::regular;
    color fill;
    std::string url;
    bool strike = false;
    bool upper = false;
    bool breaks_as_dots = false;
};

font_face with_bold(font_face f) { return f == font_face::italic || f == font_face::bold_italic ? font_face::bold_italic : font_face::bold; }
font_face with_italic(font_face f) { return f == font_face::bold || f == font_face::bold_italic ? font_face::bold_italic : font_face::italic; }

std::size_t sequence_length(unsigned char lead) {
    if (lead < 0x80) return 1;
    if ((lead >> 5) == 0x6) return 2;
    if ((lead >> 4) == 0xe) return 3;
    if ((lead >> 3) == 0x1e) return 4;
    return 1;
}

char32_t decode(std::string_view s, std::size_t at, std::size_t len) {
    const auto b = [&](std::size_t i) { return static_cast<char32_t>(static_cast<unsigned char>(s[at + i])); };
    switch (len) {
        case 2: return ((b(0) & 0x1f) << 6) | (b(1) & 0x3f);
        case 3: return ((b(0) & 0x0f) << 12) | ((b(1) & 0x3f) << 6) | (b(2) & 0x3f);
        case 4: return ((b(0) & 0x07) << 18) | ((b(1) & 0x3f) << 12) | ((b(2) & 0x3f) << 6) | (b(3) & 0x3f);
        default: return b(0);
    }
}

class tokenizer {
public:
    tokenizer(const context& ctx, std::vector<token>& out) : ctx_(ctx), out_(out) {}

    void span(const flow_span& s) {
        if (s.break_before && !out_.empty()) push_break();
        pending_gap_ = s.gap;
        state st{s.style.face, s.style.fill, "", false, s.style.upper, s.style.breaks_as_dots};
        for (const auto& node : *s.content) inline_node(node, st);
        end_word(st);
    }

    void operator()(const view::text& t, const state& st) { text(t.value, st); }
    void operator()(const view::emphasis& e, state st) { end_word(st); st.face = with_italic(st.face); children(e.children, st); }
    void operator()(const view::strong& e, state st) { end_word(st); st.face = with_bold(st.face); children(e.children, st); }
    void operator()(const view::strikethrough& e, state st) { end_word(st); st.strike = true; st.fill = ctx_.style().muted; children(e.children, st); }
    void operator()(const view::code_span& c, const state& st) { text(c.value, st); }
    void operator()(const view::link& l, state st) {
        end_word(st);
        st.url = l.url;
        st.fill = ctx_.style().accent;
        children(l.children, st);
        end_word(st);
    }
    void operator()(const view::soft_break&, const state& st) { end_word(st); space_ = true; }
    void operator()(const view::line_break&, const state& st) {
        end_word(st);
        if (!st.breaks_as_dots) return push_break();
        space_ = true;
        state dot = st;
        dot.fill = ctx_.style().muted;
        word_ = "\u00b7";
        end_word(dot);
        space_ = true;
    }
    void operator()(const view::badge& b, const state& st) {
        end_word(st);
        token t;
        t.is_badge = true;
        t.tone = b.color;
        t.face = font_face::bold;
        t.text = ctx_.paintable(b.label);
        take_spacing(t);
        out_.push_back(std::move(t));
    }

private:
    void inline_node(const view::inline_node& n, const state& st) {
        std::visit([&](const auto& v) { (*this)(v, st); }, n.value);
    }
    void children(const view::inlines& c, const state& st) {
        for (const auto& n : c) inline_node(n, st);
        end_word(st);
    }
    void text(const std::string& value, const state& st) {
        for (char c : value) {
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                end_word(st);
                space_ = true;
                continue;
            }
            word_ += st.upper && c >= 'a' && c <= 'z' ? static_cast<char>(c - 'a' + 'A') : c;
            // Lines may break after a hyphen or slash, so URLs and "buyer/seller" wrap.
            if (c == '-' || c == '/') {
                end_word(st);
                breakable_ = true;
            }
        }
    }
    void end_word(const state& st) {
        if (word_.empty()) return;
        token t;
        t.text = ctx_.paintable(word_);
        t.face = st.face;
        t.fill = st.fill;
        t.url = st.url;
        t.strike = st.strike;
        take_spacing(t);
        out_.push_back(std::move(t));
        word_.clear();
    }
    void take_spacing(token& t) {
        t.space_before = space_;
        t.breakable_before = breakable_;
        t.gap = pending_gap_;
        space_ = breakable_ = false;
        pending_gap_ = 0;
    }
    void push_break() {
        token t;
        t.hard_break = true;
        out_.push_back(std::move(t));
        space_ = breakable_ = false;
    }

    const context& ctx_;
    std::vector<token>& out_;
    std::string word_;
    bool space_ = false, breakable_ = false;
    double pending_gap_ = 0;
};

struct sizes {
    double size, asc, desc, badge_pad;
};

double space_width(const context& ctx, font_face face, double size) { return ctx.metrics().width(" ", face, size); }

std::vector<token> tokenize(const std::vector<flow_span>& spans, const flow_options& o, const context& ctx) {
    std::vector<token> tokens;
    tokenizer tz(ctx, tokens);
    for (const auto& s : spans) tz.span(s);
    const double pad = o.size * 0.22;
    for (auto& t : tokens) {
        if (t.hard_break) continue;
        t.width = ctx.metrics().width(t.text, t.face, o.size) + (t.is_badge ? 2 * pad : 0);
    }
    return tokens;
}

bool starts_group(const token& t) { return t.space_before || t.breakable_before || t.hard_break || t.gap > 0; }

// Splits a text token into code points, for words wider than the line.
std::vector<token> split_code_points(const token& t, double size, const context& ctx) {
    if (t.is_badge) return {t};
    std::vector<token> parts;
    for (std::size_t i = 0; i < t.text.size();) {
        const std::size_t len = std::min(sequence_length(static_cast<unsigned char>(t.text[i])), t.text.size() - i);
        token p = t;
        p.text = t.text.substr(i, len);
        p.width = ctx.metrics().width(p.text, p.face, size);
        if (i > 0) p.space_before = p.breakable_before = false, p.gap = 0;
        parts.push_back(std::move(p));
        i += len;
    }
    return parts;
}

struct placed {
    token t;
    double x;
};
struct line_of {
    std::vector<placed> tokens;
    double width = 0;
};

std::vector<line_of> break_into_lines(const std::vector<token>& tokens, double width, const flow_options& o, const context& ctx) {
    std::vector<line_of> lines(1);
    std::size_t i = 0;
    while (i < tokens.size()) {
        if (tokens[i].hard_break) {
            lines.emplace_back();
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        double group_width = tokens[i].width;
        while (j < tokens.size() && !starts_group(tokens[j])) group_width += tokens[j++].width;
        const token& first = tokens[i];
        auto lead = [&](const token& t, const line_of& l) {
            return l.tokens.empty() ? 0.0 : (t.space_before ? space_width(ctx, t.face, o.size) : 0.0) + t.gap;
        };
        if (!lines.back().tokens.empty() && lines.back().width + lead(first, lines.back()) + group_width > width)
            lines.emplace_back();
        std::vector<token> group(tokens.begin() + static_cast<std::ptrdiff_t>(i), tokens.begin() + static_cast<std::ptrdiff_t>(j));
        if (group_width > width) {
            std::vector<token> parts;
            for (const auto& t : group) {
                auto split = split_code_points(t, o.size, ctx);
                parts.insert(parts.end(), split.begin(), split.end());
            }
            group = std::move(parts);
        }
        for (std::size_t k = 0; k < group.size(); ++k) {
            line_of* l = &lines.back();
            double x = l->width + (k == 0 ? lead(group[k], *l) : 0.0);
            if (group_width > width && !l->tokens.empty() && x + group[k].width > width) {
                lines.emplace_back();
                l = &lines.back();
                x = 0;
            }
            l->tokens.push_back({group[k], x});
            l->width = x + group[k].width;
        }
        i = j;
    }
    if (lines.size() == 1 && lines.back().tokens.empty()) lines.clear();
    return lines;
}

bool same_run(const placed& a, const token& b) {
    return !a.t.is_badge && !b.is_badge && a.t.face == b.face && a.t.fill == b.fill && a.t.url == b.url &&
           a.t.strike == b.strike && b.gap == 0;
}

void emit_line(const line_of& l, double baseline, double offset, const flow_options& o, const context& ctx, fragment& out) {
    const double asc = ctx.metrics().ascent(o.size), desc = ctx.metrics().descent(o.size);
    std::vector<placed> runs;
    for (const auto& p : l.tokens) {
        if (!runs.empty() && same_run(runs.back(), p.t)) {
            runs.back().t.text += (p.t.space_before ? " " : "") + p.t.text;
            runs.back().t.width = p.x + p.t.width - runs.back().x;
            continue;
        }
        runs.push_back(p);
    }
    for (const auto& r : runs) {
        const double x = offset + r.x;
        if (r.t.is_badge) {
            const auto colors = ctx.style().badge(r.t.tone);
            const double pad = o.size * 0.22;
            out.items.push_back({box{x, baseline - asc - 0.6, r.t.width, asc + desc + 1.0, colors.bg, std::nullopt, 0, 1.6}});
            out.items.push_back({text_run{x + pad, baseline, r.t.face, o.size, colors.fg, r.t.text}});
            continue;
        }
        out.items.push_back({text_run{x, baseline, r.t.face, o.size, r.t.fill, r.t.text}});
        if (r.t.strike) {
            const double y = baseline - o.size * 0.3;
            out.items.push_back({rule{x, y, x + r.t.width, y, 0.6, r.t.fill, false}});
        }
        if (!r.t.url.empty()) {
            out.items.push_back({rule{x, baseline + 1.0, x + r.t.width, baseline + 1.0, 0.4, r.t.fill, false}});
            out.items.push_back({link_area{x, baseline - asc, r.t.width, asc + desc, r.t.url}});
        }
    }
}

}  // namespace

std::string context::paintable(std::string_view utf8) const {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t len = std::min(sequence_length(static_cast<unsigned char>(utf8[i])), utf8.size() - i);
        const char32_t cp = decode(utf8, i, len);
        if (metrics().can_paint(cp)) {
            out.append(utf8.substr(i, len));
        } else {
            if (unpaintable) unpaintable->insert(cp);
            // A white square shows where something was; "?" when the fonts lack even that.
            out += metrics().can_paint(U'\u25A1') ? "\u25A1" : "?";
        }
        i += len;
    }
    return out;
}

fragment flow(const std::vector<flow_span>& spans, double width, const flow_options& o, const context& ctx) {
    const auto lines = break_into_lines(tokenize(spans, o, ctx), width, o, ctx);
    fragment out;
    const double leading = ctx.leading(o.size);
    const double asc = ctx.metrics().ascent(o.size), desc = ctx.metrics().descent(o.size);
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const double baseline = static_cast<double>(i) * leading + (leading - asc - desc) / 2 + asc;
        double offset = 0;
        if (o.alignment == view::align::right) offset = width - lines[i].width;
        if (o.alignment == view::align::center) offset = (width - lines[i].width) / 2;
        emit_line(lines[i], baseline, std::max(0.0, offset), o, ctx, out);
    }
    out.height = static_cast<double>(lines.size()) * leading;
    return out;
}

fragment flow(const view::inlines& content, double width, const flow_options& o, const context& ctx, span_style style) {
    if (style.fill == color{} && style.face == font_face::regular) style.fill = ctx.style().text;
    return flow(std::vector<flow_span>{{&content, style, 0, false}}, width, o, ctx);
}

flow_widths measure(const std::vector<flow_span>& spans, const flow_options& o, const context& ctx) {
    const auto tokens = tokenize(spans, o, ctx);
    flow_widths w;
    double line = 0, group = 0;
    for (const auto& t : tokens) {
        if (t.hard_break) {
            line = group = 0;
            continue;
        }
        if (starts_group(t)) group = 0;
        const double lead = line > 0 ? (t.space_before ? space_width(ctx, t.face, o.size) : 0.0) + t.gap : 0.0;
        line += lead + t.width;
        group += t.width;
        w.natural = std::max(w.natural, line);
        w.minimum = std::max(w.minimum, group);
    }
    return w;
}

namespace {
struct plain_visitor {
    std::string& out;
    void operator()(const view::text& t) const { out += t.value; }
    void operator()(const view::emphasis& e) const { all(e.children); }
    void operator()(const view::strong& e) const { all(e.children); }
    void operator()(const view::strikethrough& e) const { all(e.children); }
    void operator()(const view::code_span& c) const { out += c.value; }
    void operator()(const view::link& l) const { all(l.children); }
    void operator()(const view::soft_break&) const { out += ' '; }
    void operator()(const view::line_break&) const { out += ' '; }
    void operator()(const view::badge& b) const { out += b.label; }
    void all(const view::inlines& c) const {
        for (const auto& n : c) std::visit(*this, n.value);
    }
};
}  // namespace

std::string plain_text(const view::inlines& content) {
    std::string out;
    plain_visitor{out}.all(content);
    return out;
}

}  // namespace closeplan::layout::detail

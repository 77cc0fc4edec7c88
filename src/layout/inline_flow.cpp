// SPDX-License-Identifier: MIT
// Flowing inlines into lines. break_lines() handles text only; badges are boxes inside
// a line, so the buyer plan flows words and badges itself, greedily, on measured widths.
#include "layout/inline_flow.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <list>
#include <map>
#include <memory_resource>
#include <span>
#include <unordered_map>
#include <variant>

#include "layout/upper_case.hpp"

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
    double units = 0;  ///< text width in 1/1000 em; the badge padding is added per size
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

// Spans cut into words. A span's gap goes before its first word; it is set for
// each use, not kept with the words, because fact lists space their facts in
// proportion to the type size and the fitter tries several sizes.
// Cached words live in the token cache's arena (see token_cache::entries).
struct words {
    explicit words(std::pmr::memory_resource* memory = std::pmr::get_default_resource())
        : tokens(memory), openings(memory) {}
    std::pmr::vector<token> tokens;
    struct opening {
        std::size_t token, span;
    };
    std::pmr::vector<opening> openings;  ///< the first word of each span that has one

    void set_gaps(std::span<const flow_span> spans) {
        for (const auto& o : openings) tokens[o.token].gap = spans[o.span].gap;
    }
};

class tokenizer {
public:
    tokenizer(const context& ctx, words& out) : ctx_(ctx), out_(out.tokens), openings_(out.openings) {}

    void span(const flow_span& s) {
        if (s.break_before && !out_.empty()) push_break();
        opening_ = spans_++;
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
        for (std::size_t i = 0; i < value.size();) {
            const char c = value[i];
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
                end_word(st);
                space_ = true;
                ++i;
                continue;
            }
            // The rest of the word up to a space, hyphen or slash, appended at once.
            const std::size_t end = std::min(value.find_first_of(" \n\t\r-/", i), value.size());
            word_.append(value, i, end - i);
            i = end;
            // Lines may break after a hyphen or slash, so URLs and "buyer/seller" wrap.
            if (i < value.size() && (value[i] == '-' || value[i] == '/')) {
                word_ += value[i++];
                end_word(st);
                breakable_ = true;
            }
        }
    }
    void end_word(const state& st) {
        if (word_.empty()) return;
        token t;
        t.text = ctx_.paintable(st.upper ? upper_case(word_) : word_);
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
        if (opening_ != no_span) openings_.push_back({out_.size(), opening_});
        space_ = breakable_ = false;
        opening_ = no_span;
    }
    void push_break() {
        token t;
        t.hard_break = true;
        out_.push_back(std::move(t));
        space_ = breakable_ = false;
    }

    static constexpr std::size_t no_span = static_cast<std::size_t>(-1);
    const context& ctx_;
    std::pmr::vector<token>& out_;
    std::pmr::vector<words::opening>& openings_;
    std::string word_;
    bool space_ = false, breakable_ = false;
    std::size_t spans_ = 0;           ///< spans read so far
    std::size_t opening_ = no_span;   ///< the span whose first word comes next, if none yet
};

using face_widths = std::array<double, 4>;  ///< by font_face; -1 = not measured yet

// The width of a space in each face at one size, measured when first needed:
// every word after a space asks for it, and the metrics call is virtual.
class space_widths {
public:
    /// `known`: the widths measured at this size earlier in the layout (kept by the token cache), or nullptr.
    space_widths(const context& ctx, double size, face_widths* known)
        : ctx_(ctx), size_(size), widths_(known ? known : &own_) {}
    double operator()(font_face face) {
        auto& w = (*widths_)[static_cast<std::size_t>(face)];
        if (w < 0) w = ctx_.metrics().width(" ", face, size_);
        return w;
    }

private:
    const context& ctx_;
    double size_;
    face_widths own_{-1, -1, -1, -1};
    face_widths* widths_;
};

double badge_padding(double size) { return size * 0.22; }

double width_at(const token& t, double size) {
    return t.units * size / 1000.0 + (t.is_badge ? 2 * badge_padding(size) : 0);
}

words tokenize(std::span<const flow_span> spans, const context& ctx,
               std::pmr::memory_resource* memory = std::pmr::get_default_resource()) {
    words out(memory);
    out.tokens.reserve(8);  // most cells and labels: no regrowth
    tokenizer tz(ctx, out);
    for (const auto& s : spans) tz.span(s);
    for (auto& t : out.tokens)
        if (!t.hard_break) t.units = ctx.metrics().units(t.text, t.face);
    return out;
}

// The cache key: everything tokenize() reads, the text itself included (not the gaps: see words).
struct key_writer {
    std::string& key;
    void bytes(const void* p, std::size_t n) const { key.append(static_cast<const char*>(p), n); }
    void text(char tag, const std::string& value) const {
        key += tag;
        const std::size_t n = value.size();
        bytes(&n, sizeof n);
        key += value;
    }
    void operator()(const view::text& t) const { text('t', t.value); }
    void operator()(const view::emphasis& e) const { all('e', e.children); }
    void operator()(const view::strong& e) const { all('s', e.children); }
    void operator()(const view::strikethrough& e) const { all('x', e.children); }
    void operator()(const view::code_span& c) const { text('c', c.value); }
    void operator()(const view::link& l) const {
        text('l', l.url);
        all('L', l.children);
    }
    void operator()(const view::soft_break&) const { key += 'b'; }
    void operator()(const view::line_break&) const { key += 'B'; }
    void operator()(const view::badge& b) const {
        text('g', b.label);
        bytes(&b.color, sizeof b.color);
    }
    void all(char tag, const view::inlines& children) const {
        key += tag;
        for (const auto& n : children) std::visit(*this, n.value);
        key += ')';
    }
    void span(const flow_span& s) const {
        bytes(&s.style.face, sizeof s.style.face);
        bytes(&s.style.fill, sizeof s.style.fill);
        const char flags[3] = {s.style.upper, s.style.breaks_as_dots, s.break_before};
        bytes(flags, sizeof flags);
        all('(', *s.content);
    }
};

// Where greedy breaking put each token: a line is a range of `placed`.
struct placed {
    const token* t;
    double x, width;
};
struct line_range {
    std::size_t begin = 0;  ///< into placed; the line ends where the next one begins
    double width = 0;
};

// The buffers of one line breaking. A layout breaks thousands of stretches of text
// (every fitting attempt again), so they are kept and reused rather than allocated per call.
struct broken_lines {
    std::vector<placed> tokens;
    std::vector<line_range> lines;
    std::vector<const token*> group;
    std::list<token> pieces;  ///< code points of words wider than a line (a list: `tokens` point into it)

    [[nodiscard]] std::size_t end_of(std::size_t line) const {
        return line + 1 < lines.size() ? lines[line + 1].begin : tokens.size();
    }
    [[nodiscard]] bool last_line_empty() const { return lines.back().begin == tokens.size(); }
    void new_line() { lines.push_back({tokens.size(), 0}); }
};

// One style the document's inlines were flowed in, and their words (in by_key).
struct styled_words {
    span_style style;
    words* found;
};

bool same_style(const span_style& a, const span_style& b) {
    return a.face == b.face && a.fill == b.fill && a.upper == b.upper && a.breaks_as_dots == b.breaks_as_dots;
}

// Every inlines the document holds where layout may flow it, by address.
struct document_inlines {
    std::pmr::unordered_map<const view::inlines*, std::pmr::vector<styled_words>>& out;
    void add(const view::inlines& c) const { out.try_emplace(&c); }
    void blocks(const view::blocks& b) const {
        for (const auto& x : b) std::visit(*this, x.value);
    }
    void operator()(const view::paragraph& p) const { add(p.content); }
    void operator()(const view::heading& h) const { add(h.content); }
    void operator()(const view::bullet_list& l) const { items(l.items); }
    void operator()(const view::ordered_list& l) const { items(l.items); }
    void operator()(const view::code_block&) const {}
    void operator()(const view::block_quote& q) const { blocks(q.content); }
    void operator()(const view::thematic_break&) const {}
    void operator()(const view::md_table& t) const {
        for (const auto& h : t.header) add(h);
        for (const auto& r : t.rows)
            for (const auto& c : r) add(c);
    }
    void operator()(const view::data_table& t) const {
        for (const auto& r : t.rows)
            for (const auto& c : r.cells) add(c);
    }
    void operator()(const view::fact_list& f) const {
        for (const auto& x : f.facts) add(x.value);
    }
    void operator()(const view::signature_block&) const {}
    void items(const std::vector<view::list_item>& items) const {
        for (const auto& i : items) blocks(i.content);
    }
};

}  // namespace

// Lets the interned texts be found by a string_view, without making a string.
struct text_hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
};

struct token_cache::entries {
    /// Everything below is kept until the layout ends, then dropped at once: an
    /// arena saves a layout hundreds of allocations and the frees at its end.
    std::pmr::monotonic_buffer_resource arena{64 * 1024};
    std::pmr::unordered_map<std::pmr::string, words, text_hash, std::equal_to<>> by_key{&arena};
    /// Plain texts the layout made (labels, titles), kept as inlines for the whole layout.
    std::pmr::unordered_map<std::pmr::string, view::inlines, text_hash, std::equal_to<>> texts{&arena};
    /// The document's own inlines (they outlive the cache): one entry per
    /// address, holding the styles they were flowed in so far.
    std::pmr::unordered_map<const view::inlines*, std::pmr::vector<styled_words>> by_address{&arena};
    std::string scratch;
    broken_lines lines;  ///< reused by every flow() of the layout (flow() never nests)
    std::map<double, face_widths> spaces;  ///< a space's width by type size
    std::array<std::int8_t, 128> ascii_paintable = filled(-1);  ///< by byte: 1 painted, 0 not, -1 not asked yet

    static std::array<std::int8_t, 128> filled(std::int8_t v) {
        std::array<std::int8_t, 128> a{};
        a.fill(v);
        return a;
    }
};

token_cache::token_cache() : entries_(std::make_unique<entries>()) {}
token_cache::token_cache(const view::document& doc) : token_cache() {
    const document_inlines known{entries_->by_address};
    known(doc.title_facts);
    for (const auto& s : doc.sections) known.blocks(s.content);
}
token_cache::~token_cache() = default;

namespace {

// The widths of a space at `size` kept for the whole layout, or nullptr without a cache.
face_widths* known_spaces(const context& ctx, double size) {
    if (!ctx.words) return nullptr;
    return &ctx.words->get().spaces.try_emplace(size, face_widths{-1, -1, -1, -1}).first->second;
}

// The words of spans from the cache, by content; tokenized when new.
words& cached_words(std::span<const flow_span> spans, const context& ctx, token_cache::entries& e) {
    e.scratch.clear();
    const key_writer writer{e.scratch};
    for (const auto& s : spans) writer.span(s);
    auto at = e.by_key.find(std::string_view(e.scratch));
    if (at == e.by_key.end()) at = e.by_key.emplace(std::string_view(e.scratch), tokenize(spans, ctx, &e.arena)).first;
    return at->second;
}

// The words of one span of the document's own text, found by its address and
// style; nullptr for other text. (One span: what table cells and paragraphs flow.)
words* words_by_address(std::span<const flow_span> spans, const context& ctx, token_cache::entries& e) {
    if (spans.size() != 1) return nullptr;
    const auto known = e.by_address.find(spans.front().content);
    if (known == e.by_address.end()) return nullptr;
    for (const auto& seen : known->second)
        if (same_style(seen.style, spans.front().style)) return seen.found;
    words* found = &cached_words(spans, ctx, e);
    known->second.push_back({spans.front().style, found});
    return found;
}

// The spans' words, measured once per layout when the context has a cache; their
// gaps are the spans' own (a cached entry is only read until the next flow).
class words_of {
public:
    words_of(std::span<const flow_span> spans, const context& ctx) {
        words* found = &own_;
        if (!ctx.words) {
            own_ = tokenize(spans, ctx);
        } else {
            auto& e = ctx.words->get();
            found = words_by_address(spans, ctx, e);
            if (!found) found = &cached_words(spans, ctx, e);
        }
        found->set_gaps(spans);
        tokens_ = &found->tokens;
    }
    [[nodiscard]] const std::pmr::vector<token>& tokens() const { return *tokens_; }

private:
    words own_;
    const std::pmr::vector<token>* tokens_ = nullptr;
};

bool starts_group(const token& t) { return t.space_before || t.breakable_before || t.hard_break || t.gap > 0; }

// Splits a text token into code points, for words wider than the line.
void split_code_points(const token& t, const context& ctx, std::list<token>& pieces, std::vector<const token*>& out) {
    if (t.is_badge) {
        out.push_back(&t);
        return;
    }
    for (std::size_t i = 0; i < t.text.size();) {
        const std::size_t len = std::min(sequence_length(static_cast<unsigned char>(t.text[i])), t.text.size() - i);
        token p = t;
        p.text = t.text.substr(i, len);
        p.units = ctx.metrics().units(p.text, p.face);
        if (i > 0) p.space_before = p.breakable_before = false, p.gap = 0;
        pieces.push_back(std::move(p));
        out.push_back(&pieces.back());
        i += len;
    }
}

// Greedy line breaking into `out` (cleared first). Words wider than a line are
// cut into code points, kept in `out.pieces`.
void break_into_lines(std::span<const token> tokens, double width, const flow_options& o, const context& ctx,
                      broken_lines& out) {
    out.tokens.clear();
    out.lines.clear();
    out.pieces.clear();
    out.new_line();
    space_widths space(ctx, o.size, known_spaces(ctx, o.size));
    auto lead = [&](const token& t) {
        return out.last_line_empty() ? 0.0 : (t.space_before ? space(t.face) : 0.0) + t.gap;
    };
    std::size_t i = 0;
    while (i < tokens.size()) {
        if (tokens[i].hard_break) {
            out.new_line();
            ++i;
            continue;
        }
        std::size_t j = i + 1;
        double group_width = width_at(tokens[i], o.size);
        while (j < tokens.size() && !starts_group(tokens[j])) group_width += width_at(tokens[j++], o.size);
        if (!out.last_line_empty() && out.lines.back().width + lead(tokens[i]) + group_width > width) out.new_line();
        auto& group = out.group;
        group.clear();
        for (std::size_t k = i; k < j; ++k) {
            if (group_width > width)
                split_code_points(tokens[k], ctx, out.pieces, group);
            else
                group.push_back(&tokens[k]);
        }
        for (std::size_t k = 0; k < group.size(); ++k) {
            const double w = width_at(*group[k], o.size);
            double x = out.lines.back().width + (k == 0 ? lead(*group[k]) : 0.0);
            if (group_width > width && !out.last_line_empty() && x + w > width) {
                out.new_line();
                x = 0;
            }
            out.tokens.push_back({group[k], x, w});
            out.lines.back().width = x + w;
        }
        i = j;
    }
    if (out.lines.size() == 1 && out.last_line_empty()) out.lines.clear();
}

// Neighbouring words in one style are painted as one text run.
struct run {
    const token* t;
    std::string text;
    double x, width;
};

bool same_run(const run& a, const token& b) {
    return !a.t->is_badge && !b.is_badge && a.t->face == b.face && a.t->fill == b.fill && a.t->url == b.url &&
           a.t->strike == b.strike && b.gap == 0;
}

// `width` is the flow's: the area every run of the line is recorded as laid out in.
void emit_line(const broken_lines& lines, std::size_t line, double baseline, double offset, double width,
               const flow_options& o, const context& ctx, fragment& out) {
    const double asc = ctx.metrics().ascent(o.size), desc = ctx.metrics().descent(o.size);
    std::vector<run> runs;
    for (std::size_t k = lines.lines[line].begin; k < lines.end_of(line); ++k) {
        const placed& p = lines.tokens[k];
        if (!runs.empty() && same_run(runs.back(), *p.t)) {
            if (p.t->space_before) runs.back().text += ' ';
            runs.back().text += p.t->text;
            runs.back().width = p.x + p.width - runs.back().x;
            continue;
        }
        runs.push_back({p.t, p.t->text, p.x, p.width});
    }
    for (auto& r : runs) {
        const double x = offset + r.x;
        const token& t = *r.t;
        if (t.is_badge) {
            const auto colors = ctx.style().badge(t.tone);
            out.items.push_back({box{x, baseline - asc - 0.6, r.width, asc + desc + 1.0, colors.bg, std::nullopt, 0, 1.6}});
            out.items.push_back({text_run{x + badge_padding(o.size), baseline, t.face, o.size, colors.fg, std::move(r.text),
                                          r.width - 2 * badge_padding(o.size), 0, width}});
            continue;
        }
        out.items.push_back({text_run{x, baseline, t.face, o.size, t.fill, std::move(r.text), r.width, 0, width}});
        if (t.strike) {
            const double y = baseline - o.size * 0.3;
            out.items.push_back({rule{x, y, x + r.width, y, 0.6, t.fill, false}});
        }
        if (!t.url.empty()) {
            out.items.push_back({rule{x, baseline + 1.0, x + r.width, baseline + 1.0, 0.4, t.fill, false}});
            out.items.push_back({link_area{x, baseline - asc, r.width, asc + desc, t.url}});
        }
    }
}

}  // namespace

const view::inlines& context::text(std::string_view plain, std::list<view::inlines>& keep) const {
    auto made = [&] { return view::inlines{view::inline_node{view::text{std::string(plain)}}}; };
    if (!words) return keep.emplace_back(made());
    auto& e = words->get();
    auto at = e.texts.find(plain);
    if (at == e.texts.end()) {
        at = e.texts.emplace(plain, made()).first;
        e.by_address.try_emplace(&at->second);  // outlives the layout's flows, like the document
    }
    return at->second;
}

namespace {

// Whether the fonts paint every byte of `utf8` as it is: ASCII they have glyphs for.
// Most words are, and the answer per byte is kept for the layout (can_paint is virtual).
bool paints_as_is(std::string_view utf8, const context& ctx) {
    if (!ctx.words) return false;
    auto& known = ctx.words->get().ascii_paintable;
    for (const char c : utf8) {
        const auto byte = static_cast<unsigned char>(c);
        if (byte >= 0x80) return false;
        if (known[byte] < 0) known[byte] = ctx.metrics().can_paint(byte) ? 1 : 0;
        if (known[byte] == 0) return false;
    }
    return true;
}

}  // namespace

std::string context::paintable(std::string_view utf8) const {
    if (paints_as_is(utf8, *this)) return std::string(utf8);
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

namespace {

fragment flow_spans(std::span<const flow_span> spans, double width, const flow_options& o, const context& ctx) {
    const words_of words(spans, ctx);
    broken_lines own;
    broken_lines& lines = ctx.words ? ctx.words->get().lines : own;
    break_into_lines(words.tokens(), width, o, ctx, lines);
    fragment out;
    const double leading = ctx.leading(o.size);
    out.height = static_cast<double>(lines.lines.size()) * leading;
    if (ctx.measure_only) return out;
    const double asc = ctx.metrics().ascent(o.size), desc = ctx.metrics().descent(o.size);
    for (std::size_t i = 0; i < lines.lines.size(); ++i) {
        const double baseline = static_cast<double>(i) * leading + (leading - asc - desc) / 2 + asc;
        double offset = 0;
        if (o.alignment == view::align::right) offset = width - lines.lines[i].width;
        if (o.alignment == view::align::center) offset = (width - lines.lines[i].width) / 2;
        emit_line(lines, i, baseline, std::max(0.0, offset), width, o, ctx, out);
    }
    return out;
}


flow_widths measure_spans(std::span<const flow_span> spans, const flow_options& o, const context& ctx) {
    const words_of words(spans, ctx);
    const auto& tokens = words.tokens();
    flow_widths w;
    space_widths space(ctx, o.size, known_spaces(ctx, o.size));
    double line = 0, group = 0;
    for (const auto& t : tokens) {
        if (t.hard_break) {
            line = group = 0;
            continue;
        }
        if (starts_group(t)) group = 0;
        const double lead = line > 0 ? (t.space_before ? space(t.face) : 0.0) + t.gap : 0.0;
        const double t_width = width_at(t, o.size);
        line += lead + t_width;
        group += t_width;
        w.natural = std::max(w.natural, line);
        w.minimum = std::max(w.minimum, group);
    }
    return w;
}

}  // namespace

fragment flow(const std::vector<flow_span>& spans, double width, const flow_options& o, const context& ctx) {
    return flow_spans(spans, width, o, ctx);
}

fragment flow(const flow_span& span, double width, const flow_options& o, const context& ctx) {
    return flow_spans({&span, 1}, width, o, ctx);
}

flow_widths measure(const std::vector<flow_span>& spans, const flow_options& o, const context& ctx) {
    return measure_spans(spans, o, ctx);
}

flow_widths measure(const flow_span& span, const flow_options& o, const context& ctx) {
    return measure_spans({&span, 1}, o, ctx);
}

fragment flow(const view::inlines& content, double width, const flow_options& o, const context& ctx, span_style style) {
    if (style.fill == color{} && style.face == font_face::regular) style.fill = ctx.style().text;
    return flow(flow_span{&content, style, 0, false}, width, o, ctx);
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

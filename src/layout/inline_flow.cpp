// SPDX-License-Identifier: MIT
// Flowing inlines into lines: the PDF's one line breaker. Words (cut where
// layout/text_breaks.hpp says a line may break) and badges (boxes inside a line)
// are placed greedily on measured widths; see break_kind for what breaks first.
#include "layout/inline_flow.hpp"
#include "layout/structure_tags.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <list>
#include <map>
#include <memory_resource>
#include <span>
#include <unordered_map>
#include <variant>

#include "layout/address_breaks.hpp"
#include "layout/glyph_runs.hpp"
#include "layout/text_breaks.hpp"
#include "layout/upper_case.hpp"

namespace closeplan::layout::detail {

namespace {

// Where a line may break before a token, most wanted first. A line breaks at the
// first kind that lets its text fit: between words (UAX #14), then between a
// label and its value, then inside a unit (a label, a value, a date or amount held
// by no-break spaces), then inside a word after "@ . / -" (e-mail addresses,
// URLs); a word still wider than its column is cut between grapheme clusters as
// it is measured.
enum class break_kind : std::uint8_t { between_words, after_label, inside_unit, inside_word, none };

break_kind finer(break_kind k) { return static_cast<break_kind>(static_cast<int>(k) + 1); }

struct token {
    std::string text;
    font_face face = font_face::regular;
    color fill;
    std::string url;
    bool strike = false;
    bool is_badge = false;
    view::tone tone = view::tone::neutral;
    bool space_before = false;  ///< a space is painted before it unless it starts a line
    break_kind before = break_kind::none;
    break_kind at_gap = break_kind::none;  ///< a span's first word: the break its gap offers
    bool hard_break = false;
    double gap = 0;
    double units = 0;  ///< text width in 1/1000 em; the badge padding is added per size
};

/// Where each grapheme cluster of a word ends, and the word's width up to there
/// (1/1000 em): what cutting a word wider than a line reads, at every size.
struct cluster_end {
    std::uint32_t end;
    double units;
};
using cluster_ends = std::vector<cluster_end>;

/// The break before a token as flowed: a span's gap offers one too.
break_kind kind_of(const token& t) { return t.gap > 0 ? std::min(t.before, t.at_gap) : t.before; }

struct state {
    font_face face = font_face::regular;
    color fill;
    std::string url;
    bool strike = false;
    bool upper = false;
    bool breaks_as_dots = false;
    bool unit = false;
};

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }
bool is_no_break_space(std::string_view s, std::size_t at) {
    return at + 1 < s.size() && s[at] == '\xC2' && s[at + 1] == '\xA0';
}

// The end of the stretch of text without spaces that starts at `from`.
std::size_t chunk_end(std::string_view s, std::size_t from) {
    std::size_t i = from;
    while (i < s.size() && !is_space(s[i]) && !is_no_break_space(s, i)) ++i;
    return i;
}

// is_word_joint, is_address: layout/address_breaks.hpp (the HTML writer follows them too).
using layout::is_address;
using layout::is_word_joint;

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
        opening_kind_ = s.joined ? break_kind::after_label : break_kind::between_words;
        state st{s.style.face, s.style.fill, "", false, s.style.upper, s.style.breaks_as_dots, s.style.unit};
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
    void operator()(const view::soft_break&, const state& st) { end_word(st); space(break_kind::between_words); }
    void operator()(const view::line_break&, const state& st) {
        end_word(st);
        if (!st.breaks_as_dots) return push_break();
        space(break_kind::between_words);
        state dot = st;
        dot.fill = ctx_.style().muted;
        word_ = "\u00b7";
        end_word(dot);
        space(break_kind::between_words);
    }
    void operator()(const view::badge& b, const state& st) {
        end_word(st);
        token t;
        t.is_badge = true;
        t.tone = b.color;
        t.face = font_face::bold;
        t.text = ctx_.paintable(b.label);
        take_spacing(t, st);
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
    // Words are cut where the line breaking rules allow a break, at spaces (a
    // space the rules hold, as before "%", and a no-break space join a unit),
    // and after "@ . / -" inside a word.
    void text(const std::string& value, const state& st) {
        breaks_.clear();
        line_break_opportunities(value, breaks_);
        std::size_t next = 0;  // into breaks_
        std::size_t chunk_to = 0, address_end = 0;  // the stretch without spaces read up to here; an address up to here
        const std::size_t n = value.size();
        for (std::size_t i = 0; i < n;) {
            for (; next < breaks_.size() && breaks_[next] <= i; ++next)
                if (breaks_[next] == i) {
                    end_word(st);
                    pending_ = std::min(pending_, i < address_end ? break_kind::inside_word : break_kind::between_words);
                }
            if (is_space(value[i])) {
                end_word(st);
                while (i < n && is_space(value[i])) ++i;
                // Trailing spaces: the rules of the next text decide nothing before it.
                space(i == n ? break_kind::between_words : break_kind::inside_unit);
                continue;
            }
            if (is_no_break_space(value, i)) {
                end_word(st);
                space(break_kind::inside_unit);
                i += 2;
                continue;
            }
            if (i >= chunk_to) {
                chunk_to = chunk_end(value, i);
                if (is_address(std::string_view(value).substr(i, chunk_to - i))) address_end = chunk_to;
            }
            // The word up to the next break, space or "@ . / -", appended at once.
            std::size_t stop = next < breaks_.size() ? std::min(breaks_[next], chunk_to) : chunk_to;
            for (std::size_t j = i; j < stop; ++j)
                if (is_word_joint(value[j])) {
                    stop = j + 1;
                    break;
                }
            word_.append(value, i, stop - i);
            i = stop;
            if (is_word_joint(value[i - 1]) && word_.size() > 1 && i < n && !is_space(value[i]) &&
                !is_word_joint(value[i]) && !is_no_break_space(value, i)) {
                end_word(st);
                pending_ = std::min(pending_, break_kind::inside_word);
            }
        }
    }
    void space(break_kind k) {
        space_ = true;
        pending_ = std::min(pending_, k);
    }
    void end_word(const state& st) {
        if (word_.empty()) return;
        token t;
        t.text = ctx_.paintable(st.upper ? upper_case(word_) : word_);
        t.face = st.face;
        t.fill = st.fill;
        t.url = st.url;
        t.strike = st.strike;
        take_spacing(t, st);
        out_.push_back(std::move(t));
        word_.clear();
    }
    void take_spacing(token& t, const state& st) {
        t.space_before = space_;
        // Inside a unit, breaks between words are kept for when nothing else fits.
        t.before = st.unit && pending_ == break_kind::between_words ? break_kind::inside_unit : pending_;
        if (opening_ != no_span) {
            openings_.push_back({out_.size(), opening_});
            t.at_gap = opening_kind_;
        }
        space_ = false;
        pending_ = break_kind::none;
        opening_ = no_span;
    }
    void push_break() {
        token t;
        t.hard_break = true;
        out_.push_back(std::move(t));
        space_ = false;
        pending_ = break_kind::none;
    }

    static constexpr std::size_t no_span = static_cast<std::size_t>(-1);
    const context& ctx_;
    std::pmr::vector<token>& out_;
    std::pmr::vector<words::opening>& openings_;
    std::string word_;
    std::vector<std::size_t> breaks_;  ///< where the rules allow a break in the text being read
    bool space_ = false;
    break_kind pending_ = break_kind::none;  ///< the break before the next word
    std::size_t spans_ = 0;           ///< spans read so far
    std::size_t opening_ = no_span;   ///< the span whose first word comes next, if none yet
    break_kind opening_kind_ = break_kind::between_words;
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
        const char flags[5] = {s.style.upper, s.style.breaks_as_dots, s.style.unit, s.break_before, s.joined};
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
    std::list<token> pieces;  ///< lines' worth of words wider than a line (a list: `tokens` point into it)

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
    return a.face == b.face && a.fill == b.fill && a.upper == b.upper && a.breaks_as_dots == b.breaks_as_dots &&
           a.unit == b.unit;
}

// Every inlines the document holds where layout may flow it, by address.
struct document_inlines {
    std::vector<const view::inlines*>& out;
    void add(const view::inlines& c) const { out.push_back(&c); }
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

// Words kept from one layout to the next on the same thread. A batch lays out
// thousands of deals one after another whose step titles, owners, statuses,
// table headers and labels are the same text: tokenizing them (line-break rules,
// paintability, widths) was a third of a deal's layout. Words depend on their
// spans (the key) and on what the layout measures and colours them with: the
// metrics (font_metrics::measures_like) and the style's muted and accent colours
// (struck-through text, links, the dots of joined lines), kept as `made_for`.
// Words that replaced a code point the fonts lack stay with their layout, so
// that every layout reports it (O511).
struct shared_words {
    struct fingerprint {
        const void* metrics = nullptr;
        color muted, accent;
        bool operator==(const fingerprint&) const = default;
    };
    // A bound on memory: each deal adds its own names, dates and e-mail
    // addresses; past it the next layout starts afresh (about 1 kB an entry: 1 MB a thread).
    static constexpr std::size_t most_entries = 1024;

    struct generation {
        std::pmr::monotonic_buffer_resource arena{64 * 1024};
        std::pmr::unordered_map<std::pmr::string, words, text_hash, std::equal_to<>> by_key{&arena};
    };
    fingerprint made_for;
    std::unique_ptr<generation> kept;
    int users = 0;  ///< layouts holding words of `kept` (a layout may run inside another)

    static shared_words& of_this_thread() {
        thread_local shared_words store;
        return store;
    }
    // The words kept for layouts like `fp`; nullptr when a layout still running
    // on this thread uses words made otherwise. Renewed only when none uses it.
    generation* join(const fingerprint& fp) {
        if (users > 0 && !(made_for == fp)) return nullptr;
        if (users == 0 && (!kept || !(made_for == fp) || kept->by_key.size() > most_entries)) {
            kept.reset();  // its words first, then the arena they live in
            kept = std::make_unique<generation>();
            made_for = fp;
        }
        ++users;
        return kept.get();
    }
    void leave() { --users; }
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
    /// The clusters of words wider than a line, by the address of their token (tokens
    /// stay put in the arena for the layout): the fitter cuts them at every attempt.
    std::unordered_map<const void*, cluster_ends> clusters;
    /// The words kept across layouts, joined at the first flow (which knows the
    /// metrics and style), or nullptr: then every word is this layout's.
    bool may_share = true;
    bool joined = false;
    shared_words::fingerprint shared_for;
    shared_words::generation* shared = nullptr;

    entries() = default;
    entries(const entries&) = delete;
    entries& operator=(const entries&) = delete;
    ~entries() {
        if (shared) shared_words::of_this_thread().leave();
    }

    static std::array<std::int8_t, 128> filled(std::int8_t v) {
        std::array<std::int8_t, 128> a{};
        a.fill(v);
        return a;
    }
};

token_cache::token_cache(sharing share) : entries_(std::make_unique<entries>()) {
    entries_->may_share = share == sharing::across_layouts;
}
token_cache::token_cache(const view::document& doc, sharing share) : token_cache(share) {
    // Listed first, so that the table is sized once rather than rehashed as it fills.
    std::vector<const view::inlines*> found;
    const document_inlines known{found};
    known(doc.title_facts);
    for (const auto& s : doc.sections) known.blocks(s.content);
    entries_->by_address.reserve(found.size());
    for (const auto* c : found) entries_->by_address.try_emplace(c);
}
token_cache::~token_cache() = default;

namespace {

// The widths of a space at `size` kept for the whole layout, or nullptr without a cache.
face_widths* known_spaces(const context& ctx, double size) {
    if (!ctx.words) return nullptr;
    return &ctx.words->get().spaces.try_emplace(size, face_widths{-1, -1, -1, -1}).first->second;
}

// The words kept across layouts that this flow may read, or nullptr.
shared_words::generation* shared_for(const context& ctx, token_cache::entries& e) {
    const void* metrics = ctx.metrics().measures_like();
    if (!e.may_share || !metrics) return nullptr;
    const shared_words::fingerprint fp{metrics, ctx.style().muted, ctx.style().accent};
    if (!e.joined) {
        e.joined = true;
        e.shared_for = fp;
        e.shared = shared_words::of_this_thread().join(fp);
    }
    return e.shared_for == fp ? e.shared : nullptr;
}

// The cache key of spans, written into `scratch` (kept from call to call, so it
// rarely grows): asked at every flow of text not found by address.
std::string_view key_of(std::span<const flow_span> spans, std::string& scratch) {
    scratch.clear();
    const key_writer writer{scratch};
    for (const auto& s : spans) writer.span(s);
    return scratch;
}

// Words new to this layout (and to the layouts before it, when `shared`): rare
// once a batch is under way, so kept out of cached_words' way.
[[gnu::cold]] words& tokenize_new(std::span<const flow_span> spans, const context& ctx, token_cache::entries& e,
                                  std::string_view key, shared_words::generation* shared) {
    if (shared) {
        // Tokenized with its own record of replaced code points: words without
        // one are kept for the next layouts; words with one stay this layout's.
        std::set<char32_t> replaced;
        context own = ctx;
        own.unpaintable = &replaced;
        words made = tokenize(spans, own);
        if (replaced.empty()) {
            // Kept at their exact size (tokenize reserves for the common case; in an
            // arena kept for thousands of layouts the slack would add up).
            words kept(&shared->arena);
            kept.tokens.reserve(made.tokens.size());
            kept.openings.reserve(made.openings.size());
            for (auto& t : made.tokens) kept.tokens.push_back(std::move(t));
            kept.openings.assign(made.openings.begin(), made.openings.end());
            return shared->by_key.emplace(key, std::move(kept)).first->second;
        }
    }
    return e.by_key.emplace(key, tokenize(spans, ctx, &e.arena)).first->second;
}

// The words of spans from the cache, by content; tokenized when new.
words& cached_words(std::span<const flow_span> spans, const context& ctx, token_cache::entries& e) {
    const std::string_view key = key_of(spans, e.scratch);
    shared_words::generation* shared = shared_for(ctx, e);
    if (shared)
        if (auto at = shared->by_key.find(key); at != shared->by_key.end()) return at->second;
    if (auto at = e.by_key.find(key); at != e.by_key.end()) return at->second;
    return tokenize_new(spans, ctx, e, key, shared);
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

double lead_in(const token& t, space_widths& space) { return (t.space_before ? space(t.face) : 0.0) + t.gap; }

// Greedy line breaking into `out` (cleared first), linear in the number of
// tokens and bytes: each kind of break is tried on what the kind before left
// too wide, and a word wider than a line is cut as its clusters are measured,
// one piece a line (kept in `out.pieces`).
class line_breaker {
public:
    line_breaker(std::span<const token> tokens, double width, const flow_options& o, const context& ctx,
                 broken_lines& out)
        : tokens_(tokens), width_(width), size_(o.size), ctx_(ctx), out_(out), space_(ctx, o.size, known_spaces(ctx, o.size)) {}

    void run() {
        out_.tokens.clear();
        out_.lines.clear();
        out_.pieces.clear();
        out_.new_line();
        for (std::size_t i = 0; i < tokens_.size();) {
            if (tokens_[i].hard_break) {
                out_.new_line();
                ++i;
                continue;
            }
            std::size_t j = i + 1;
            while (j < tokens_.size() && !tokens_[j].hard_break) ++j;
            place(i, j, break_kind::between_words);
            i = j;
        }
        if (out_.lines.size() == 1 && out_.last_line_empty()) out_.lines.clear();
    }

private:
    // Tokens [i, j) in groups cut where a break of kind `at` or a better one is allowed.
    void place(std::size_t i, std::size_t j, break_kind at) {
        for (std::size_t k = i; k < j;) {
            std::size_t m = k + 1;
            double w = width_at(tokens_[k], size_);
            for (; m < j && kind_of(tokens_[m]) > at; ++m) w += lead_in(tokens_[m], space_) + width_at(tokens_[m], size_);
            if (out_.last_line_empty() || out_.lines.back().width + lead_in(tokens_[k], space_) + w > width_) {
                if (!out_.last_line_empty()) out_.new_line();
                if (w > width_) {
                    // Too wide for a line of its own: broken only because it must be.
                    if (at < break_kind::inside_word)
                        place(k, m, finer(at));
                    else
                        cut(k, m);
                    k = m;
                    continue;
                }
            }
            for (; k < m; ++k) put(tokens_[k], width_at(tokens_[k], size_));
        }
    }

    void put(const token& t, double w) {
        auto& line = out_.lines.back();
        const double x = out_.last_line_empty() ? 0.0 : line.width + lead_in(t, space_);
        out_.tokens.push_back({&t, x, w});
        line.width = x + w;
    }

    // Tokens [i, j), joined with no break allowed between them, starting a line:
    // cut between grapheme clusters where the line is full.
    void cut(std::size_t i, std::size_t j) {
        for (std::size_t k = i; k < j; ++k) {
            const token& t = tokens_[k];
            if (t.is_badge) {
                const double w = width_at(t, size_);
                if (!out_.last_line_empty() && out_.lines.back().width + w > width_) out_.new_line();
                put(t, w);
                continue;
            }
            // Each line takes the most clusters that fit (found by bisection: a line's
            // worth costs a logarithm, not its length), at least one on an empty line.
            const cluster_ends& clusters = clusters_of(t);
            std::size_t first = 0;  // the first cluster not placed yet
            double placed_units = 0;
            while (first < clusters.size()) {
                const double line_w = out_.last_line_empty() ? 0.0 : out_.lines.back().width;
                const double limit = placed_units + (width_ - line_w) * 1000.0 / size_;
                const auto fits = std::upper_bound(clusters.begin() + static_cast<std::ptrdiff_t>(first), clusters.end(), limit,
                                                   [](double v, const cluster_end& c) { return v < c.units; });
                auto last = static_cast<std::size_t>(fits - clusters.begin());  // one past the last that fits
                if (last == first) {
                    if (line_w > 0) {
                        out_.new_line();
                        continue;
                    }
                    last = first + 1;
                }
                const std::size_t from = first == 0 ? 0 : clusters[first - 1].end;
                put_piece(t, from, clusters[last - 1].end, clusters[last - 1].units - placed_units);
                placed_units = clusters[last - 1].units;
                first = last;
                if (first < clusters.size()) out_.new_line();
            }
        }
    }

    // Measured once per layout with a token cache, else for this breaking.
    const cluster_ends& clusters_of(const token& t) {
        cluster_ends* known = &own_clusters_;
        if (ctx_.words) {
            auto [at, added] = ctx_.words->get().clusters.try_emplace(&t);
            if (!added) return at->second;
            known = &at->second;
        }
        known->clear();
        grapheme_walker walker(t.text);
        double units = 0;
        for (std::size_t from = 0; from < t.text.size();) {
            const std::size_t end = walker.next();
            units += ctx_.metrics().units(std::string_view(t.text).substr(from, end - from), t.face);
            known->push_back({static_cast<std::uint32_t>(end), units});
            from = end;
        }
        return *known;
    }

    void put_piece(const token& t, std::size_t from, std::size_t to, double units) {
        token piece;
        piece.text = t.text.substr(from, to - from);
        piece.face = t.face;
        piece.fill = t.fill;
        piece.url = t.url;
        piece.strike = t.strike;
        piece.units = units;
        if (from == 0) {
            piece.space_before = t.space_before;
            piece.gap = t.gap;
        }
        out_.pieces.push_back(std::move(piece));
        put(out_.pieces.back(), width_at(out_.pieces.back(), size_));
    }

    std::span<const token> tokens_;
    double width_, size_;
    const context& ctx_;
    broken_lines& out_;
    space_widths space_;
    cluster_ends own_clusters_;
};

void break_into_lines(std::span<const token> tokens, double width, const flow_options& o, const context& ctx,
                      broken_lines& out) {
    line_breaker(tokens, width, o, ctx, out).run();
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
    // Reused line after line (their text is moved out below): one buffer a thread, not one a line.
    thread_local std::vector<run> runs;
    runs.clear();
    for (std::size_t k = lines.lines[line].begin; k < lines.end_of(line); ++k) {
        const placed& p = lines.tokens[k];
        if (!runs.empty() && same_run(runs.back(), *p.t)) {
            if (p.t->space_before) runs.back().text += ' ';
            runs.back().text += p.t->text;
            runs.back().width = p.x + p.width - runs.back().x;
            continue;
        }
        // The space between two runs is painted as a real space at the end of the
        // first (invisible, its width not counted): text extraction and the tagged
        // PDF's reading read "Joint Grace Liu", not "JointGrace Liu" (ISO 32000
        // 14.8.2.5: word breaks are explicit space characters). Not after
        // right-to-left text, whose logical end is its left edge: there the
        // space would push the glyphs aside.
        if (!runs.empty() && p.t->space_before && !has_right_to_left(runs.back().text)) runs.back().text += ' ';
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
        const std::size_t first = out.items.size();
        out.items.push_back({text_run{x, baseline, t.face, o.size, t.fill, std::move(r.text), r.width, 0, width}});
        if (t.strike) {
            const double y = baseline - o.size * 0.3;
            out.items.push_back({rule{x, y, x + r.width, y, 0.6, t.fill, false}});
        }
        if (!t.url.empty()) {
            out.items.push_back({rule{x, baseline + 1.0, x + r.width, baseline + 1.0, 0.4, t.fill, false}});
            out.items.push_back({link_area{x, baseline - asc, r.width, asc + desc, t.url}});
            // A link's text and its clickable area are one Link element, across its lines too
            // (the same URL gives the same id; the painter starts a new element whenever
            // something else came between).
            tag_items(out.items, {tag_role::link, static_cast<std::uint32_t>(std::hash<std::string>{}(t.url))}, first);
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
        if (cp == 0xA0) {
            // A no-break space has done its work when words are cut: painted as a
            // space, text copied or extracted from the PDF reads as typed.
            out += ' ';
        } else if (metrics().can_paint(cp)) {
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

// What ends a text cut to ctx.max_flow_height.
constexpr std::string_view cut_mark = "\u2026";

// Keeps the lines of `lines` that fit ctx.max_flow_height, dropping words from the
// end of the last kept line until the ellipsis fits after it; records the text
// for the warning. Returns the ellipsis's width, 0 when nothing was cut.
double cut_to_height(broken_lines& lines, double width, const flow_options& o, const context& ctx,
                     std::span<const flow_span> spans) {
    if (ctx.max_flow_height <= 0) return 0;
    const double leading = ctx.leading(o.size);
    const auto keep = std::max<std::size_t>(1, static_cast<std::size_t>(ctx.max_flow_height / leading));
    if (lines.lines.size() <= keep) return 0;
    lines.tokens.resize(lines.lines[keep].begin);
    lines.lines.resize(keep);
    const double ellipsis = ctx.metrics().units(ctx.paintable(cut_mark), font_face::regular) * o.size / 1000.0;
    auto& last = lines.lines.back();
    while (lines.tokens.size() > last.begin && last.width + ellipsis > width) {
        lines.tokens.pop_back();
        last.width = lines.tokens.size() > last.begin ? lines.tokens.back().x + lines.tokens.back().width : 0.0;
    }
    if (ctx.cut_texts && !spans.empty() && spans.front().content) {
        std::string words = plain_text(*spans.front().content);
        if (words.size() > 40) {
            std::size_t end = 40;
            while (end > 0 && (static_cast<unsigned char>(words[end]) & 0xC0) == 0x80) --end;
            words = words.substr(0, end) + std::string(cut_mark);
        }
        ctx.cut_texts->insert(std::move(words));
    }
    return ellipsis;
}

// Flows spans into `out`'s items (fragment space, from x = 0, y = 0); returns the height.
double flow_spans_into(fragment& out, std::span<const flow_span> spans, double width, const flow_options& o,
                       const context& ctx) {
    const words_of words(spans, ctx);
    broken_lines own;
    broken_lines& lines = ctx.words ? ctx.words->get().lines : own;
    break_into_lines(words.tokens(), width, o, ctx, lines);
    const double leading = ctx.leading(o.size);
    const double ellipsis = cut_to_height(lines, width, o, ctx, spans);
    const double height = static_cast<double>(lines.lines.size()) * leading;
    if (ctx.measure_only) return height;
    const double asc = ctx.metrics().ascent(o.size), desc = ctx.metrics().descent(o.size);
    for (std::size_t i = 0; i < lines.lines.size(); ++i) {
        const double baseline = static_cast<double>(i) * leading + (leading - asc - desc) / 2 + asc;
        double offset = 0;
        const double line_width = lines.lines[i].width + (i + 1 == lines.lines.size() ? ellipsis : 0);
        if (o.alignment == view::align::right) offset = width - line_width;
        if (o.alignment == view::align::center) offset = (width - line_width) / 2;
        emit_line(lines, i, baseline, std::max(0.0, offset), width, o, ctx, out);
        if (ellipsis > 0 && i + 1 == lines.lines.size()) {
            const token* last = lines.tokens.empty() ? nullptr : lines.tokens.back().t;
            out.items.push_back({text_run{std::max(0.0, offset) + lines.lines[i].width, baseline, font_face::regular, o.size,
                                          last ? last->fill : ctx.style().muted, ctx.paintable(cut_mark), ellipsis, 0,
                                          width}});
        }
    }
    return height;
}

fragment flow_spans(std::span<const flow_span> spans, double width, const flow_options& o, const context& ctx) {
    fragment out;
    out.height = flow_spans_into(out, spans, width, o, ctx);
    return out;
}


flow_widths measure_spans(std::span<const flow_span> spans, const flow_options& o, const context& ctx) {
    const words_of words(spans, ctx);
    const auto& tokens = words.tokens();
    flow_widths w;
    space_widths space(ctx, o.size, known_spaces(ctx, o.size));
    double line = 0, group = 0, piece = 0;
    for (const auto& t : tokens) {
        if (t.hard_break) {
            line = group = piece = 0;
            continue;
        }
        const double lead = line > 0 ? lead_in(t, space) : 0.0;
        const double t_width = width_at(t, o.size);
        const break_kind before = line > 0 ? kind_of(t) : break_kind::between_words;
        line += lead + t_width;
        // Between breaks between words: a unit counts whole; between any breaks: a part of an address.
        group = before == break_kind::between_words ? t_width : group + lead + t_width;
        piece = before <= break_kind::inside_word ? t_width : piece + lead + t_width;
        w.natural = std::max(w.natural, line);
        w.minimum = std::max(w.minimum, group);
        w.least = std::max(w.least, piece);
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

double flow_into(fragment& into, double dx, double dy, const flow_span& span, double width, const flow_options& o,
                 const context& ctx) {
    const std::size_t first = into.items.size();
    const double height = flow_spans_into(into, {&span, 1}, width, o, ctx);
    into.move_items(first, dx, dy);
    return height;
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

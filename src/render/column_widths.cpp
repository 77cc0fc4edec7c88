// SPDX-License-Identifier: MIT
// Column widths from content (render/column_widths.hpp).
#include "render/column_widths.hpp"

#include <algorithm>
#include <array>
#include <numeric>
#include <optional>
#include <span>
#include <variant>

#include "layout/display_width.hpp"

namespace closeplan::render::detail {

namespace {

// A stretch of a line in one face.
struct piece {
    std::string text;
    bool bold = false;
    bool starts_line = false;  ///< the first piece of a line
};

// The plain text of inlines as lines of pieces: hard breaks start a new
// line, soft breaks are spaces, badges and links keep their text. A batch
// measures hundreds of cells a deal: one collector per thread keeps its
// pieces, and their buffers, from cell to cell (see reset()).
struct line_collector {
    std::vector<piece> pieces;  ///< the first `count` are this cell's
    std::size_t count = 0;
    bool new_line = true;  ///< the next piece starts a line
    int bold = 0;
    const char* line_break_as = nullptr;
    bool whole_badges = true;

    void reset(const char* break_as, bool badges_whole) {
        count = 0;
        new_line = true;
        bold = 0;
        line_break_as = break_as;
        whole_badges = badges_whole;
    }
    // The text of the piece being written, a new one when the line or the face changes.
    std::string& current() {
        const bool b = bold > 0;
        if (count > 0 && !new_line && pieces[count - 1].bold == b) return pieces[count - 1].text;
        if (count == pieces.size()) pieces.emplace_back();
        piece& p = pieces[count++];
        p.text.clear();
        p.bold = b;
        p.starts_line = new_line;
        new_line = false;
        return p.text;
    }
    void add(std::string_view text) { current() += text; }
    void write(const view::inlines& content) {
        for (const auto& node : content) std::visit(*this, node.value);
    }
    void operator()(const view::text& n) { add(n.value); }
    void operator()(const view::emphasis& n) { write(n.children); }
    void operator()(const view::strong& n) {
        ++bold;
        write(n.children);
        --bold;
    }
    void operator()(const view::strikethrough& n) { write(n.children); }
    void operator()(const view::code_span& n) { add(n.value); }
    void operator()(const view::link& n) { n.children.empty() ? add(n.url) : write(n.children); }
    void operator()(const view::soft_break&) { add(" "); }
    // An empty line (two breaks in a row) asks for nothing: it is simply not there.
    void operator()(const view::line_break&) { line_break_as ? add(line_break_as) : void(new_line = true); }
    // A badge is one bold box that never breaks, with room around its label.
    void operator()(const view::badge& n) {
        add(" ");
        ++bold;
        std::string& joined = current();
        if (whole_badges) joined += "\xC2\xA0";
        for (char c : n.label) c == ' ' && whole_badges ? void(joined += "\xC2\xA0") : void(joined += c);
        if (whole_badges) joined += "\xC2\xA0";
        --bold;
        add(" ");
    }
};

// One stretch of text in one face, looked at where it lies (no copy).
struct piece_view {
    std::string_view text;
    bool bold = false;
};

// Every character of a script written without spaces (East Asian wide or
// fullwidth from U+1100, complex context from Thai's U+0E01) takes three or
// four bytes in UTF-8, led by 0xE0 or above: text without such a byte (a
// date with its no-break spaces, an accented name) has no unspaced break,
// and skips the line breaker that would find none.
bool may_hold_unspaced_script(std::string_view utf8) {
    return std::any_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) >= 0xE0; });
}

// A word may run across pieces ("**Joint**Priya" has none between): its
// width is the sum of its parts in their faces. Words end at spaces and, in
// CJK and Thai text, wherever UAX #14 lets a line break next to one of their
// characters (layout/display_width.hpp): a Japanese title is many words.
// `Pieces` holds pieces or piece_views: a line collected from inlines, or one
// stretch seen in place.
template <typename Pieces>
void add_line(column_need& need, const Pieces& pieces, const text_measure& measure) {
    double line_width = 0, word = 0;
    std::vector<std::size_t> unspaced;
    for (const auto& p : pieces) {
        line_width += measure(p.text, p.bold);
        unspaced.clear();
        if (may_hold_unspaced_script(p.text)) layout::unspaced_break_opportunities(p.text, unspaced);
        auto next_unspaced = unspaced.begin();
        std::size_t start = 0;
        while (start <= p.text.size()) {
            auto end = p.text.find_first_of(" \t\n", start);
            const bool at_space = end != std::string::npos;
            if (!at_space) end = p.text.size();
            while (next_unspaced != unspaced.end() && *next_unspaced <= start) ++next_unspaced;
            const bool unspaced_break = next_unspaced != unspaced.end() && *next_unspaced < end;
            if (unspaced_break) end = *next_unspaced;
            if (end > start) word += measure(std::string_view(p.text).substr(start, end - start), p.bold);
            if (!at_space && !unspaced_break) break;
            need.min = std::max(need.min, word);
            word = 0;
            start = unspaced_break ? end : end + 1;
        }
    }
    need.min = std::max(need.min, word);
    need.max = std::max(need.max, line_width);
}

}  // namespace

void add_content(column_need& need, const view::inlines& content, const text_measure& measure,
                 const char* line_break_as, bool whole_badges) {
    // Most cells are one plain text: measured where it lies, with the same
    // calls as a collected line would make, and nothing copied (a batch
    // measures hundreds of cells a deal).
    if (content.size() == 1)
        if (const auto* t = std::get_if<view::text>(&content.front().value)) {
            const std::array<piece_view, 1> one{piece_view{t->value, false}};
            add_line(need, one, measure);
            return;
        }
    thread_local line_collector collect;
    collect.reset(line_break_as, whole_badges);
    collect.write(content);
    const piece* pieces = collect.pieces.data();
    for (std::size_t first = 0; first < collect.count;) {
        std::size_t end = first + 1;
        while (end < collect.count && !pieces[end].starts_line) ++end;
        add_line(need, std::span<const piece>(pieces + first, end - first), measure);
        first = end;
    }
}

namespace {

// A text's display columns when every character is one column wide: ASCII,
// and the no-break space (U+00A0, C2 A0 in UTF-8) that the view puts between
// a date's or an amount's parts. Its longest word (between spaces, tabs and
// line feeds, as add_line splits; a no-break space joins) is given by where
// it lies. Any other byte of 0x80 or above: nullopt, for add_line to measure.
struct one_column_text {
    std::size_t columns = 0;
    std::string_view longest_word;
    std::size_t longest_columns = 0;
};

std::optional<one_column_text> one_column_characters(std::string_view text) {
    one_column_text out;
    std::size_t word_start = 0, word_columns = 0;
    const auto end_word = [&](std::size_t at) {
        if (word_columns > out.longest_columns) {
            out.longest_columns = word_columns;
            out.longest_word = text.substr(word_start, at - word_start);
        }
    };
    for (std::size_t i = 0; i < text.size(); ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == ' ' || c == '\t' || c == '\n') {
            end_word(i);
            word_start = i + 1;
            word_columns = 0;
            ++out.columns;
        } else if (c < 0x80) {
            ++word_columns;
            ++out.columns;
        } else if (c == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xA0) {
            ++i;  // the no-break space: one column, inside the word
            ++word_columns;
            ++out.columns;
        } else {
            return std::nullopt;
        }
    }
    end_word(text.size());
    return out;
}

}  // namespace

void add_content_in_columns(column_need& need, const view::inlines& content, const text_measure& measure,
                            const char* line_break_as, bool whole_badges) {
    // A batch measures a few hundred cells a deal, most of them one word or
    // a few: add_line would call `measure` once for the line and once a word.
    // A cell that is one text, one strong text (an owner) or one badge, of one-column
    // characters is measured in one pass: plain, its widths are its column
    // counts; bold, `measure` is asked only for the line and its longest word
    // (a bold face widens every column alike, so no shorter word is wider).
    if (content.size() == 1) {
        // A badge (a status) written as bold words (Markdown's, not whole):
        // the line_collector's line of a space, the bold label and a space,
        // measured in add_line's order.
        if (const auto* b = std::get_if<view::badge>(&content.front().value); b && !whole_badges)
            if (const auto label = one_column_characters(b->label)) {
                double line = 0;
                line += measure(" ", false);
                line += measure(b->label, true);
                line += measure(" ", false);
                need.min = std::max(need.min, measure(label->longest_word, true));
                need.max = std::max(need.max, line);
                return;
            }
        const view::text* t = std::get_if<view::text>(&content.front().value);
        bool bold = false;
        if (const auto* s = std::get_if<view::strong>(&content.front().value); s && s->children.size() == 1) {
            t = std::get_if<view::text>(&s->children.front().value);
            bold = true;
        }
        if (t)
            if (const auto simple = one_column_characters(t->value)) {
                if (bold) {
                    need.min = std::max(need.min, measure(simple->longest_word, true));
                    need.max = std::max(need.max, measure(t->value, true));
                } else {
                    need.min = std::max(need.min, static_cast<double>(simple->longest_columns));
                    need.max = std::max(need.max, static_cast<double>(simple->columns));
                }
                return;
            }
    }
    add_content(need, content, measure, line_break_as, whole_badges);
}

void add_content(column_need& need, std::string_view plain, bool bold, const text_measure& measure) {
    std::size_t start = 0;
    while (start <= plain.size()) {
        auto nl = plain.find('\n', start);
        if (nl == std::string_view::npos) nl = plain.size();
        const std::array<piece_view, 1> one{piece_view{plain.substr(start, nl - start), bold}};
        add_line(need, one, measure);
        start = nl + 1;
    }
}

std::vector<double> share_width(const std::vector<column_need>& needs, double available) {
    const std::size_t n = needs.size();
    std::vector<double> out(n, 0.0);
    if (n == 0) return out;
    std::vector<double> lo(n), hi(n);
    double sum_min = 0, sum_max = 0;
    for (std::size_t i = 0; i < n; ++i) {
        lo[i] = needs[i].min;
        hi[i] = std::max(needs[i].max, needs[i].min);
        sum_min += lo[i];
        sum_max += hi[i];
    }
    if (sum_max <= 0) return std::vector<double>(n, available / static_cast<double>(n));
    if (sum_max <= available) {
        for (std::size_t i = 0; i < n; ++i) out[i] = hi[i] + (available - sum_max) * hi[i] / sum_max;
        return out;
    }
    if (sum_min >= available) {
        // Not every longest word fits: the columns with the longest words
        // (an e-mail address, a URL) give way first, so the others keep
        // theirs whole; what is left is shared among those in proportion.
        std::vector<std::size_t> order(n);
        for (std::size_t i = 0; i < n; ++i) order[i] = i;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return lo[a] > lo[b]; });
        std::vector<bool> squeezed(n, false);
        double kept = sum_min, squeezed_min = 0;
        for (std::size_t i : order) {
            // Squeeze this column too while the kept ones still overflow,
            // leaving each squeezed column at least half its longest word.
            if (kept + squeezed_min / 2 <= available) break;
            squeezed[i] = true;
            kept -= lo[i];
            squeezed_min += lo[i];
        }
        const double rest = available - kept;
        for (std::size_t i = 0; i < n; ++i) {
            if (kept > available || squeezed_min <= 0) out[i] = sum_min > 0 ? lo[i] * available / sum_min : available / static_cast<double>(n);
            else out[i] = squeezed[i] ? rest * lo[i] / squeezed_min : lo[i];
        }
        return out;
    }
    // A short column ("#", an owner, a status) set on one line costs the
    // long ones little and saves a line in many rows: columns no wider than
    // an equal share get their whole line first, narrowest first, while the
    // others' words still fit.
    std::vector<bool> whole(n, false);
    std::vector<std::size_t> order(n);
    for (std::size_t i = 0; i < n; ++i) order[i] = i;
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return hi[a] < hi[b]; });
    double budget = available - sum_min;  // what is left above every column's longest word
    const double share = available / static_cast<double>(n);
    for (std::size_t i : order) {
        if (hi[i] > share || hi[i] - lo[i] > budget) continue;
        whole[i] = true;
        budget -= hi[i] - lo[i];
    }
    // The others get their longest word and the rest in proportion to how much more their lines want.
    double want = 0;
    for (std::size_t i = 0; i < n; ++i)
        if (!whole[i]) want += hi[i] - lo[i];
    for (std::size_t i = 0; i < n; ++i) {
        if (whole[i]) out[i] = hi[i];
        else out[i] = lo[i] + (want > 0 ? budget * (hi[i] - lo[i]) / want : 0);
    }
    // Every column whole and room to spare (cannot happen past sum_max > available), or rounding: give the rest to the last.
    double total = 0;
    for (double w : out) total += w;
    if (total < available) {
        const double scale = available / total;
        for (double& w : out) w *= scale;
    }
    return out;
}

}  // namespace closeplan::render::detail

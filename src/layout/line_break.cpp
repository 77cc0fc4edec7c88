// SPDX-License-Identifier: MIT
// Greedy line breaking of styled UTF-8 spans on measured widths.
#include "layout/line_break.hpp"

#include "layout/winansi.hpp"

namespace closeplan::layout {
namespace {

// Allows for rounding when widths are summed piece by piece.
constexpr double epsilon = 1e-9;

/// A byte range of one span.
struct segment {
    std::size_t span = 0, begin = 0, end = 0;
    double width = 0;
};

bool is_space(char c) { return c == ' ' || c == '\t'; }

class breaker {
public:
    breaker(const std::vector<styled_span>& spans, double max_width, double size, const font_metrics& metrics)
        : spans_(spans), max_(max_width), size_(size), metrics_(metrics) {}

    std::vector<line> run() {
        for (std::size_t s = 0; s < spans_.size(); ++s) scan(s);
        flush_unit();
        if (has_content_) end_line();
        return std::move(out_);
    }

private:
    void scan(std::size_t s) {
        const std::string& text = spans_[s].text;
        const std::size_t n = text.size();
        std::size_t i = 0;
        while (i < n) {
            const char c = text[i];
            if (c == '\n') {
                flush_unit();
                spaces_.clear();
                end_line();
                ++i;
            } else if (c == '\r') {
                ++i;
            } else if (is_space(c)) {
                flush_unit();
                std::size_t j = i;
                while (j < n && is_space(text[j])) ++j;
                spaces_.push_back(measure(s, i, j));
                i = j;
            } else {
                std::size_t j = i;
                bool break_after = false;
                while (j < n) {
                    const char d = text[j];
                    if (is_space(d) || d == '\n' || d == '\r') break;
                    ++j;
                    if ((d == '-' || d == '/') && j < n && breakable_after(text, i, j)) {
                        break_after = true;
                        break;
                    }
                }
                const segment seg = measure(s, i, j);
                unit_.push_back(seg);
                unit_width_ += seg.width;
                if (break_after) flush_unit();
                i = j;
            }
        }
    }

    // After "-" or "/" only inside a word: not "--", "//" (https://), nor a leading "-5".
    bool breakable_after(const std::string& text, std::size_t word_begin, std::size_t j) const {
        const bool has_before = j - 1 > word_begin || !unit_.empty();
        const char prev = j - 1 > word_begin ? text[j - 2] : '\0';
        const char next = text[j];
        return has_before && prev != '/' && next != '-' && next != '/' && !is_space(next) && next != '\n' &&
               next != '\r';
    }

    segment measure(std::size_t s, std::size_t b, std::size_t e) const {
        const std::string_view text(spans_[s].text);
        return segment{s, b, e, metrics_.width(text.substr(b, e - b), spans_[s].face, size_)};
    }

    void flush_unit() {
        if (unit_.empty()) return;
        double space_width = 0;
        for (const auto& sp : spaces_) space_width += sp.width;
        if (has_content_ && x_ + space_width + unit_width_ <= max_ + epsilon) {
            for (const auto& sp : spaces_) append(sp, true);
        } else {
            if (has_content_) end_line();
        }
        if (x_ + unit_width_ <= max_ + epsilon) {
            for (const auto& seg : unit_) append(seg, false);
        } else {
            hard_break();
        }
        spaces_.clear();
        unit_.clear();
        unit_width_ = 0;
    }

    // A word wider than the column: break between code points, at least one per line.
    void hard_break() {
        for (const auto& seg : unit_) {
            const std::string_view text(spans_[seg.span].text);
            std::size_t pos = seg.begin;
            while (pos < seg.end) {
                const std::size_t start = pos;
                next_code_point(text.substr(0, seg.end), pos);
                const segment one = measure(seg.span, start, pos);
                if (has_content_ && x_ + one.width > max_ + epsilon) end_line();
                append(one, false);
            }
        }
    }

    void append(const segment& seg, bool spaces) {
        const styled_span& span = spans_[seg.span];
        const std::string_view text = std::string_view(span.text).substr(seg.begin, seg.end - seg.begin);
        line_piece* last = cur_.pieces.empty() ? nullptr : &cur_.pieces.back();
        if (!last || last->face != span.face || !(last->fill == span.fill) || last->url != span.url) {
            cur_.pieces.push_back(line_piece{{}, span.face, span.fill, span.url, x_, 0});
            last = &cur_.pieces.back();
        }
        if (spaces) {
            // Tabs are painted as spaces; the standard fonts have no glyph for them.
            for (const char c : text) last->text.push_back(c == '\t' ? ' ' : c);
        } else {
            last->text.append(text);
        }
        last->width += seg.width;
        x_ += seg.width;
        has_content_ = true;
    }

    void end_line() {
        // Spaces are appended only before a word, so x_ never includes trailing spaces.
        cur_.width = x_;
        out_.push_back(std::move(cur_));
        cur_ = line{};
        x_ = 0;
        has_content_ = false;
    }

    const std::vector<styled_span>& spans_;
    double max_, size_;
    const font_metrics& metrics_;
    std::vector<line> out_;
    line cur_;
    double x_ = 0;
    bool has_content_ = false;
    std::vector<segment> spaces_;  ///< spaces waiting for the next word
    std::vector<segment> unit_;    ///< parts of the word being read (a word may span styles)
    double unit_width_ = 0;
};

}  // namespace

std::vector<line> break_lines(const std::vector<styled_span>& spans, double max_width, double size,
                              const font_metrics& metrics) {
    return breaker(spans, max_width, size, metrics).run();
}

}  // namespace closeplan::layout

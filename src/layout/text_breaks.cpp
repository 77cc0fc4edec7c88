// SPDX-License-Identifier: MIT
// ICU's break iterators over UTF-8 text (UText: no conversion to UTF-16), one of
// each kind per thread, opened when first needed: opening one reads its rules.
#include "layout/text_breaks.hpp"

#include <unicode/ubrk.h>
#include <unicode/utf8.h>
#include <unicode/utext.h>

#include <stdexcept>
#include <string>

namespace closeplan::layout {

namespace {

struct iterator_closer {
    void operator()(UBreakIterator* it) const { ubrk_close(it); }
};
using iterator_ptr = std::unique_ptr<UBreakIterator, iterator_closer>;

UBreakIterator* thread_iterator(UBreakIteratorType type) {
    thread_local iterator_ptr line, character;
    iterator_ptr& it = type == UBRK_LINE ? line : character;
    if (!it) {
        UErrorCode status = U_ZERO_ERROR;
        it.reset(ubrk_open(type, "", nullptr, 0, &status));
        if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU break iterator: ") + u_errorName(status));
    }
    return it.get();
}

// Text iterated by one of this thread's iterators until it is dropped.
class iterated_text {
public:
    iterated_text(UBreakIteratorType type, std::string_view utf8) : it_(thread_iterator(type)) {
        UErrorCode status = U_ZERO_ERROR;
        utext_openUTF8(&text_, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
        ubrk_setUText(it_, &text_, &status);
        if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU text: ") + u_errorName(status));
    }
    ~iterated_text() {
        UErrorCode status = U_ZERO_ERROR;
        ubrk_setText(it_, nullptr, 0, &status);  // the iterator must not keep pointing at the text
        utext_close(&text_);
    }
    iterated_text(const iterated_text&) = delete;
    iterated_text& operator=(const iterated_text&) = delete;
    std::size_t next() {
        const int32_t at = ubrk_next(it_);
        return at == UBRK_DONE ? std::string_view::npos : static_cast<std::size_t>(at);
    }

private:
    UBreakIterator* it_;
    UText text_ = UTEXT_INITIALIZER;
};

bool is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'); }
bool is_infix(char c) { return c == ',' || c == '.' || c == ':' || c == ';'; }

// Most text is letters, digits, single spaces and ",.:;" after a word: then the
// rules allow a break exactly after each run of spaces (checked against ICU by
// tests/unit/layout/text_breaks_test.cpp for every such text up to 6 characters).
bool plain_words(std::string_view utf8) {
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const char c = utf8[i];
        if (is_alnum(c) || c == ' ') continue;
        if (!is_infix(c) || (i > 0 && utf8[i - 1] == ' ')) return false;
    }
    return true;
}

// Letters UAX #14 gives class ID (a break on either side) although they spell
// words: katakana (loanwords, names: "スケジュー|ル", "レ|ビュー" read as typos)
// with its prolonged sound mark and small kana, and the fullwidth Latin letters
// and digits ("Ｅｘｃｅｌ"). Their words are kept whole as a Latin word is; the
// katakana middle dot (U+30FB) separates words and is not one of them.
bool spells_words(UChar32 c) {
    return (c >= 0x30A1 && c <= 0x30FA) || (c >= 0x30FC && c <= 0x30FF) || (c >= 0x31F0 && c <= 0x31FF) ||
           (c >= 0xFF66 && c <= 0xFF9F) || (c >= 0xFF10 && c <= 0xFF19) || (c >= 0xFF21 && c <= 0xFF3A) ||
           (c >= 0xFF41 && c <= 0xFF5A);
}

// Which script the letter belongs to, for spells_words: a katakana word next to
// a fullwidth Latin one may still break between them.
int word_script(UChar32 c) { return c >= 0xFF10 && c <= 0xFF5A ? 2 : 1; }

UChar32 code_point_before(std::string_view utf8, std::size_t at) {
    auto i = static_cast<int32_t>(at);
    UChar32 c = 0;
    U8_PREV(utf8.data(), 0, i, c);
    return c;
}

UChar32 code_point_at(std::string_view utf8, std::size_t at) {
    auto i = static_cast<int32_t>(at);
    UChar32 c = 0;
    U8_NEXT(utf8.data(), i, static_cast<int32_t>(utf8.size()), c);
    return c;
}

}  // namespace

void line_break_opportunities(std::string_view utf8, std::vector<std::size_t>& out) {
    if (plain_words(utf8)) {
        for (std::size_t i = 1; i < utf8.size(); ++i)
            if (utf8[i - 1] == ' ' && utf8[i] != ' ') out.push_back(i);
        return;
    }
    const std::size_t first = out.size();
    rule_line_break_opportunities(utf8, out);
    // Only the rules' breaks inside a katakana or fullwidth Latin word are dropped: a
    // word wider than its column is still cut between grapheme clusters (inline_flow).
    std::size_t kept = first;
    for (std::size_t i = first; i < out.size(); ++i) {
        const UChar32 before = code_point_before(utf8, out[i]), after = code_point_at(utf8, out[i]);
        if (spells_words(before) && spells_words(after) && word_script(before) == word_script(after)) continue;
        out[kept++] = out[i];
    }
    out.resize(kept);
}

void rule_line_break_opportunities(std::string_view utf8, std::vector<std::size_t>& out) {
    if (utf8.empty()) return;
    iterated_text text(UBRK_LINE, utf8);
    for (std::size_t at = text.next(); at != std::string_view::npos && at < utf8.size(); at = text.next())
        out.push_back(at);
}

struct grapheme_walker::icu_state {
    explicit icu_state(std::string_view utf8) : text(UBRK_CHARACTER, utf8) {}
    iterated_text text;
};

grapheme_walker::grapheme_walker(std::string_view utf8) : text_(utf8) {
    for (const char c : utf8)
        if (static_cast<unsigned char>(c) >= 0x80 || c == '\r') {
            icu_ = std::make_unique<icu_state>(utf8);
            break;
        }
}

grapheme_walker::~grapheme_walker() = default;

std::size_t grapheme_walker::next() {
    if (at_ >= text_.size()) return text_.size();
    if (!icu_) return ++at_;
    const std::size_t at = icu_->text.next();
    at_ = at == std::string_view::npos ? text_.size() : at;
    return at_;
}

}  // namespace closeplan::layout

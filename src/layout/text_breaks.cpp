// SPDX-License-Identifier: MIT
// ICU's break iterators over UTF-8 text (UText: no conversion to UTF-16), one of
// each kind per thread, opened when first needed: opening one reads its rules.
#include "layout/text_breaks.hpp"

#include <unicode/ubrk.h>
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

}  // namespace

void line_break_opportunities(std::string_view utf8, std::vector<std::size_t>& out) {
    if (plain_words(utf8)) {
        for (std::size_t i = 1; i < utf8.size(); ++i)
            if (utf8[i - 1] == ' ' && utf8[i] != ' ') out.push_back(i);
        return;
    }
    rule_line_break_opportunities(utf8, out);
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

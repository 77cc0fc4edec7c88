// SPDX-License-Identifier: MIT
// Where text may break: line break opportunities (UAX #14) and grapheme clusters
// (UAX #29), from ICU. The one file that includes ICU (text_breaks.cpp).
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace closeplan::layout {

/// Appends to `out`, in increasing order, the byte offsets of `utf8` before which
/// a line may break (ICU's UAX #14 rules, with the kinsoku of its strict Japanese
/// classes), never 0 nor `utf8.size()`. A no-break space (U+00A0) offers none, as
/// the rules say; nor does the inside of a katakana word or a fullwidth Latin one
/// (ID letters to UAX #14), which is kept whole as a Latin word is.
void line_break_opportunities(std::string_view utf8, std::vector<std::size_t>& out);

/// The same, always asking ICU (line_break_opportunities takes a shortcut for
/// plain words; tests compare the two).
void rule_line_break_opportunities(std::string_view utf8, std::vector<std::size_t>& out);

/// Walks the grapheme clusters of UTF-8 text, front to back, in linear time:
/// where a word wider than its column may be cut when nothing better is left.
/// Uses this thread's iterator: one walker at a time on a thread.
class grapheme_walker {
public:
    explicit grapheme_walker(std::string_view utf8);
    ~grapheme_walker();
    grapheme_walker(const grapheme_walker&) = delete;
    grapheme_walker& operator=(const grapheme_walker&) = delete;
    /// The byte offset where the next cluster ends; `utf8.size()` once at the end.
    std::size_t next();

private:
    struct icu_state;
    std::string_view text_;
    std::size_t at_ = 0;
    std::unique_ptr<icu_state> icu_;  ///< null while the text is ASCII (one cluster a byte)
};

}  // namespace closeplan::layout

// SPDX-License-Identifier: MIT
// Display columns (East Asian Width) and the breaks inside unspaced-script text
// that Markdown and DOCX column sizing use (layout/display_width.hpp).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "layout/display_width.hpp"

namespace closeplan::layout {
namespace {

TEST(display_columns, wide_characters_count_two_and_marks_none) {
    EXPECT_EQ(display_columns("Quinn"), 5u);
    EXPECT_EQ(display_columns("Zakłady Północ"), 14u);
    EXPECT_EQ(display_columns("山田 花子"), 9u);         // four ideographs and a space
    EXPECT_EQ(display_columns("パイロット"), 10u);       // kana
    EXPECT_EQ(display_columns("김민준"), 6u);            // Hangul syllables
    EXPECT_EQ(display_columns("（40%）"), 7u);           // fullwidth brackets, ASCII inside
    EXPECT_EQ(display_columns("e\u0301"), 1u);           // a combining accent joins its letter
    EXPECT_EQ(display_columns("عمر الفاروق"), 11u);      // Arabic letters are narrow
    EXPECT_EQ(display_columns("\xC2\xA0"), 1u);          // a no-break space
    EXPECT_EQ(display_columns("\xFF"), 1u);              // a stray byte: one column
}

std::vector<std::string> pieces(const std::string& text) {
    std::vector<std::size_t> at;
    unspaced_break_opportunities(text, at);
    std::vector<std::string> out;
    std::size_t start = 0;
    for (const std::size_t a : at) {
        out.push_back(text.substr(start, a - start));
        start = a;
    }
    out.push_back(text.substr(start));
    return out;
}

TEST(unspaced_breaks, cjk_breaks_between_characters_and_latin_stays_whole) {
    // A katakana word stays whole (text_breaks.hpp); kanji break between characters.
    EXPECT_EQ(pieces("パイロット結果"), (std::vector<std::string>{"パイロット", "結", "果"}));
    // A figure with its unit stays whole; so does a Latin word next to kana.
    EXPECT_EQ(pieces("2026年4月30日"), (std::vector<std::string>{"2026年4月30日"}));
    EXPECT_EQ(pieces("Tallyworksが確認"), (std::vector<std::string>{"Tallyworksが", "確", "認"}));
    // Latin text offers none, not even at hyphens or spaces (spaces are the caller's).
    EXPECT_EQ(pieces("Go-live review"), (std::vector<std::string>{"Go-live review"}));
    EXPECT_EQ(pieces("dana@northwind.example"), (std::vector<std::string>{"dana@northwind.example"}));
}

TEST(unspaced_breaks, thai_breaks_at_word_boundaries) {
    const auto thai = pieces("ทบทวนผลการทดลอง");
    EXPECT_GT(thai.size(), 1u);
    std::string joined;
    for (const auto& p : thai) joined += p;
    EXPECT_EQ(joined, "ทบทวนผลการทดลอง");
}

}  // namespace
}  // namespace closeplan::layout

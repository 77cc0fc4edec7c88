// SPDX-License-Identifier: MIT
// Break opportunities and grapheme clusters from ICU, and the shortcut for plain words.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "layout/text_breaks.hpp"

namespace closeplan::layout {
namespace {

std::vector<std::size_t> breaks(std::string_view s, bool rules_only = false) {
    std::vector<std::size_t> out;
    if (rules_only)
        rule_line_break_opportunities(s, out);
    else
        line_break_opportunities(s, out);
    return out;
}

std::vector<std::string> clusters(std::string_view s) {
    std::vector<std::string> out;
    grapheme_walker walker(s);
    for (std::size_t from = 0; from < s.size();) {
        const std::size_t to = walker.next();
        out.emplace_back(s.substr(from, to - from));
        from = to;
    }
    return out;
}

TEST(text_breaks, lines_break_after_spaces_and_hyphens_never_before_punctuation_nor_inside_numbers) {
    EXPECT_EQ(breaks("Go-live 1 Sep"), (std::vector<std::size_t>{3, 8, 10}));
    EXPECT_EQ(breaks("Signature 0/1 (30%)"), (std::vector<std::size_t>{10, 14}));
    EXPECT_EQ(breaks("a \u00a0b"), (std::vector<std::size_t>{2}));  // none around the no-break space
    EXPECT_EQ(breaks("Apr\u00a024,\u00a02026"), (std::vector<std::size_t>{}));
    EXPECT_EQ(breaks("jane.doe@example.com"), (std::vector<std::size_t>{}));  // addresses break only as a last resort
    EXPECT_TRUE(breaks("").empty());
}

// The shortcut for letters, digits, spaces and ",.:;" after a word must say what ICU says:
// every such text up to 5 characters.
TEST(text_breaks, the_plain_words_shortcut_agrees_with_the_rules) {
    const std::string alphabet = "a1 ,.:;";
    std::vector<std::size_t> digits;
    for (std::size_t length = 1; length <= 5; ++length) {
        digits.assign(length, 0);
        while (true) {
            std::string s;
            for (const auto d : digits) s += alphabet[d];
            ASSERT_EQ(breaks(s), breaks(s, true)) << "\"" << s << "\"";
            std::size_t k = length;
            while (k > 0 && ++digits[k - 1] == alphabet.size()) digits[--k] = 0;
            if (k == 0) break;
        }
    }
}

TEST(text_breaks, grapheme_clusters_keep_marks_emoji_and_crlf_whole) {
    EXPECT_EQ(clusters("abc"), (std::vector<std::string>{"a", "b", "c"}));
    EXPECT_EQ(clusters("e\u0301a"), (std::vector<std::string>{"e\u0301", "a"}));
    EXPECT_EQ(clusters("\U0001F1E9\U0001F1EA!"), (std::vector<std::string>{"\U0001F1E9\U0001F1EA", "!"}));  // a flag
    EXPECT_EQ(clusters("a\r\nb"), (std::vector<std::string>{"a", "\r\n", "b"}));
    EXPECT_EQ(clusters("\u1100\u1161\u11A8"), (std::vector<std::string>{"\u1100\u1161\u11A8"}));  // one Hangul syllable
    EXPECT_TRUE(clusters("").empty());
}

TEST(text_breaks, walkers_one_after_another_on_a_thread_each_see_their_own_text) {
    for (int i = 0; i < 3; ++i) {
        EXPECT_EQ(clusters("o\u0308x").size(), 2u);
        EXPECT_EQ(breaks("one two-three", true), (std::vector<std::size_t>{4, 8}));
    }
}

}  // namespace
}  // namespace closeplan::layout

namespace closeplan::layout {
namespace {

// The pieces of `s` between its break opportunities.
std::vector<std::string> pieces(std::string_view s) {
    std::vector<std::size_t> at;
    line_break_opportunities(s, at);
    std::vector<std::string> out;
    std::size_t from = 0;
    for (const std::size_t to : at) {
        out.emplace_back(s.substr(from, to - from));
        from = to;
    }
    out.emplace_back(s.substr(from));
    return out;
}

// Japanese and Chinese break between characters, with the kinsoku rules: no
// closing bracket, full stop, comma or prolonged sound mark starts a line, no
// opening bracket ends one.
TEST(text_breaks_cjk, ideographs_break_between_characters_with_kinsoku) {
    EXPECT_EQ(pieces("結果のレビュー。"), (std::vector<std::string>{"結", "果", "の", "レビュー。"}));
    EXPECT_EQ(pieces("「自動仕訳」を含む"), (std::vector<std::string>{"「自", "動", "仕", "訳」", "を", "含", "む"}));
    EXPECT_EQ(pieces("试点结果评审，下周"), (std::vector<std::string>{"试", "点", "结", "果", "评", "审，", "下", "周"}));
}

// A katakana word (a loanword, a name) and a fullwidth Latin word are kept whole,
// as a Latin word is: "スケジュー|ル" and "Ｅｘ|ｃｅｌ" read as typos. Kanji and
// hiragana still break between characters, a katakana word from the ideograph or
// kana beside it, and the katakana middle dot ends a word.
TEST(text_breaks_cjk, katakana_and_fullwidth_latin_words_are_kept_whole) {
    EXPECT_EQ(pieces("オンボーディングのスケジュールを確認"),
              (std::vector<std::string>{"オンボーディング", "の", "スケジュール", "を", "確", "認"}));
    EXPECT_EQ(pieces("カスタマー・サクセス"), (std::vector<std::string>{"カスタマー・", "サクセス"}));
    EXPECT_EQ(pieces("ＥｘｃｅｌのＣＳＶ"), (std::vector<std::string>{"Ｅｘｃｅｌ", "の", "ＣＳＶ"}));
    EXPECT_EQ(pieces("Tallyworksのテンプレート"), (std::vector<std::string>{"Tallyworks", "の", "テンプレート"}));
    // Half-width katakana too; the rules' breaks elsewhere are unchanged.
    EXPECT_EQ(pieces("ﾃﾝﾌﾟﾚｰﾄを使う"), (std::vector<std::string>{"ﾃﾝﾌﾟﾚｰﾄ", "を", "使", "う"}));
}

// Thai, written without spaces between words, breaks between the words ICU's
// dictionary finds (never inside one, never before a vowel or tone mark).
TEST(text_breaks_cjk, thai_breaks_at_dictionary_words) {
    EXPECT_EQ(pieces("ทบทวนผลการทดลอง"), (std::vector<std::string>{"ทบทวน", "ผล", "การ", "ทดลอง"}));
}

}  // namespace
}  // namespace closeplan::layout

// SPDX-License-Identifier: MIT
// Text through the fallback chain: the face each script gets, the Noto Sans CJK
// face by language, shaping, and the visual order of bidirectional text.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "layout/font_chain.hpp"
#include "layout/fonts.hpp"
#include "layout/glyph_runs.hpp"

namespace closeplan::layout {
namespace {

std::shared_ptr<const font_chain> chain_for(const std::string& lang) {
    return embedded_metrics({}, lang)->choice().chain;
}

// (the text of each run, right to left?) in the order the page shows them.
std::vector<std::pair<std::string, bool>> visual(std::string_view text, bool rtl_base, const std::string& lang = "en") {
    const auto chain = chain_for(lang);
    std::vector<glyph_run> runs;
    glyph_runs(*chain, font_face::regular, text, lang, rtl_base, runs);
    std::vector<std::pair<std::string, bool>> out;
    for (const auto& r : runs) out.emplace_back(std::string(text.substr(r.begin, r.end - r.begin)), r.rtl);
    return out;
}

TEST(font_chain, each_script_gets_its_documented_face) {
    const auto chain = chain_for("en");
    const auto family = [&](char32_t cp) { return chain->entry(static_cast<std::size_t>(chain->entry_of(cp))).family; };
    EXPECT_EQ(family(U'A'), "Liberation Sans");
    EXPECT_EQ(family(U'Ж'), "Liberation Sans");
    EXPECT_EQ(family(U'ש'), "Liberation Sans");
    EXPECT_EQ(family(U'ع'), "Noto Sans Arabic");
    EXPECT_EQ(family(U'क'), "Noto Sans Devanagari");
    EXPECT_EQ(family(U'ก'), "Noto Sans Thai");
    EXPECT_EQ(family(U'山'), "Noto Sans CJK JP");
    EXPECT_EQ(chain->entry_of(0x1F600), -1);  // emoji: □ and a warning
    EXPECT_TRUE(chain->entry(static_cast<std::size_t>(chain->entry_of(U'ع'))).shaped);
}

TEST(font_chain, the_cjk_face_follows_the_language) {
    const auto cjk = [](const std::string& lang) {
        const auto chain = chain_for(lang);
        return chain->entry(static_cast<std::size_t>(chain->entry_of(U'直'))).family;
    };
    EXPECT_EQ(cjk("ja"), "Noto Sans CJK JP");
    EXPECT_EQ(cjk("zh-CN"), "Noto Sans CJK SC");
    EXPECT_EQ(cjk("zh-Hans"), "Noto Sans CJK SC");
    EXPECT_EQ(cjk("zh-TW"), "Noto Sans CJK TC");
    EXPECT_EQ(cjk("zh-Hant-HK"), "Noto Sans CJK TC");
    EXPECT_EQ(cjk("ko"), "Noto Sans CJK KR");
    // 直 has regional forms: the Japanese and Chinese faces draw different glyphs.
    std::vector<glyph_run> ja, sc;
    glyph_runs(*chain_for("ja"), font_face::regular, "直", "ja", false, ja);
    glyph_runs(*chain_for("zh-CN"), font_face::regular, "直", "zh-CN", false, sc);
    ASSERT_EQ(ja.size(), 1u);
    ASSERT_EQ(sc.size(), 1u);
    EXPECT_NE(ja[0].glyphs.at(0).glyph, sc[0].glyphs.at(0).glyph);
}

TEST(glyph_runs, arabic_joins_and_devanagari_reorders) {
    const auto chain = chain_for("en");
    std::vector<glyph_run> runs;
    // Four letters, one glyph each, but joined: not the isolated forms the cmap gives.
    glyph_runs(*chain, font_face::regular, "عمر", "ar", false, runs);
    ASSERT_EQ(runs.size(), 1u);
    EXPECT_TRUE(runs[0].rtl);
    ASSERT_EQ(runs[0].glyphs.size(), 3u);
    EXPECT_GT(runs[0].glyphs[0].cluster, runs[0].glyphs[2].cluster);  // visual order: the last letter leftmost
    runs.clear();
    glyph_runs(*chain, font_face::regular, "कि", "hi", false, runs);  // the vowel sign i is drawn before its consonant
    ASSERT_EQ(runs.size(), 1u);
    ASSERT_EQ(runs[0].glyphs.size(), 2u);
    EXPECT_EQ(runs[0].glyphs[0].cluster, runs[0].glyphs[1].cluster);  // one cluster
}

TEST(bidi, a_right_to_left_name_inside_an_english_row) {
    EXPECT_EQ(visual("Owner: عمر الفاروق (CTO)", false),
              (std::vector<std::pair<std::string, bool>>{
                  {"Owner: ", false}, {"الفاروق", true}, {" ", true}, {"عمر", true}, {" (CTO)", false}}));
}

TEST(bidi, a_left_to_right_product_name_and_a_number_inside_arabic_text) {
    // Read right to left: "مراجعة" first (rightmost), then the product name, then "خلال 3 أيام".
    EXPECT_EQ(visual("مراجعة Tallyworks Cloud خلال 3 أيام", true),
              (std::vector<std::pair<std::string, bool>>{{"أيام", true},
                                                        {" ", true},
                                                        {"3", false},
                                                        {" ", true},
                                                        {"خلال", true},
                                                        {" ", true},
                                                        {"Tallyworks Cloud", false},
                                                        {" ", true},
                                                        {"مراجعة", true}}));
}

// The paragraph direction is the one most words are written in, whatever the
// document's: an Arabic note with a product name in an English plan reads as in an
// Arabic one, and an English sentence starting with an Arabic name left to right.
TEST(bidi, the_paragraph_takes_the_direction_of_most_of_its_letters) {
    const std::string note = "مراجعة Tallyworks Cloud خلال 3 أيام";
    EXPECT_EQ(visual(note, false), visual(note, true));
    EXPECT_EQ(visual(note, false).back(), (std::pair<std::string, bool>{"مراجعة", true}));
    const std::string sentence = "عمر الفاروق approves the budget";
    EXPECT_EQ(visual(sentence, true, "ar"), visual(sentence, false));
    EXPECT_EQ(visual(sentence, true, "ar").front(), (std::pair<std::string, bool>{"الفاروق", true}));
    // An Arabic sentence that starts with a product name still reads right to left.
    const std::string arabic = "Tallyworks يعالج الفواتير";
    EXPECT_EQ(visual(arabic, false).back(), (std::pair<std::string, bool>{"Tallyworks", false}));
}

// A tie, or text with no words, takes the document's direction.
TEST(bidi, the_document_direction_decides_a_tie_and_text_without_words) {
    EXPECT_NE(visual("3 - 4", true, "ar"), visual("3 - 4", false, "ar"));
    EXPECT_EQ(visual("ab دو", true, "ar").front(), (std::pair<std::string, bool>{"دو", true}));
    EXPECT_EQ(visual("ab دو", false).front(), (std::pair<std::string, bool>{"ab ", false}));
}

TEST(bidi, text_without_right_to_left_letters_needs_no_glyph_runs_in_the_family) {
    const auto chain = chain_for("en");
    EXPECT_FALSE(needs_glyph_runs(*chain, "Zakłady Północ – Дана Руис"));
    EXPECT_TRUE(needs_glyph_runs(*chain, "山田"));
    EXPECT_TRUE(needs_glyph_runs(*chain, "דוד"));  // Liberation Sans has Hebrew, but it is right to left
    EXPECT_TRUE(right_to_left_language("ar"));
    EXPECT_TRUE(right_to_left_language("he-IL"));
    EXPECT_FALSE(right_to_left_language("en"));
}

}  // namespace
}  // namespace closeplan::layout

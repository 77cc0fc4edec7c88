// SPDX-License-Identifier: MIT
// Which text a tagged PDF marks with its own /Lang: by script, against the document's language.
#include <gtest/gtest.h>

#include "render/span_language.hpp"

namespace closeplan::render {
namespace {

TEST(SpanLanguage, ForeignScriptsInAnEnglishPlanGetTheirLanguage) {
    span_languages english("en-US");
    EXPECT_EQ(english.language_of("Dana Ruiz"), "");
    EXPECT_EQ(english.language_of("Zakłady Północ"), "");  // Latin letters beyond ASCII: still the document's
    EXPECT_EQ(english.language_of("やまだ はなこ"), "ja");
    EXPECT_EQ(english.language_of("山田 花子（やまだ）"), "ja");  // kanji with kana is Japanese
    EXPECT_EQ(english.language_of("サンプル請求"), "ja");
    EXPECT_EQ(english.language_of("김민준"), "ko");
    EXPECT_EQ(english.language_of("陳美玲"), "zh");  // kanji alone: ICU's likely language for Han
    EXPECT_EQ(english.language_of("شركة الخليج"), "ar");
    EXPECT_EQ(english.language_of("שלום"), "he");
    EXPECT_EQ(english.language_of("Дана Руис"), "ru");
    EXPECT_EQ(english.language_of("Ελλάδα"), "el");
}

TEST(SpanLanguage, MixedTextDigitsAndPunctuationKeepTheDocumentLanguage) {
    span_languages english("en");
    EXPECT_EQ(english.language_of("Dana Ruiz (山田)"), "");  // the document's letters are there too
    EXPECT_EQ(english.language_of("شركة × Дана"), "");     // two foreign languages: no one language
    EXPECT_EQ(english.language_of("2026-05-04 · 45,000"), "");
    EXPECT_EQ(english.language_of(""), "");
}

TEST(SpanLanguage, TheDocumentsOwnScriptsAreNotForeign) {
    span_languages japanese("ja");
    EXPECT_EQ(japanese.language_of("山田 花子"), "");
    EXPECT_EQ(japanese.language_of("サンプル"), "");
    EXPECT_EQ(japanese.language_of("Facets"), "en");  // a Latin brand in a Japanese plan
    span_languages taiwanese("zh-TW");
    EXPECT_EQ(taiwanese.language_of("陳美玲"), "");
    span_languages arabic("ar");
    EXPECT_EQ(arabic.language_of("شركة الخليج للخدمات اللوجستية"), "");
    EXPECT_EQ(arabic.language_of("TALLYWORKS"), "en");
    EXPECT_EQ(arabic.language_of("45,000 USD"), "en");
}

}  // namespace
}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// Font subsets: glyph ids for the code points asked for, and the widths layout measured with.
#include <gtest/gtest.h>

#include "layout/fonts.hpp"
#include "layout/shaping.hpp"
#include "render/font_subset.hpp"

namespace closeplan::render {
namespace {

TEST(FontSubset, CoversTheCodePointsAskedForWithLayoutsWidths) {
    const layout::font_paths paths;
    const std::vector<char32_t> wanted = {U' ', U'A', U'a', U'ł', U'Ж', U'€'};
    const auto subset = font_subset::make(paths.regular, wanted);
    ASSERT_TRUE(subset);
    EXPECT_EQ(subset->postscript_name, "LiberationSans");
    EXPECT_LT(subset->bytes.size(), 20000u) << "a handful of glyphs, not the whole face";
    EXPECT_EQ(subset->glyphs.size(), wanted.size());
    const auto metrics = layout::embedded_metrics(paths);
    for (const char32_t cp : wanted) {
        const auto glyph = subset->glyph_of(cp);
        ASSERT_NE(glyph, 0) << static_cast<unsigned>(cp);
        ASSERT_LT(glyph, subset->widths.size());
        std::string utf8;
        if (cp < 0x80) {
            utf8.push_back(static_cast<char>(cp));
        } else if (cp < 0x800) {
            utf8 += {static_cast<char>(0xC0 | (cp >> 6)), static_cast<char>(0x80 | (cp & 0x3F))};
        } else {
            utf8 += {static_cast<char>(0xE0 | (cp >> 12)), static_cast<char>(0x80 | ((cp >> 6) & 0x3F)),
                     static_cast<char>(0x80 | (cp & 0x3F))};
        }
        EXPECT_EQ(subset->widths[glyph], metrics->units(utf8, layout::font_face::regular)) << static_cast<unsigned>(cp);
    }
    EXPECT_EQ(subset->glyph_of(U'Z'), 0) << "not asked for: .notdef";
    EXPECT_GT(subset->ascent, 0);
    EXPECT_LT(subset->descent, 0);
    EXPECT_LT(subset->x_min, subset->x_max);
    EXPECT_EQ(subset->italic_angle, 0);
}

TEST(FontSubset, ItalicFaceReportsItsSlant) {
    const auto subset = font_subset::make(layout::font_paths{}.italic, {U'a'});
    ASSERT_TRUE(subset);
    EXPECT_LT(subset->italic_angle, 0);
}

// A face is subset plainly the first time a process uses it and from a prepared
// copy (hb_subset_preprocess) from the second time on: both give the same subset.
void expect_same_subset(const font_subset& plain, const font_subset& fast) {
    EXPECT_EQ(plain.bytes, fast.bytes);
    EXPECT_EQ(plain.glyphs, fast.glyphs);
    EXPECT_EQ(plain.widths, fast.widths);
    EXPECT_EQ(plain.codes, fast.codes);
    EXPECT_EQ(plain.extra_code_glyphs, fast.extra_code_glyphs);
    EXPECT_EQ(plain.code_widths, fast.code_widths);
    EXPECT_EQ(plain.texts, fast.texts);
}

TEST(FontSubset, PreparedFaceGivesThePlainSubsetOfATrueTypeFace) {
    // Bold italic: no other test here uses it, so the first make is the plain path.
    const layout::chain_face face{layout::font_paths{}.bold_italic, 0};
    const std::vector<char32_t> wanted = {U' ', U'A', U'f', U'i', U'ł', U'Ж', U'€'};
    const std::set<std::pair<std::uint32_t, std::u32string>> shaped = {{3, U" "}};
    const auto plain = font_subset::make(face, wanted, shaped);
    const auto fast = font_subset::make(face, wanted, shaped);
    ASSERT_TRUE(plain && fast);
    expect_same_subset(*plain, *fast);
}

TEST(FontSubset, PreparedFaceGivesThePlainSubsetOfACffFace) {
    const layout::chain_face face{"/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 0};
    if (!layout::load_face(face)) GTEST_SKIP() << "fonts-noto-cjk is not installed";
    const std::vector<char32_t> wanted = {U'山', U'田', U'花', U'子', U'パ', U'イ', U'ロ', U'ッ', U'ト'};
    const auto plain = font_subset::make(face, wanted, {});
    const auto fast = font_subset::make(face, wanted, {});
    ASSERT_TRUE(plain && fast);
    EXPECT_TRUE(plain->cff);
    expect_same_subset(*plain, *fast);
}

TEST(FontSubset, UnreadableFileGivesNothing) {
    EXPECT_FALSE(font_subset::make("/nonexistent/font.ttf", {U'a'}));
}

}  // namespace
}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// Font subsets: glyph ids for the code points asked for, and the widths layout measured with.
#include <gtest/gtest.h>

#include "layout/fonts.hpp"
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

TEST(FontSubset, UnreadableFileGivesNothing) {
    EXPECT_FALSE(font_subset::make("/nonexistent/font.ttf", {U'a'}));
}

}  // namespace
}  // namespace closeplan::render

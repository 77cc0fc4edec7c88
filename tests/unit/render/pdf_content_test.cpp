// SPDX-License-Identifier: MIT
// Content streams written by the painter: numbers, strings, and state written only when it changes.
#include <gtest/gtest.h>

#include "render/pdf_content.hpp"

namespace closeplan::render {
namespace {

const layout::color ink{0.12, 0.16, 0.2};

TEST(ContentStream, NumbersHaveAtMostThreeDecimalsAndNoTrailingZeros) {
    content_stream c;
    c.move_to(0, 1);
    c.line_to(-0.5, 12.3456);
    c.line_to(612, 0.0004);
    c.line_to(-0.0004, 1e6 + 0.25);
    EXPECT_EQ(c.finish(), "0 1 m\n-0.5 12.346 l\n612 0 l\n0 1000000.25 l\n");
}

TEST(ContentStream, DecimalsKeepTheirLeadingZerosAndRoundingCarriesIntoTheWholePart) {
    content_stream c;
    c.curve_to(0.05, 0.005, 0.1, 9.9996, -0.0005, -12.0404);
    c.line_to(99999.999, 0.010);
    EXPECT_EQ(c.finish(), "0.05 0.005 0.1 10 -0.001 -12.04 c\n99999.999 0.01 l\n");
}

TEST(ContentStream, SixOperandsOfTheLongestNumbersFitOneOperator) {
    // A sign, 15 digits of thousandths: far past any page (a double holds no
    // more thousandths exactly), every operand written in full.
    const double longest = -999'999'999'999.999;
    content_stream c;
    c.curve_to(longest, longest, longest, longest, longest, longest);
    const std::string one = "-999999999999.999 ";
    std::string six;
    for (int i = 0; i < 6; ++i) six += one;
    EXPECT_EQ(c.finish(), six + "c\n");
}

TEST(ContentStream, LiteralStringsEscapeDelimitersAndControlBytes) {
    content_stream c;
    c.show_text("F1", 9, 36, 700, std::string("a(b)c\\d\n\x7f\xe9", 10));
    EXPECT_EQ(c.finish(), "BT\n/F1 9 Tf\n36 700 Td\n(a\\(b\\)c\\\\d\\012\\177\xe9) Tj\nET\n");
}

TEST(ContentStream, TextPositionsAreRelativeToTheLineStartAndFontIsSetOnce) {
    content_stream c;
    c.show_text("F1", 9, 36, 700, "one");
    c.show_text("F1", 9, 36, 688, "two");
    c.show_text("F2", 9, 100.5, 688, "three");
    EXPECT_EQ(c.finish(),
              "BT\n/F1 9 Tf\n36 700 Td\n(one) Tj\n0 -12 Td\n(two) Tj\n/F2 9 Tf\n64.5 0 Td\n(three) Tj\nET\n");
}

TEST(ContentStream, PathsCloseTheTextObjectAndStateIsWrittenOnlyWhenItChanges) {
    content_stream c;
    c.fill_color(ink);
    c.show_text("F1", 9, 36, 700, "x");
    c.fill_color(ink);
    c.line_width(0.5);
    c.stroke_color(ink);
    c.dashed(false);
    c.move_to(36, 690);
    c.line_to(576, 690);
    c.stroke();
    c.line_width(0.5);
    c.dashed(true);
    c.rectangle(36, 600, 50, 20);
    c.fill();
    c.show_text("F1", 9, 36, 580, "y");
    EXPECT_EQ(c.finish(),
              "0.12 0.16 0.2 rg\nBT\n/F1 9 Tf\n36 700 Td\n(x) Tj\n0.5 w\n0.12 0.16 0.2 RG\nET\n36 690 m\n576 690 l\nS\n"
              "[3 2] 0 d\n36 600 50 20 re\nf\nBT\n36 580 Td\n(y) Tj\nET\n");
}

TEST(ContentStream, GlyphIdsAreBigEndianBytePairsWithDelimitersEscaped) {
    content_stream c;
    c.show_glyphs("F3", 8, 10, 20, std::u16string{0x0001, 0x0028, 0x295C, 0x000D, 0x000A});
    static constexpr char expected[] = "BT\n/F3 8 Tf\n10 20 Td\n(\0\x01\0\\(\\)\\\\\0\\r\0\n) Tj\nET\n";
    EXPECT_EQ(c.finish(), std::string(expected, sizeof expected - 1));
}

// Three glyphs of a right-to-left run, in visual order: codes 3, 2, 1 (1 is read first),
// widths 500 each, advances 500, 400 and 500; the middle one is a mark placed below.
TEST(ContentStream, RightToLeftGlyphsAreShownInReadingOrderWhereTheVisualOrderPutsThem) {
    content_stream c;
    const std::vector<content_stream::placed_glyph> visual = {{3, 500, 500, 0, 0}, {2, 500, 400, 0, 0}, {1, 500, 500, 0, 0}};
    const double end = c.show_placed_glyphs_right_to_left("F1", 10, 100, 700, visual);
    EXPECT_DOUBLE_EQ(end, 114);
    const auto glyph = [](char code) { return std::string{'\0', code}; };
    // Glyph 1 at 109, then back 500 + 400 (its width and glyph 2's advance) to 105, then back 500 + 500 to 100.
    EXPECT_EQ(c.finish(), "BT\n/F1 10 Tf\n109 700 Td\n[(" + glyph(1) + ")900 (" + glyph(2) + ")1000 (" + glyph(3) + ")] TJ\nET\n");

    content_stream marked;
    const std::vector<content_stream::placed_glyph> with_mark = {{3, 500, 500, 0, 0}, {2, 0, 0, 50, -200}, {1, 500, 500, 0, 0}};
    marked.show_placed_glyphs_right_to_left("F1", 10, 100, 700, with_mark);
    // The mark (at 105, moved 0.5 right and 2 down) is placed by itself between its neighbours.
    EXPECT_EQ(marked.finish(), "BT\n/F1 10 Tf\n105 700 Td\n[(" + glyph(1) + ")] TJ\n0.5 -2 Td\n(" + glyph(2) +
                                   ") Tj\n-5.5 2 Td\n[(" + glyph(3) + ")] TJ\nET\n");
}

TEST(ContentStream, ImagesAreScaledInASavedGraphicsState) {
    content_stream c;
    c.show_text("F1", 9, 36, 700, "x");
    c.image("X1", 400, 720, 120, 40);
    EXPECT_EQ(c.finish(), "BT\n/F1 9 Tf\n36 700 Td\n(x) Tj\nET\nq\n120 0 0 40 400 720 cm\n/X1 Do\nQ\n");
}

// A PDF string holds at most 32,767 bytes: a longer run is several Tj in a
// row, each going on where the last ended, with every byte shown once.
TEST(ContentStream, RunsLongerThanAPdfStringAreShownInPieces) {
    content_stream c;
    c.show_text("F1", 9, 36, 700, std::string(content_stream::max_string_bytes * 2 + 5, 'a'));
    const std::string text = c.finish();
    EXPECT_EQ(text.find("36 700 Td\n("), 12u);
    std::size_t pieces = 0, shown = 0;
    for (std::size_t at = text.find('('); at != std::string::npos; at = text.find('(', at + 1)) {
        const auto end = text.find(") Tj\n", at);
        ASSERT_NE(end, std::string::npos);
        EXPECT_LE(end - at - 1, content_stream::max_string_bytes);
        shown += end - at - 1;
        ++pieces;
    }
    EXPECT_EQ(pieces, 3u);
    EXPECT_EQ(shown, content_stream::max_string_bytes * 2 + 5);

    content_stream g;
    g.show_glyphs("F3", 8, 10, 20, std::u16string(content_stream::max_string_bytes / 2 + 1, u'\x4142'));
    const std::string glyphs = g.finish();
    const auto split = glyphs.find(") Tj\n(");
    ASSERT_NE(split, std::string::npos);
    EXPECT_EQ(split - glyphs.find('(') - 1, content_stream::max_string_bytes);
    EXPECT_NE(glyphs.find("(AB) Tj\nET\n"), std::string::npos);
}

TEST(ContentStream, MarkedTextSharesTheTextObjectAndNestsInsideIt) {
    content_stream c;
    c.begin_marked("P", 0, true);
    c.show_text("F1", 9, 36, 700, "one");
    c.end_marked();
    c.begin_marked("TD", 1, true);
    c.show_text("F1", 9, 36, 688, "two");
    c.end_marked();
    EXPECT_EQ(c.finish(),
              "BT\n/P<</MCID 0>>BDC\n/F1 9 Tf\n36 700 Td\n(one) Tj\nEMC\n/TD<</MCID 1>>BDC\n0 -12 Td\n(two) Tj\nEMC\nET\n");
}

TEST(ContentStream, ArtifactsAndImagesLieOutsideTextObjects) {
    content_stream c;
    c.begin_marked("P", 0, true);
    c.show_text("F1", 9, 36, 700, "x");
    c.end_marked();
    c.begin_artifact(false, false);
    c.move_to(0, 0);
    c.line_to(10, 0);
    c.stroke();
    c.end_marked();
    c.begin_artifact(true, true);
    c.show_text("F1", 8, 500, 20, "1 / 2");
    c.end_marked();
    c.begin_marked("Figure", 1, false);
    c.image("Im1", 0, 0, 10, 10);
    c.end_marked();
    EXPECT_EQ(c.finish(),
              "BT\n/P<</MCID 0>>BDC\n/F1 9 Tf\n36 700 Td\n(x) Tj\nEMC\nET\n/Artifact BMC\n0 0 m\n10 0 l\nS\nEMC\n"
              "BT\n/Artifact<</Type/Pagination>>BDC\n/F1 8 Tf\n500 20 Td\n(1 / 2) Tj\nEMC\nET\n"
              "/Figure<</MCID 1>>BDC\nq\n10 0 0 10 0 0 cm\n/Im1 Do\nQ\nEMC\n");
}

TEST(ContentStream, LocalPathsAreWrittenFromTheirOriginAndLandOnTheSameThousandths) {
    content_stream c;
    c.fill_color(ink);
    c.show_text("F1", 9, 36, 700, "x");
    c.begin_local(31.1814, 638.1056);  // the origin is rounded as any point is
    c.move_to(33.8814, 638.1056);
    c.curve_to(35.3724, 638.1056, 36.5814, 639.3146, 36.5814, 640.8056);
    c.rectangle(31.1814, 600.0004, 5.4, 5.4);
    c.fill();
    c.end_local();
    c.move_to(33.8814, 638.1056);  // after end_local, from the page's origin again
    EXPECT_EQ(c.finish(),
              "0.12 0.16 0.2 rg\nBT\n/F1 9 Tf\n36 700 Td\n(x) Tj\nET\nq 1 0 0 1 31.181 638.106 cm\n2.7 0 m\n"
              "4.191 0 5.4 1.209 5.4 2.7 c\n0 -38.106 5.4 5.4 re\nf\nQ\n33.881 638.106 m\n");
    // Each point's offset is its rounded position less the rounded origin, so
    // origin + offset is the position written without an origin, digit for digit.
    content_stream near;
    near.begin_local(0.0004, -0.0004);
    near.line_to(0.0006, -0.0006);
    EXPECT_EQ(near.finish(), "q 1 0 0 1 0 0 cm\n0.001 -0.001 l\n");
}

TEST(ContentStream, NumbersOfEveryLengthKeepTheirDigits) {
    content_stream c;
    for (const double v : {0.0, 7.0, 42.5, 99.99, 100.01, 999.999, 1000.0, 12345.678, -9.09, 0.1, 0.12, 0.102})
        c.line_to(v, -v);
    EXPECT_EQ(c.finish(),
              "0 0 l\n7 -7 l\n42.5 -42.5 l\n99.99 -99.99 l\n100.01 -100.01 l\n999.999 -999.999 l\n1000 -1000 l\n"
              "12345.678 -12345.678 l\n-9.09 9.09 l\n0.1 -0.1 l\n0.12 -0.12 l\n0.102 -0.102 l\n");
}

}  // namespace
}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// RFC 5545 escaping and folding: every special character, CRLF, 75 octets, UTF-8 kept whole.
#include <gtest/gtest.h>

#include <string>

#include "calendar/ics_text.hpp"

namespace closeplan::calendar {
namespace {

TEST(IcsEscape, EscapesBackslashSemicolonCommaAndLineEnds) {
    EXPECT_EQ(escape_text("a\\b;c,d"), "a\\\\b\\;c\\,d");
    EXPECT_EQ(escape_text("one\ntwo\r\nthree\rfour"), "one\\ntwo\\nthree\\nfour");
}

TEST(IcsEscape, ReplacesOtherControlCharactersKeepsTab) {
    EXPECT_EQ(escape_text(std::string("a\x01" "b\x7f" "c\td", 7)), "a b c\td");
    EXPECT_EQ(escape_text(std::string("x\0y", 3)), "x y");
}

TEST(IcsEscape, LeavesColonsQuotesAndUtf8Alone) {
    EXPECT_EQ(escape_text("Go-live: \"soon\" \xF0\x9F\x9A\x80"), "Go-live: \"soon\" \xF0\x9F\x9A\x80");
}

TEST(IcsFold, ShortLineIsEndedWithCrlf) { EXPECT_EQ(fold_line("SUMMARY:Kickoff"), "SUMMARY:Kickoff\r\n"); }

TEST(IcsFold, ExactlySeventyFiveOctetsIsNotFolded) {
    const std::string line(75, 'x');
    EXPECT_EQ(fold_line(line), line + "\r\n");
}

TEST(IcsFold, LongAsciiLineFoldsAtSeventyFiveOctetsWithLeadingSpace) {
    const std::string line(200, 'a');
    const std::string folded = fold_line(line);
    EXPECT_EQ(folded, std::string(75, 'a') + "\r\n " + std::string(74, 'a') + "\r\n " + std::string(51, 'a') + "\r\n");
}

// Every physical line is at most 75 octets and unfolding gives the line back.
void expect_well_folded(const std::string& line) {
    const std::string folded = fold_line(line);
    std::string unfolded;
    std::size_t start = 0;
    while (start < folded.size()) {
        const auto end = folded.find("\r\n", start);
        ASSERT_NE(end, std::string::npos);
        const std::string physical = folded.substr(start, end - start);
        EXPECT_LE(physical.size(), 75u) << physical;
        unfolded += start == 0 ? physical : physical.substr(1);
        if (start != 0) EXPECT_EQ(physical.front(), ' ');
        // No physical line may end inside a UTF-8 sequence or begin its continuation with one.
        if (end + 2 < folded.size()) {
            const auto next = static_cast<unsigned char>(folded[end + 3]);
            EXPECT_NE(next & 0xC0, 0x80) << "line " << physical << " split a UTF-8 sequence";
        }
        start = end + 2;
    }
    EXPECT_EQ(unfolded, line);
}

TEST(IcsFold, NeverSplitsAUtf8Sequence) {
    // Two-, three- and four-byte sequences at every offset around the fold.
    for (const std::string unit : {"\xC3\xA9", "\xE2\x82\xAC", "\xF0\x9F\x9A\x80"})
        for (std::size_t prefix = 0; prefix < 5; ++prefix) {
            std::string line = "DESCRIPTION:" + std::string(prefix, 'p');
            for (int i = 0; i < 60; ++i) line += unit;
            expect_well_folded(line);
        }
}

TEST(IcsFold, TextPropertyEscapesThenFolds) {
    const std::string value = "Hostile, text; with\\ and\nnewline " + std::string(100, 'z');
    const std::string out = text_property("SUMMARY", value);
    EXPECT_EQ(out.substr(0, 45), "SUMMARY:Hostile\\, text\\; with\\\\ and\\nnewline ");
    EXPECT_EQ(out.find('\n'), out.find("\r\n") + 1);  // the only raw line feeds end CRLF pairs
    expect_well_folded("SUMMARY:" + escape_text(value));
}

}  // namespace
}  // namespace closeplan::calendar

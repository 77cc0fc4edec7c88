// SPDX-License-Identifier: MIT
// Line breaking: break points, over-long words, forced breaks, UTF-8 safety and styles.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "layout/fonts.hpp"
#include "layout/line_break.hpp"
#include "support/utf8.hpp"

namespace closeplan::layout {
namespace {

class LineBreak : public ::testing::Test {
protected:
    std::unique_ptr<font_metrics> m_ = standard_metrics();
    std::unique_ptr<font_metrics> e_ = embedded_metrics();

    static std::string text_of(const line& l) {
        std::string s;
        for (const auto& p : l.pieces) s += p.text;
        return s;
    }
    static std::vector<std::string> texts(const std::vector<line>& lines) {
        std::vector<std::string> out;
        for (const auto& l : lines) out.push_back(text_of(l));
        return out;
    }
    std::vector<line> brk(const std::string& s, double max, const font_metrics* m = nullptr) {
        return break_lines({styled_span{s}}, max, 10, m ? *m : *m_);
    }
    void check_invariants(const std::vector<line>& lines, double max, const font_metrics& m) {
        for (const auto& l : lines) {
            double x = 0;
            bool single_code_point = false;
            for (const auto& p : l.pieces) {
                EXPECT_TRUE(utf8::is_valid(p.text)) << p.text;
                EXPECT_NEAR(p.x, x, 1e-9);
                EXPECT_NEAR(p.width, m.width(p.text, p.face, 10), 1e-6);
                x += p.width;
            }
            if (l.pieces.size() == 1) {
                std::size_t n = 0;
                for (const unsigned char c : l.pieces[0].text) n += (c & 0xC0) != 0x80;
                single_code_point = n == 1;
            }
            EXPECT_NEAR(l.width, x, 1e-9);
            if (!single_code_point) EXPECT_LE(l.width, max + 1e-6) << text_of(l);
            const std::string t = text_of(l);
            if (!t.empty()) {
                EXPECT_NE(t.front(), ' ') << t;
                EXPECT_NE(t.back(), ' ') << t;
            }
        }
    }
};

TEST_F(LineBreak, EmptyInputGivesNoLines) {
    EXPECT_TRUE(brk("", 100).empty());
    EXPECT_TRUE(break_lines({}, 100, 10, *m_).empty());
    EXPECT_TRUE(brk("   ", 100).empty());
}

TEST_F(LineBreak, BreaksAtSpacesAndDropsThem) {
    const double w = m_->width("Mutual action", font_face::regular, 10);
    const auto lines = brk("Mutual action plan for Northwind", w + 0.01);
    EXPECT_EQ(texts(lines), (std::vector<std::string>{"Mutual action", "plan for", "Northwind"}));
    check_invariants(lines, w + 0.01, *m_);
    EXPECT_NEAR(lines[0].width, w, 1e-9);
}

TEST_F(LineBreak, OneLineWhenItFits) {
    const auto lines = brk("  leading and trailing  ", 1000);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_EQ(text_of(lines[0]), "leading and trailing");
}

TEST_F(LineBreak, BreaksAfterHyphenAndSlash) {
    const double w = m_->width("buyer/", font_face::regular, 10) + 0.01;
    EXPECT_EQ(texts(brk("buyer/seller", w)), (std::vector<std::string>{"buyer/", "seller"}));
    const double w2 = m_->width("sign-", font_face::regular, 10) + 0.01;
    EXPECT_EQ(texts(brk("sign-off", w2)), (std::vector<std::string>{"sign-", "off"}));
    // No break inside "//", "--" or before a leading "-".
    EXPECT_EQ(texts(brk("-5", m_->width("-", font_face::regular, 10))).front().front(), '-');
}

TEST_F(LineBreak, UrlsBreakAtSlashesNotAfterScheme) {
    const std::string url = "https://docs.example.com/security/questionnaire-2026/answers";
    const double max = 80;
    const auto lines = brk(url, max);
    ASSERT_GT(lines.size(), 1u);
    std::string joined;
    for (const auto& t : texts(lines)) joined += t;
    EXPECT_EQ(joined, url);
    EXPECT_NE(text_of(lines[0]), "https:/");
    check_invariants(lines, max, *m_);
}

TEST_F(LineBreak, LongWordsHardBreakAtCodePoints) {
    const std::string word = "Donaudampfschifffahrtsgesellschaftskapitänsmütze";
    const auto lines = brk(word, 40);
    ASSERT_GT(lines.size(), 2u);
    std::string joined;
    for (const auto& t : texts(lines)) joined += t;
    EXPECT_EQ(joined, word);
    check_invariants(lines, 40, *m_);
}

TEST_F(LineBreak, MultibyteNeverSplitInNarrowColumns) {
    const std::string s = "Жёлтый€—ł😀中文 ÄÖÜäöüß łódź ☑✓ sign‑off/“quoted”";
    for (double max : {1.0, 5.0, 9.0, 13.0, 27.0, 60.0}) {
        const auto lines = brk(s, max, e_.get());
        check_invariants(lines, max, *e_);
        std::string joined;
        for (const auto& l : lines) joined += text_of(l);
        std::string expected;
        for (const char c : s) if (c != ' ') expected += c;
        std::string got;
        for (const char c : joined) if (c != ' ') got += c;
        EXPECT_EQ(got, expected) << max;
    }
}

TEST_F(LineBreak, OneCodePointWiderThanTheColumnStandsAlone) {
    const auto lines = brk("WW", 1);
    EXPECT_EQ(texts(lines), (std::vector<std::string>{"W", "W"}));
}

TEST_F(LineBreak, ForcedBreaks) {
    EXPECT_EQ(texts(brk("a\nb", 100)), (std::vector<std::string>{"a", "b"}));
    EXPECT_EQ(texts(brk("a \n\n b", 100)), (std::vector<std::string>{"a", "", "b"}));
    EXPECT_EQ(texts(brk("a\n", 100)), (std::vector<std::string>{"a"}));
    EXPECT_EQ(texts(brk("a\r\nb", 100)), (std::vector<std::string>{"a", "b"}));
    const auto lines = brk("\n", 100);
    ASSERT_EQ(lines.size(), 1u);
    EXPECT_TRUE(lines[0].pieces.empty());
    EXPECT_EQ(lines[0].width, 0);
}

TEST_F(LineBreak, StylesPreservedAndMerged) {
    const color red{1, 0, 0};
    std::vector<styled_span> spans = {
        {"Owner: ", font_face::bold, {}, ""},
        {"Dana ", font_face::regular, {}, ""},
        {"Lee", font_face::regular, {}, ""},
        {" (docs)", font_face::regular, red, "https://example.com/docs"},
    };
    const auto lines = break_lines(spans, 1000, 10, *m_);
    ASSERT_EQ(lines.size(), 1u);
    const auto& p = lines[0].pieces;
    ASSERT_EQ(p.size(), 3u);
    EXPECT_EQ(p[0].text, "Owner: ");
    EXPECT_EQ(p[0].face, font_face::bold);
    EXPECT_EQ(p[1].text, "Dana Lee");
    EXPECT_EQ(p[2].text, " (docs)");
    EXPECT_EQ(p[2].url, "https://example.com/docs");
    EXPECT_EQ(p[2].fill, red);
    EXPECT_NEAR(p[1].x, m_->width("Owner: ", font_face::bold, 10), 1e-9);
    check_invariants(lines, 1000, *m_);
}

TEST_F(LineBreak, WordAcrossSpansStaysTogether) {
    std::vector<styled_span> spans = {{"aaa bb", font_face::regular, {}, ""}, {"cc", font_face::bold, {}, ""}};
    const double max = m_->width("aaa bb", font_face::regular, 10) + 1;
    const auto lines = break_lines(spans, max, 10, *m_);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(text_of(lines[0]), "aaa");
    EXPECT_EQ(text_of(lines[1]), "bbcc");
    ASSERT_EQ(lines[1].pieces.size(), 2u);
    EXPECT_EQ(lines[1].pieces[1].face, font_face::bold);
    EXPECT_EQ(lines[1].pieces[0].x, 0);
}

TEST_F(LineBreak, WidthsNeverExceedMaxOnARealParagraph) {
    const std::string para =
        "Security review: send the completed SIG Lite questionnaire and SOC 2 Type II report to "
        "security@northwind.example; legal redlines on the MSA/DPA are due 2026-06-12, with a "
        "follow-up call — see https://northwind.example/deal-room/mutual-action-plan?id=42&tab=steps.";
    for (double max = 20; max < 400; max += 7.5) {
        const auto lines = brk(para, max);
        check_invariants(lines, max, *m_);
    }
}

}  // namespace
}  // namespace closeplan::layout

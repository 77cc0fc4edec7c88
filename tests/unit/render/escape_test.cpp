// SPDX-License-Identifier: MIT
// Escaping for HTML, Markdown and CSS, and which URLs may become links.
#include <gtest/gtest.h>

#include "render/escape.hpp"

namespace closeplan::render {
namespace {

TEST(EscapeHtml, EscapesTheFiveSpecialCharacters) {
    EXPECT_EQ(escape_html("<a href=\"x\">Tom & Jerry's</a>"),
              "&lt;a href=&quot;x&quot;&gt;Tom &amp; Jerry&#39;s&lt;/a&gt;");
    EXPECT_EQ(escape_html("plain {{title}}"), "plain {{title}}");
}

TEST(EscapeHtml, AttributeValuesStayOnOneLine) {
    EXPECT_EQ(escape_html_attribute("a\nb\t\"c\""), "a b &quot;c&quot;");
}

TEST(EscapeMarkdown, InlineSyntaxIsBackslashed) {
    EXPECT_EQ(escape_markdown("[x](javascript:alert(1))"), "\\[x\\](javascript:alert(1))");
    EXPECT_EQ(escape_markdown("<b>*bold* _it_ `code` ~~s~~ a|b & #1"),
              "\\<b\\>\\*bold\\* \\_it\\_ \\`code\\` \\~\\~s\\~\\~ a\\|b \\& \\#1");
    EXPECT_EQ(escape_markdown("back\\slash"), "back\\\\slash");
}

TEST(EscapeMarkdown, BareUrlsDoNotAutolink) {
    EXPECT_EQ(escape_markdown("see https://evil.example now"), "see https\\://evil.example now");
    EXPECT_EQ(escape_markdown("www.evil.example"), "www\\.evil.example");
    EXPECT_EQ(escape_markdown("awww.ok"), "awww.ok");
    EXPECT_EQ(escape_markdown("time 10:30"), "time 10:30");
}

TEST(EscapeMarkdown, LineStartMarkersAreEscapedOnEveryLine) {
    EXPECT_EQ(escape_markdown("- item"), "\\- item");
    EXPECT_EQ(escape_markdown("+ item"), "\\+ item");
    EXPECT_EQ(escape_markdown("==="), "\\===");
    EXPECT_EQ(escape_markdown("1. one"), "1\\. one");
    EXPECT_EQ(escape_markdown("12) twelve"), "12\\) twelve");
    EXPECT_EQ(escape_markdown("> quote"), "\\> quote");
    EXPECT_EQ(escape_markdown("# heading"), "\\# heading");
    EXPECT_EQ(escape_markdown("a\n  - b\n3. c"), "a\n  \\- b\n3\\. c");
    EXPECT_EQ(escape_markdown("Q3 - plan, 2026. Done"), "Q3 - plan, 2026. Done");
}

TEST(EscapeMarkdown, CellsAreOneLineAndKeepPipesInside) {
    EXPECT_EQ(escape_markdown_cell("| a |\nb\r\nc"), "\\| a \\| b  c");
}

TEST(Urls, OnlyHttpHttpsAndMailtoAreAllowed) {
    EXPECT_TRUE(is_allowed_url("https://acme.example/x"));
    EXPECT_TRUE(is_allowed_url("HTTP://acme.example"));
    EXPECT_TRUE(is_allowed_url("mailto:dana@northwind.example"));
    EXPECT_FALSE(is_allowed_url("javascript:alert(1)"));
    EXPECT_FALSE(is_allowed_url(" javascript:alert(1)"));
    EXPECT_FALSE(is_allowed_url("JaVaScRiPt:alert(1)"));
    EXPECT_FALSE(is_allowed_url("data:text/html,<script>"));
    EXPECT_FALSE(is_allowed_url("https://a.example/\x01"));
    EXPECT_FALSE(is_allowed_url("https://"));
    EXPECT_FALSE(is_allowed_url("//evil.example"));
    EXPECT_FALSE(is_allowed_url("file:///etc/passwd"));
}

TEST(Urls, HrefIsPercentEncodedAndEscaped) {
    EXPECT_EQ(html_href("https://a.example/a b?x=\"1\"&y='2'"),
              "https://a.example/a%20b?x=%221%22&amp;y=%272%27");
    EXPECT_EQ(html_href("javascript:alert(1)"), std::nullopt);
}

TEST(Urls, MarkdownDestinationCannotEndEarly) {
    EXPECT_EQ(markdown_link_destination("https://a.example/(x) y|z"), "https://a.example/%28x%29%20y%7Cz");
    EXPECT_EQ(markdown_link_destination("https://a.example/?a=1&lt;"), "https://a.example/?a=1\\&lt;");
    EXPECT_EQ(markdown_link_destination("javascript:alert(1)"), std::nullopt);
}

TEST(MarkdownCode, FenceIsLongerThanAnyBacktickRun) {
    EXPECT_EQ(markdown_code_span("a`b", false), "``a`b``");
    EXPECT_EQ(markdown_code_span("`x`", false), "`` `x` ``");
    EXPECT_EQ(markdown_code_span("a|b", true), "`a\\|b`");
    EXPECT_EQ(markdown_code_span("", false), "");
    EXPECT_EQ(markdown_code_fence("x"), "```");
    EXPECT_EQ(markdown_code_fence("a ```` b"), "`````");
}

TEST(Css, IdentifiersAndValuesAreSafe) {
    EXPECT_EQ(css_identifier("Value Map<script>"), "value-map-script-");
    EXPECT_EQ(escape_css_value("#1f4e79;}</style><script>"), "#1f4e79stylescript");
    EXPECT_EQ(escape_css_value("\"Helvetica Neue\", Arial, sans-serif"), "\"Helvetica Neue\", Arial, sans-serif");
}

}  // namespace
}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// Markdown fields: GFM features map to view blocks; raw HTML and unsafe links never reach the document.
#include <gtest/gtest.h>

#include <thread>

#include "view/markdown_field.hpp"
#include "view_test_support.hpp"

namespace closeplan {
namespace {

using test::plain;

const source_location here{"plan.yaml", 12, 3, "/notes"};

view::blocks parse(std::string_view md, diagnostic_sink& diags) { return view::parse_markdown_field(md, here, diags); }

view::blocks parse(std::string_view md) {
    diagnostic_sink diags;
    auto result = parse(md, diags);
    EXPECT_TRUE(diags.all().empty()) << md;
    return result;
}

const view::inlines& only_paragraph(const view::blocks& b) {
    static const view::inlines empty;
    if (b.size() != 1) {
        ADD_FAILURE() << "expected one block, got " << b.size();
        return empty;
    }
    const auto* p = std::get_if<view::paragraph>(&b[0].value);
    if (!p) {
        ADD_FAILURE() << "expected a paragraph";
        return empty;
    }
    return p->content;
}

int quote_depth(const view::blocks& b) {
    int depth = 0;
    const view::blocks* level = &b;
    while (level->size() == 1) {
        const auto* q = std::get_if<view::block_quote>(&level->front().value);
        if (!q) break;
        ++depth;
        level = &q->content;
    }
    return depth;
}

TEST(MarkdownField, EmphasisStrongCodeAndStrikethrough) {
    const auto b = parse("Hello *world*, **bold** `x<y` ~~gone~~");
    const auto& p = only_paragraph(b);
    ASSERT_EQ(p.size(), 8u);
    EXPECT_EQ(std::get<view::text>(p[0].value).value, "Hello ");
    EXPECT_EQ(plain(std::get<view::emphasis>(p[1].value).children), "world");
    EXPECT_EQ(plain(std::get<view::strong>(p[3].value).children), "bold");
    EXPECT_EQ(std::get<view::code_span>(p[5].value).value, "x<y");
    EXPECT_EQ(plain(std::get<view::strikethrough>(p[7].value).children), "gone");
}

TEST(MarkdownField, SafeLinksAutolinksAndImagesAsLinks) {
    const auto b = parse("[site](https://acme.example/roi?a=1&b=2) www.example.com ops@acme.example "
                         "![ROI *chart*](https://acme.example/c.png)");
    EXPECT_EQ(plain(b),
              "site<https://acme.example/roi?a=1&b=2> www.example.com<http://www.example.com> "
              "ops@acme.example<mailto:ops@acme.example> ROI chart<https://acme.example/c.png>\n");
}

TEST(MarkdownField, ListsOrderedStartAndTaskItems) {
    const auto b = parse("3. three\n4. four\n\n- [x] signed NDA\n- [ ] security review\n- plain");
    ASSERT_EQ(b.size(), 2u);
    const auto& ordered = std::get<view::ordered_list>(b[0].value);
    EXPECT_EQ(ordered.start, 3);
    ASSERT_EQ(ordered.items.size(), 2u);
    EXPECT_EQ(plain(ordered.items[1].content), "four\n");
    const auto& tasks = std::get<view::bullet_list>(b[1].value);
    ASSERT_EQ(tasks.items.size(), 3u);
    EXPECT_EQ(tasks.items[0].checked, std::optional<bool>(true));
    EXPECT_EQ(plain(tasks.items[0].content), "signed NDA\n");
    EXPECT_EQ(tasks.items[1].checked, std::optional<bool>(false));
    EXPECT_EQ(plain(tasks.items[1].content), "security review\n");
    EXPECT_FALSE(tasks.items[2].checked.has_value());
}

TEST(MarkdownField, TablesKeepHeaderAlignmentAndCells) {
    const auto b = parse("| Item | Cost | Note |\n|:--|--:|:-:|\n| Licence | 10 | ~~old~~ |\n| Support | 2 |");
    ASSERT_EQ(b.size(), 1u);
    const auto& t = std::get<view::md_table>(b[0].value);
    EXPECT_EQ(t.alignments, (std::vector<view::align>{view::align::left, view::align::right, view::align::center}));
    ASSERT_EQ(t.header.size(), 3u);
    EXPECT_EQ(plain(t.header[1]), "Cost");
    ASSERT_EQ(t.rows.size(), 2u);
    EXPECT_EQ(plain(t.rows[0][2]), "~old~");
    ASSERT_EQ(t.rows[1].size(), 3u);  // short rows are padded to the header
    EXPECT_EQ(plain(t.rows[1][2]), "");
}

TEST(MarkdownField, HeadingsCodeBlocksQuotesAndBreaks) {
    const auto b = parse("## Next steps\n\n```yaml\nkey: 1\n```\n\n> quoted\n\n---\n\nline one  \nline two\nline three");
    ASSERT_EQ(b.size(), 5u);
    EXPECT_EQ(std::get<view::heading>(b[0].value).level, 2);
    EXPECT_EQ(std::get<view::code_block>(b[1].value).info, "yaml");
    EXPECT_EQ(std::get<view::code_block>(b[1].value).code, "key: 1");
    EXPECT_EQ(plain(std::get<view::block_quote>(b[2].value).content), "quoted\n");
    EXPECT_TRUE(std::holds_alternative<view::thematic_break>(b[3].value));
    EXPECT_EQ(plain(b[4]), "line one\\\nline two\nline three\n");
}

TEST(MarkdownField, RawHtmlBlocksAndInlineHtmlAreDropped) {
    diagnostic_sink diags;
    const auto b = parse("<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n"
                         "a <b>bold</b> <span onclick=\"alert(3)\">b</span>\n\n<style>p{}</style>",
                         diags);
    const auto text = plain(b);
    EXPECT_EQ(text, "a bold b\n");
    EXPECT_EQ(text.find("alert"), std::string::npos);
    EXPECT_EQ(text.find('<'), std::string::npos);
    EXPECT_TRUE(diags.all().empty());
}

TEST(MarkdownField, UnsafeLinkTargetsBecomeTextWithOneWarningPerField) {
    const char* bad[] = {
        "[click](javascript:alert(1))",   "[click](JaVaScRiPt:alert(1))",
        "[click]( javascript:alert(1))",  "[click](&#106;avascript:alert(1))",
        "[click](&#x6A;avascript:alert(1))", "[click](data:text/html,<b>x</b>)",
        "[click](vbscript:msgbox(1))",    "[click](file:///etc/passwd)",
        "[click](./proposal.pdf)",        "[click](//evil.example/x)",
        "[click](<java\tscript:alert(1)>)", "![click](javascript:alert(1))",
    };
    for (const char* md : bad) {
        diagnostic_sink diags;
        const auto b = parse(md, diags);
        const auto text = plain(b);
        EXPECT_EQ(text.find('<'), std::string::npos) << md << " gave " << text;
        EXPECT_NE(text.find("click"), std::string::npos) << md;
        ASSERT_EQ(diags.all().size(), 1u) << md;
        const auto& d = diags.all()[0];
        EXPECT_EQ(d.code, "V250");
        EXPECT_EQ(d.level, severity::warning);
        EXPECT_EQ(d.where.pointer, "/notes");
        EXPECT_EQ(d.where.line, 12);
        EXPECT_FALSE(d.hints.empty());
    }
}

TEST(MarkdownField, WarningShowsTheUrlTruncatedAndCountsTheRest) {
    diagnostic_sink diags;
    const std::string long_url = "javascript:" + std::string(200, 'a');
    const auto b = parse("[one](" + long_url + ") and [two](vbscript:x) and [ok](https://acme.example)", diags);
    EXPECT_EQ(plain(b), "one and two and ok<https://acme.example>\n");
    ASSERT_EQ(diags.all().size(), 1u);
    const auto& message = diags.all()[0].message;
    EXPECT_NE(message.find("\"javascript:aaaa"), std::string::npos) << message;
    EXPECT_LT(message.size(), 160u) << message;
    EXPECT_NE(message.find("1 more"), std::string::npos) << message;
    EXPECT_EQ(format_diagnostic(diags.all()[0]).find("plan.yaml:12:3: warning[V250]: link to"), 0u);
}

TEST(MarkdownField, TabObfuscatedSchemeIsNeverALink) {
    diagnostic_sink diags;
    const auto b = parse("[x](java\tscript:alert(1))", diags);
    EXPECT_EQ(plain(b).find("<java"), std::string::npos);
}

TEST(MarkdownField, DeepBlockQuoteNestingIsFlattenedNotACrash) {
    const auto b = parse(std::string(10000, '>') + " deep");
    EXPECT_LE(quote_depth(b), 16);
    EXPECT_GE(quote_depth(b), 1);
    EXPECT_NE(plain(b).find("deep"), std::string::npos);
}

TEST(MarkdownField, DeepListNestingIsFlattenedNotACrash) {
    std::string md;
    for (int i = 0; i < 10000; ++i) md += "- ";
    md += "bottom";
    const auto b = parse(md);
    EXPECT_NE(plain(b).find("bottom"), std::string::npos);
    std::string indented;
    for (int i = 0; i < 3000; ++i) indented += std::string(static_cast<std::size_t>(i) * 2, ' ') + "- level\n";
    EXPECT_NO_FATAL_FAILURE(parse(indented));
}

TEST(MarkdownField, DeepInlineNestingIsFlattenedNotACrash) {
    std::string md;
    for (int i = 0; i < 5000; ++i) md += "*a **b ";
    md += "core";
    for (int i = 0; i < 5000; ++i) md += "** c*";
    const auto b = parse(md);
    EXPECT_NE(plain(b).find("core"), std::string::npos);
    const auto brackets = parse(std::string(10000, '[') + "x" + std::string(10000, ']'));
    EXPECT_NE(plain(brackets).find('x'), std::string::npos);
}

TEST(MarkdownField, CommonIndentFromYamlIsRemoved) {
    const auto b = parse("    Cut claims time by 30%.\n    Before open enrolment.\n\n      - nested keeps\n");
    ASSERT_EQ(b.size(), 2u);
    EXPECT_TRUE(std::holds_alternative<view::paragraph>(b[0].value));
    EXPECT_EQ(plain(b[0]), "Cut claims time by 30%.\nBefore open enrolment.\n");
    EXPECT_TRUE(std::holds_alternative<view::bullet_list>(b[1].value));
    const auto list = parse("  - one\n  - two\n");
    ASSERT_EQ(list.size(), 1u);
    EXPECT_EQ(std::get<view::bullet_list>(list[0].value).items.size(), 2u);
}

TEST(MarkdownField, EmptyAndInvalidUtf8AreHandled) {
    EXPECT_TRUE(parse("").empty());
    EXPECT_TRUE(parse("   \n\n").empty());
    const auto b = parse(std::string("ok \xff\xfe end"));
    EXPECT_NE(plain(b).find("\xEF\xBF\xBD"), std::string::npos);  // replaced by U+FFFD
}

TEST(MarkdownInline, FlattensBlocksForTableCells) {
    diagnostic_sink diags;
    auto cell = view::parse_markdown_inline("First para.\n\nSecond *para*.", here, diags);
    EXPECT_EQ(plain(cell), "First para.\\\nSecond para.");
    cell = view::parse_markdown_inline("- one\n- two\n- [x] three", here, diags);
    EXPECT_EQ(plain(cell), "one; two; [x] three");
    cell = view::parse_markdown_inline("# Heading\n\n```\ncode\nmore\n```", here, diags);
    ASSERT_EQ(cell.size(), 3u);
    EXPECT_TRUE(std::holds_alternative<view::strong>(cell[0].value));
    EXPECT_EQ(std::get<view::code_span>(cell[2].value).value, "code more");
    cell = view::parse_markdown_inline("1. a\n2. b", here, diags);
    EXPECT_EQ(plain(cell), "1. a; 2. b");
    EXPECT_TRUE(diags.all().empty());
    cell = view::parse_markdown_inline("[x](javascript:alert(1))", here, diags);
    EXPECT_EQ(plain(cell), "x");
    EXPECT_EQ(diags.all().size(), 1u);
}

TEST(SafeUrl, AllowsOnlyAbsoluteHttpHttpsAndMailto) {
    for (const char* ok : {"http://acme.example", "https://acme.example/a?b=c#d", "HTTPS://Acme.Example/",
                           "mailto:dana@northwind.example", "https://例え.jp/パス"})
        EXPECT_TRUE(view::is_safe_url(ok)) << ok;
    for (const char* bad :
         {"", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "java\tscript:alert(1)", " https://acme.example",
          "https://acme.example/a b", "https://acme.example/\n", "https://", "https:///path", "http:acme.example",
          "mailto:", "&#106;avascript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox",
          "file:///etc/passwd", "/relative/path", "acme.example", "//acme.example", "ftp://acme.example",
          "https://acme.example/\x01", "https://\xC2\xA0" "acme.example", "https://acme.example/\xE2\x80\xAE" "fdp.exe",
          "https://acme.example/\"onmouseover=x", "https:\\\\acme.example", "https://@acme.example"})
        EXPECT_FALSE(view::is_safe_url(bad)) << bad;
}

TEST(MarkdownField, ParallelParsesKeepTheirMarkup) {
    // cmark-gfm's special-character tables are global; unserialised parses lose ~~ markup.
    std::vector<std::thread> threads;
    std::vector<int> failures(4, 0);
    for (std::size_t t = 0; t < failures.size(); ++t)
        threads.emplace_back([&failures, t] {
            for (int i = 0; i < 200; ++i) {
                diagnostic_sink diags;
                const auto b = view::parse_markdown_field(t % 2 ? "a ~~b~~ c" : "*a* b", here, diags);
                const auto text = plain(b);
                if (text != (t % 2 ? "a ~b~ c\n" : "a b\n")) ++failures[t];
            }
        });
    for (auto& th : threads) th.join();
    EXPECT_EQ(failures, (std::vector<int>(4, 0)));
}

}  // namespace
}  // namespace closeplan

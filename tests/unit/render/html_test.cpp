// SPDX-License-Identifier: MIT
// The HTML writer: hostile text stays text, the page is accessible and self-contained, templates place sections.
#include <gtest/gtest.h>

#include <algorithm>
#include <cstdint>
#include <set>
#include <vector>

#include "html_check.hpp"
#include "render/html_writer.hpp"
#include "render/render.hpp"
#include "render/style_context.hpp"
#include "render/template_engine.hpp"
#include "sample_document.hpp"
#include "test_files.hpp"
#include "view/select_sections.hpp"

namespace closeplan::render {
namespace {

using namespace testing;

std::string render(const view::document& doc, diagnostic_sink& diags, const template_set& templates = {},
                   const style& look = style::built_in()) {
    return render_html(doc, render_context{templates, look, {}}, diags);
}

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (auto i = text.find(what); i != std::string::npos; i = text.find(what, i + what.size())) ++n;
    return n;
}

std::string lower(std::string s) {
    std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return s;
}

TEST(Html, HostileTextInEveryFieldStaysText) {
    for (const auto& h : hostile_strings()) {
        diagnostic_sink diags;
        const std::string page = render(hostile_document(h), diags);
        ASSERT_FALSE(page.empty()) << h << "\n" << all_text(diags);
        const auto scan = scan_html(page);
        for (const auto& p : scan.problems) ADD_FAILURE() << h << ": " << p;
        for (const auto& href : scan.hrefs) EXPECT_EQ(href.rfind("https://ok.example/", 0), 0u) << href;
        const std::string l = lower(page);
        EXPECT_EQ(l.find("<script"), std::string::npos) << h;
        EXPECT_EQ(l.find("<img"), std::string::npos) << h;
        EXPECT_EQ(l.find("<svg"), std::string::npos) << h;
        EXPECT_EQ(l.find("href=\"javascript"), std::string::npos) << h;
        EXPECT_EQ(count(page, "<main"), 1u);
        EXPECT_EQ(count(page, "<h1>"), 1u) << h;
    }
}

TEST(Html, MustacheInDataIsNotExpanded) {
    diagnostic_sink diags;
    const std::string page = render(hostile_document("{{title}} {{{css}}}"), diags);
    // Printed as written, once per place the hostile text goes, never replaced by the title or the CSS.
    EXPECT_GT(count(page, "{{title}} {{{css}}}"), 20u);
    EXPECT_EQ(count(page, "--accent:"), 1u);
}

TEST(Html, RefusedLinksNeverBecomeHrefs) {
    view::document doc = sample_document();
    doc.sections[0].content.push_back(para({a("javascript:alert(1)", "click"), t(" "), a("data:text/html,x", ""),
                                            t(" "), a("https://ok.example/a b\"c", ""), t(" "),
                                            a("mailto:dana@northwind.example", "Dana")}));
    diagnostic_sink diags;
    const std::string page = render(doc, diags);
    EXPECT_NE(page.find("<p>click data:text/html,x <a href=\"https://ok.example/a%20b%22c\">"
                        "https://<wbr>ok.<wbr>example/<wbr>a b&quot;c</a> <a href=\"mailto:dana@northwind.example\">Dana</a></p>"),
              std::string::npos);
    EXPECT_EQ(page.find("javascript"), std::string::npos);
    EXPECT_EQ(diags.warning_count(), 2u) << all_text(diags);
    EXPECT_NE(find_code(diags, "O501"), nullptr);
}

// Arabic and Hebrew pages are right to left; the CSS mirrors them by its logical sides.
TEST(Html, RightToLeftLanguagesMirrorThePage) {
    for (const auto& [lang, dir] : {std::pair{"ar", "rtl"}, std::pair{"he-IL", "rtl"}, std::pair{"ja", "ltr"},
                                    std::pair{"de", "ltr"}}) {
        view::document doc = sample_document();
        doc.lang = lang;
        diagnostic_sink diags;
        const std::string page = render(doc, diags);
        const std::string head = std::string("<!DOCTYPE html>\n<html lang=\"") + lang + "\" dir=\"" + dir + "\">";
        EXPECT_EQ(page.rfind(head, 0), 0u) << lang;
        // No physical side left in the page's CSS but the @page margins.
        for (const char* physical : {"text-align: left", "text-align: right", "padding-left", "padding-right",
                                     "margin-left", "margin-right", "border-left", "float: left"})
            EXPECT_EQ(page.find(physical), std::string::npos) << lang << ": " << physical;
    }
}

TEST(Html, PageIsSemanticAndSelfContained) {
    diagnostic_sink diags;
    const std::string page = render(sample_document(), diags);
    EXPECT_EQ(diags.all().size(), 0u) << all_text(diags);
    EXPECT_EQ(page.rfind("<!DOCTYPE html>\n<html lang=\"en-US\" dir=\"ltr\">", 0), 0u);
    EXPECT_NE(page.find("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"), std::string::npos);
    EXPECT_NE(page.find("<title>Mutual action plan: Claims analytics platform</title>"), std::string::npos);
    EXPECT_NE(page.find("<header class=\"masthead\">"), std::string::npos);
    EXPECT_NE(page.find("<section class=\"section s-milestones\" id=\"milestones\" aria-labelledby=\"milestones-title\">\n"
                        "<h2 id=\"milestones-title\">Milestones</h2>"),
              std::string::npos);
    // No script, no external request of any kind.
    for (const char* banned : {"<script", "<link", "<img", "<iframe", "src=", "url(", "@import", "http://"})
        EXPECT_EQ(page.find(banned), std::string::npos) << banned;
    const auto scan = scan_html(page);
    EXPECT_TRUE(scan.problems.empty()) << scan.problems.front();
    const std::set<std::string> unique(scan.ids.begin(), scan.ids.end());
    EXPECT_EQ(unique.size(), scan.ids.size()) << "duplicate id";
    for (const auto& href : scan.hrefs) EXPECT_TRUE(href.starts_with("https://") || href.starts_with("mailto:")) << href;
    EXPECT_EQ(page.back(), '\n');
    EXPECT_NE(page.substr(page.size() - 2), "\n\n");
}

TEST(Html, TablesHaveCaptionsAndScopedHeaders) {
    diagnostic_sink diags;
    const std::string page = render(sample_document(), diags);
    EXPECT_NE(page.find("<table class=\"data t-stakeholders\">\n<caption class=\"vh\">People involved on both sides</caption>"),
              std::string::npos);
    EXPECT_NE(page.find("<th scope=\"col\" class=\"c-name al\">Name</th>"), std::string::npos);
    EXPECT_NE(page.find("<tr class=\"r-buyer\"><th scope=\"row\" class=\"c-name al\" data-label=\"Name\">Dana Ruiz</th>"),
              std::string::npos);
    // Milestones are named by their title, not their number: no row header there.
    EXPECT_NE(page.find("<tr class=\"r-done\"><td class=\"c-number ar\" data-label=\"#\">1</td>"), std::string::npos);
    EXPECT_EQ(count(page, "<caption"), count(page, "<table class=\"data"));
}

TEST(Html, ALinkAloneInACellStaysALinkInPrint) {
    diagnostic_sink diags;
    const std::string page = render(sample_document(), diags);
    // No print-only plain-text twin: paper shows the link itself, underlined (issue 12).
    // Its address may wrap only after "@ . / -", as in the PDF (layout/address_breaks.hpp).
    EXPECT_NE(page.find("<td class=\"c-contact al\" data-label=\"Contact\">"
                        "<a href=\"mailto:dana@northwind.example\">dana@<wbr>northwind.<wbr>example</a></td>"),
              std::string::npos);
    EXPECT_EQ(page.find("class=\"lt\""), std::string::npos);
    EXPECT_EQ(page.find("class=\"lk\""), std::string::npos);
    // A link with text around it stays a plain link.
    EXPECT_NE(page.find("<li><a href=\"https://acme.example/northwind/proposal-v3\">Proposal v3</a> — Proposal</li>"),
              std::string::npos);
}

TEST(Html, BadgesAndSlipsAreWords) {
    diagnostic_sink diags;
    const std::string page = render(sample_document(), diags);
    EXPECT_NE(page.find("<span class=\"badge badge-warn\">Overdue 4 d</span>"), std::string::npos);
    EXPECT_NE(page.find("<del>May 15, 2026</del> May 29, 2026 <span class=\"badge badge-warn\">Slipped +14 d</span>"),
              std::string::npos);
    EXPECT_NE(page.find("<tr class=\"r-overdue\">"), std::string::npos);
}

TEST(Html, ProseBlocks) {
    view::document doc = sample_document();
    ordered_list ol;
    ol.start = 4;
    ol.items.push_back(list_item{std::nullopt, {para({t("four")})}});
    doc.sections[0].content = {block{std::move(ol)}, block{code_block{"c++ x", "int a = 1 < 2;\n"}},
                               block{block_quote{{para({t("q")})}}}, block{heading{2, {t("deep")}}},
                               block{md_table{{align::right}, {{t("H")}}, {{{t("1")}}}}}};
    diagnostic_sink diags;
    const std::string page = render(doc, diags);
    EXPECT_NE(page.find("<ol start=\"4\">\n<li>four</li>\n</ol>\n"
                        "<pre><code class=\"language-c--\">int a = 1 &lt; 2;\n</code></pre>\n"
                        "<blockquote>\n<p>q</p>\n</blockquote>\n<h4>deep</h4>\n"
                        "<table class=\"md\" aria-label=\"Summary\">\n<thead>\n<tr><th scope=\"col\" class=\"ar\">H</th></tr>"),
              std::string::npos);
    EXPECT_NE(page.find("<ul class=\"tasks\">\n<li class=\"task done\">\u2611 Procurement portal registration confirmed</li>"),
              std::string::npos);
}

TEST(Html, EmptyLinesAreTidiedButNotInsideCode) {
    view::document doc = sample_document();
    doc.sections[0].content = {block{code_block{"", "a\n\n\n\nb\n"}}};
    doc.sections.erase(doc.sections.begin() + 1, doc.sections.end());
    diagnostic_sink diags;
    const std::string page = render(doc, diags);
    EXPECT_NE(page.find("<pre><code>a\n\n\n\nb\n</code></pre>\n"), std::string::npos);
    EXPECT_EQ(page.find("</section>\n\n\n"), std::string::npos);
    EXPECT_EQ(page.find("\n\n\n", page.find("</pre>")), std::string::npos);
}

// tidy_html looks for <pre> only when an empty line could be dropped; this is
// the plain version that tracks <pre> on every line, as it did before. Both
// must give the same bytes on any page.
std::string tidy_every_line(const std::string& text) {
    std::string out;
    bool in_pre = false;
    bool blank_before = true;
    std::size_t start = 0;
    while (start < text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        const std::string line = text.substr(start, nl - start);
        start = nl + 1;
        const bool blank = line.find_first_not_of(" \t\r") == std::string::npos;
        if (blank && !in_pre && blank_before) continue;
        blank_before = blank;
        out += line + '\n';
        for (auto lt = line.find('<'); lt != std::string::npos; lt = line.find('<', lt + 1)) {
            if (line.compare(lt, 4, "<pre") == 0) in_pre = true;
            else if (line.compare(lt, 6, "</pre>") == 0) in_pre = false;
        }
    }
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == ' ')) out.pop_back();
    return out + '\n';
}

TEST(Html, TidyingLooksForPreOnlyWhereItMatters) {
    diagnostic_sink diags;
    const std::vector<std::string> pages = {
        "",
        "\n\n\n",
        "<p>a</p>\n\n\n<p>b</p>",
        "<pre>a\n\n\nb</pre>\n\n\nc\n",
        "<pre>a</pre><pre>\n\n\n</pre>x\n\n\n",
        "</pre><pre\n\n\n\n",
        "<pr\ne>\n\n\nx \r\n \t\n\ny  \n",
        render(sample_document(), diags),
    };
    for (const auto& page : pages) EXPECT_EQ(detail::tidy_html(page), tidy_every_line(page)) << page;
    // Pages made of pieces that matter to the tidying, in every order a seeded generator picks.
    const std::vector<std::string> pieces = {"\n", "\n", " ", "\t", "\r", "<pre>", "</pre>", "<p>", "x", "<pr", "e>"};
    std::uint32_t seed = 14;
    for (int round = 0; round < 2000; ++round) {
        std::string page;
        for (int i = 0; i < 24; ++i) {
            seed = seed * 1664525u + 1013904223u;
            page += pieces[(seed >> 16) % pieces.size()];
        }
        ASSERT_EQ(detail::tidy_html(page), tidy_every_line(page)) << page;
    }
}

TEST(Html, SignOffHasTwoSignatureLines) {
    diagnostic_sink diags;
    const std::string page = render(sample_document(), diags);
    EXPECT_EQ(count(page, "<div class=\"signature\">"), 2u);
    EXPECT_NE(page.find("<p class=\"sig-side\">For Northwind Health</p>"), std::string::npos);
    EXPECT_NE(page.find("<p class=\"sig-caption\">Dana Ruiz, CFO</p>"), std::string::npos);
    EXPECT_EQ(count(page, "<p class=\"sig-caption\">Date</p>"), 2u);
}

TEST(Html, SameDocumentSameBytes) {
    diagnostic_sink diags;
    EXPECT_EQ(render(sample_document(), diags), render(sample_document(), diags));
}

TEST(Html, TemplateChoosesSectionsAndOrder) {
    temp_folder dir;
    dir.write("buyer-plan.html.mustache",
              "<main>{{{risks}}}{{{summary}}}{{#has.value_map}}<p>vm</p>{{/has.value_map}}</main>\n"
              "{{#sections}}[{{key}}]{{/sections}}\n");
    diagnostic_sink diags;
    const std::string page = render(sample_document(), diags, template_set(dir.path()));
    ASSERT_FALSE(page.empty()) << all_text(diags);
    const auto risks = page.find("id=\"risks\"");
    const auto summary = page.find("id=\"summary\"");
    ASSERT_NE(risks, std::string::npos);
    ASSERT_NE(summary, std::string::npos);
    EXPECT_LT(risks, summary);
    EXPECT_EQ(page.find("id=\"milestones\""), std::string::npos);
    EXPECT_NE(page.find("<p>vm</p>"), std::string::npos);
    EXPECT_NE(page.find("[summary][milestones][value_map][stakeholders][resources][risks][open_items][signoff]\n"),
              std::string::npos);
}

// The page rows come from the section table: a beside pair shares a row, a
// merged_table pair is two sections one after the other (HTML has no merged table).
TEST(Html, PageRowsPairWhatTheSectionTablePairs) {
    temp_folder dir;
    dir.write("buyer-plan.html.mustache",
              "{{#page_rows}}<{{#beside}}beside {{/beside}}{{#sections}}{{key}} {{/sections}}>{{/page_rows}}\n");
    diagnostic_sink diags;
    const template_set templates(dir.path());
    EXPECT_EQ(render(sample_document(), diags, templates),
              "<summary ><milestones ><value_map stakeholders ><risks ><beside resources open_items ><signoff >\n")
        << all_text(diags);
    // --sections: the caller's order, one row each, nothing beside.
    auto chosen = sample_document();
    ASSERT_TRUE(view::select_sections(chosen, {"open_items", "resources", "summary"}).empty());
    EXPECT_EQ(render(chosen, diags, templates), "<open_items ><resources ><summary >\n") << all_text(diags);
}

TEST(Html, TheBuiltInPageSetsResourcesBesideOpenItems) {
    diagnostic_sink diags;
    const std::string page = render(sample_document(), diags);
    const auto columns = page.find("<div class=\"columns\">\n<section class=\"section s-resources\"");
    ASSERT_NE(columns, std::string::npos) << all_text(diags);
    EXPECT_LT(page.find("id=\"risks\""), columns);
    const auto open = page.find("id=\"open_items\"", columns);
    ASSERT_NE(open, std::string::npos);
    EXPECT_LT(open, page.find("</div>\n<section class=\"section s-signoff\"", columns));
    EXPECT_EQ(count(page, "class=\"columns\""), 1u);
    // Chosen sections are placed in the chosen order, with no columns.
    auto chosen = sample_document();
    ASSERT_TRUE(view::select_sections(chosen, {"open_items", "resources"}).empty());
    const std::string chosen_page = render(chosen, diags);
    EXPECT_EQ(count(chosen_page, "class=\"columns\""), 0u);
    EXPECT_LT(chosen_page.find("id=\"open_items\""), chosen_page.find("id=\"resources\""));
}

// A template that places sections by name gets the chosen sections, in the
// chosen order, in its first section slot.
TEST(Html, NamedSlotsHoldTheChosenSectionsInTheFirstSlot) {
    temp_folder dir;
    dir.write("buyer-plan.html.mustache", "<main>{{{summary}}}<hr>{{{risks}}}{{{signoff}}}</main>\n");
    auto chosen = sample_document();
    ASSERT_TRUE(view::select_sections(chosen, {"signoff", "risks"}).empty());
    diagnostic_sink diags;
    const std::string page = render(chosen, diags, template_set(dir.path()));
    ASSERT_FALSE(page.empty()) << all_text(diags);
    const auto hr = page.find("<hr>");
    const auto signoff = page.find("id=\"signoff\"");
    const auto risks = page.find("id=\"risks\"");
    EXPECT_LT(signoff, risks);
    EXPECT_LT(risks, hr);
    EXPECT_EQ(count(page, "id=\"risks\""), 1u);
}

TEST(Html, BrokenUserTemplatesAreLocated) {
    temp_folder dir;
    const auto shell = dir.write("buyer-plan.html.mustache", "<main>\n<h1>{{titel}}</h1>\n{{{summary}}}\n</main>\n");
    diagnostic_sink diags;
    EXPECT_EQ(render(sample_document(), diags, template_set(dir.path())), "");
    ASSERT_EQ(diags.error_count(), 1u) << all_text(diags);
    EXPECT_EQ(format_diagnostic(diags.all()[0]),
              shell + ":2:5: error[T405]: unknown template variable `titel`\n  hint: did you mean `title`?");

    const auto css = dir.write("page.css.mustache", "a { color: {{colors.accent}}; }\n{{#colors}}\n");
    diagnostic_sink more;
    EXPECT_EQ(render(sample_document(), more, template_set(dir.path())), "");
    ASSERT_NE(find_code(more, "T402"), nullptr) << all_text(more);
    EXPECT_EQ(find_code(more, "T402")->where.file, css);
    EXPECT_EQ(find_code(more, "T402")->where.line, 2);
}

TEST(Html, MissingTemplateIsReported) {
    diagnostic_sink diags;
    render_request board;
    board.template_name = "board";
    EXPECT_EQ(render_html(sample_document(), render_context{template_set{}, style::built_in(), board}, diags), "");
    ASSERT_NE(find_code(diags, "T406"), nullptr);
    EXPECT_EQ(diags.all()[0].message, "no template `board.html.mustache`");
}

TEST(Html, StyleTokensReachTheCss) {
    temp_folder dir;
    const auto path = dir.write("look.yaml", "colors:\n  accent: \"#0a2540\"\nfont:\n  size:\n    body: 8.5pt\n");
    diagnostic_sink diags;
    const auto look = style::from_file(path, diags);
    ASSERT_TRUE(look);
    const std::string page = render(sample_document(), diags, template_set{}, *look);
    EXPECT_NE(page.find("--accent: #0a2540;"), std::string::npos);
    EXPECT_NE(page.find("--fs-body: max(8pt, 8.5pt);"), std::string::npos);  // the printed size, floored at 8 pt
}

// The page CSS is kept between pages, keyed by the template and the style's
// tokens: a pointer check for the same objects, a comparison by value for
// others. Kept and freshly rendered CSS give the same page, and a style that
// differs by one token never gets another style's CSS.
TEST(Html, KeptCssIsTheCssOfTheSameTokens) {
    temp_folder dir;
    const std::string accent = style::built_in().get("colors.accent");
    ASSERT_FALSE(accent.empty());
    const auto same_path = dir.write("same.yaml", "colors:\n  accent: \"" + accent + "\"\n");
    const auto other_path = dir.write("other.yaml", "colors:\n  accent: \"#0a2540\"\n");
    diagnostic_sink diags;
    const auto same = style::from_file(same_path, diags);
    const auto other = style::from_file(other_path, diags);
    ASSERT_TRUE(same && other) << all_text(diags);
    EXPECT_NE(same->shared_tokens(), style::built_in().shared_tokens());  // equal tokens, another object
    EXPECT_EQ(same->tokens(), style::built_in().tokens());

    // The CSS with the built-in template, rendered with no cache at all.
    const auto css_template = template_set{}.find_shared("page.css.mustache");
    ASSERT_TRUE(css_template);
    const auto fresh_css = [&](const style& look) {
        diagnostic_sink fresh;
        const auto css = render_template(*css_template, template_format::css, detail::style_context(look),
                                         template_set{}, fresh);
        EXPECT_TRUE(css && fresh.all().empty());
        return css.value_or("");
    };
    const auto built_in_page = render(sample_document(), diags);
    EXPECT_NE(built_in_page.find(fresh_css(style::built_in())), std::string::npos);
    EXPECT_EQ(render(sample_document(), diags), built_in_page);                             // kept: the same page
    EXPECT_EQ(render(sample_document(), diags, template_set{}, *same), built_in_page);      // equal by value
    const style copy = *other;                                                               // shares its tokens
    const auto other_page = render(sample_document(), diags, template_set{}, *other);
    EXPECT_NE(other_page, built_in_page);
    EXPECT_NE(other_page.find(fresh_css(*other)), std::string::npos);
    EXPECT_EQ(render(sample_document(), diags, template_set{}, copy), other_page);
    EXPECT_EQ(render(sample_document(), diags), built_in_page);
    EXPECT_EQ(diags.error_count(), 0u) << all_text(diags);
}

// A CSS that would end <style> early is never kept: every page reports it.
TEST(Html, CssThatEndsTheStyleIsReportedOnEveryPage) {
    temp_folder dir;
    dir.write("page.css.mustache", "a { color: {{colors.accent}}; }\n/* </style> */\n");
    for (int page = 0; page < 2; ++page) {
        diagnostic_sink diags;
        EXPECT_EQ(render(sample_document(), diags, template_set(dir.path())), "");
        EXPECT_NE(find_code(diags, "T402"), nullptr) << all_text(diags);
    }
}

TEST(Registry, ListsEveryFormatWithItsExtension) {
    ASSERT_EQ(output_formats().size(), 6u);
    const std::vector<std::pair<std::string, std::string>> expected = {
        {"html", "html"}, {"md", "md"}, {"pdf", "pdf"}, {"docx", "docx"}, {"pdf-layout", "layout.txt"}, {"pdf-bounds", "bounds.txt"}};
    for (std::size_t i = 0; i < expected.size(); ++i) {
        EXPECT_EQ(output_formats()[i].name, expected[i].first);
        EXPECT_EQ(output_formats()[i].extension, expected[i].second);
        EXPECT_EQ(find_output_format(expected[i].first), &output_formats()[i]);
    }
    EXPECT_EQ(find_output_format("odt"), nullptr);
    EXPECT_EQ(fragment_format_names(), "html, md, docx");
}

}  // namespace
}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// The Markdown writer, read back with cmark-gfm: hostile text stays text, tables keep their shape, no raw HTML.
#include <gtest/gtest.h>

#include "gfm_check.hpp"
#include "render/render.hpp"
#include "sample_document.hpp"
#include "test_files.hpp"

namespace closeplan::render {
namespace {

using namespace testing;

std::string render(const view::document& doc, diagnostic_sink& diags, const template_set& templates = {}) {
    return render_markdown(doc, render_context{templates, style::built_in(), {}}, diags);
}

// CommonMark drops spaces at the ends of paragraph lines; compare what can survive.
std::string trim_lines(const std::string& text, bool join) {
    std::string out;
    std::size_t start = 0;
    while (start <= text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        std::string line = text.substr(start, nl - start);
        line.erase(0, line.find_first_not_of(" \t"));
        line.erase(line.find_last_not_of(" \t") + 1);
        if (!out.empty()) out += join ? " " : "\n";
        out += line;
        start = nl + 1;
    }
    return out;
}

// The cells of a table line, split on pipes that are not escaped.
std::size_t unescaped_pipes(const std::string& line) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] == '\\') {
            ++i;
            continue;
        }
        if (line[i] == '|') ++n;
    }
    return n;
}

view::document one_section(view::blocks content) {
    view::document doc;
    doc.lang = "en";
    doc.title = "Plan";
    doc.buyer = {"Buyer Co", ""};
    doc.seller = {"Seller Co", ""};
    doc.sections.push_back(view::section{"summary", "Summary", std::move(content)});
    return doc;
}

TEST(Markdown, HostileTextReadsBackAsTheSameText) {
    for (const auto& h : hostile_strings()) {
        diagnostic_sink diags;
        const std::string md = render(one_section({para({t(h)}), block{md_table{{}, {{t("H")}}, {{{t(h)}}}}},
                                                   block{code_block{"", h}}, para({inline_node{code_span{h}}})}),
                                      diags);
        const auto r = read_gfm(md);
        EXPECT_EQ(r.html_nodes, 0) << h << "\n" << md;
        EXPECT_TRUE(r.link_urls.empty()) << h << "\n" << md;
        ASSERT_GE(r.paragraphs.size(), 2u) << md;
        EXPECT_EQ(r.paragraphs[r.paragraphs.size() - 2], trim_lines(h, false)) << md;
        std::string flat = h;  // a cell is one line: newlines become spaces
        for (auto& c : flat)
            if (c == '\n') c = ' ';
        ASSERT_EQ(r.table_rows.size(), 1u) << md;  // body rows; the header row is a table_header
        ASSERT_EQ(r.table_rows[0].size(), 1u) << md;
        EXPECT_EQ(r.table_rows[0][0], trim_lines(flat, true)) << md;
        ASSERT_EQ(r.code.size(), 2u) << md;
        EXPECT_EQ(r.code[0], h + "\n") << md;
        EXPECT_EQ(r.code[1], flat) << md;
        // The only headings are the ones closeplan wrote.
        EXPECT_EQ(r.headings, (std::vector<std::string>{"Plan", "Summary"})) << md;
    }
}

TEST(Markdown, HostileTextInEveryFieldNeverBecomesMarkup) {
    for (const auto& h : hostile_strings()) {
        diagnostic_sink diags;
        const std::string md = render(hostile_document(h), diags);
        ASSERT_FALSE(md.empty()) << all_text(diags);
        const auto r = read_gfm(md);
        EXPECT_EQ(r.html_nodes, 0) << h << "\n" << md;
        for (const auto& url : r.link_urls) EXPECT_EQ(url.rfind("https://ok.example/", 0), 0u) << url << "\n" << md;
        EXPECT_EQ(r.tasks_checked, 1) << md;
        EXPECT_EQ(r.tasks_open, 0) << md;
        // Every table line has one cell per column, however many pipes the data holds.
        std::size_t expected = 0;
        for (std::size_t start = 0; start < md.size();) {
            auto nl = md.find('\n', start);
            const std::string line = md.substr(start, nl - start);
            start = nl + 1;
            if (line.rfind("| ", 0) != 0) {
                expected = 0;
                continue;
            }
            if (expected == 0) expected = unescaped_pipes(line);
            EXPECT_EQ(unescaped_pipes(line), expected) << line;
        }
        for (const auto& row : r.table_rows) EXPECT_TRUE(row.size() == 2 || row.size() == 3) << md;
    }
}

TEST(Markdown, MustacheInDataIsNotExpanded) {
    diagnostic_sink diags;
    const std::string md = render(hostile_document("{{title}}"), diags);
    EXPECT_NE(md.find("# {{title}}\n"), std::string::npos);
}

TEST(Markdown, SamplePlanReadsWell) {
    diagnostic_sink diags;
    const std::string md = render(sample_document(), diags);
    EXPECT_EQ(diags.all().size(), 0u) << all_text(diags);
    EXPECT_EQ(md.rfind("# Mutual action plan: Claims analytics platform\n\n**Northwind Health** × **Acme Analytics**\n\n"
                       "- **Target close:** Jun 30, 2026\n",
                       0),
              0u);
    // Dash counts in proportion to each column's content (pandoc reads them as relative widths).
    EXPECT_NE(md.find("\n## Milestones\n\n| \\# | Milestone | Owner | Due | Status |\n"
                      "| ---: | :---------------------- | :---------- | :---------------- | :--------------- |\n"),
              std::string::npos);
    EXPECT_NE(md.find("| 4 | Technical deep dive with IT / *Gate: Architecture review* | **Buyer** Lee Wong | "
                      "Apr 30, 2026 | **In progress** **Overdue 4 d** |\n"),
              std::string::npos);
    EXPECT_NE(md.find("~~May 15, 2026~~ May 29, 2026 **Slipped +14 d**"), std::string::npos);
    EXPECT_NE(md.find("- [Proposal v3](https://acme.example/northwind/proposal-v3) — Proposal\n"), std::string::npos);
    EXPECT_NE(md.find("- [x] Procurement portal registration confirmed\n- [ ] Confirm who signs"), std::string::npos);
    EXPECT_NE(md.find("**For Northwind Health**\\\nDana Ruiz, CFO: ________________________________ Date: ______________\n"),
              std::string::npos);
    const auto r = read_gfm(md);
    EXPECT_EQ(r.html_nodes, 0);
    EXPECT_EQ(r.tasks_checked, 1);
    EXPECT_EQ(r.tasks_open, 2);
    EXPECT_EQ(r.headings.at(0), "Mutual action plan: Claims analytics platform");
}

TEST(Markdown, TidyOutput) {
    diagnostic_sink diags;
    const std::string md = render(sample_document(), diags);
    EXPECT_EQ(md.back(), '\n');
    EXPECT_NE(md.substr(md.size() - 2), "\n\n");
    EXPECT_EQ(md.find("\n\n\n"), std::string::npos);
    EXPECT_EQ(md.find(" \n"), std::string::npos);
    EXPECT_EQ(md.find('<'), std::string::npos);
    EXPECT_EQ(md, render(sample_document(), diags));
}

TEST(Markdown, LinksCodeAndLists) {
    bullet_list first;
    first.items.push_back(list_item{std::nullopt, {para({t("a")})}});
    bullet_list second = first;
    ordered_list numbered;
    numbered.start = 7;
    numbered.items.push_back(list_item{std::nullopt, {para({t("seven")}), block{code_block{"sh", "x\n\n```\ny"}}}});
    numbered.items.push_back(list_item{std::nullopt, {para({t("eight")})}});
    const std::string md = render(
        one_section({para({a("https://a.example/x (1)", "the [doc]"), t(" "), a("javascript:alert(1)", "bad"), t(" "),
                           inline_node{code_span{"a `b` c"}}, t(" "), inline_node{emphasis{{t(" spaced ")}}}}),
                     block{std::move(first)}, block{std::move(second)}, block{std::move(numbered)}}),
        *std::make_unique<diagnostic_sink>());
    EXPECT_NE(md.find("[the \\[doc\\]](https://a.example/x%20%281%29) bad ``a `b` c``  *spaced*\n"), std::string::npos)
        << md;
    EXPECT_NE(md.find("- a\n\n* a\n\n7. seven\n\n   ````sh\n   x\n\n   ```\n   y\n   ````\n\n8. eight\n"),
              std::string::npos)
        << md;
    const auto r = read_gfm(md);
    EXPECT_EQ(r.link_urls, (std::vector<std::string>{"https://a.example/x%20%281%29"}));
    ASSERT_GE(r.code.size(), 2u);
    EXPECT_EQ(r.code[1], "x\n\n```\ny\n");
}

TEST(Markdown, TemplateChoosesSectionsAndBrokenOnesAreLocated) {
    temp_folder dir;
    const auto shell = dir.write("buyer-plan.md.mustache", "# {{title}}\n\n{{{risks}}}\n\n{{{summary}}}\n");
    diagnostic_sink diags;
    const std::string md = render(sample_document(), diags, template_set(dir.path()));
    EXPECT_LT(md.find("## Risks"), md.find("## Summary"));
    EXPECT_EQ(md.find("## Milestones"), std::string::npos);

    dir.write("buyer-plan.md.mustache", "# {{title}}\n\n{{#sections}}\n{{{content}}}\n{{/section}}\n");
    diagnostic_sink broken;
    EXPECT_EQ(render(sample_document(), broken, template_set(dir.path())), "");
    ASSERT_NE(find_code(broken, "T402"), nullptr) << all_text(broken);
    EXPECT_EQ(find_code(broken, "T402")->where.line, 3);
    EXPECT_EQ(find_code(broken, "T402")->where.column, 1);
    EXPECT_EQ(find_code(broken, "T402")->where.file, shell);
}

}  // namespace
}  // namespace closeplan::render

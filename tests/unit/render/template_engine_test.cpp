// SPDX-License-Identifier: MIT
// Templates are checked before they render: syntax (T402) and every tag name (T405), located.
#include <gtest/gtest.h>

#include "render/template_engine.hpp"
#include "test_files.hpp"

namespace closeplan::render {
namespace {

using testing::all_text;
using testing::find_code;
using testing::temp_folder;

template_value page() {
    template_value fact;
    fact.set("label", template_value::text({})).set("value", template_value::fragment({}));
    template_value facts = template_value::list(fact);
    template_value item;
    item.set("label", template_value::text("Target <close>")).set("value", template_value::fragment("<b>Jun 30</b>"));
    facts.items.push_back(item);
    template_value colors;
    colors.set("accent", template_value::text("#1d4f7c"));
    template_value root;
    root.set("title", template_value::text("Plan & <co>"))
        .set("summary", template_value::fragment("<p>ok</p>"))
        .set("ready", template_value::flag(true))
        .set("title_facts", facts)
        .set("colors", colors);
    return root;
}

resource_text source(std::string text, std::string origin = "my/buyer-plan.html.mustache") {
    return {"buyer-plan.html.mustache", std::move(origin), std::move(text)};
}

TEST(TemplateEngine, RendersEscapedTextAndRawFragments) {
    diagnostic_sink diags;
    const auto out = render_template(source("<h1>{{title}}</h1>{{{summary}}}{{#ready}}!{{/ready}}"),
                                     template_format::html, page(), template_set{}, diags);
    ASSERT_TRUE(out) << all_text(diags);
    EXPECT_EQ(*out, "<h1>Plan &amp; &lt;co&gt;</h1><p>ok</p>!");
}

TEST(TemplateEngine, ListItemsSeeTheirOwnNamesAndTheOuterOnes) {
    diagnostic_sink diags;
    const auto out = render_template(source("{{#title_facts}}{{label}}={{{value}}} in {{title}}{{/title_facts}}"),
                                     template_format::html, page(), template_set{}, diags);
    ASSERT_TRUE(out) << all_text(diags);
    EXPECT_EQ(*out, "Target &lt;close&gt;=<b>Jun 30</b> in Plan &amp; &lt;co&gt;");
}

TEST(TemplateEngine, UnknownVariableIsLocatedWithASuggestion) {
    diagnostic_sink diags;
    const auto out = render_template(source("<html>\n<body>\n  <h1>{{titel}}</h1>\n"), template_format::html, page(),
                                     template_set{}, diags);
    EXPECT_FALSE(out);
    const auto* d = find_code(diags, "T405");
    ASSERT_NE(d, nullptr) << all_text(diags);
    EXPECT_EQ(format_diagnostic(*d),
              "my/buyer-plan.html.mustache:3:7: error[T405]: unknown template variable `titel`\n"
              "  hint: did you mean `title`?");
}

TEST(TemplateEngine, NamesOutsideTheirListAreUnknown) {
    diagnostic_sink diags;
    EXPECT_FALSE(check_template(source("{{#title_facts}}{{label}}{{/title_facts}}\n{{label}}"), template_format::html,
                                page(), template_set{}, diags));
    ASSERT_EQ(diags.error_count(), 1u) << all_text(diags);
    EXPECT_EQ(diags.all()[0].where.line, 2);
    EXPECT_EQ(diags.all()[0].where.column, 1);
}

TEST(TemplateEngine, DottedNamesResolveThroughObjects) {
    diagnostic_sink diags;
    EXPECT_TRUE(check_template(source("a{color:{{colors.accent}}}"), template_format::css, page(), template_set{}, diags));
    EXPECT_FALSE(check_template(source("a{color:{{colors.acent}}}"), template_format::css, page(), template_set{}, diags));
    const auto* d = find_code(diags, "T405");
    ASSERT_NE(d, nullptr);
    EXPECT_EQ(d->hints.at(0), "did you mean `colors.accent`?");
}

TEST(TemplateEngine, EveryProblemIsReportedInOneRun) {
    diagnostic_sink diags;
    EXPECT_FALSE(check_template(source("{{a}}\n{{b}}\n{{#c}}{{/c}}"), template_format::html, page(), template_set{}, diags));
    EXPECT_EQ(diags.error_count(), 3u) << all_text(diags);
}

TEST(TemplateEngine, TextInTripleBracesIsRefused) {
    diagnostic_sink diags;
    EXPECT_FALSE(check_template(source("{{{title}}} {{&title}}"), template_format::html, page(), template_set{}, diags));
    ASSERT_EQ(diags.error_count(), 2u) << all_text(diags);
    EXPECT_EQ(diags.all()[0].message, "`title` is text and must be escaped");
    EXPECT_EQ(diags.all()[1].where.column, 13);
}

TEST(TemplateEngine, FragmentsInDoubleBracesAreRefused) {
    diagnostic_sink diags;
    EXPECT_FALSE(check_template(source("{{summary}}"), template_format::html, page(), template_set{}, diags));
    ASSERT_NE(find_code(diags, "T405"), nullptr);
    EXPECT_EQ(diags.all()[0].hints.at(0), "write {{{summary}}}");
}

TEST(TemplateEngine, ListsAndFlagsAreNotValues) {
    diagnostic_sink diags;
    EXPECT_FALSE(check_template(source("{{title_facts}}{{ready}}{{#title}}x{{/title}}"), template_format::html, page(),
                                template_set{}, diags));
    EXPECT_EQ(diags.error_count(), 3u) << all_text(diags);
}

TEST(TemplateEngine, UnclosedSectionIsASyntaxErrorAtItsStart) {
    diagnostic_sink diags;
    EXPECT_FALSE(render_template(source("<main>\n{{#ready}}\n<p>x</p>\n"), template_format::html, page(), template_set{},
                                 diags));
    ASSERT_EQ(diags.error_count(), 1u) << all_text(diags);
    EXPECT_EQ(format_diagnostic(diags.all()[0]),
              "my/buyer-plan.html.mustache:2:1: error[T402]: template syntax: unclosed section `ready`\n"
              "  hint: close it with {{/ready}} (sections close in the order they open)");
}

TEST(TemplateEngine, UnclosedTagAndStrayEndAreLocated) {
    diagnostic_sink diags;
    EXPECT_FALSE(check_template(source("ab\ncd {{title"), template_format::html, page(), template_set{}, diags));
    EXPECT_FALSE(check_template(source("x\n\n  {{/ready}}"), template_format::html, page(), template_set{}, diags));
    ASSERT_EQ(diags.error_count(), 2u) << all_text(diags);
    EXPECT_EQ(diags.all()[0].message, "template syntax: unclosed tag");
    EXPECT_EQ(diags.all()[0].where.line, 2);
    EXPECT_EQ(diags.all()[0].where.column, 4);
    EXPECT_EQ(diags.all()[1].message, "template syntax: unopened section `ready`");
    EXPECT_EQ(diags.all()[1].where.line, 3);
    EXPECT_EQ(diags.all()[1].where.column, 3);
}

TEST(TemplateEngine, ChangedDelimitersAreFollowed) {
    diagnostic_sink diags;
    EXPECT_FALSE(check_template(source("{{=<% %>=}}\n<% title %> <% titel %>"), template_format::html, page(),
                                template_set{}, diags));
    ASSERT_EQ(diags.error_count(), 1u) << all_text(diags);
    EXPECT_EQ(diags.all()[0].where.line, 2);
    EXPECT_EQ(diags.all()[0].where.column, 13);
}

TEST(TemplateEngine, MarkdownAndCssEscaping) {
    template_value v;
    v.set("x", template_value::text("*a* | <b>\nnext"));
    diagnostic_sink diags;
    EXPECT_EQ(render_template(source("{{x}}"), template_format::markdown, v, template_set{}, diags),
              "\\*a\\* \\| \\<b\\> next");
    template_value c;
    c.set("x", template_value::text("red;}</style>"));
    EXPECT_EQ(render_template(source("a{color:{{x}}}"), template_format::css, c, template_set{}, diags),
              "a{color:redstyle}");
}

TEST(TemplateEngine, PartialsComeFromTheTemplateFolderAndAreChecked) {
    temp_folder dir;
    dir.write("head.html.mustache", "<h1>{{title}}</h1>");
    dir.write("bad.html.mustache", "ok\n{{#ready}}");
    dir.write("typo.html.mustache", "\n  {{titel}}");
    dir.write("loop.html.mustache", "{{>loop}}");
    const template_set templates(dir.path());
    diagnostic_sink diags;
    EXPECT_EQ(render_template(source("{{>head}}|{{>head}}"), template_format::html, page(), templates, diags),
              "<h1>Plan &amp; &lt;co&gt;</h1>|<h1>Plan &amp; &lt;co&gt;</h1>");
    EXPECT_EQ(diags.error_count(), 0u) << all_text(diags);

    EXPECT_FALSE(render_template(source("{{>bad}}"), template_format::html, page(), templates, diags));
    const auto* syntax = find_code(diags, "T402");
    ASSERT_NE(syntax, nullptr) << all_text(diags);
    EXPECT_EQ(syntax->where.file, dir.path() + "/bad.html.mustache");
    EXPECT_EQ(syntax->where.line, 2);

    diagnostic_sink more;
    EXPECT_FALSE(check_template(source("{{>typo}}{{>loop}}{{>missing}}{{>title}}"), template_format::html, page(),
                                templates, more));
    ASSERT_EQ(more.error_count(), 4u) << all_text(more);
    EXPECT_EQ(more.all()[0].where.file, dir.path() + "/typo.html.mustache");
    EXPECT_EQ(more.all()[0].where.line, 2);
    EXPECT_EQ(more.all()[0].where.column, 3);
    EXPECT_EQ(more.all()[1].message, "partial `loop` includes itself");
    EXPECT_EQ(more.all()[2].message, "unknown partial `missing`");
    EXPECT_EQ(more.all()[3].message, "partial `title` has the name of a template variable");
}

TEST(TemplateEngine, LocateOffsetCountsLinesAndBytes) {
    const auto where = locate_offset("ab\ncd\nef", 7, "f");
    EXPECT_EQ(where.line, 3);
    EXPECT_EQ(where.column, 2);
    EXPECT_EQ(locate_offset("abc", 0, "f").column, 1);
}

}  // namespace
}  // namespace closeplan::render

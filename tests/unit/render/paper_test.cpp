// SPDX-License-Identifier: MIT
// The paper a PDF is laid out on (render/paper.hpp), and the page templates of `--template full`.
#include <gtest/gtest.h>

#include "render/page_template.hpp"
#include "render/paper.hpp"
#include "test_files.hpp"

namespace closeplan::render {
namespace {

using testing::all_text;
using testing::find_code;
using testing::temp_folder;

TEST(Paper, LetterWhereTheLocaleUsesIt) {
    for (const char* tag : {"en-US", "en-CA", "en", "EN_us", "fr-CA", "es-MX", "en-Latn-US", "en-US-posix"})
        EXPECT_EQ(paper_for_locale(tag), "letter") << tag;
}

TEST(Paper, A4ElsewhereAndForLanguagesWithoutARegion) {
    for (const char* tag : {"en-GB", "en-IE", "en-AU", "de", "de-DE", "fr", "es", "pt-BR", "pt", "pl", "el", "tr", "vi",
                            "zh-Hant-TW", "de-CH-1996", "es-419", ""})
        EXPECT_EQ(paper_for_locale(tag), "a4") << tag;
}

TEST(Paper, FlagThenStyleThenLocale) {
    const style look = style::built_in();
    EXPECT_EQ(look.get("page.size"), "locale");
    EXPECT_EQ(paper_for("", look, "en-GB"), "a4");
    EXPECT_EQ(paper_for("", look, "en-US"), "letter");
    EXPECT_EQ(paper_for("letter", look, "de"), "letter");
    EXPECT_EQ(paper_for("a4", look, "en-US"), "a4");

    temp_folder dir;
    diagnostic_sink diags;
    const auto letter = style::from_file(dir.write("look.yaml", "page:\n  size: letter\n"), diags);
    ASSERT_TRUE(letter) << all_text(diags);
    EXPECT_EQ(paper_for("", *letter, "de"), "letter");
    EXPECT_EQ(paper_for("a4", *letter, "de"), "a4");
    const auto by_locale = style::from_file(dir.write("auto.yaml", "page:\n  size: locale\n"), diags);
    ASSERT_TRUE(by_locale) << all_text(diags);
    EXPECT_EQ(paper_for("", *by_locale, "fr"), "a4");
    EXPECT_FALSE(diags.has_errors()) << all_text(diags);
}

TEST(PageTemplate, FullFallsBackToTheBuyerPlanWithANote) {
    const template_set templates;
    diagnostic_sink diags;
    const auto html = find_page_template(templates, full_template, ".html.mustache", diags);
    ASSERT_TRUE(html) << all_text(diags);
    EXPECT_EQ(html->name, "buyer-plan.html.mustache");
    const auto* note = find_code(diags, "T409");
    ASSERT_NE(note, nullptr) << all_text(diags);
    EXPECT_EQ(note->level, severity::note);
    EXPECT_EQ(note->where.file, "built-in:templates/buyer-plan.html.mustache");
    EXPECT_NE(note->message.find("full.html.mustache"), std::string::npos) << note->message;
    EXPECT_FALSE(diags.has_errors());

    const auto md = find_page_template(templates, full_template, ".fragment.md.mustache", diags);
    ASSERT_TRUE(md);
    EXPECT_EQ(md->name, "buyer-plan.fragment.md.mustache");
}

TEST(PageTemplate, AFullTemplateOfYourOwnIsUsedAndOtherNamesStayErrors) {
    temp_folder dir;
    dir.write("full.html.mustache", "<p>{{title}}</p>\n");
    const template_set templates(dir.path());
    diagnostic_sink diags;
    const auto own = find_page_template(templates, full_template, ".html.mustache", diags);
    ASSERT_TRUE(own);
    EXPECT_EQ(own->name, "full.html.mustache");
    EXPECT_TRUE(diags.all().empty()) << all_text(diags);

    EXPECT_FALSE(find_page_template(templates, "board", ".md.mustache", diags));
    ASSERT_NE(find_code(diags, "T406"), nullptr);
    EXPECT_EQ(find_code(diags, "T409"), nullptr);
}

}  // namespace
}  // namespace closeplan::render

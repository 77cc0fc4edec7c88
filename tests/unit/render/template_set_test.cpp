// SPDX-License-Identifier: MIT
// Finding templates, loading labels with fallbacks, and style tokens with their checks.
#include <gtest/gtest.h>

#include "render/style_context.hpp"
#include "render/template_set.hpp"
#include "test_files.hpp"

namespace closeplan::render {
namespace {

using testing::all_text;
using testing::find_code;
using testing::temp_folder;

TEST(TemplateSet, FindsBuiltInTemplates) {
    const template_set templates;
    const auto page = templates.find("buyer-plan.html.mustache");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->origin, "built-in:templates/buyer-plan.html.mustache");
    EXPECT_NE(page->text.find("<main"), std::string::npos);
    EXPECT_TRUE(templates.find("buyer-plan.md.mustache"));
    EXPECT_TRUE(templates.find("page.css.mustache"));
    EXPECT_FALSE(templates.find("nothing.html.mustache"));
}

TEST(TemplateSet, UserFolderOverridesByName) {
    temp_folder dir;
    const auto path = dir.write("buyer-plan.html.mustache", "<p>{{title}}</p>\n");
    const template_set templates(dir.path());
    const auto page = templates.find("buyer-plan.html.mustache");
    ASSERT_TRUE(page);
    EXPECT_EQ(page->origin, path);
    EXPECT_EQ(page->text, "<p>{{title}}</p>\n");
    const auto css = templates.find("page.css.mustache");
    ASSERT_TRUE(css);
    EXPECT_EQ(css->origin, "built-in:templates/page.css.mustache");
}

TEST(TemplateSet, NamesCannotLeaveTheFolder) {
    temp_folder dir;
    dir.write("inner/x.html.mustache", "x");
    const template_set templates(dir.path() + "/inner");
    EXPECT_TRUE(templates.find("x.html.mustache"));
    EXPECT_FALSE(templates.find("../inner/x.html.mustache"));
    EXPECT_FALSE(templates.find("/etc/passwd"));
    EXPECT_FALSE(templates.find("a\\b"));
}

TEST(TemplateSet, SharedFindGivesWhatFindGives) {
    // Built-in files are shared (one copy per process); a file in the folder
    // is read afresh each time, so an edit between two renders is seen.
    temp_folder dir;
    dir.write("buyer-plan.html.mustache", "<p>{{title}}</p>\n");
    const template_set templates(dir.path());
    for (const char* name : {"page.css.mustache", "buyer-plan.md.mustache", "buyer-plan.html.mustache"}) {
        const auto copy = templates.find(name);
        const auto shared = templates.find_shared(name);
        ASSERT_TRUE(copy && shared) << name;
        EXPECT_EQ(shared->name, copy->name);
        EXPECT_EQ(shared->origin, copy->origin);
        EXPECT_EQ(shared->text, copy->text);
    }
    EXPECT_EQ(templates.find_shared("page.css.mustache"), template_set{}.find_shared("page.css.mustache"));
    dir.write("buyer-plan.html.mustache", "<h1>{{title}}</h1>\n");
    EXPECT_EQ(templates.find_shared("buyer-plan.html.mustache")->text, "<h1>{{title}}</h1>\n");
    EXPECT_FALSE(templates.find_shared("nothing.html.mustache"));
    EXPECT_FALSE(templates.find_shared("../buyer-plan.html.mustache"));
}

TEST(TemplateSet, MissingFolderIsAnEnvironmentError) {
    try {
        template_set templates("/nonexistent/closeplan-templates");
        FAIL() << "expected closeplan::error";
    } catch (const closeplan::error& e) {
        EXPECT_EQ(e.diag().code, "T401");
    }
}

TEST(Labels, BuiltInEnglishLoadsCleanly) {
    diagnostic_sink diags;
    const auto words = template_set{}.load_labels("en-US", diags);
    EXPECT_EQ(diags.all().size(), 0u) << all_text(diags);
    ASSERT_TRUE(words.entries().contains("section.milestones"));
    EXPECT_EQ(words.entries().at("section.milestones"), "Milestones");
}

TEST(Labels, TagThenLanguageThenEnglish) {
    temp_folder dir;
    dir.write("labels/en.yaml", "a: \"A\"\nb: \"B\"\nc: \"C\"\n");
    dir.write("labels/fr.yaml", "a: \"Fr A\"\nb: \"Fr B\"\n");
    dir.write("labels/fr-CA.yaml", "b: \"Ca B\"\n");
    diagnostic_sink diags;
    const auto words = template_set(dir.path()).load_labels("fr_ca", diags);
    EXPECT_EQ(diags.all().size(), 0u) << all_text(diags);
    EXPECT_EQ(words.entries().at("a"), "Fr A");
    EXPECT_EQ(words.entries().at("b"), "Ca B");
    EXPECT_EQ(words.entries().at("c"), "C");
}

TEST(Labels, UnknownLanguageFallsBackToEnglishWithAWarning) {
    diagnostic_sink diags;
    const auto words = template_set{}.load_labels("fi-FI", diags);
    EXPECT_FALSE(diags.has_errors());
    ASSERT_NE(find_code(diags, "T408"), nullptr) << all_text(diags);
    EXPECT_EQ(words.entries().at("section.milestones"), "Milestones");
    // English words, English plural rules: "1 day", not the unknown language's.
    EXPECT_EQ(words.plurals()->category(1), "one");
}

TEST(Labels, ARegionFallsBackToItsLanguagesBuiltInLabels) {
    diagnostic_sink diags;
    const auto words = template_set{}.load_labels("ja-JP", diags);
    EXPECT_TRUE(diags.all().empty()) << all_text(diags);
    EXPECT_EQ(words.entries().at("section.milestones"), "マイルストーン");
    const auto polish = template_set{}.load_labels("pl_PL", diags);
    EXPECT_EQ(polish.plurals()->category(3), "few");
}

// Plain `zh` is Simplified Chinese as CLDR's likely subtags say (zh-Hans-CN), a
// Hong Kong or Traditional tag reads zh-TW, and neither warns of English.
TEST(Labels, ChineseTagsReadTheBuiltInLabelsOfTheirScript) {
    for (const char* simplified : {"zh", "zh-Hans", "zh-SG", "zh_hans_cn"}) {
        diagnostic_sink diags;
        const auto words = template_set{}.load_labels(simplified, diags);
        EXPECT_TRUE(diags.all().empty()) << simplified << ": " << all_text(diags);
        EXPECT_EQ(words.entries().at("section.stakeholders"), "利益相关方") << simplified;
    }
    for (const char* traditional : {"zh-Hant", "zh-HK", "zh-MO", "zh-Hant-TW"}) {
        diagnostic_sink diags;
        const auto words = template_set{}.load_labels(traditional, diags);
        EXPECT_TRUE(diags.all().empty()) << traditional << ": " << all_text(diags);
        EXPECT_EQ(words.entries().at("section.stakeholders"), "利害關係人") << traditional;
    }
}

// A language's file may add the plural forms its grammar needs to a counted key of en.yaml.
TEST(Labels, PluralFormsOfEnglishKeysAreKnown) {
    temp_folder dir;
    dir.write("labels/en.yaml", "days.left: \"{n} days\"\ndays.left_one: \"{n} day\"\n");
    dir.write("labels/cs.yaml", "days.left: \"{n} dní\"\ndays.left_few: \"{n} dny\"\ndays.lfet_few: \"x\"\n");
    diagnostic_sink diags;
    const auto words = template_set(dir.path()).load_labels("cs", diags);
    ASSERT_EQ(diags.all().size(), 1u) << all_text(diags);
    EXPECT_NE(diags.all()[0].message.find("days.lfet_few"), std::string::npos) << all_text(diags);
    EXPECT_EQ(words.entries().at("days.left_few"), "{n} dny");
}

TEST(Labels, BadLocaleTagIsAnError) {
    diagnostic_sink diags;
    (void)template_set{}.load_labels("../../etc/passwd", diags);
    ASSERT_NE(find_code(diags, "T403"), nullptr);
}

TEST(Labels, BrokenFileIsLocated) {
    temp_folder dir;
    const auto en = dir.write("labels/en.yaml", "a: \"A\"\nb: [1, 2]\nc:\nd: \"D\"\na: \"again\"\n");
    const auto de = dir.write("labels/de.yaml", "a: \"A\"\nb: [unclosed\n");
    diagnostic_sink diags;
    const auto words = template_set(dir.path()).load_labels("de", diags);
    ASSERT_EQ(diags.error_count(), 4u) << all_text(diags);
    EXPECT_EQ(format_diagnostic(diags.all()[0]),
              en + ":2:4: error[T403]: `b` must be text, not a list\n  hint: write one line of text in quotes");
    EXPECT_EQ(diags.all()[1].where.line, 3);
    EXPECT_EQ(diags.all()[1].message, "`c` has no value");
    EXPECT_EQ(format_diagnostic(diags.all()[2]),
              en + ":5:1: error[T403]: duplicate key `a`\n  hint: first defined at line 1");
    EXPECT_EQ(diags.all()[3].where.file, de);
    EXPECT_EQ(diags.all()[3].where.line, 3);  // yaml-cpp notices the open "[" at the end of the file
    EXPECT_EQ(words.entries().at("d"), "D");
}

TEST(Labels, KeysEnglishDoesNotHaveAreFlagged) {
    temp_folder dir;
    dir.write("labels/en.yaml", "section.risks: \"Risks\"\n");
    dir.write("labels/es.yaml", "section.risk: \"Riesgos\"\n");
    diagnostic_sink diags;
    (void)template_set(dir.path()).load_labels("es", diags);
    const auto* d = find_code(diags, "T403");
    ASSERT_NE(d, nullptr) << all_text(diags);
    EXPECT_EQ(d->level, severity::warning);
    EXPECT_EQ(d->hints.at(0), "did you mean `section.risks`?");
}

TEST(Style, BuiltInHasEveryTokenAndReadableColours) {
    const style look = style::built_in();
    EXPECT_EQ(look.tokens().size(), 60u);
    EXPECT_EQ(look.get("page.size"), "locale");  // the paper follows the plan's locale (render/paper.hpp)
    EXPECT_EQ(look.get("font.family"), "Helvetica");
    EXPECT_FALSE(look.get("font.stack").empty());
    EXPECT_FALSE(look.get("font.size.body").empty());
    for (const auto& pair : detail::readable_pairs()) {
        const double ratio = detail::contrast_ratio(look.get(pair.foreground), look.get(pair.background));
        EXPECT_GE(ratio, 4.5) << pair.foreground << " on " << pair.background;
    }
}

TEST(Style, ContrastRatioMatchesWcag) {
    EXPECT_NEAR(detail::contrast_ratio("#000", "#ffffff"), 21.0, 0.01);
    EXPECT_NEAR(detail::contrast_ratio("#777777", "#ffffff"), 4.48, 0.01);
    EXPECT_NEAR(detail::contrast_ratio("#fff", "#fff"), 1.0, 0.001);
}

TEST(Style, FileOverridesBuiltInTokens) {
    temp_folder dir;
    const auto path = dir.write("look.yaml", "colors:\n  accent: \"#0A2540\"\npage.size: a4\n");
    diagnostic_sink diags;
    const auto look = style::from_file(path, diags);
    ASSERT_TRUE(look) << all_text(diags);
    EXPECT_EQ(diags.all().size(), 0u) << all_text(diags);
    EXPECT_EQ(look->get("colors.accent"), "#0a2540");
    EXPECT_EQ(look->get("page.size"), "a4");
    EXPECT_EQ(look->get("colors.text"), style::built_in().get("colors.text"));
}

TEST(Style, UnknownKeysAndBadValuesAreLocated) {
    temp_folder dir;
    const auto path = dir.write("look.yaml",
                                "colours:\n  accent: \"#fff\"\nfont:\n  size:\n    body: 9\npage:\n  size: legal\n"
                                "colors:\n  text: red\n  rule: \"#12345\"\n  accent: \"#0a2540\"\n");
    diagnostic_sink diags;
    EXPECT_FALSE(style::from_file(path, diags));
    ASSERT_EQ(diags.error_count(), 5u) << all_text(diags);
    // Reported in key order.
    EXPECT_EQ(format_diagnostic(diags.all()[0]),
              path + ":10:9: error[T404]: `#12345` is not a valid value for `colors.rule`\n"
                     "  hint: write a colour as #rgb or #rrggbb");
    EXPECT_EQ(diags.all()[1].message, "`red` is not a valid value for `colors.text`");
    EXPECT_EQ(diags.all()[1].where.line, 9);
    EXPECT_EQ(format_diagnostic(diags.all()[2]),
              path + ":2:11: error[T404]: unknown style key `colours.accent`\n"
                     "  hint: did you mean `colors.accent`?\n  hint: styles/default.yaml lists every style key");
    EXPECT_EQ(diags.all()[3].message, "`9` is not a valid value for `font.size.body`");
    EXPECT_EQ(diags.all()[3].where.line, 5);
    EXPECT_EQ(diags.all()[4].where.line, 7);
}

TEST(Style, SyntaxErrorIsLocated) {
    temp_folder dir;
    const auto path = dir.write("look.yaml", "colors:\n  accent: \"#fff\n");
    diagnostic_sink diags;
    EXPECT_FALSE(style::from_file(path, diags));
    ASSERT_NE(find_code(diags, "T404"), nullptr);
    EXPECT_EQ(diags.all()[0].where.file, path);
    EXPECT_GT(diags.all()[0].where.line, 0);
}

TEST(Style, LowContrastIsAWarningAtTheChangedColour) {
    temp_folder dir;
    const auto path = dir.write("look.yaml", "colors:\n  muted: \"#bbbbbb\"\n");
    diagnostic_sink diags;
    const auto look = style::from_file(path, diags);
    ASSERT_TRUE(look);
    EXPECT_FALSE(diags.has_errors());
    ASSERT_EQ(diags.warning_count(), 2u) << all_text(diags);
    EXPECT_EQ(format_diagnostic(diags.all()[0]),
              path + ":2:10: warning[T407]: `colors.muted` on `colors.background` has a contrast of 1.92:1, below 4.5:1\n"
                     "  hint: darken the text colour or lighten the background (WCAG AA)");
}

TEST(Style, TokensBecomeNestedTemplateNames) {
    const auto ctx = detail::style_context(style::built_in());
    ASSERT_TRUE(ctx.members.contains("badge"));
    const auto& ok = ctx.members.at("badge").members.at("ok");
    EXPECT_EQ(ok.members.at("fg").value, style::built_in().get("badge.ok.fg"));
}

}  // namespace
}  // namespace closeplan::render

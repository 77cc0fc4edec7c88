// SPDX-License-Identifier: MIT
// The built-in locales: the table and the label files agree, each language's
// dates are CLDR's, counts take the language's plural forms, and ar and he are
// written right to left.
#include <gtest/gtest.h>

#include <filesystem>
#include <set>
#include <string>

#include "view/build_parts.hpp"
#include "view/locale_fallback.hpp"
#include "view/locales.hpp"
#include "view_test_support.hpp"

namespace closeplan {
namespace {

using test::day;

TEST(Locales, TheTableAndTheLabelFilesAgree) {
    std::set<std::string> files;
    for (const auto& entry : std::filesystem::directory_iterator(std::string(CLOSEPLAN_SOURCE_DIR) + "/templates/labels"))
        if (entry.path().extension() == ".yaml") files.insert(entry.path().stem().string());
    std::set<std::string> listed, tags;
    for (const auto& locale : view::built_in_locales()) {
        listed.insert(std::string(locale.file));
        EXPECT_TRUE(tags.insert(std::string(locale.tag)).second) << "listed twice: " << locale.tag;
        EXPECT_FALSE(locale.english_name.empty()) << locale.tag;
    }
    EXPECT_EQ(files, listed);
    for (const char* tag : {"ja", "zh-CN", "zh-TW", "ko", "ar", "he", "pl", "nl", "it", "tr", "sv", "cs"})
        EXPECT_TRUE(tags.count(tag)) << tag;
    EXPECT_EQ(view::built_in_locale_list().substr(0, 14), "en-US, en-GB, ");
}

// A tag without a file of its own reads the built-in locale of its language in its likely script.
TEST(Locales, ATagWithoutAFileReadsTheBuiltInLocaleOfItsScript) {
    EXPECT_EQ(view::built_in_for_script("zh"), "zh-CN");
    EXPECT_EQ(view::built_in_for_script("zh-Hans"), "zh-CN");
    EXPECT_EQ(view::built_in_for_script("zh-SG"), "zh-CN");
    EXPECT_EQ(view::built_in_for_script("zh-Hant"), "zh-TW");
    EXPECT_EQ(view::built_in_for_script("zh-HK"), "zh-TW");
    EXPECT_EQ(view::built_in_for_script("zh-Hant-TW"), "zh-TW");
    EXPECT_EQ(view::built_in_for_script("pt"), "pt-BR");
    EXPECT_EQ(view::built_in_for_script("pt-PT"), "pt-BR");
    // Built in, or a bare language that is: nothing to add.
    EXPECT_EQ(view::built_in_for_script("zh-CN"), "");
    EXPECT_EQ(view::built_in_for_script("zh-tw"), "");
    EXPECT_EQ(view::built_in_for_script("de-AT"), "");
    EXPECT_EQ(view::built_in_for_script("en-AU"), "");
    // No built-in locale of the language.
    EXPECT_EQ(view::built_in_for_script("fi"), "");
    EXPECT_EQ(view::built_in_for_script("sr-Cyrl"), "");
}

TEST(Locales, ArabicAndHebrewAreWrittenRightToLeft) {
    using view::text_direction;
    for (const char* tag : {"ar", "he", "ar-EG", "he_IL", "fa", "ur"})
        EXPECT_EQ(view::direction_of(tag), text_direction::rtl) << tag;
    for (const char* tag : {"en-US", "de", "ja", "zh-TW", "ko", "pl", "tr", "az", "", "not a tag"})
        EXPECT_EQ(view::direction_of(tag), text_direction::ltr) << tag;
}

// CLDR's medium date (the yMMMd skeleton for ja, zh, ko: the month as a word or 月/월).
TEST(Locales, DatesInEachLanguagesStyle) {
    const auto d = day("2026-04-30");
    const auto date = [&](const char* lang) { return view::format_date(d, test::load_labels(lang)); };
    EXPECT_EQ(date("ja"), "2026年4月30日");
    EXPECT_EQ(date("zh-CN"), "2026年4月30日");
    EXPECT_EQ(date("zh-TW"), "2026年4月30日");
    EXPECT_EQ(date("ko"), "2026년\u00a04월\u00a030일");
    EXPECT_EQ(date("ar"), "30\u00a0أبريل\u00a02026");
    EXPECT_EQ(date("he"), "30\u00a0באפר׳\u00a02026");
    EXPECT_EQ(date("pl"), "30\u00a0kwi\u00a02026");
    EXPECT_EQ(date("nl"), "30\u00a0apr\u00a02026");
    EXPECT_EQ(date("it"), "30\u00a0apr\u00a02026");
    EXPECT_EQ(date("tr"), "30\u00a0Nis\u00a02026");
    EXPECT_EQ(date("sv"), "30\u00a0apr.\u00a02026");
    EXPECT_EQ(date("cs"), "30.\u00a04.\u00a02026");
    // Day and month without the year (timeline marks, "was" dates).
    EXPECT_EQ(view::format_day_month(day("2026-12-05"), test::load_labels("ja")), "12月5日");
    EXPECT_EQ(view::format_day_month(day("2026-12-05"), test::load_labels("ko")), "12월\u00a05일");
    EXPECT_EQ(view::format_day_month(day("2026-12-05"), test::load_labels("tr")), "5\u00a0Ara");
    EXPECT_EQ(view::format_day_month(day("2026-12-05"), test::load_labels("cs")), "5.\u00a012.");
}

TEST(Locales, AmountsInEachLanguagesStyle) {
    const auto amount = [](const char* lang) { return view::detail::format_amount("1234567.50", "EUR", test::load_labels(lang)); };
    EXPECT_EQ(amount("ja"), "1,234,567.50\u00a0EUR");
    EXPECT_EQ(amount("zh-CN"), "EUR\u00a01,234,567.50");
    EXPECT_EQ(amount("pl"), "1\u00a0234\u00a0567,50\u00a0EUR");
    EXPECT_EQ(amount("nl"), "EUR\u00a01.234.567,50");
    EXPECT_EQ(amount("it"), "1.234.567,50\u00a0EUR");
    EXPECT_EQ(amount("tr"), "EUR\u00a01.234.567,50");
    EXPECT_EQ(amount("sv"), "1\u00a0234\u00a0567,50\u00a0EUR");
    EXPECT_EQ(amount("cs"), "1\u00a0234\u00a0567,50\u00a0EUR");
    EXPECT_EQ(amount("ar"), "1,234,567.50\u00a0EUR");
}

TEST(Locales, PluralCategoriesAreCldrs) {
    const auto categories = [](const char* lang, std::initializer_list<int> counts) {
        const auto rules = view::plural_rules::for_language(lang);
        std::string out;
        for (int n : counts) out.append(out.empty() ? "" : " ").append(rules->category(n));
        return out;
    };
    EXPECT_EQ(categories("en", {0, 1, 2}), "other one other");
    EXPECT_EQ(categories("pl", {0, 1, 2, 4, 5, 12, 22, 25}), "many one few few many many few many");
    EXPECT_EQ(categories("cs", {0, 1, 2, 4, 5}), "other one few few other");
    EXPECT_EQ(categories("ar", {0, 1, 2, 3, 10, 11, 99, 100, 102}), "zero one two few few many many other other");
    EXPECT_EQ(categories("he", {1, 2, 3, 20}), "one two other other");
    EXPECT_EQ(categories("ja", {1, 2}), "other other");
    EXPECT_EQ(categories("xx-unknown", {1, 2}), categories("root", {1, 2}));
}

TEST(Locales, CountsTakeTheLanguagesPluralForms) {
    const auto days = [](const char* lang, int n) { return view::detail::count_text(test::load_labels(lang), "days.left", n); };
    EXPECT_EQ(days("en", 1), "1 day");
    EXPECT_EQ(days("en", 3), "3 days");
    EXPECT_EQ(days("pl", 1), "1 dzień");
    EXPECT_EQ(days("pl", 3), "3 dni");
    EXPECT_EQ(days("cs", 1), "1 den");
    EXPECT_EQ(days("cs", 3), "3 dny");
    EXPECT_EQ(days("cs", 5), "5 dní");
    EXPECT_EQ(days("he", 1), "יום אחד");
    EXPECT_EQ(days("he", 2), "יומיים");
    EXPECT_EQ(days("he", 7), "7 ימים");
    EXPECT_EQ(days("ar", 1), "يوم واحد");
    EXPECT_EQ(days("ar", 2), "يومان");
    EXPECT_EQ(days("ar", 3), "3 أيام");
    EXPECT_EQ(days("ar", 11), "11 يومًا");
    EXPECT_EQ(days("ar", 100), "100 يوم");
    EXPECT_EQ(days("ja", 1), "1日");
    const auto later = [](const char* lang, int n) {
        return view::detail::count_text(test::load_labels(lang), "condense.later_steps", n);
    };
    EXPECT_EQ(later("pl", 1), "+1 dalszy krok w pełnym planie");
    EXPECT_EQ(later("pl", 2), "+2 dalsze kroki w pełnym planie");
    EXPECT_EQ(later("pl", 5), "+5 dalszych kroków w pełnym planie");
    EXPECT_EQ(later("pl", 22), "+22 dalsze kroki w pełnym planie");
}

// A language's file has only plural forms its language uses: a `_few` in a
// language without "few" would never be read.
TEST(Locales, EveryPluralFormInAFileIsOneItsLanguageUses) {
    for (const auto& locale : view::built_in_locales()) {
        const auto rules = view::plural_rules::for_language(locale.tag);
        std::set<std::string> used;
        for (int n = 0; n <= 1000; ++n) used.insert(std::string(rules->category(n)));
        for (const auto& [key, value] : test::read_label_file(std::string(locale.file))) {
            const auto base = view::plural_base(key);
            if (base == key) continue;
            EXPECT_TRUE(used.count(std::string(key.substr(base.size() + 1)))) << locale.tag << ": " << key;
        }
    }
}

}  // namespace
}  // namespace closeplan

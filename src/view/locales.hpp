// SPDX-License-Identifier: MIT
// The built-in locales (one table), and what a language tag decides beyond its
// labels: the writing direction and the plural category of a count (ICU).
#pragma once

#include <memory>
#include <span>
#include <string>
#include <string_view>

namespace closeplan::view {

enum class text_direction { ltr, rtl };

/// One built-in locale: a labels file `templates/labels/<file>.yaml` ships for it.
struct locale_info {
    std::string_view tag;           ///< what --locale and a plan's `locale` accept, e.g. "zh-CN"
    std::string_view file;          ///< its labels file's name without .yaml ("en" for en-US)
    std::string_view english_name;  ///< for help texts and docs/locales.md
};

/// Every built-in locale, in the order help texts list them. The CLI's help,
/// the hints about language tags and the tests read this table; the labels
/// files in templates/labels/ and this table must match (a unit test checks).
std::span<const locale_info> built_in_locales();

/// "en-US, en-GB, de, ...": the tags of built_in_locales(), for help texts.
std::string built_in_locale_list();

/// The direction a language is written in (ICU's likely script for the tag):
/// rtl for ar, he, fa, ur..., ltr for anything else and for malformed tags.
text_direction direction_of(std::string_view tag);

/// CLDR plural rules of one language (ICU PluralRules), made once per labels.
class plural_rules {
public:
    /// Rules for `tag`'s language; English's when ICU has none for it.
    static std::shared_ptr<const plural_rules> for_language(std::string_view tag);
    ~plural_rules();
    plural_rules(const plural_rules&) = delete;
    plural_rules& operator=(const plural_rules&) = delete;

    /// CLDR's category of the count `n`: "zero", "one", "two", "few", "many" or "other".
    [[nodiscard]] std::string_view category(int n) const;

private:
    struct icu_rules;
    explicit plural_rules(std::unique_ptr<icu_rules> rules);
    std::unique_ptr<icu_rules> rules_;
};

/// `key` without a plural suffix (`_zero`, `_one`, `_two`, `_few`, `_many`), else `key`:
/// a language's file may add the forms its grammar needs to any counted key of en.yaml.
std::string_view plural_base(std::string_view key);

/// The label key for the count `n`: `key` + "_" + its plural category when the
/// labels have that key, else `key` itself (CLDR's "other", and the fallback
/// for any category a labels file leaves out). `has` tells whether a key exists.
template <class Has>
std::string plural_key(std::string_view key, int n, const plural_rules* rules, Has&& has) {
    std::string_view category = rules ? rules->category(n) : (n == 1 ? "one" : "other");
    if (category != "other") {
        std::string with(key);
        with.append("_").append(category);
        if (has(with)) return with;
    }
    return std::string(key);
}

}  // namespace closeplan::view

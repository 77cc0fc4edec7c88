// SPDX-License-Identifier: MIT
// The built-in locales and ICU's locale data: writing direction (uloc) and
// plural categories (PluralRules). The one file of the view that calls ICU.
#include "view/locales.hpp"
#include "view/locale_fallback.hpp"

#include <unicode/locid.h>
#include <unicode/plurrule.h>
#include <unicode/uloc.h>

#include <array>
#include <cctype>
#include <map>
#include <mutex>

namespace closeplan::view {

namespace {

// Keep in step with templates/labels/*.yaml (tests/unit/view/locales_test.cpp checks both ways)
// and with docs/locales.md, which says how each language's labels were checked.
constexpr std::array<locale_info, 18> locales = {{
    {"en-US", "en", "English (United States)"},
    {"en-GB", "en-GB", "English (United Kingdom)"},
    {"de", "de", "German"},
    {"fr", "fr", "French"},
    {"es", "es", "Spanish"},
    {"pt-BR", "pt-BR", "Portuguese (Brazil)"},
    {"it", "it", "Italian"},
    {"nl", "nl", "Dutch"},
    {"pl", "pl", "Polish"},
    {"cs", "cs", "Czech"},
    {"sv", "sv", "Swedish"},
    {"tr", "tr", "Turkish"},
    {"ar", "ar", "Arabic"},
    {"he", "he", "Hebrew"},
    {"ja", "ja", "Japanese"},
    {"ko", "ko", "Korean"},
    {"zh-CN", "zh-CN", "Chinese (Simplified, China)"},
    {"zh-TW", "zh-TW", "Chinese (Traditional, Taiwan)"},
}};

// ICU's locale ids use underscores; a tag with anything odd is read as far as ICU can.
std::string icu_id(std::string_view tag) {
    std::string id(tag.substr(0, 64));
    for (auto& c : id)
        if (c == '-') c = '_';
    return id;
}

// ICU's likely script and region of a tag ("zh" -> Hans, CN), empty when ICU cannot tell.
struct likely {
    std::string language, script, region;
};
likely likely_subtags(std::string_view tag) {
    UErrorCode status = U_ZERO_ERROR;
    char full[ULOC_FULLNAME_CAPACITY] = {};
    uloc_addLikelySubtags(icu_id(tag).c_str(), full, sizeof full, &status);
    if (U_FAILURE(status)) return {};
    likely out;
    char part[ULOC_FULLNAME_CAPACITY] = {};
    status = U_ZERO_ERROR;
    uloc_getLanguage(full, part, sizeof part, &status);
    out.language = U_SUCCESS(status) ? part : "";
    status = U_ZERO_ERROR;
    uloc_getScript(full, part, sizeof part, &status);
    out.script = U_SUCCESS(status) ? part : "";
    status = U_ZERO_ERROR;
    uloc_getCountry(full, part, sizeof part, &status);
    out.region = U_SUCCESS(status) ? part : "";
    return out;
}

bool same_tag(std::string_view a, std::string_view b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        const auto fold = [](char c) { return c == '_' ? '-' : static_cast<char>(std::tolower(static_cast<unsigned char>(c))); };
        if (fold(a[i]) != fold(b[i])) return false;
    }
    return true;
}

}  // namespace

std::string_view built_in_for_script(std::string_view tag) {
    const std::string_view language = tag.substr(0, tag.find_first_of("-_"));
    for (const auto& l : locales)
        if (same_tag(l.tag, tag) || same_tag(l.file, tag) || same_tag(l.file, language)) return {};
    const likely wanted = likely_subtags(tag);
    if (wanted.script.empty()) return {};
    std::string_view best;
    for (const auto& l : locales) {
        const likely have = likely_subtags(l.tag);
        if (have.language != wanted.language || have.script != wanted.script) continue;
        if (best.empty() || have.region == wanted.region) best = l.file;
        if (have.region == wanted.region) break;
    }
    return best;
}

std::span<const locale_info> built_in_locales() { return locales; }

std::string built_in_locale_list() {
    std::string list;
    for (const auto& l : locales) list.append(list.empty() ? "" : ", ").append(l.tag);
    return list;
}

text_direction direction_of(std::string_view tag) {
    if (tag.empty()) return text_direction::ltr;
    // uloc_isRightToLeft asks for the tag's likely script (ar -> Arab, he -> Hebr, az -> Latn).
    return uloc_isRightToLeft(icu_id(tag).c_str()) ? text_direction::rtl : text_direction::ltr;
}

std::string_view plural_base(std::string_view key) {
    for (const std::string_view suffix : {"_zero", "_one", "_two", "_few", "_many"})
        if (key.size() > suffix.size() && key.ends_with(suffix)) return key.substr(0, key.size() - suffix.size());
    return key;
}

struct plural_rules::icu_rules {
    std::unique_ptr<icu::PluralRules> rules;
};

plural_rules::plural_rules(std::unique_ptr<icu_rules> rules) : rules_(std::move(rules)) {}
plural_rules::~plural_rules() = default;

std::shared_ptr<const plural_rules> plural_rules::for_language(std::string_view tag) {
    const std::string id = icu_id(tag.empty() ? "en" : tag);
    // Made once per language per process: labels are cached per locale, and
    // a batch of thousands of plans shares a handful of languages.
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const plural_rules>, std::less<>> made;
    std::lock_guard lock(mutex);
    if (const auto found = made.find(id); found != made.end()) return found->second;
    UErrorCode status = U_ZERO_ERROR;
    auto rules = std::unique_ptr<icu::PluralRules>(icu::PluralRules::forLocale(icu::Locale(id.c_str()), status));
    if (U_FAILURE(status) || !rules) {
        status = U_ZERO_ERROR;
        rules.reset(icu::PluralRules::forLocale(icu::Locale("en"), status));
    }
    auto owned = std::make_unique<icu_rules>();
    owned->rules = std::move(rules);
    std::shared_ptr<const plural_rules> made_now(new plural_rules(std::move(owned)));
    if (made.size() >= 64) made.clear();  // tags come from plans: bounded like the labels cache
    made.emplace(id, made_now);
    return made_now;
}

std::string_view plural_rules::category(int n) const {
    if (!rules_ || !rules_->rules) return n == 1 ? "one" : "other";
    // ICU's const methods are safe to call from several threads at once.
    const icu::UnicodeString name = rules_->rules->select(static_cast<int32_t>(n));
    for (const std::string_view known : {"zero", "one", "two", "few", "many"})
        if (name == icu::UnicodeString(known.data(), static_cast<int32_t>(known.size()), US_INV)) return known;
    return "other";
}

}  // namespace closeplan::view

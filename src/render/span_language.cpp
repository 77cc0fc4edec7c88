// SPDX-License-Identifier: MIT
#include "render/span_language.hpp"

#include <unicode/uloc.h>
#include <unicode/uscript.h>

#include <algorithm>

#include "layout/winansi.hpp"

namespace closeplan::render {

namespace {

bool is_east_asian(int s) {
    return s == USCRIPT_HAN || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA || s == USCRIPT_HANGUL;
}

}  // namespace

span_languages::span_languages(std::string_view document_lang) {
    std::string locale(document_lang);
    std::replace(locale.begin(), locale.end(), '-', '_');
    UScriptCode codes[8];
    UErrorCode status = U_ZERO_ERROR;
    const int n = uscript_getCode(locale.c_str(), codes, 8, &status);
    for (int i = 0; U_SUCCESS(status) && i < n; ++i) {
        own_scripts_.push_back(codes[i]);
        // ICU may name a combined script ("zh_TW" -> Hant, "ja" -> Jpan); text has its parts.
        switch (codes[i]) {
            case USCRIPT_JAPANESE: own_scripts_.insert(own_scripts_.end(), {USCRIPT_HAN, USCRIPT_HIRAGANA, USCRIPT_KATAKANA}); break;
            case USCRIPT_KOREAN: own_scripts_.insert(own_scripts_.end(), {USCRIPT_HAN, USCRIPT_HANGUL}); break;
            case USCRIPT_SIMPLIFIED_HAN:
            case USCRIPT_TRADITIONAL_HAN: own_scripts_.push_back(USCRIPT_HAN); break;
            default: break;
        }
    }
    latin_ = std::find(own_scripts_.begin(), own_scripts_.end(), USCRIPT_LATIN) != own_scripts_.end();
}

const std::string& span_languages::language_of(std::string_view utf8) {
    // A document in no known language has no other language either.
    if (own_scripts_.empty()) return none_;
    // Most text of a Latin-script document is ASCII: nothing to look up.
    if (latin_ && std::all_of(utf8.begin(), utf8.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; }))
        return none_;
    int script = USCRIPT_INVALID_CODE;  // the one foreign script, or Han for a mix of East Asian scripts
    bool kana = false, hangul = false;
    for (std::size_t pos = 0; pos < utf8.size();) {
        const char32_t cp = layout::next_code_point(utf8, pos);
        UErrorCode status = U_ZERO_ERROR;
        const UScriptCode s = uscript_getScript(static_cast<UChar32>(cp), &status);
        if (U_FAILURE(status) || s == USCRIPT_COMMON || s == USCRIPT_INHERITED || s == USCRIPT_UNKNOWN) continue;
        if (std::find(own_scripts_.begin(), own_scripts_.end(), s) != own_scripts_.end()) return none_;
        kana = kana || s == USCRIPT_HIRAGANA || s == USCRIPT_KATAKANA;
        hangul = hangul || s == USCRIPT_HANGUL;
        const int as = is_east_asian(s) ? USCRIPT_HAN : s;  // kanji with kana is Japanese, with hangul Korean
        if (script != USCRIPT_INVALID_CODE && script != as) return none_;  // scripts of two languages: mixed text
        script = as;
    }
    if (script == USCRIPT_INVALID_CODE) return none_;
    if (kana) script = USCRIPT_JAPANESE;
    else if (hangul) script = USCRIPT_KOREAN;
    auto [it, added] = by_script_.try_emplace(script);
    if (added) {
        // ICU's likely subtags: the language most written in the script ("und_Cyrl" -> "ru_Cyrl_RU").
        const std::string und = std::string("und_") + uscript_getShortName(static_cast<UScriptCode>(script));
        char likely[ULOC_FULLNAME_CAPACITY];
        char language[ULOC_LANG_CAPACITY];
        UErrorCode status = U_ZERO_ERROR;
        uloc_addLikelySubtags(und.c_str(), likely, sizeof likely, &status);
        if (U_SUCCESS(status)) uloc_getLanguage(likely, language, sizeof language, &status);
        if (U_SUCCESS(status) && std::string_view(language) != "und") it->second = language;
    }
    return it->second;
}

}  // namespace closeplan::render

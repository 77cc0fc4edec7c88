// SPDX-License-Identifier: MIT
// Which text of a tagged PDF is in another language than the document's, by its
// script: a Japanese name in an English plan is read as Japanese (/Lang ja on its
// span), an English brand in an Arabic plan as English.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace closeplan::render {

/// Built once per document from its language (a BCP 47 tag, "en-US").
class span_languages {
public:
    explicit span_languages(std::string_view document_lang);

    /// The language `utf8` is in when every letter of it is in scripts the
    /// document's language is not written in, else empty (the document's
    /// language holds, as for mixed text, digits and punctuation). The language
    /// is the one ICU's likely subtags give the script ("und-Arab" -> "ar"),
    /// Japanese for kana with or without kanji, Korean for hangul.
    [[nodiscard]] const std::string& language_of(std::string_view utf8);

private:
    std::vector<int> own_scripts_;          ///< UScriptCode values of the document's language
    bool latin_ = false;                    ///< the document's language is written in Latin script
    std::unordered_map<int, std::string> by_script_;  ///< likely language per script, filled as met
    std::string none_;
};

}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// Building the format-neutral document from a plan, its analysis and the template's labels.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "analyze/analysis.hpp"
#include "closeplan/diagnostics.hpp"
#include "model/plan.hpp"
#include "view/document.hpp"
#include "view/locales.hpp"

namespace closeplan::view {

/// The wording of a template in one language: a flat key -> text map loaded
/// from templates/labels/<lang>.yaml (see templates/labels/en.yaml for every key).
class labels {
public:
    /// How dates are written, read once from the labels: every date of a
    /// document is formatted with it (batch formats thousands a second).
    struct date_style {
        std::string pattern;  ///< date.pattern, or {yyyy}-{mm}-{dd}
        std::string pattern_short;  ///< date.pattern_short (day and month, no year), or `pattern`
        std::vector<std::string> months;       ///< date.months: 12 names, or empty (month number instead)
        std::vector<std::string> months_long;  ///< date.months_long: likewise
    };

    labels() : labels(std::map<std::string, std::string>{}) {}
    explicit labels(std::map<std::string, std::string> entries) : labels(std::move(entries), "en", language_tag{}) {}
    /// Labels in `language`: the tag whose plural rules choose among `key_one`,
    /// `key_few`... (view/locales.hpp); the language of the most specific file read.
    static labels in_language(std::map<std::string, std::string> entries, std::string_view language) {
        return labels(std::move(entries), language, language_tag{});
    }
    /// The text for `key`; the key itself in brackets when missing (templates are checked at load).
    [[nodiscard]] std::string get(std::string_view key) const;
    [[nodiscard]] bool has(std::string_view key) const;
    [[nodiscard]] const std::map<std::string, std::string, std::less<>>& entries() const { return entries_; }
    [[nodiscard]] const date_style& dates() const { return dates_; }
    /// The language's CLDR plural rules, shared by every copy of these labels.
    [[nodiscard]] const std::shared_ptr<const plural_rules>& plurals() const { return plurals_; }

private:
    // A constructor of its own (not a second parameter with a default): a braced
    // list of two pairs must still mean a map, never (map, language).
    struct language_tag {};
    labels(std::map<std::string, std::string> entries, std::string_view language, language_tag);
    // std::less<>: looked up by string_view, with no key string made per look-up.
    std::map<std::string, std::string, std::less<>> entries_;
    // The same entries hashed, for get() and has(): a document looks up about a
    // hundred labels, each a dozen string compares deep in the ordered map.
    struct key_hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view key) const { return std::hash<std::string_view>{}(key); }
    };
    std::unordered_map<std::string, std::string, key_hash, std::equal_to<>> lookup_;
    date_style dates_;
    std::shared_ptr<const plural_rules> plurals_;
};

/// Formats a date in the labels' style (`date.pattern` with {d} {dd} {m} {mm} {mon} {month} {yyyy});
/// its spaces are no-break spaces (U+00A0): a date never splits across lines.
std::string format_date(model::date d, const labels& words);
/// The same date without its year (`date.pattern_short`), for a second date
/// of the same year beside a full one: "May 29, 2026 (was May 22)".
std::string format_day_month(model::date d, const labels& words);

/// Copies the labels the PDF layout writes itself (`condense.*`, `page.*`) into `doc.layout_words`.
void keep_layout_words(document& doc, const labels& words);

/// Builds every section of the section table (view/section_table.hpp), in
/// its order, and the title block and timeline. Markdown fields are parsed here,
/// once, with cmark-gfm (view/markdown_field). Never fails: problems a reader
/// should know about (a Markdown link with a refused scheme) become warnings.
document build_document(const model::plan& input_plan, const analyze::analysis& facts, const labels& words,
                        diagnostic_sink& diags);

}  // namespace closeplan::view

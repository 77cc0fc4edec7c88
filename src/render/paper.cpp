// SPDX-License-Identifier: MIT
// The paper a PDF is laid out on: asked for, set by the style, or the locale's custom.
#include "render/paper.hpp"

#include <algorithm>
#include <array>
#include <cctype>

namespace closeplan::render {

namespace {

// CLDR 44 supplementalData.xml, <paperSize type="US-Letter" territories="...">.
constexpr std::array<std::string_view, 14> letter_territories = {"BZ", "CA", "CL", "CO", "CR", "GT", "MX",
                                                                 "NI", "PA", "PH", "PR", "SV", "US", "VE"};

// Languages whose tag alone means a Letter country (CLDR likely subtags: en -> en-Latn-US).
constexpr std::array<std::string_view, 1> letter_languages = {"en"};

std::string upper(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return out;
}

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

constexpr std::array<std::string_view, 2> papers = {"letter", "a4"};
constexpr std::array<std::string_view, 2> fits = {"two-pages", "one-page"};

}  // namespace

std::span<const std::string_view> paper_names() { return papers; }
std::span<const std::string_view> fit_names() { return fits; }

std::string paper_for_locale(std::string_view locale) {
    // language[-script][-region][-variant...], with - or _: the region is the
    // first subtag after the language of two letters or three digits.
    std::string language, region;
    std::size_t start = 0;
    for (std::size_t part = 0; start <= locale.size(); ++part) {
        std::size_t end = locale.find_first_of("-_", start);
        if (end == std::string_view::npos) end = locale.size();
        const std::string_view sub = locale.substr(start, end - start);
        const bool digits = sub.size() == 3 && std::all_of(sub.begin(), sub.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (part == 0) {
            language = lower(sub);
        } else if (sub.size() == 2 || digits) {
            region = upper(sub);
            break;
        } else if (sub.size() != 4) {
            break;  // a variant or extension: no region
        }
        start = end + 1;
    }
    const auto letter = [](const auto& list, std::string_view v) {
        return std::find(list.begin(), list.end(), v) != list.end();
    };
    if (!region.empty()) return letter(letter_territories, region) ? "letter" : "a4";
    return letter(letter_languages, language) ? "letter" : "a4";
}

std::string paper_for(std::string_view requested, const style& look, std::string_view locale) {
    if (!requested.empty()) return std::string(requested);
    if (auto size = look.get("page.size"); size == "letter" || size == "a4") return size;
    return paper_for_locale(locale);
}

}  // namespace closeplan::render

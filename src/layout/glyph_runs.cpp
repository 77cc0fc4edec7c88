// SPDX-License-Identifier: MIT
#include "layout/glyph_runs.hpp"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>
#include <unicode/ustring.h>

#include <algorithm>
#include <memory>

#include "layout/winansi.hpp"

namespace closeplan::layout {

namespace {

bool is_right_to_left(char32_t cp) {
    return (cp >= 0x0590 && cp <= 0x08FF) || (cp >= 0xFB1D && cp <= 0xFDFF) || (cp >= 0xFE70 && cp <= 0xFEFF) ||
           (cp >= 0x10800 && cp <= 0x10FFF) || (cp >= 0x1E800 && cp <= 0x1EFFF) || cp == 0x200F || cp == 0x202B ||
           cp == 0x202E || cp == 0x2067;
}

// Marks, joiners and variation selectors stay in the face of the letter they
// belong to when that face has them.
bool clings(char32_t cp) {
    if (cp == 0x200C || cp == 0x200D || (cp >= 0xFE00 && cp <= 0xFE0F)) return true;
    const auto category = u_charType(static_cast<UChar32>(cp));
    return category == U_NON_SPACING_MARK || category == U_COMBINING_SPACING_MARK || category == U_ENCLOSING_MARK;
}

struct bidi_closer {
    void operator()(UBiDi* b) const { ubidi_close(b); }
};

struct stretch {
    std::size_t begin, end;
    bool rtl;
};

// The directional runs of the text in visual order, as byte ranges. A run is one
// paragraph for the bidirectional algorithm (a line of a cell or a paragraph).
void visual_runs(std::string_view utf8, bool rtl_base, std::vector<stretch>& out) {
    if (!rtl_base && !has_right_to_left(utf8)) {
        out.push_back({0, utf8.size(), false});
        return;
    }
    // UTF-16 for ICU, with each unit's byte offset.
    std::u16string text;
    std::vector<std::size_t> byte_at;
    for (std::size_t pos = 0; pos < utf8.size();) {
        const std::size_t start = pos;
        const char32_t cp = next_code_point(utf8, pos);
        if (cp >= 0x10000) {
            text.push_back(static_cast<char16_t>(0xD800 + ((cp - 0x10000) >> 10)));
            text.push_back(static_cast<char16_t>(0xDC00 + ((cp - 0x10000) & 0x3FF)));
            byte_at.push_back(start);
            byte_at.push_back(start);
        } else {
            text.push_back(static_cast<char16_t>(cp));
            byte_at.push_back(start);
        }
    }
    byte_at.push_back(utf8.size());
    thread_local std::unique_ptr<UBiDi, bidi_closer> bidi(ubidi_open());
    UErrorCode status = U_ZERO_ERROR;
    // The paragraph's direction (UAX #9's higher-level protocol HL1): the
    // direction most of its words are written in, so an Arabic note with a
    // product name in an English plan reads right to left, and an English
    // sentence that starts with an Arabic name left to right; the document's
    // when neither has more (or there are no words: a date, an amount). A word
    // is a stretch of letters of one direction; marks inside it do not end it.
    std::size_t ltr = 0, rtl = 0;
    int in_word = 0;  // the direction of the word being read: 0 none, 1 ltr, 2 rtl
    for (std::size_t pos = 0; pos < utf8.size();) {
        const auto direction = u_charDirection(static_cast<UChar32>(next_code_point(utf8, pos)));
        const int letter = direction == U_LEFT_TO_RIGHT ? 1
                           : direction == U_RIGHT_TO_LEFT || direction == U_RIGHT_TO_LEFT_ARABIC ? 2 : 0;
        if (letter != 0 && letter != in_word) ++(letter == 1 ? ltr : rtl);
        if (letter != 0) in_word = letter;
        else if (direction != U_DIR_NON_SPACING_MARK && direction != U_BOUNDARY_NEUTRAL) in_word = 0;
    }
    const bool rtl_paragraph = rtl > ltr || (rtl == ltr && rtl_base);
    ubidi_setPara(bidi.get(), text.data(), static_cast<int32_t>(text.size()), rtl_paragraph ? 1 : 0, nullptr, &status);
    const int32_t runs = U_SUCCESS(status) ? ubidi_countRuns(bidi.get(), &status) : 0;
    if (U_FAILURE(status)) {
        out.push_back({0, utf8.size(), rtl_base});
        return;
    }
    for (int32_t r = 0; r < runs; ++r) {
        int32_t start = 0, length = 0;
        const UBiDiDirection direction = ubidi_getVisualRun(bidi.get(), r, &start, &length);
        out.push_back({byte_at[static_cast<std::size_t>(start)], byte_at[static_cast<std::size_t>(start + length)],
                       direction == UBIDI_RTL});
    }
}

}  // namespace

bool has_right_to_left(std::string_view utf8) {
    for (std::size_t pos = 0; pos < utf8.size();) {
        if (static_cast<unsigned char>(utf8[pos]) < 0x80) {
            ++pos;
            continue;
        }
        if (is_right_to_left(next_code_point(utf8, pos))) return true;
    }
    return false;
}

bool needs_glyph_runs(const font_chain& chain, std::string_view utf8) {
    for (std::size_t pos = 0; pos < utf8.size();) {
        if (static_cast<unsigned char>(utf8[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const char32_t cp = next_code_point(utf8, pos);
        if (is_right_to_left(cp) || chain.entry_of(cp) > 0) return true;
    }
    return false;
}

bool right_to_left_language(std::string_view lang) {
    const std::string_view primary = lang.substr(0, lang.find('-'));
    for (const std::string_view rtl : {"ar", "he", "iw", "fa", "ur", "yi", "ps", "sd", "ug", "dv", "ckb"})
        if (primary == rtl) return true;
    return false;
}

void glyph_runs(const font_chain& chain, font_face face, std::string_view utf8, std::string_view lang, bool rtl_base,
                std::vector<glyph_run>& out) {
    std::vector<stretch> directional;
    visual_runs(utf8, rtl_base, directional);
    const auto style = static_cast<std::size_t>(face);
    std::vector<stretch> pieces;
    std::vector<std::size_t> entries;
    for (const auto& d : directional) {
        // Cut the directional run where the face changes, in logical order.
        pieces.clear();
        entries.clear();
        for (std::size_t pos = d.begin; pos < d.end;) {
            const std::size_t start = pos;
            const char32_t cp = next_code_point(utf8, pos);
            int e = chain.entry_of(cp);
            if (!entries.empty() && (e < 0 || (clings(cp) && chain.covers(entries.back(), cp)))) e = static_cast<int>(entries.back());
            if (e < 0) e = 0;
            if (!entries.empty() && entries.back() == static_cast<std::size_t>(e)) {
                pieces.back().end = pos;
            } else {
                entries.push_back(static_cast<std::size_t>(e));
                pieces.push_back({start, pos, d.rtl});
            }
        }
        if (d.rtl) {
            std::reverse(pieces.begin(), pieces.end());
            std::reverse(entries.begin(), entries.end());
        }
        for (std::size_t i = 0; i < pieces.size(); ++i) {
            const chain_entry& entry = chain.entry(entries[i]);
            const loaded_face* loaded = load_face(entry.faces[style]);
            if (!loaded) loaded = load_face(entry.faces[0]);
            if (!loaded) continue;
            glyph_run run{entries[i], d.rtl, pieces[i].begin, pieces[i].end, {}};
            // Right-to-left text is always shaped: HarfBuzz orders it and mirrors brackets.
            glyphs_of(*loaded, utf8, pieces[i].begin, pieces[i].end, entry.shaped || d.rtl, d.rtl, lang, run.glyphs);
            out.push_back(std::move(run));
        }
    }
}

}  // namespace closeplan::layout

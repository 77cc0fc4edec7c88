// SPDX-License-Identifier: MIT
// TrueType fonts cut down to the glyphs a document shows, with what a PDF needs to embed them.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "layout/font_chain.hpp"

namespace closeplan::render {

/// A subset of a TrueType font made by HarfBuzz's subsetter: the glyphs of
/// the given code points, renumbered from 0, hinting dropped. It carries what
/// the PDF writer needs to embed it as a CIDFontType2 whose CIDs are the
/// subset's glyph ids (render/pdf_type0_font.cpp).
///
/// Why subset: a document shows a few dozen glyphs of a face with thousands;
/// the subset makes embedded-font PDFs several times smaller and faster to write.
struct font_subset {
    std::string bytes;            ///< the subset TrueType file, or for a CFF face its bare CFF table
    /// Outlines in CFF (Noto Sans CJK): embedded as a CIDFontType0 (FontFile3,
    /// CIDFontType0C) whose character codes are the CFF's CIDs, not glyph ids.
    bool cff = false;
    std::string postscript_name;  ///< the face's PostScript name, reduced to letters, digits and '-'
    /// (code point, glyph id in the subset), sorted by code point; code points without a glyph are absent.
    std::vector<std::pair<char32_t, std::uint16_t>> glyphs;
    std::vector<int> widths;  ///< advance width of each subset glyph, 1/1000 em (truncated, as layout measures)
    /// ((source glyph id, text it stands for), character code shown for it),
    /// sorted: glyphs the shaper chose. One glyph standing for different texts
    /// (a Devanagari vowel sign, shown first in each of its clusters) gets a
    /// code per text, so the ToUnicode map gives each place its own text.
    std::vector<std::pair<std::pair<std::uint32_t, std::u32string>, std::uint16_t>> codes;
    /// Of a TrueType subset: the glyph of each code past the subset's glyphs
    /// (the CIDToGIDMap's tail; empty = codes are glyph ids).
    std::vector<std::uint16_t> extra_code_glyphs;
    /// (character code, width in 1/1000 em) of a CFF subset, sorted by code.
    std::vector<std::pair<std::uint16_t, int>> code_widths;
    /// Text a shaped glyph stands for (its cluster), for the ToUnicode map,
    /// when the cmap gives it none.
    std::map<std::uint16_t, std::u32string> texts;
    int x_min = 0, y_min = 0, x_max = 0, y_max = 0;  ///< font bounding box, 1/1000 em
    int ascent = 0, descent = 0, cap_height = 0;     ///< 1/1000 em; descent negative
    double italic_angle = 0;                         ///< degrees, counter-clockwise from vertical

    /// The subset glyph id of a code point, or 0 (.notdef) when the face has none.
    [[nodiscard]] std::uint16_t glyph_of(char32_t code_point) const;

    /// The character code of a source glyph standing for `text`, or 0.
    [[nodiscard]] std::uint16_t code_of_glyph(std::uint32_t source_glyph, const std::u32string& text) const;

    /// nullopt when the font cannot be read or subset. `glyphs`: source glyph
    /// ids besides those of the code points, each with the text it shows.
    static std::optional<font_subset> make(const std::string& ttf_path, const std::vector<char32_t>& code_points);
    static std::optional<font_subset> make(const layout::chain_face& face, const std::vector<char32_t>& code_points,
                                           const std::set<std::pair<std::uint32_t, std::u32string>>& glyphs);
};

}  // namespace closeplan::render

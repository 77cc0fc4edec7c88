// SPDX-License-Identifier: MIT
// TrueType fonts cut down to the glyphs a document shows, with what a PDF needs to embed them.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace closeplan::render {

/// A subset of a TrueType font made by HarfBuzz's subsetter: the glyphs of
/// the given code points, renumbered from 0, hinting dropped. It carries what
/// the PDF writer needs to embed it as a CIDFontType2 whose CIDs are the
/// subset's glyph ids (render/pdf_type0_font.cpp).
///
/// Why subset: a document shows a few dozen glyphs of a face with thousands;
/// the subset makes embedded-font PDFs several times smaller and faster to write.
struct font_subset {
    std::string bytes;            ///< the subset TrueType file
    std::string postscript_name;  ///< the face's PostScript name, reduced to letters, digits and '-'
    /// (code point, glyph id in the subset), sorted by code point; code points without a glyph are absent.
    std::vector<std::pair<char32_t, std::uint16_t>> glyphs;
    std::vector<int> widths;  ///< advance width of each subset glyph, 1/1000 em (truncated, as layout measures)
    int x_min = 0, y_min = 0, x_max = 0, y_max = 0;  ///< font bounding box, 1/1000 em
    int ascent = 0, descent = 0, cap_height = 0;     ///< 1/1000 em; descent negative
    double italic_angle = 0;                         ///< degrees, counter-clockwise from vertical

    /// The subset glyph id of a code point, or 0 (.notdef) when the face has none.
    [[nodiscard]] std::uint16_t glyph_of(char32_t code_point) const;

    /// nullopt when the font cannot be read or subset.
    static std::optional<font_subset> make(const std::string& ttf_path, const std::vector<char32_t>& code_points);
};

}  // namespace closeplan::render

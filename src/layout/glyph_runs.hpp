// SPDX-License-Identifier: MIT
// Text in the fallback chain as the page shows it: the Unicode bidirectional
// algorithm (ICU's ubidi) orders it, the chain picks a face per code point,
// and each stretch in one face and direction becomes glyphs (layout/shaping.hpp).
#pragma once

#include <string_view>
#include <vector>

#include "layout/font_chain.hpp"
#include "layout/shaping.hpp"

namespace closeplan::layout {

/// Glyphs of one chain entry, left to right on the page.
struct glyph_run {
    std::size_t entry = 0;
    bool rtl = false;  ///< the text was right to left (its glyphs are already in visual order)
    std::size_t begin = 0, end = 0;  ///< the bytes of the text it shows
    std::vector<shaped_glyph> glyphs;
};

/// Whether `utf8` holds a right-to-left character (Hebrew, Arabic and the
/// like, or a right-to-left mark or embedding).
bool has_right_to_left(std::string_view utf8);

/// Whether the text needs more than the entry-0 family's nominal glyphs left to
/// right: a code point another entry paints, or right-to-left text.
bool needs_glyph_runs(const font_chain& chain, std::string_view utf8);

/// The runs of `utf8` in visual order. The paragraph direction is the one most
/// of the text's words are written in; `rtl_base` decides a tie and text with
/// no words (true for a right-to-left document language).
void glyph_runs(const font_chain& chain, font_face face, std::string_view utf8, std::string_view lang, bool rtl_base,
                std::vector<glyph_run>& out);

/// True for BCP 47 tags of languages written right to left (ar, he, fa, ur...).
bool right_to_left_language(std::string_view lang);

}  // namespace closeplan::layout

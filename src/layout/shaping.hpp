// SPDX-License-Identifier: MIT
// Faces parsed once per process and glyphs for a stretch of text: HarfBuzz's
// shaper for the scripts that need it, the cmap's nominal glyphs for the rest.
#pragma once

#include <hb.h>

#include <cstdint>
#include <string_view>
#include <vector>

#include "layout/font_chain.hpp"

namespace closeplan::layout {

/// A face as HarfBuzz parsed it, for the life of the process. HarfBuzz faces
/// and fonts made immutable may be read by any number of threads at once.
struct loaded_face {
    hb_face_t* face = nullptr;
    hb_font_t* font = nullptr;  ///< scale: font units
    int upem = 0;
    bool cff = false;  ///< outlines in a CFF table (OpenType/CFF, as Noto Sans CJK), not glyf
};

/// The parsed face, or nullptr when the file cannot be read as a font.
const loaded_face* load_face(const chain_face& face);

/// One glyph as painted: its id in the source face, its advance and offsets
/// in 1/1000 em (truncated per glyph, as the width tables are), and the byte
/// offset in the text of the cluster it belongs to.
struct shaped_glyph {
    std::uint32_t glyph = 0;
    std::int32_t advance = 0;
    std::int32_t width = 0;  ///< the glyph's own advance in the font (hmtx), which a PDF viewer moves by
    std::int32_t x_offset = 0, y_offset = 0;
    std::uint32_t cluster = 0;
};

/// Appends the glyphs of `text[begin, end)` in `face`, in visual order (left
/// to right on the page). `shape` runs HarfBuzz (with the text around the
/// stretch as context, `rtl` direction, `lang`); otherwise each code point
/// takes its nominal glyph and advance, left to right.
void glyphs_of(const loaded_face& face, std::string_view text, std::size_t begin, std::size_t end, bool shape,
               bool rtl, std::string_view lang, std::vector<shaped_glyph>& out);

}  // namespace closeplan::layout

// SPDX-License-Identifier: MIT
// Embedding a TrueType subset as a Type0 font whose character codes are its glyph ids.
#pragma once

#include <hpdf.h>

#include <string>

#include "render/font_subset.hpp"

namespace closeplan::render {

/// Adds the font objects of `subset` to the document and returns its Type0
/// font dictionary (to name in page resources), or nullptr on a libharu
/// error. Text in it is shown as big-endian 2-byte glyph ids of the subset
/// (Identity-H, CIDToGIDMap Identity); a ToUnicode map turns them back into
/// the code points, so copying and searching the text work.
///
/// Why not libharu's TrueType fonts: libharu's UTF-8 Type0 font maps every
/// one of the 65,536 BMP code points through the font's cmap for each
/// document, and compresses the resulting 128 KB map: most of the cost of
/// an embedded-font PDF. A subset's glyph ids make both unnecessary.
///
/// `tag` is the six capital letters that name the subset (ISO 32000-1 9.6.4).
HPDF_Font embed_type0_font(HPDF_Doc pdf, const font_subset& subset, const std::string& tag);

/// Six capital letters derived from the face's name and the code points the
/// subset covers: the same subset always gets the same tag (on any machine,
/// wherever the font file lives), different subsets almost never.
std::string subset_tag(const font_subset& subset);

}  // namespace closeplan::render

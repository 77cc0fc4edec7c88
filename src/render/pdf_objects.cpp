// SPDX-License-Identifier: MIT
#include "render/pdf_objects.hpp"

#include <hpdf_doc.h>
#include <zlib.h>

#include <vector>

namespace closeplan::render {
namespace {

// libharu writes a stream dictionary's /Filter from its `filter` field, and
// drops the entry when that says "none"; its write hook runs after the
// entries, so a stream compressed here names its filter from the hook.
HPDF_STATUS name_flate_filter(HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012"); }

}  // namespace

bool write_deflated(HPDF_Dict stream_dict, std::string_view data) {
    if (!stream_dict || !stream_dict->stream) return false;
    uLongf size = compressBound(static_cast<uLong>(data.size()));
    std::vector<Bytef> packed(size);
    if (compress2(packed.data(), &size, reinterpret_cast<const Bytef*>(data.data()), static_cast<uLong>(data.size()),
                  Z_BEST_SPEED) != Z_OK) {
        return false;
    }
    stream_dict->filter = HPDF_STREAM_FILTER_NONE;
    stream_dict->write_fn = name_flate_filter;
    return HPDF_Stream_Write(stream_dict->stream, packed.data(), static_cast<HPDF_UINT>(size)) == HPDF_OK;
}

HPDF_Dict new_indirect_dict(HPDF_Doc pdf) {
    HPDF_Dict dict = HPDF_Dict_New(pdf->mmgr);
    if (dict && HPDF_Xref_Add(pdf->xref, dict) != HPDF_OK) return nullptr;  // the xref frees it on failure
    return dict;
}

HPDF_Font new_standard_font(HPDF_Doc pdf, const char* base_font) {
    HPDF_Dict font = new_indirect_dict(pdf);
    if (!font) return nullptr;
    HPDF_Dict_AddName(font, "Type", "Font");
    HPDF_Dict_AddName(font, "Subtype", "Type1");
    HPDF_Dict_AddName(font, "BaseFont", base_font);
    HPDF_Dict_AddName(font, "Encoding", "WinAnsiEncoding");
    return HPDF_GetError(pdf) == HPDF_OK ? font : nullptr;
}

}  // namespace closeplan::render

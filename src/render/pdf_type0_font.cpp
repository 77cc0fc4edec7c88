// SPDX-License-Identifier: MIT
#include "render/pdf_type0_font.hpp"

#include <hpdf_doc.h>

#include <cstdint>
#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "render/pdf_objects.hpp"

namespace closeplan::render {
namespace {

HPDF_Array number_array(HPDF_Doc pdf, std::initializer_list<int> values) {
    HPDF_Array array = HPDF_Array_New(pdf->mmgr);
    if (array)
        for (const int v : values) HPDF_Array_AddNumber(array, v);
    return array;
}

// A CID font's width for a CID its /W does not list (/DW; 1000 is also the
// default). Most glyphs of a CJK face are a full em wide: only the others are listed.
constexpr int default_cid_width = 1000;

// /W [first [w1 w2 ...]]: every glyph of a TrueType subset, which is numbered
// from 0; for a CFF subset, the CIDs it shows that are not default_cid_width
// wide, a run per stretch of consecutive CIDs.
HPDF_Array glyph_widths(HPDF_Doc pdf, const font_subset& subset) {
    HPDF_Array all = HPDF_Array_New(pdf->mmgr);
    if (!all) return nullptr;
    if (!subset.cff) {
        HPDF_Array run = HPDF_Array_New(pdf->mmgr);
        if (!run) return nullptr;
        for (const int w : subset.widths) HPDF_Array_AddNumber(run, w);
        HPDF_Array_AddNumber(all, 0);
        HPDF_Array_Add(all, run);
        return all;
    }
    HPDF_Array run = nullptr;
    int next = -1;
    for (const auto& [code, width] : subset.code_widths) {
        if (width == default_cid_width) continue;
        if (code != next) {
            run = HPDF_Array_New(pdf->mmgr);
            if (!run) return nullptr;
            HPDF_Array_AddNumber(all, code);
            HPDF_Array_Add(all, run);
        }
        HPDF_Array_AddNumber(run, width);
        next = code + 1;
    }
    return all;
}

// Four upper-case hex digits, as "%04X" prints a 16-bit value (snprintf per
// unit was a quarter of a CJK font's embedding time).
void append_hex4(std::string& out, unsigned u) {
    constexpr char digits[] = "0123456789ABCDEF";
    const char unit[4] = {digits[(u >> 12) & 0xF], digits[(u >> 8) & 0xF], digits[(u >> 4) & 0xF], digits[u & 0xF]};
    out.append(unit, 4);
}

// UTF-16BE in hex, as a ToUnicode map writes its destinations.
void append_utf16_hex(std::string& out, const std::u32string& text) {
    const auto put = [&](unsigned u) { append_hex4(out, u); };
    for (const char32_t cp : text) {
        if (cp >= 0x10000 && cp <= 0x10FFFF) {
            put(0xD800 + ((cp - 0x10000) >> 10));
            put(0xDC00 + ((cp - 0x10000) & 0x3FF));
        } else if (cp < 0xD800 || (cp > 0xDFFF && cp < 0x10000)) {
            put(static_cast<unsigned>(cp));
        }
    }
}

// Glyph id -> the code point it shows. When several code points share a
// glyph (a space and a no-break space), the first one is what copying gives.
std::string to_unicode_cmap(const font_subset& subset) {
    std::vector<char32_t> shows(subset.widths.size(), 0);
    for (const auto& [cp, glyph] : subset.glyphs)
        if (glyph < shows.size() && shows[glyph] == 0 && cp <= 0xFFFF && (cp < 0xD800 || cp > 0xDFFF)) shows[glyph] = cp;
    std::vector<std::pair<unsigned, std::u32string>> entries;
    for (std::size_t g = 1; g < shows.size(); ++g)
        if (shows[g] != 0) entries.emplace_back(static_cast<unsigned>(g), std::u32string(1, shows[g]));
    // Shaped glyphs (a joined Arabic letter, a Devanagari conjunct, a CJK CID)
    // stand for the text of their cluster, where the cmap gives them nothing.
    for (const auto& [code, text] : subset.texts)
        if (subset.cff || code >= shows.size() || shows[code] == 0) entries.emplace_back(code, text);
    std::sort(entries.begin(), entries.end());
    std::string text =
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
    for (std::size_t i = 0; i < entries.size(); i += 100) {  // at most 100 entries per block
        const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
        text += std::to_string(n) + " beginbfchar\n";
        for (std::size_t k = i; k < i + n; ++k) {
            text += '<';
            append_hex4(text, entries[k].first);  // codes are 16-bit
            text += "> <";
            append_utf16_hex(text, entries[k].second);
            text += ">\n";
        }
        text += "endbfchar\n";
    }
    text += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    return text;
}

HPDF_Dict font_file(HPDF_Doc pdf, const font_subset& subset) {
    HPDF_Dict file = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!file) return nullptr;
    if (subset.cff) {
        // CFF is compact already: deflating it saves under a tenth of its bytes
        // for a fifth of a CJK page's time, so it is stored as it is.
        HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C");
        file->filter = HPDF_STREAM_FILTER_NONE;
        const auto* bytes = reinterpret_cast<const HPDF_BYTE*>(subset.bytes.data());
        return HPDF_Stream_Write(file->stream, bytes, static_cast<HPDF_UINT>(subset.bytes.size())) == HPDF_OK ? file : nullptr;
    }
    HPDF_Dict_AddNumber(file, "Length1", static_cast<HPDF_INT32>(subset.bytes.size()));
    return write_deflated(file, subset.bytes) ? file : nullptr;
}

HPDF_Dict descriptor(HPDF_Doc pdf, const font_subset& subset, const std::string& name) {
    HPDF_Dict file = font_file(pdf, subset);
    HPDF_Dict d = new_indirect_dict(pdf);
    if (!file || !d) return nullptr;
    HPDF_Dict_AddName(d, "Type", "FontDescriptor");
    HPDF_Dict_AddName(d, "FontName", name.c_str());
    // Nonsymbolic (Latin text set), plus Italic for a slanted face.
    HPDF_Dict_AddNumber(d, "Flags", subset.italic_angle != 0 ? 32 + 64 : 32);
    HPDF_Dict_Add(d, "FontBBox", number_array(pdf, {subset.x_min, subset.y_min, subset.x_max, subset.y_max}));
    HPDF_Dict_AddReal(d, "ItalicAngle", static_cast<HPDF_REAL>(subset.italic_angle));
    HPDF_Dict_AddNumber(d, "Ascent", subset.ascent);
    HPDF_Dict_AddNumber(d, "Descent", subset.descent);
    HPDF_Dict_AddNumber(d, "CapHeight", subset.cap_height);
    HPDF_Dict_AddNumber(d, "StemV", 80);  // not in a TrueType file; only used to pick a substitute font
    HPDF_Dict_Add(d, subset.cff ? "FontFile3" : "FontFile2", file);
    return d;
}

HPDF_Dict cid_font(HPDF_Doc pdf, const font_subset& subset, const std::string& name) {
    HPDF_Dict desc = descriptor(pdf, subset, name);
    HPDF_Dict cid = new_indirect_dict(pdf);
    HPDF_Dict system = HPDF_Dict_New(pdf->mmgr);
    HPDF_Array widths = glyph_widths(pdf, subset);
    if (!desc || !cid || !system || !widths) return nullptr;
    HPDF_Dict_AddName(cid, "Type", "Font");
    HPDF_Dict_AddName(cid, "Subtype", subset.cff ? "CIDFontType0" : "CIDFontType2");
    HPDF_Dict_AddName(cid, "BaseFont", name.c_str());
    HPDF_Dict_Add(system, "Registry", HPDF_String_New(pdf->mmgr, "Adobe", nullptr));
    HPDF_Dict_Add(system, "Ordering", HPDF_String_New(pdf->mmgr, "Identity", nullptr));
    HPDF_Dict_AddNumber(system, "Supplement", 0);
    HPDF_Dict_Add(cid, "CIDSystemInfo", system);
    HPDF_Dict_Add(cid, "FontDescriptor", desc);
    if (subset.cff) HPDF_Dict_AddNumber(cid, "DW", default_cid_width);
    if (HPDF_Array_Items(widths) > 0) HPDF_Dict_Add(cid, "W", widths);
    else HPDF_Array_Free(widths);  // every CID at the default width
    // A CFF font maps CIDs itself; a TrueType subset's codes are its glyph ids,
    // and codes past them (a glyph standing for another text) name theirs.
    if (!subset.cff && subset.extra_code_glyphs.empty()) HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");
    if (!subset.cff && !subset.extra_code_glyphs.empty()) {
        HPDF_Dict map = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
        if (!map) return nullptr;
        std::string bytes;
        const auto put = [&bytes](unsigned g) {
            bytes.push_back(static_cast<char>(g >> 8));
            bytes.push_back(static_cast<char>(g & 0xFF));
        };
        const std::size_t glyphs = subset.widths.size() - subset.extra_code_glyphs.size();
        for (std::size_t g = 0; g < glyphs; ++g) put(static_cast<unsigned>(g));
        for (const auto g : subset.extra_code_glyphs) put(g);
        if (!write_deflated(map, bytes)) return nullptr;
        HPDF_Dict_Add(cid, "CIDToGIDMap", map);
    }
    return cid;
}

}  // namespace

HPDF_Font embed_type0_font(HPDF_Doc pdf, const font_subset& subset, const std::string& tag) {
    const std::string name = tag + "+" + subset.postscript_name;
    HPDF_Dict cid = cid_font(pdf, subset, name);
    HPDF_Dict font = new_indirect_dict(pdf);
    HPDF_Array descendants = HPDF_Array_New(pdf->mmgr);
    HPDF_Dict to_unicode = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!cid || !font || !descendants || !to_unicode) return nullptr;
    HPDF_Dict_AddName(font, "Type", "Font");
    HPDF_Dict_AddName(font, "Subtype", "Type0");
    HPDF_Dict_AddName(font, "BaseFont", name.c_str());
    HPDF_Dict_AddName(font, "Encoding", "Identity-H");
    HPDF_Array_Add(descendants, cid);
    HPDF_Dict_Add(font, "DescendantFonts", descendants);
    if (!write_deflated(to_unicode, to_unicode_cmap(subset))) return nullptr;
    HPDF_Dict_Add(font, "ToUnicode", to_unicode);
    return HPDF_GetError(pdf) == HPDF_OK ? font : nullptr;
}

std::string subset_tag(const font_subset& subset) {
    std::uint64_t hash = 1469598103934665603ull;  // FNV-1a
    const auto mix = [&hash](std::uint64_t v) {
        hash ^= v;
        hash *= 1099511628211ull;
    };
    for (const char c : subset.postscript_name) mix(static_cast<unsigned char>(c));
    for (const auto& [cp, glyph] : subset.glyphs) mix(cp);
    for (const auto& [key, code] : subset.codes) {  // shaped glyphs: none in Latin text
        mix(0x110000 + key.first);
        for (const char32_t c : key.second) mix(c);
    }
    std::string tag;
    for (int i = 0; i < 6; ++i) {
        tag.push_back(static_cast<char>('A' + hash % 26));
        hash /= 26;
    }
    return tag;
}

}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// Font metrics: width tables built once from libharu (Helvetica AFM data, TrueType hmtx/cmap), then pure lookups.
#include "layout/fonts.hpp"

#include <hpdf.h>
#include <hpdf_fontdef.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "layout/hpdf_errors.hpp"
#include "layout/winansi.hpp"

namespace closeplan::layout {
namespace {

constexpr std::size_t bmp_size = 0x10000;

/// Advance widths in 1/1000 em for every BMP code point of one face; -1 = no glyph.
struct face_table {
    std::vector<std::int16_t> units = std::vector<std::int16_t>(bmp_size, -1);
    std::int32_t fallback = 0;  ///< width used for a code point without a glyph
};

struct family_tables {
    std::array<face_table, 4> faces;
    double ascent = 0, descent = 0;  ///< per 1000 units, descent positive
    font_choice choice;
};


struct doc_guard {
    HPDF_Doc doc;
    ~doc_guard() {
        if (doc) HPDF_Free(doc);
    }
};

[[noreturn]] void fail_fonts(const std::string& message, const std::string& hint) {
    throw closeplan::error(diagnostic{severity::error, "O503", message, {}, {hint}});
}

std::size_t face_index(font_face face) { return static_cast<std::size_t>(face); }

family_tables build_standard() {
    family_tables t;
    t.choice = font_choice{false, "Helvetica", {}};
    hpdf_errors errs;
    doc_guard g{HPDF_New(record_hpdf_error, &errs)};
    static constexpr std::array<const char*, 4> names = {"Helvetica", "Helvetica-Bold", "Helvetica-Oblique",
                                                         "Helvetica-BoldOblique"};
    for (std::size_t f = 0; f < names.size(); ++f) {
        HPDF_Font font = g.doc ? HPDF_GetFont(g.doc, names[f], "WinAnsiEncoding") : nullptr;
        if (!font || errs.error_no != 0) fail_fonts("cannot load the standard font " + std::string(names[f]),
                                                    "libharu could not be initialised; reinstall libhpdf");
        auto& face = t.faces[f];
        for (unsigned b = 0x20; b < 0x100; ++b) {
            const char32_t cp = winansi_code_point(static_cast<unsigned char>(b));
            if (cp == 0 || cp == 0x7F) continue;
            face.units[cp] = static_cast<std::int16_t>(HPDF_Font_GetUnicodeWidth(font, static_cast<HPDF_UNICODE>(cp)));
        }
        face.fallback = face.units['?'];
        if (f == 0) {
            t.ascent = HPDF_Font_GetAscent(font);
            t.descent = -HPDF_Font_GetDescent(font);
        }
    }
    return t;
}

family_tables build_embedded(const font_paths& paths) {
    family_tables t;
    const std::array<const std::string*, 4> files = {&paths.regular, &paths.bold, &paths.italic, &paths.bold_italic};
    t.choice.embedded = true;
    const bool liberation = paths.regular.find("LiberationSans-") != std::string::npos;
    t.choice.family = liberation ? "Liberation Sans" : std::filesystem::path(paths.regular).stem().string();
    for (const auto* file : files) {
        std::error_code ec;
        if (!std::filesystem::is_regular_file(*file, ec)) {
            fail_fonts("font file \"" + *file + "\" not found",
                       "install fonts-liberation2 (Liberation Sans), or name existing TrueType files in the style");
        }
        t.choice.files.push_back(*file);
    }
    hpdf_errors errs;
    doc_guard g{HPDF_New(record_hpdf_error, &errs)};
    if (!g.doc || HPDF_UseUTFEncodings(g.doc) != HPDF_OK) fail_fonts("cannot initialise libharu", "reinstall libhpdf");
    for (std::size_t f = 0; f < files.size(); ++f) {
        // Only the font definition: HPDF_GetFont would also build a 65,536-entry
        // glyph map this table does not need (most of a process's start-up).
        const char* name = HPDF_LoadTTFontFromFile(g.doc, files[f]->c_str(), HPDF_TRUE);
        HPDF_FontDef def = name ? HPDF_Doc_FindFontDef(g.doc, name) : nullptr;
        if (!def || !def->attr || errs.error_no != 0) {
            fail_fonts("cannot load the TrueType font \"" + *files[f] + "\" (libharu error " +
                           std::to_string(errs.error_no) + ")",
                       "use TrueType (.ttf) files; OpenType/CFF (.otf) and collections (.ttc) are not supported");
        }
        auto& face = t.faces[f];
        // Only code points inside the cmap's segments can have a glyph: ask
        // libharu about those (a few thousand) rather than all 65,536.
        const auto& cmap = static_cast<HPDF_TTFontDefAttr>(def->attr)->cmap;
        for (unsigned seg = 0; seg < cmap.seg_count_x2 / 2u; ++seg) {
            for (std::uint32_t cp = std::max<std::uint32_t>(cmap.start_count[seg], 0x20);
                 cp <= cmap.end_count[seg] && cp < bmp_size; ++cp) {
                if (cp >= 0xD800 && cp <= 0xDFFF) continue;
                if (HPDF_TTFontDef_GetGlyphid(def, static_cast<HPDF_UINT16>(cp)) == 0) continue;
                face.units[cp] = HPDF_TTFontDef_GetCharWidth(def, static_cast<HPDF_UINT16>(cp));
            }
        }
        face.fallback = face.units['?'] >= 0 ? face.units['?'] : 500;
        if (f == 0) {
            t.ascent = def->ascent;
            t.descent = -def->descent;
        }
        if (errs.error_no != 0) fail_fonts("cannot read the widths of \"" + *files[f] + "\"", "check the font file");
    }
    // Liberation Sans reports its accent-inclusive OS/2 ascent (905); with
    // Helvetica's values a plan lays out the same whichever family it gets.
    if (liberation) {
        t.ascent = 718;
        t.descent = 207;
    }
    return t;
}

class table_metrics final : public font_metrics {
public:
    explicit table_metrics(std::shared_ptr<const family_tables> t) : t_(std::move(t)) {}

    [[nodiscard]] double width(std::string_view utf8, font_face face, double size) const override {
        const face_table& ft = t_->faces[face_index(face)];
        const std::int16_t* units = ft.units.data();
        std::int64_t sum = 0;
        std::size_t pos = 0;
        while (pos < utf8.size()) {
            const auto b = static_cast<unsigned char>(utf8[pos]);
            char32_t cp = b;
            if (b < 0x80) {
                ++pos;
            } else {
                cp = next_code_point(utf8, pos);
            }
            const std::int32_t w = cp < bmp_size ? units[cp] : -1;
            sum += w >= 0 ? w : ft.fallback;
        }
        return static_cast<double>(sum) * size / 1000.0;
    }
    [[nodiscard]] double ascent(double size) const override { return t_->ascent * size / 1000.0; }
    [[nodiscard]] double descent(double size) const override { return t_->descent * size / 1000.0; }
    [[nodiscard]] bool can_paint(char32_t cp) const override {
        return cp < bmp_size && t_->faces[0].units[cp] >= 0;
    }
    [[nodiscard]] const font_choice& choice() const override { return t_->choice; }

private:
    std::shared_ptr<const family_tables> t_;
};

}  // namespace

bool fits_standard_encoding(std::string_view utf8) {
    std::size_t pos = 0;
    while (pos < utf8.size()) {
        if (static_cast<unsigned char>(utf8[pos]) < 0x80) {
            ++pos;
            continue;
        }
        const std::size_t start = pos;
        const char32_t cp = next_code_point(utf8, pos);
        // A malformed byte decodes to U+FFFD too, and neither fits.
        if (cp == replacement_character || winansi_byte(cp) < 0 || pos == start) return false;
    }
    return true;
}

std::unique_ptr<font_metrics> standard_metrics() {
    static const auto tables = std::make_shared<const family_tables>(build_standard());
    return std::make_unique<table_metrics>(tables);
}

std::unique_ptr<font_metrics> embedded_metrics(const font_paths& paths) {
    // Reading four TTF cmaps costs tens of milliseconds: do it once per set of files.
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const family_tables>> cache;
    const std::string key = paths.regular + '\n' + paths.bold + '\n' + paths.italic + '\n' + paths.bold_italic;
    std::lock_guard lock(mutex);
    auto& slot = cache[key];
    if (!slot) slot = std::make_shared<const family_tables>(build_embedded(paths));
    return std::make_unique<table_metrics>(slot);
}

}  // namespace closeplan::layout

// SPDX-License-Identifier: MIT
// Font metrics: width tables built once (Helvetica's AFM data from libharu, TrueType cmap/hmtx read with
// HarfBuzz), then pure lookups.
#include "layout/fonts.hpp"

#include <hpdf.h>
#include <hpdf_fontdef.h>

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "layout/font_chain.hpp"
#include "layout/glyph_runs.hpp"
#include "layout/harfbuzz.hpp"
#include "layout/hpdf_errors.hpp"
#include "layout/winansi.hpp"

namespace closeplan::layout {
namespace {

constexpr std::size_t bmp_size = 0x10000;
constexpr std::size_t winansi_limit = 0x2123;  // past its highest code point, U+2122 ™

/// Advance widths in 1/1000 em for every code point below units.size() (the BMP for
/// a TrueType face, up to U+2122 for WinAnsi's); -1 = no glyph.
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
    diagnostic d;
    d.code = "O503";
    d.message = message;
    d.hints.push_back(hint);
    throw closeplan::error(std::move(d));
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
        // The font program's description, not a font object: its AFM widths are
        // read once here instead of searched once per code point (HPDF_Font_GetUnicodeWidth
        // scans the 315 widths for each of WinAnsi's 218 characters: a million
        // instructions for the four faces).
        HPDF_FontDef def = g.doc ? HPDF_GetFontDef(g.doc, names[f]) : nullptr;
        if (!def || errs.error_no != 0 || def->type != HPDF_FONTDEF_TYPE_TYPE1 || !def->attr)
            fail_fonts("cannot load the standard font " + std::string(names[f]),
                       "libharu could not be initialised; reinstall libhpdf");
        const auto* attr = static_cast<const HPDF_Type1FontDefAttr_Rec*>(def->attr);
        // The first width listed for a code point, as libharu's lookup takes it; its missing width otherwise.
        std::vector<std::pair<HPDF_UNICODE, HPDF_INT16>> listed;
        listed.reserve(attr->widths_count);
        for (HPDF_UINT i = 0; i < attr->widths_count; ++i) listed.emplace_back(attr->widths[i].unicode, attr->widths[i].width);
        std::stable_sort(listed.begin(), listed.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        auto& face = t.faces[f];
        face.units.assign(winansi_limit, -1);  // a table as small as the encoding: filling the BMP's would cost more than the rest
        for (unsigned b = 0x20; b < 0x100; ++b) {
            const char32_t cp = winansi_code_point(static_cast<unsigned char>(b));
            if (cp == 0 || cp == 0x7F) continue;
            const auto it = std::lower_bound(listed.begin(), listed.end(), cp, [](const auto& e, char32_t c) { return e.first < c; });
            face.units[cp] = it != listed.end() && it->first == cp ? it->second : def->missing_width;
        }
        face.fallback = face.units['?'];
        if (f == 0) {
            t.ascent = def->ascent;
            t.descent = -def->descent;
        }
    }
    return t;
}

bool has_table(hb_face_t* face, hb_tag_t table) {
    const hb::blob_ptr blob(hb_face_reference_table(face, table));
    return hb_blob_get_length(blob.get()) > 0;
}

// One face's widths, read with HarfBuzz: the cmap's code points and their
// glyphs' advances, in 1/1000 em truncated as PDF writers (and libharu) do.
// Returns the face's hhea ascender and descender in 1/1000 em.
std::pair<int, int> read_face(const std::string& file, face_table& out) {
    const hb::blob_ptr blob(hb_blob_create_from_file_or_fail(file.c_str()));
    const hb::face_ptr face(blob ? hb_face_create(blob.get(), 0) : nullptr);
    const unsigned upem = face ? hb_face_get_upem(face.get()) : 0;
    if (!face || hb_face_get_glyph_count(face.get()) == 0 || upem == 0) {
        fail_fonts("cannot load the TrueType font \"" + file + "\"", "check that the file is a readable TrueType (.ttf) font");
    }
    if (!has_table(face.get(), HB_TAG('g', 'l', 'y', 'f'))) {
        fail_fonts("the font \"" + file + "\" has no TrueType outlines",
                   "use TrueType (.ttf) files; OpenType/CFF (.otf) and collections (.ttc) are not supported");
    }
    // OS/2 fsType 2: "Restricted License embedding", the font's licence forbids embedding it.
    if ((hb::table_u16(face.get(), HB_TAG('O', 'S', '/', '2'), 8).value_or(0) & 0x000F) == 0x0002) {
        fail_fonts("the licence of the font \"" + file + "\" does not allow embedding it in a document",
                   "use a font whose licence allows embedding (fonts-liberation2's Liberation Sans does)");
    }
    const hb::font_ptr font(hb_font_create(face.get()));  // scale: font units
    const hb::set_ptr code_points(hb_set_create());
    hb_face_collect_unicodes(face.get(), code_points.get());
    for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(code_points.get(), &cp);) {
        if (cp < 0x20 || cp >= bmp_size || (cp >= 0xD800 && cp <= 0xDFFF)) continue;
        hb_codepoint_t glyph = 0;
        if (!hb_font_get_nominal_glyph(font.get(), cp, &glyph) || glyph == 0) continue;
        const auto advance = static_cast<std::int64_t>(hb_font_get_glyph_h_advance(font.get(), glyph));
        out.units[cp] = static_cast<std::int16_t>(advance * 1000 / upem);
    }
    out.fallback = out.units['?'] >= 0 ? out.units['?'] : 500;
    const auto per_mille = [upem](std::int32_t v) { return static_cast<int>(v * 1000 / static_cast<std::int32_t>(upem)); };
    return {per_mille(hb::table_i16(face.get(), HB_TAG('h', 'h', 'e', 'a'), 4)),
            per_mille(hb::table_i16(face.get(), HB_TAG('h', 'h', 'e', 'a'), 6))};
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
    for (std::size_t f = 0; f < files.size(); ++f) {
        const auto [ascent, descent] = read_face(*files[f], t.faces[f]);
        if (f == 0) {
            t.ascent = ascent;
            t.descent = -descent;
        }
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
    explicit table_metrics(std::shared_ptr<const family_tables> t) : t_(std::move(t)), choice_(t_->choice) {}
    table_metrics(std::shared_ptr<const family_tables> t, std::shared_ptr<const font_chain> chain, std::string_view lang)
        : t_(std::move(t)), choice_(t_->choice) {
        choice_.chain = std::move(chain);
        choice_.lang = std::string(lang);
    }

    [[nodiscard]] double width(std::string_view utf8, font_face face, double size) const override {
        if (choice_.chain && needs_glyph_runs(*choice_.chain, utf8)) return chain_units(utf8, face) * size / 1000.0;
        const face_table& ft = t_->faces[face_index(face)];
        const std::int16_t* units = ft.units.data();
        const std::size_t limit = ft.units.size();
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
            const std::int32_t w = cp < limit ? units[cp] : -1;
            sum += w >= 0 ? w : ft.fallback;
        }
        return static_cast<double>(sum) * size / 1000.0;
    }
    [[nodiscard]] double ascent(double size) const override { return t_->ascent * size / 1000.0; }
    [[nodiscard]] double descent(double size) const override { return t_->descent * size / 1000.0; }
    [[nodiscard]] bool can_paint(char32_t cp) const override {
        if (choice_.chain) return choice_.chain->entry_of(cp) >= 0;
        return cp < t_->faces[0].units.size() && t_->faces[0].units[cp] >= 0;
    }
    [[nodiscard]] const font_choice& choice() const override { return choice_; }
    // The family's tables are made once and never freed (standard_metrics,
    // embedded_metrics keep them). A fallback chain (every embedded family has
    // one) is made per document and measures by language too: no sharing then.
    [[nodiscard]] const void* measures_like() const override { return choice_.chain ? nullptr : t_.get(); }
    [[nodiscard]] std::string_view missing_package_for(char32_t cp) const override {
        return choice_.chain ? choice_.chain->missing_package_for(cp) : std::string_view{};
    }

private:
    // Text the family alone does not paint: the advances of the glyphs the
    // painter will show (shaped where the script needs it), which do not depend
    // on the order the bidirectional algorithm puts the runs in.
    [[nodiscard]] double chain_units(std::string_view utf8, font_face face) const {
        thread_local std::vector<glyph_run> runs;
        runs.clear();
        glyph_runs(*choice_.chain, face, utf8, choice_.lang, false, runs);
        std::int64_t sum = 0;
        for (const auto& run : runs)
            for (const auto& g : run.glyphs) sum += g.advance;
        return static_cast<double>(sum);
    }

    std::shared_ptr<const family_tables> t_;
    font_choice choice_;
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

std::unique_ptr<font_metrics> embedded_metrics(const font_paths& paths, std::string_view lang) {
    // Reading four TTF cmaps costs tens of milliseconds: do it once per set of files.
    static std::mutex mutex;
    static std::map<std::string, std::shared_ptr<const family_tables>> cache;
    const std::string key = paths.regular + '\n' + paths.bold + '\n' + paths.italic + '\n' + paths.bold_italic;
    std::lock_guard lock(mutex);
    auto& slot = cache[key];
    if (!slot) slot = std::make_shared<const family_tables>(build_embedded(paths));
    chain_entry primary{slot->choice.family, {}, false};
    for (std::size_t f = 0; f < 4; ++f) primary.faces[f] = {slot->choice.files[f], 0};
    return std::make_unique<table_metrics>(slot, font_chain::make(primary, lang), lang);
}

}  // namespace closeplan::layout

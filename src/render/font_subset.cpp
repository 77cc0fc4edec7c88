// SPDX-License-Identifier: MIT
// The one owner of HarfBuzz's subsetter.
#include "render/font_subset.hpp"

#include "layout/harfbuzz.hpp"
#include "layout/shaping.hpp"

#include <hb-ot.h>
#include <hb-subset.h>

#include <algorithm>
#include <iterator>
#include <map>
#include <memory>
#include <mutex>

namespace closeplan::render {

namespace {

// A copy of the face with every table but the cmap (see subset_source).
hb_face_t* copy_without_cmap(hb_face_t* face) {
    const layout::hb::face_ptr builder(hb_face_builder_create());
    hb_tag_t tags[64];
    for (unsigned start = 0;;) {
        unsigned count = std::size(tags);
        hb_face_get_table_tags(face, start, &count, tags);
        for (unsigned i = 0; i < count; ++i) {
            if (tags[i] == HB_TAG('c', 'm', 'a', 'p')) continue;
            const layout::hb::blob_ptr table(hb_face_reference_table(face, tags[i]));
            hb_face_builder_add_table(builder.get(), tags[i], table.get());
        }
        if (count < std::size(tags)) break;
        start += count;
    }
    const layout::hb::blob_ptr file(hb_face_reference_blob(builder.get()));
    return hb_face_create(file.get(), 0);
}

// The face the subsetter reads. A CFF face (Noto Sans CJK: 65,535 glyphs) is
// embedded as its bare CFF table, so it is subset from a copy without its cmap
// (copy_without_cmap), made once per process, and asked for glyphs alone:
// given glyphs, the subsetter otherwise walks the face's whole cmap for every
// subset (65,000 entries, a third of a CJK page's subsetting) and keeps the
// glyphs of every variation sequence on the code points it finds (Han
// variants, a fifth of the CFF's bytes), which no page shows: a glyph the text
// asks for with a variation selector is one the shaper chose, so it is among
// the glyphs asked for. From the second document that uses the face on, when
// the process is a batch or a server, the copy is prepared with
// hb_subset_preprocess, which builds what every subset of it would otherwise
// build again (130 million instructions a page without it, 26 with it), but
// takes a second and some 200 MB per face, so never for a one-off render.
// TrueType faces are subset as they are. The output is the same bytes either way.
hb_face_t* subset_source(const layout::chain_face& which, const layout::loaded_face& loaded) {
    constexpr int uses_before_preparing = 1;
    struct cff_source {
        int uses = 0;
        layout::hb::face_ptr without_cmap;
        layout::hb::face_ptr prepared;
    };
    static std::mutex mutex;
    static std::map<std::pair<std::string, unsigned>, cff_source> sources;
    std::lock_guard lock(mutex);
    auto& slot = sources[{which.file, which.index}];
    if (!slot.without_cmap && loaded.cff) {
        slot.without_cmap.reset(copy_without_cmap(loaded.face));
        hb_face_make_immutable(slot.without_cmap.get());
    }
    hb_face_t* plain = loaded.cff ? slot.without_cmap.get() : loaded.face;
    if (!slot.prepared && ++slot.uses > uses_before_preparing) {
        slot.prepared.reset(hb_subset_preprocess(plain));
        hb_face_make_immutable(slot.prepared.get());
    }
    return slot.prepared ? slot.prepared.get() : plain;
}

struct plan_deleter {
    void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
};

struct input_deleter {
    void operator()(hb_subset_input_t* p) const { hb_subset_input_destroy(p); }
};

// A PDF name may not hold spaces, delimiters or '#'; PostScript names rarely
// do, but a font's name table is untrusted input.
std::string postscript_name_of(hb_face_t* face) {
    char buffer[128];
    unsigned size = sizeof buffer;
    hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, buffer);
    std::string name;
    for (unsigned i = 0; i < size && buffer[i] != '\0'; ++i) {
        const char c = buffer[i];
        if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-') name.push_back(c);
    }
    return name.empty() ? "Embedded" : name;
}

// The post table's italic angle: a 16.16 fixed-point number at offset 4.
double italic_angle_of(hb_face_t* face) {
    const auto high = layout::hb::table_u16(face, HB_TAG('p', 'o', 's', 't'), 4);
    const auto low = layout::hb::table_u16(face, HB_TAG('p', 'o', 's', 't'), 6);
    if (!high || !low) return 0;
    return static_cast<std::int32_t>((std::uint32_t{*high} << 16) | *low) / 65536.0;
}

void drop_all_but_cff(hb_face_t* face, hb_set_t* dropped) {
    hb_tag_t tags[64];
    for (unsigned start = 0;;) {
        unsigned count = std::size(tags);
        hb_face_get_table_tags(face, start, &count, tags);
        for (unsigned i = 0; i < count; ++i)
            if (tags[i] != HB_TAG('C', 'F', 'F', ' ')) hb_set_add(dropped, tags[i]);
        if (count < std::size(tags)) return;
        start += count;
    }
}

}  // namespace

std::uint16_t font_subset::glyph_of(char32_t code_point) const {
    const auto it = std::lower_bound(glyphs.begin(), glyphs.end(), code_point,
                                     [](const auto& entry, char32_t cp) { return entry.first < cp; });
    return it != glyphs.end() && it->first == code_point ? it->second : 0;
}

std::uint16_t font_subset::code_of_glyph(std::uint32_t source_glyph, const std::u32string& text) const {
    const auto key = std::make_pair(source_glyph, text);
    const auto it = std::lower_bound(codes.begin(), codes.end(), key,
                                     [](const auto& entry, const auto& k) { return entry.first < k; });
    return it != codes.end() && it->first == key ? it->second : 0;
}

std::optional<font_subset> font_subset::make(const std::string& ttf_path, const std::vector<char32_t>& code_points) {
    return make(layout::chain_face{ttf_path, 0}, code_points, {});
}

std::optional<font_subset> font_subset::make(const layout::chain_face& which, const std::vector<char32_t>& code_points,
                                             const std::set<std::pair<std::uint32_t, std::u32string>>& glyphs) {
    const layout::loaded_face* loaded = layout::load_face(which);
    if (!loaded) return std::nullopt;
    hb_face_t* prepared = subset_source(which, *loaded);
    hb_face_t* source = loaded->face;
    const std::unique_ptr<hb_subset_input_t, input_deleter> input(hb_subset_input_create_or_fail());
    if (!input) return std::nullopt;
    hb_set_t* glyph_set = hb_subset_input_glyph_set(input.get());
    for (const auto& [glyph, text] : glyphs) hb_set_add(glyph_set, glyph);
    // A CFF face is asked for the glyphs of the code points (the face it is
    // subset from has no cmap: subset_source), a TrueType face for the code
    // points, which its subset's cmap maps.
    const layout::hb::font_ptr whole(hb_font_create(source));
    hb_set_t* unicodes = hb_subset_input_unicode_set(input.get());
    for (char32_t cp : code_points) {
        hb_codepoint_t glyph = 0;
        if (!loaded->cff) hb_set_add(unicodes, cp);
        else if (hb_font_get_nominal_glyph(whole.get(), cp, &glyph)) hb_set_add(glyph_set, glyph);
    }
    // Hinting only helps low-resolution screen rasterisers; PDF viewers ignore most of it.
    hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
    // A PDF shows glyphs already chosen: the OpenType layout tables (ligatures,
    // kerning, positioning) are never read by a viewer, and closing the glyph
    // set over them is most of the subsetter's work.
    hb_set_t* dropped = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (const hb_tag_t tag : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                               HB_TAG('k', 'e', 'r', 'n'), HB_TAG('J', 'S', 'T', 'F'), HB_TAG('B', 'A', 'S', 'E')})
        hb_set_add(dropped, tag);
    // A CFF face is embedded as its bare CFF table: every other table (cmap,
    // metrics, names) would be subset only to be thrown away, so the glyph
    // numbering and widths are read from the plan and the source face instead.
    if (loaded->cff) drop_all_but_cff(source, dropped);
    const std::unique_ptr<hb_subset_plan_t, plan_deleter> plan(hb_subset_plan_create_or_fail(prepared, input.get()));
    if (!plan) return std::nullopt;
    const layout::hb::face_ptr subset(hb_subset_plan_execute_or_fail(plan.get()));
    if (!subset) return std::nullopt;
    const hb_map_t* old_to_new = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
    const layout::hb::blob_ptr blob(loaded->cff ? hb_face_reference_table(subset.get(), HB_TAG('C', 'F', 'F', ' '))
                                                : hb_face_reference_blob(subset.get()));
    unsigned size = 0;
    const char* data = hb_blob_get_data(blob.get(), &size);
    if (!data || size == 0) return std::nullopt;

    font_subset out;
    out.bytes.assign(data, size);
    out.cff = loaded->cff;
    out.postscript_name = postscript_name_of(source);
    out.italic_angle = italic_angle_of(source);
    // The subset's cmap and metrics, at a scale of one unit per font unit: a
    // TrueType subset's own tables; a bare CFF table has none, so the source
    // face's, through the plan's renumbering (the values the subset's tables
    // would hold).
    const layout::hb::font_ptr font(loaded->cff ? nullptr : hb_font_create(subset.get()));
    const int upem = static_cast<int>(hb_face_get_upem(loaded->cff ? source : subset.get()));
    if (upem <= 0) return std::nullopt;
    const auto per_mille = [upem](hb_position_t units) { return static_cast<int>(units * 1000L / upem); };
    for (char32_t cp : code_points) {
        hb_codepoint_t glyph = 0;
        if (loaded->cff) {
            if (!hb_font_get_nominal_glyph(whole.get(), cp, &glyph)) continue;
            glyph = hb_map_get(old_to_new, glyph);
            if (glyph == HB_MAP_VALUE_INVALID) continue;
            out.glyphs.emplace_back(cp, static_cast<std::uint16_t>(glyph));
        } else if (hb_font_get_nominal_glyph(font.get(), cp, &glyph)) {
            out.glyphs.emplace_back(cp, static_cast<std::uint16_t>(glyph));
        }
    }
    std::sort(out.glyphs.begin(), out.glyphs.end());
    const hb_map_t* new_to_old = hb_subset_plan_new_to_old_glyph_mapping(plan.get());
    const unsigned glyph_count = loaded->cff ? hb_map_get_population(old_to_new) : hb_face_get_glyph_count(subset.get());
    out.widths.resize(glyph_count);
    for (unsigned g = 0; g < glyph_count; ++g)
        out.widths[g] = per_mille(loaded->cff ? hb_font_get_glyph_h_advance(whole.get(), hb_map_get(new_to_old, g))
                                             : hb_font_get_glyph_h_advance(font.get(), g));
    // A CFF subset keeps each glyph's CID from the source (Noto Sans CJK is
    // CID-keyed with CID = glyph id, Adobe-Identity-0): the PDF shows CIDs, one
    // text each. A TrueType glyph's code is its subset glyph id while its text
    // agrees with what the cmap says it shows; another text gets a code of its
    // own past the glyphs, mapped back to the glyph by a CIDToGIDMap.
    std::map<std::uint16_t, std::u32string> text_of_code;
    for (const auto& [cp, glyph] : out.glyphs) text_of_code.try_emplace(glyph, std::u32string(1, cp));
    for (const auto& [glyph, text] : glyphs) {
        const hb_codepoint_t renumbered = hb_map_get(old_to_new, glyph);
        if (renumbered == HB_MAP_VALUE_INVALID || renumbered >= glyph_count) continue;
        auto code = static_cast<std::uint16_t>(out.cff ? glyph : renumbered);
        if (out.cff) {
            out.code_widths.emplace_back(code, out.widths[renumbered]);
        } else if (const auto [known, added] = text_of_code.try_emplace(code, text); !added && known->second != text) {
            code = static_cast<std::uint16_t>(glyph_count + out.extra_code_glyphs.size());
            out.extra_code_glyphs.push_back(static_cast<std::uint16_t>(renumbered));
        }
        out.codes.push_back({{glyph, text}, code});
        if (!text.empty()) out.texts.try_emplace(code, text);
    }
    for (const auto g : out.extra_code_glyphs) out.widths.push_back(out.widths[g]);
    std::sort(out.codes.begin(), out.codes.end());
    std::sort(out.code_widths.begin(), out.code_widths.end());
    out.code_widths.erase(std::unique(out.code_widths.begin(), out.code_widths.end()), out.code_widths.end());
    // The bounding box and vertical metrics are the source face's: the subset's
    // head table keeps them, but hb_ot_metrics reads the OS/2 and hhea tables.
    hb_position_t value = 0;
    if (hb_ot_metrics_get_position(whole.get(), HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &value)) out.ascent = per_mille(value);
    if (hb_ot_metrics_get_position(whole.get(), HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &value)) out.descent = per_mille(value);
    if (hb_ot_metrics_get_position(whole.get(), HB_OT_METRICS_TAG_CAP_HEIGHT, &value)) out.cap_height = per_mille(value);
    const hb_tag_t head = HB_TAG('h', 'e', 'a', 'd');
    out.x_min = per_mille(layout::hb::table_i16(source, head, 36));
    out.y_min = per_mille(layout::hb::table_i16(source, head, 38));
    out.x_max = per_mille(layout::hb::table_i16(source, head, 40));
    out.y_max = per_mille(layout::hb::table_i16(source, head, 42));
    return out;
}

}  // namespace closeplan::render

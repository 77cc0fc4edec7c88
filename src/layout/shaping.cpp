// SPDX-License-Identifier: MIT
#include "layout/shaping.hpp"

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "layout/harfbuzz.hpp"
#include "layout/winansi.hpp"

namespace closeplan::layout {

namespace {

struct face_cache {
    std::mutex mutex;
    std::map<std::pair<std::string, unsigned>, std::unique_ptr<loaded_face>> faces;
    face_cache() = default;
    face_cache(const face_cache&) = delete;
    face_cache& operator=(const face_cache&) = delete;
    ~face_cache() {
        for (auto& [key, f] : faces)
            if (f) {
                hb_font_destroy(f->font);
                hb_face_destroy(f->face);
            }
    }
};

struct buffer_deleter {
    void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};

hb_buffer_t* thread_buffer() {
    thread_local std::unique_ptr<hb_buffer_t, buffer_deleter> buffer(hb_buffer_create());
    hb_buffer_clear_contents(buffer.get());
    return buffer.get();
}

std::int32_t per_mille(hb_position_t units, int upem) {
    return static_cast<std::int32_t>(static_cast<std::int64_t>(units) * 1000 / upem);
}

}  // namespace

const loaded_face* load_face(const chain_face& which) {
    // The faces this thread asked for, in front of the process's cache and its
    // lock: painting asks once per run (a few thousand times a CJK page) for a
    // handful of faces. Loaded faces live as long as the process.
    struct known {
        chain_face which;
        const loaded_face* face;
    };
    thread_local std::vector<known> seen;
    for (const auto& k : seen)
        if (k.which.index == which.index && k.which.file == which.file) return k.face;
    static face_cache cache;  // for the life of the process
    const auto remember = [&which](const loaded_face* face) {
        if (seen.size() < 64) seen.push_back({which, face});
        return face;
    };
    std::lock_guard lock(cache.mutex);
    auto& slot = cache.faces[{which.file, which.index}];
    if (slot) return remember(slot->face ? slot.get() : nullptr);
    slot = std::make_unique<loaded_face>();
    const hb::blob_ptr blob(hb_blob_create_from_file_or_fail(which.file.c_str()));
    if (!blob || which.index >= hb_face_count(blob.get())) return remember(nullptr);
    hb_face_t* face = hb_face_create(blob.get(), which.index);
    const unsigned upem = hb_face_get_upem(face);
    if (hb_face_get_glyph_count(face) == 0 || upem == 0) {
        hb_face_destroy(face);
        return remember(nullptr);
    }
    hb_face_make_immutable(face);
    slot->face = face;
    slot->font = hb_font_create(face);
    hb_font_make_immutable(slot->font);
    slot->upem = static_cast<int>(upem);
    const hb::blob_ptr cff(hb_face_reference_table(face, HB_TAG('C', 'F', 'F', ' ')));
    slot->cff = hb_blob_get_length(cff.get()) > 0;
    return remember(slot.get());
}

void glyphs_of(const loaded_face& face, std::string_view text, std::size_t begin, std::size_t end, bool shape,
               bool rtl, std::string_view lang, std::vector<shaped_glyph>& out) {
    if (!shape) {
        for (std::size_t pos = begin; pos < end;) {
            const auto cluster = static_cast<std::uint32_t>(pos);
            const char32_t cp = next_code_point(text, pos);
            hb_codepoint_t glyph = 0;
            hb_font_get_nominal_glyph(face.font, cp, &glyph);
            const std::int32_t advance = per_mille(hb_font_get_glyph_h_advance(face.font, glyph), face.upem);
            out.push_back({glyph, advance, advance, 0, 0, cluster});
        }
        return;
    }
    hb_buffer_t* buffer = thread_buffer();
    hb_buffer_set_cluster_level(buffer, HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
    hb_buffer_add_utf8(buffer, text.data(), static_cast<int>(text.size()), static_cast<unsigned>(begin),
                       static_cast<int>(end - begin));
    hb_buffer_set_direction(buffer, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    if (!lang.empty()) hb_buffer_set_language(buffer, hb_language_from_string(lang.data(), static_cast<int>(lang.size())));
    hb_buffer_guess_segment_properties(buffer);  // the script
    // Kerning is left out, as the width tables leave it out: a word measures
    // the same however it is painted.
    static const hb_feature_t no_kern{HB_TAG('k', 'e', 'r', 'n'), 0, HB_FEATURE_GLOBAL_START, HB_FEATURE_GLOBAL_END};
    hb_shape(face.font, buffer, &no_kern, 1);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
    for (unsigned i = 0; i < count; ++i)
        out.push_back({info[i].codepoint, per_mille(pos[i].x_advance, face.upem),
                       per_mille(hb_font_get_glyph_h_advance(face.font, info[i].codepoint), face.upem),
                       per_mille(pos[i].x_offset, face.upem), per_mille(pos[i].y_offset, face.upem), info[i].cluster});
}

}  // namespace closeplan::layout

// SPDX-License-Identifier: MIT
// Owning handles for HarfBuzz objects, and reading a field of a font's table.
#pragma once

#include <hb.h>

#include <cstdint>
#include <memory>
#include <optional>

namespace closeplan::layout::hb {

struct blob_deleter {
    void operator()(hb_blob_t* p) const { hb_blob_destroy(p); }
};
struct face_deleter {
    void operator()(hb_face_t* p) const { hb_face_destroy(p); }
};
struct font_deleter {
    void operator()(hb_font_t* p) const { hb_font_destroy(p); }
};
struct set_deleter {
    void operator()(hb_set_t* p) const { hb_set_destroy(p); }
};
using blob_ptr = std::unique_ptr<hb_blob_t, blob_deleter>;
using face_ptr = std::unique_ptr<hb_face_t, face_deleter>;
using font_ptr = std::unique_ptr<hb_font_t, font_deleter>;
using set_ptr = std::unique_ptr<hb_set_t, set_deleter>;

/// The big-endian 16-bit field at `offset` of the face's `table` (OpenType
/// tables are big-endian); nullopt when the face has no such table or it is shorter.
inline std::optional<std::uint16_t> table_u16(hb_face_t* face, hb_tag_t table, unsigned offset) {
    const blob_ptr blob(hb_face_reference_table(face, table));
    unsigned size = 0;
    const auto* data = reinterpret_cast<const unsigned char*>(hb_blob_get_data(blob.get(), &size));
    if (!data || size < offset + 2) return std::nullopt;
    return static_cast<std::uint16_t>((data[offset] << 8) | data[offset + 1]);
}

/// The same field read as a signed number (FWORD), 0 when absent.
inline std::int16_t table_i16(hb_face_t* face, hb_tag_t table, unsigned offset) {
    return static_cast<std::int16_t>(table_u16(face, table, offset).value_or(0));
}

}  // namespace closeplan::layout::hb

// SPDX-License-Identifier: MIT
#include "render/pdf_objects.hpp"

#include <hpdf_doc.h>
#include <hpdf_mmgr.h>
#include <libdeflate.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "render/pdf_file.hpp"

namespace closeplan::render {
namespace {

// libharu writes a stream dictionary's /Filter from its `filter` field, and
// drops the entry when that says "none"; its write hook runs after the
// entries, so a stream compressed here names its filter from the hook.
HPDF_STATUS name_flate_filter(HPDF_Dict, HPDF_Stream out) { return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012"); }

// A stream's compressed bytes, held as they are until libharu copies them into
// the file: its memory stream would copy them in and out a byte at a time, in
// chunks it allocates (some 80K instructions a one-page plan).
struct held_bytes {
    std::string bytes;
    std::size_t at = 0;
};

held_bytes& held(HPDF_Stream stream) { return *static_cast<held_bytes*>(stream->attr); }

HPDF_STATUS read_held(HPDF_Stream stream, HPDF_BYTE* to, HPDF_UINT* size) {
    held_bytes& h = held(stream);
    const std::size_t n = std::min<std::size_t>(*size, h.bytes.size() - h.at);
    std::memcpy(to, h.bytes.data() + h.at, n);
    h.at += n;
    *size = static_cast<HPDF_UINT>(n);
    return h.at == h.bytes.size() ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS seek_held(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
    held_bytes& h = held(stream);
    const auto from = mode == HPDF_SEEK_SET ? 0 : mode == HPDF_SEEK_CUR ? static_cast<std::int64_t>(h.at)
                                                                        : static_cast<std::int64_t>(h.bytes.size());
    const std::int64_t to = from + pos;
    if (to < 0 || to > static_cast<std::int64_t>(h.bytes.size())) return HPDF_STREAM_EOF;
    h.at = static_cast<std::size_t>(to);
    return HPDF_OK;
}

HPDF_INT32 tell_held(HPDF_Stream stream) { return static_cast<HPDF_INT32>(held(stream).at); }
HPDF_UINT32 size_held(HPDF_Stream stream) { return static_cast<HPDF_UINT32>(held(stream).bytes.size()); }
void free_held(HPDF_Stream stream) { delete &held(stream); }

}  // namespace

// A compressor holds its hash tables; one per thread, made once. Level 1:
// measured on the 10-milestone page, levels 3 and 6 took 2.5 and 3.6 times
// longer to compress for a file 2% and 4% smaller.
libdeflate_compressor* thread_compressor() {
    struct free_compressor {
        void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
    };
    thread_local const std::unique_ptr<libdeflate_compressor, free_compressor> compressor(
        libdeflate_alloc_compressor(1));
    return compressor.get();
}

namespace {

// The dictionary's stream replaced by one that holds `bytes` (the old one, empty, freed).
bool hold(HPDF_Dict stream_dict, std::string bytes) {
    auto owned = std::make_unique<held_bytes>();
    owned->bytes = std::move(bytes);
    HPDF_Stream reader =
        HPDF_CallbackReader_New(stream_dict->mmgr, read_held, seek_held, tell_held, size_held, owned.get());
    if (!reader) return false;
    reader->free_fn = free_held;  // the dictionary frees its stream, and with it the bytes
    owned.release();
    HPDF_Stream_Free(stream_dict->stream);
    stream_dict->stream = reader;
    return true;
}

}  // namespace

bool write_deflated(HPDF_Dict stream_dict, std::string_view data) {
    libdeflate_compressor* compressor = thread_compressor();
    if (!stream_dict || !stream_dict->stream || !compressor) return false;
    // The thread's buffer, grown to the largest stream yet: not zeroed and allocated for every stream.
    thread_local std::vector<unsigned char> packed;
    if (const std::size_t bound = libdeflate_zlib_compress_bound(compressor, data.size()); packed.size() < bound)
        packed.resize(bound);
    const std::size_t size = libdeflate_zlib_compress(compressor, data.data(), data.size(), packed.data(), packed.size());
    if (size == 0) return false;
    if (!hold(stream_dict, std::string(reinterpret_cast<const char*>(packed.data()), size))) return false;
    stream_dict->filter = HPDF_STREAM_FILTER_NONE;
    stream_dict->write_fn = name_flate_filter;
    return true;
}

bool write_plain(HPDF_Dict stream_dict, std::string_view data) {
    if (!stream_dict || !stream_dict->stream || !hold(stream_dict, std::string(data))) return false;
    stream_dict->filter = HPDF_STREAM_FILTER_NONE;
    return true;
}

std::string deflated(std::string_view data) {
    libdeflate_compressor* compressor = thread_compressor();
    if (!compressor) return {};
    std::string packed(libdeflate_zlib_compress_bound(compressor, data.size()), '\0');
    packed.resize(libdeflate_zlib_compress(compressor, data.data(), data.size(), packed.data(), packed.size()));
    return packed;
}

bool recompress_stream(HPDF_Dict stream_dict) {
    if (!stream_dict || !stream_dict->stream) return true;
    if (stream_dict->filter != HPDF_STREAM_FILTER_NONE && stream_dict->filter != HPDF_STREAM_FILTER_FLATE_DECODE)
        return true;
    HPDF_Stream stream = stream_dict->stream;
    std::string raw(HPDF_Stream_Size(stream), '\0');
    auto size = static_cast<HPDF_UINT>(raw.size());
    if (!raw.empty() && (HPDF_Stream_Seek(stream, 0, HPDF_SEEK_SET) != HPDF_OK ||
                         HPDF_Stream_Read(stream, reinterpret_cast<HPDF_BYTE*>(raw.data()), &size) != HPDF_OK ||
                         size != raw.size())) {
        return false;
    }
    HPDF_MemStream_FreeData(stream);
    return write_deflated(stream_dict, raw);
}

HPDF_String text_string_object(HPDF_MMgr mmgr, std::string_view utf8) {
    HPDF_String s = HPDF_String_New(mmgr, "", nullptr);
    if (!s) return nullptr;
    const std::string bytes = text_string_bytes(utf8);  // UTF-16 holds zero bytes: not a C string
    auto* value = static_cast<HPDF_BYTE*>(HPDF_GetMem(mmgr, static_cast<HPDF_UINT>(bytes.size() + 1)));
    if (!value) {
        HPDF_String_Free(s);
        return nullptr;
    }
    std::memcpy(value, bytes.data(), bytes.size());
    value[bytes.size()] = 0;
    HPDF_FreeMem(mmgr, s->value);
    s->value = value;
    s->len = static_cast<HPDF_UINT>(bytes.size());
    return s;
}

std::optional<std::string> shortened_text_string(const std::string& text) {
    if (text.size() <= max_text_string_bytes) return std::nullopt;
    std::size_t cut = max_text_string_bytes - 3;
    while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
    return text.substr(0, cut) + "\u2026";
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

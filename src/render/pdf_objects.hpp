// SPDX-License-Identifier: MIT
// Small helpers over libharu's object layer (hpdf_objects.h) for what its page API does slowly or not at all.
#pragma once

#include <hpdf.h>
#include <hpdf_objects.h>

#include <optional>
#include <string>
#include <string_view>

namespace closeplan::render {

/// Fills a libharu stream dictionary with `data` compressed (zlib format, by
/// libdeflate at its fastest level), and names the FlateDecode filter.
/// libharu would otherwise deflate the stream with zlib at its default level
/// while saving: for a page of text that was a fifth of the whole PDF's
/// cost, for a few hundred bytes saved.
/// The dictionary's stream is replaced by one that holds the compressed bytes
/// (whoever kept the old stream, a page's attributes, takes the new one).
/// Returns false (libharu's error state set) when the stream cannot be written.
bool write_deflated(HPDF_Dict stream_dict, std::string_view data);

/// Fills a libharu stream dictionary with `data` as it is (no filter), held as
/// write_deflated holds its bytes: libharu's memory stream would copy them in and
/// out a byte at a time.
bool write_plain(HPDF_Dict stream_dict, std::string_view data);

/// `data` compressed as write_deflated does it (zlib format, libdeflate's fastest
/// level), for streams closeplan writes itself (the object and cross-reference streams).
std::string deflated(std::string_view data);

/// Compresses, as write_deflated does, a stream libharu filled: a decoded
/// PNG's pixels (libharu would deflate them at zlib's default level while
/// saving) and its alpha mask (which libharu leaves uncompressed). A stream
/// with another filter (a JPEG's DCT data) is left as it is.
bool recompress_stream(HPDF_Dict stream_dict);

/// A text string in the document's info, outline or structure is written as
/// UTF-16BE; each UTF-8 byte becomes at most two bytes of it, so this many UTF-8
/// bytes stay inside the PDF's limit on a string (32,767 bytes) and libharu's.
constexpr std::size_t max_text_string_bytes = 16000;

/// A libharu string holding `utf8` as a PDF text string's bytes (text_string_bytes:
/// PDFDocEncoding, else UTF-16BE), without an encoder: write_pdf_file writes it as
/// append_text_string writes UTF-8, so libharu's UTF-8 encoder (whose tables cost
/// more to set up than a page costs to paint) is never needed. Null when out of memory.
HPDF_String text_string_object(HPDF_MMgr mmgr, std::string_view utf8);

/// `text` cut at a code point to max_text_string_bytes, with an ellipsis; nullopt when it fits.
std::optional<std::string> shortened_text_string(const std::string& text);

/// A new indirect dictionary in the document (added to its cross-reference table).
HPDF_Dict new_indirect_dict(HPDF_Doc pdf);

/// A font dictionary for one of the standard 14 fonts in WinAnsiEncoding.
/// Viewers carry their metrics, so the dictionary names the font and no more
/// (what libharu writes too, after building a width table it then ignores).
HPDF_Font new_standard_font(HPDF_Doc pdf, const char* base_font);

}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// Writing a tagged PDF file: libharu's objects and the structure tree, compactly.
#pragma once

#include <hpdf.h>

#include <cstdint>
#include <string>
#include <string_view>

namespace closeplan::render {

class structure_tree;

/// Appends `n` in decimal (a PDF integer), without a temporary string.
void append_number(std::string& out, std::size_t n);

/// A text string (ISO 32000-1, 7.9.2.2) from UTF-8, as a literal: in PDFDocEncoding
/// when every character has a byte there (ASCII and most of Latin-1: a German or
/// French title), else UTF-16BE with its byte order mark. Literal, not hex: a byte
/// or two a character, not four. A backslash escapes the parentheses, itself and a
/// carriage return (which a reader would take as a line feed).
void append_text_string(std::string& out, std::string_view utf8);

/// The bytes of that text string, before escaping: what a libharu string
/// without an encoder holds to be written the same way (text_string_object).
std::string text_string_bytes(std::string_view utf8);

/// `bytes` as a literal string, escaped as append_text_string escapes them.
void append_literal_string(std::string& out, std::string_view bytes);

/// The objects of one object stream (ISO 32000-1, 7.5.7) as they are added:
/// begin() an object, append its text to `body`.
struct object_stream {
    std::string header;  ///< "number offset " pairs
    std::string body;
    std::uint32_t count = 0;
    void begin(std::uint32_t number);
};

/// Writes the document libharu holds as one PDF 1.7 file, in place of
/// HPDF_SaveToStream: streams (page contents, fonts, images, metadata) as
/// objects of their own; every other object (pages, fonts' dictionaries,
/// annotations, outlines, the catalog, and the structure tree's root and
/// elements, `tree`) in one deflated object stream; a cross-reference stream
/// whose trailer keys carry `id` (hex; empty = none). libharu would write the
/// small objects as plain text with a 20-byte cross-reference line each: for a
/// one-page plan the compact file is a fifth smaller. Empty when libharu fails.
std::string write_pdf_file(HPDF_Doc pdf, const structure_tree& tree, const std::string& id);

}  // namespace closeplan::render

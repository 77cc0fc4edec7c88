// SPDX-License-Identifier: MIT
// Writing a tagged PDF file: libharu's objects and the structure tree, compactly.
#pragma once

#include <hpdf.h>

#include <charconv>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace closeplan::render {

class structure_tree;

/// Appends `n` in decimal (a PDF integer), without a temporary string.
void append_number(std::string& out, std::size_t n);

/// Bytes gathered in a buffer on the stack and appended to `out` a few hundred
/// at a time (and when it goes): a structure element is some twenty pieces
/// (names, numbers, references), each of which would otherwise be an append of
/// its own, with its size check and a memcpy call for three bytes.
class gathered_bytes {
public:
    explicit gathered_bytes(std::string& out) : out_(out) {}
    ~gathered_bytes() { flush(); }
    gathered_bytes(const gathered_bytes&) = delete;
    gathered_bytes& operator=(const gathered_bytes&) = delete;

    void text(std::string_view s) {
        if (s.size() > room()) return text_after_flush(s);  // out of line, so this stays small enough to inline
        std::memcpy(at_, s.data(), s.size());
        at_ += s.size();
    }
    void byte(char c) {
        if (room() == 0) flush();
        *at_++ = c;
    }
    void number(std::size_t n) {
        if (room() < max_digits) flush();
        at_ = std::to_chars(at_, at_ + max_digits, n).ptr;
    }
    /// An indirect reference, "n 0 R".
    void reference(std::uint32_t n) {
        number(n);
        text(" 0 R");
    }
    /// Appends what is gathered; the string is then whole up to here.
    void flush() {
        out_.append(buffer_, static_cast<std::size_t>(at_ - buffer_));
        at_ = buffer_;
    }

private:
    void text_after_flush(std::string_view s);
    static constexpr std::size_t capacity = 480;
    static constexpr std::size_t max_digits = 20;  ///< a 64-bit number
    [[nodiscard]] std::size_t room() const { return static_cast<std::size_t>(buffer_ + capacity - at_); }
    std::string& out_;
    char buffer_[capacity];
    char* at_ = buffer_;
};

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

// SPDX-License-Identifier: MIT
#include "render/pdf_file.hpp"

#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_list.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <vector>

#include "layout/winansi.hpp"
#include "render/pdf_objects.hpp"
#include "render/pdf_structure.hpp"

namespace closeplan::render {

void append_number(std::string& out, std::size_t n) {
    char digits[24];
    const auto end = std::to_chars(digits, digits + sizeof digits, n).ptr;
    out.append(digits, static_cast<std::size_t>(end - digits));
}

// Code points that are the same byte in PDFDocEncoding (ISO 32000-1, D.2): tab,
// line ends, printable ASCII and Latin-1's letters and signs (not its no-break
// space, whose byte is the euro sign there, nor the soft hyphen, which it leaves undefined).
bool pdfdoc_byte(char32_t cp) {
    return cp == '\t' || cp == '\n' || cp == '\r' || (cp >= 0x20 && cp < 0x7F) || (cp > 0xA0 && cp <= 0xFF && cp != 0xAD);
}

std::string text_string_bytes(std::string_view utf8) {
    // Printable ASCII (most titles and alternative texts) is its own PDFDocEncoding bytes.
    if (std::all_of(utf8.begin(), utf8.end(), [](char c) { return c >= 0x20 && c < 0x7F; })) return std::string(utf8);
    std::string bytes;
    bool single_bytes = true;
    for (std::size_t pos = 0; pos < utf8.size() && single_bytes;) single_bytes = pdfdoc_byte(layout::next_code_point(utf8, pos));
    if (single_bytes) {
        for (std::size_t pos = 0; pos < utf8.size();) bytes.push_back(static_cast<char>(layout::next_code_point(utf8, pos)));
        return bytes;
    }
    const auto unit = [&](unsigned u) {
        bytes.push_back(static_cast<char>(u >> 8));
        bytes.push_back(static_cast<char>(u & 0xFFu));
    };
    unit(0xFEFFu);
    for (std::size_t pos = 0; pos < utf8.size();) {
        const auto cp = static_cast<unsigned>(layout::next_code_point(utf8, pos));
        if (cp >= 0x10000) {
            unit(0xD800u + ((cp - 0x10000u) >> 10));
            unit(0xDC00u + ((cp - 0x10000u) & 0x3FFu));
        } else {
            unit(cp);
        }
    }
    return bytes;
}

void append_literal_string(std::string& out, std::string_view bytes) {
    out += '(';
    // Bytes that stand for themselves go in runs, one append each.
    std::size_t run = 0;
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        const char c = bytes[i];
        if (c != '(' && c != ')' && c != '\\' && c != '\r') continue;
        out.append(bytes.data() + run, i - run);
        run = i + 1;
        const char escaped[2] = {'\\', c == '\r' ? 'r' : c};
        out.append(escaped, 2);
    }
    out.append(bytes.data() + run, bytes.size() - run);
    out += ')';
}

void append_text_string(std::string& out, std::string_view utf8) { append_literal_string(out, text_string_bytes(utf8)); }

void gathered_bytes::text_after_flush(std::string_view s) {
    flush();
    if (s.size() > capacity) {
        out_.append(s);
        return;
    }
    std::memcpy(at_, s.data(), s.size());
    at_ += s.size();
}

void object_stream::begin(std::uint32_t number) {
    char pair[2 * 21];
    char* at = std::to_chars(pair, pair + 20, number).ptr;
    *at++ = ' ';
    at = std::to_chars(at, at + 20, body.size()).ptr;
    *at++ = ' ';
    header.append(pair, static_cast<std::size_t>(at - pair));
    ++count;
}

namespace {

// A libharu stream whose bytes go to the end of a std::string.
HPDF_STATUS append_bytes(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
    static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(bytes), size);
    return HPDF_OK;
}

struct stream_free {
    void operator()(HPDF_Stream s) const { HPDF_Stream_Free(s); }
};
using stream_ptr = std::unique_ptr<HPDF_Stream_Rec, stream_free>;

std::uint32_t number_of(const void* obj) { return static_cast<const HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFFu; }

bool is_stream(const void* obj) {
    const auto* header = static_cast<const HPDF_Obj_Header*>(obj);
    return (header->obj_class & HPDF_OCLASS_ANY) == HPDF_OCLASS_DICT && static_cast<const HPDF_Dict_Rec*>(obj)->stream;
}

// A name (7.3.5): regular characters as they are (in runs, one append each), the rest as #xx.
constexpr std::array<bool, 256> regular_in_name = [] {
    std::array<bool, 256> regular{};
    for (unsigned c = 0x21; c < 0x7F; ++c) regular[c] = true;
    for (const char c : std::string_view("()<>[]{}/%#")) regular[static_cast<unsigned char>(c)] = false;
    return regular;
}();

void append_name(std::string& out, const char* name) {
    static constexpr char hex[] = "0123456789ABCDEF";
    out += '/';
    const char* run = name;
    for (const char* c = name;; ++c) {
        const auto b = static_cast<unsigned char>(*c);
        if (b != 0 && regular_in_name[b]) continue;
        out.append(run, static_cast<std::size_t>(c - run));
        if (b == 0) return;
        const char escaped[3] = {'#', hex[b >> 4], hex[b & 15]};
        out.append(escaped, 3);
        run = c + 1;
    }
}

// Whether a number or keyword written next needs a separator: after a regular
// character (a name's, a number's, a keyword's), not after a delimiter or a space.
bool needs_space(const std::string& out) { return !out.empty() && !std::strchr("()<>[]{}\n ", out.back()); }

// A libharu object in the object stream, compactly: no line per key, no spaces
// around delimiters, names' slashes not escaped in literal strings, text strings
// as append_text_string writes them (libharu writes a UTF-8 string as UTF-16 hex,
// four digits a character). The dictionaries' write hooks run as libharu's own
// HPDF_Dict_Write runs them; binary strings and anything else are libharu's
// (`fallback` appends to `out`). Same objects, a third fewer bytes to
// deflate for a one-page plan.
bool write_compact(void* obj, std::string& out, HPDF_Stream fallback) {
    auto* header = static_cast<HPDF_Obj_Header*>(obj);
    if (header->obj_class == HPDF_OCLASS_PROXY) {
        const auto* target = static_cast<const HPDF_Obj_Header*>(static_cast<HPDF_Proxy>(obj)->obj);
        if (needs_space(out)) out += ' ';
        append_number(out, target->obj_id & 0x00FFFFFFu);
        out += ' ';
        append_number(out, target->gen_no);
        out += " R";
        return true;
    }
    switch (header->obj_class & HPDF_OCLASS_ANY) {
        case HPDF_OCLASS_NAME:
            append_name(out, static_cast<HPDF_Name>(obj)->value);
            return true;
        case HPDF_OCLASS_NUMBER: {
            if (needs_space(out)) out += ' ';
            char digits[16];
            out.append(digits, std::to_chars(digits, digits + sizeof digits, static_cast<HPDF_Number>(obj)->value).ptr);
            return true;
        }
        case HPDF_OCLASS_REAL: {
            // The shortest decimal that reads back as the same float (fixed: PDF has no exponents).
            if (needs_space(out)) out += ' ';
            char digits[64];
            const auto end =
                std::to_chars(digits, digits + sizeof digits, static_cast<HPDF_Real>(obj)->value, std::chars_format::fixed);
            if (end.ec != std::errc{}) return false;
            out.append(digits, end.ptr);
            return true;
        }
        case HPDF_OCLASS_BOOLEAN:
            if (needs_space(out)) out += ' ';
            out += static_cast<HPDF_Boolean>(obj)->value ? "true" : "false";
            return true;
        case HPDF_OCLASS_NULL:
            if (needs_space(out)) out += ' ';
            out += "null";
            return true;
        case HPDF_OCLASS_STRING: {
            // Bytes as they are; text libharu holds in UTF-8 (its encoder says so) as a text string.
            const auto* s = static_cast<HPDF_String>(obj);
            if (!s->encoder) {
                append_literal_string(out, {reinterpret_cast<const char*>(s->value), s->len});
                return true;
            }
            if (std::strcmp(s->encoder->name, "UTF-8") != 0) break;
            append_text_string(out, {reinterpret_cast<const char*>(s->value), s->len});
            return true;
        }
        case HPDF_OCLASS_ARRAY: {
            const HPDF_List items = static_cast<HPDF_Array>(obj)->list;
            out += '[';
            for (HPDF_UINT i = 0; i < items->count; ++i) {
                void* item = HPDF_List_ItemAt(items, i);
                if (!item) return false;
                if (static_cast<HPDF_Obj_Header*>(item)->obj_id & HPDF_OTYPE_HIDDEN) continue;
                if (!write_compact(item, out, fallback)) return false;
            }
            out += ']';
            return true;
        }
        case HPDF_OCLASS_DICT: {
            auto* dict = static_cast<HPDF_Dict>(obj);
            if (dict->stream) break;  // streams are libharu's, outside the object stream
            out += "<<";
            if (dict->before_write_fn && dict->before_write_fn(dict) != HPDF_OK) return false;
            for (HPDF_UINT i = 0; i < dict->list->count; ++i) {
                const auto* element = static_cast<HPDF_DictElement>(HPDF_List_ItemAt(dict->list, i));
                if (!element || !element->value) return false;
                if (static_cast<HPDF_Obj_Header*>(element->value)->obj_id & HPDF_OTYPE_HIDDEN) continue;
                append_name(out, element->key);
                if (!write_compact(element->value, out, fallback)) return false;
            }
            if (dict->write_fn && dict->write_fn(dict, fallback) != HPDF_OK) return false;
            out += ">>";
            return !dict->after_write_fn || dict->after_write_fn(dict) == HPDF_OK;
        }
        default:
            break;
    }
    // libharu's own writing, after a separator it may need.
    out += ' ';
    return HPDF_Obj_WriteValue(obj, fallback, nullptr) == HPDF_OK;
}

}  // namespace

std::string write_pdf_file(HPDF_Doc pdf, const structure_tree& tree, const std::string& id) {
    // The header's second line: bytes over 127, so transfer programs take the file as binary.
    std::string file = "%PDF-1.7\n%\xB7\xBE\xAD\xAA\n";
    object_stream objects;
    objects.body.reserve(16384);
    const stream_ptr to_file(HPDF_CallbackWriter_New(pdf->mmgr, append_bytes, &file));
    const stream_ptr to_objects(HPDF_CallbackWriter_New(pdf->mmgr, append_bytes, &objects.body));
    if (!to_file || !to_objects) return {};

    HPDF_Xref xref = pdf->xref;  // a new document has one section, from object 0
    const std::uint32_t count = xref->entries->count;
    const std::uint32_t tree_root = tree.root_number();
    // Where each object is: its offset in the file, or its index in the object stream.
    struct place {
        bool in_stream = false;
        std::size_t at = 0;
    };
    std::vector<place> places(count + tree.element_count() + 2);

    // Streams first: writing one sets its /Length, an object of its own that goes
    // into the object stream afterwards.
    for (std::uint32_t i = 1; i < count; ++i) {
        void* obj = HPDF_Xref_GetEntry(xref, i)->obj;
        if (!is_stream(obj)) continue;
        places[i] = {false, file.size()};
        append_number(file, i);
        file += " 0 obj\n";
        if (HPDF_Obj_WriteValue(obj, to_file.get(), nullptr) != HPDF_OK) return {};
        file += "\nendobj\n";
    }
    for (std::uint32_t i = 1; i < count; ++i) {
        void* obj = HPDF_Xref_GetEntry(xref, i)->obj;
        if (is_stream(obj) || i == tree_root) continue;  // the tree's root is written below
        places[i] = {true, objects.count};
        objects.begin(i);
        if (!write_compact(obj, objects.body, to_objects.get())) return {};
        objects.body += '\n';
    }
    // The structure tree: its root in libharu's placeholder's place, the elements after libharu's objects.
    const std::uint32_t object_stream_number = count;
    const std::uint32_t first_element = count + 1;
    places[tree_root] = {true, objects.count};
    const std::size_t tree_from = objects.count + 1;
    tree.write_objects(objects, first_element);
    for (std::uint32_t e = 0; e < tree.element_count(); ++e) places[first_element + e] = {true, tree_from + e};
    const std::uint32_t xref_number = first_element + static_cast<std::uint32_t>(tree.element_count());

    // Level 1, as for page content: for a one-page plan's 10 KB of objects, level 6
    // cost 0.70M instructions against level 1's 0.32M (a batch deal's whole PDF is
    // ~3M) for 270 bytes (3%) less.
    const std::string packed = deflated(objects.header + objects.body);
    places[object_stream_number] = {false, file.size()};
    file += std::to_string(object_stream_number) + " 0 obj\n<</Type/ObjStm/N " + std::to_string(objects.count) +
            "/First " + std::to_string(objects.header.size()) + "/Filter/FlateDecode/Length " +
            std::to_string(packed.size()) + ">>\nstream\n";
    file += packed;
    file += "\nendstream\nendobj\n";

    // The cross-reference stream (7.5.8): rows of type (1 byte), offset or object
    // stream number (4 bytes), generation or index in the object stream (2; 4 when
    // a huge plan's stream holds more objects than 2 bytes count).
    const std::size_t xref_at = file.size();
    places[xref_number] = {false, xref_at};
    const int index_bytes = objects.count > 0xFFFF ? 4 : 2;
    const std::size_t width = static_cast<std::size_t>(5 + index_bytes);
    // Each row after its predictor byte (the PNG Up predictor, 7.4.4.4): each row is
    // written as its difference to the row above, a zero for a number that did not
    // change, so a row of the object stream deflates to a few bits; a third of the
    // cross-reference stream's bytes.
    std::string rows(static_cast<std::size_t>(xref_number + 1) * (width + 1), '\0');
    std::size_t at = 0;
    const auto row = [&](unsigned type, std::size_t field2, std::size_t field3) {
        rows[at++] = 2;  // Up
        rows[at++] = static_cast<char>(type);
        for (int shift = 24; shift >= 0; shift -= 8) rows[at++] = static_cast<char>((field2 >> shift) & 0xFFu);
        for (int shift = 8 * (index_bytes - 1); shift >= 0; shift -= 8) rows[at++] = static_cast<char>((field3 >> shift) & 0xFFu);
    };
    row(0, 0, 0xFFFF);  // object 0: the head of the free list
    for (std::uint32_t i = 1; i <= xref_number; ++i) {
        if (places[i].in_stream) row(2, object_stream_number, places[i].at);
        else row(1, places[i].at, 0);
    }
    // The differences, from the last row up, so each row is taken from the one above as it was written.
    for (std::size_t r = xref_number; r > 0; --r) {
        char* const below = rows.data() + r * (width + 1) + 1;
        const char* const above = below - (width + 1);
        for (std::size_t i = 0; i < width; ++i) below[i] = static_cast<char>(below[i] - above[i]);
    }
    const std::string packed_rows = deflated(rows);
    std::string dict = "<</Type/XRef/Size " + std::to_string(xref_number + 1) + "/Root " +
                       std::to_string(number_of(pdf->catalog)) + " 0 R";
    if (pdf->info) dict += "/Info " + std::to_string(number_of(pdf->info)) + " 0 R";
    if (!id.empty()) dict += "/ID[<" + id + "><" + id + ">]";
    dict += "/W[1 4 " + std::to_string(index_bytes) + "]/Filter/FlateDecode/DecodeParms<</Predictor 12/Columns " +
            std::to_string(width) + ">>/Length " + std::to_string(packed_rows.size()) + ">>";
    file += std::to_string(xref_number) + " 0 obj\n" + dict + "\nstream\n";
    file += packed_rows;
    file += "\nendstream\nendobj\nstartxref\n" + std::to_string(xref_at) + "\n%%EOF\n";
    return file;
}

}  // namespace closeplan::render

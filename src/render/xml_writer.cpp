// SPDX-License-Identifier: MIT
// libxml2's xmlTextWriter behind a small C++ face (render/xml_writer.hpp).
#include "render/xml_writer.hpp"

#include <libxml/xmlwriter.h>

#include <new>

#include "support/utf8.hpp"

namespace closeplan::render {

std::string xml_safe_text(std::string_view text) {
    const std::string valid = utf8::find_invalid(text) ? utf8::replace_invalid(text) : std::string(text);
    std::string out;
    out.reserve(valid.size());
    for (std::size_t i = 0; i < valid.size(); ++i) {
        const auto c = static_cast<unsigned char>(valid[i]);
        if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') continue;
        // U+FFFE and U+FFFF are EF BF BE and EF BF BF.
        if (c == 0xEF && i + 2 < valid.size() && static_cast<unsigned char>(valid[i + 1]) == 0xBF &&
            (static_cast<unsigned char>(valid[i + 2]) & 0xFE) == 0xBE) {
            i += 2;
            continue;
        }
        out += valid[i];
    }
    return out;
}

namespace {
const xmlChar* as_xml(const char* s) { return reinterpret_cast<const xmlChar*>(s); }
}  // namespace

struct xml_writer::state {
    xmlBufferPtr buffer = nullptr;
    xmlTextWriterPtr writer = nullptr;
    bool failed = false;
    void check(int rc) { failed = failed || rc < 0; }
};

xml_writer::xml_writer() : s_(std::make_unique<state>()) {
    s_->buffer = xmlBufferCreate();
    if (s_->buffer) s_->writer = xmlNewTextWriterMemory(s_->buffer, 0);
    if (!s_->writer) throw std::bad_alloc();
    s_->check(xmlTextWriterStartDocument(s_->writer, "1.0", "UTF-8", "yes"));
}

xml_writer::~xml_writer() {
    if (s_->writer) xmlFreeTextWriter(s_->writer);
    if (s_->buffer) xmlBufferFree(s_->buffer);
}

xml_writer& xml_writer::open(const char* name) {
    s_->check(xmlTextWriterStartElement(s_->writer, as_xml(name)));
    return *this;
}

xml_writer& xml_writer::attr(const char* name, std::string_view value) {
    const auto safe = xml_safe_text(value);
    s_->check(xmlTextWriterWriteAttribute(s_->writer, as_xml(name), as_xml(safe.c_str())));
    return *this;
}

xml_writer& xml_writer::text(std::string_view value) {
    const auto safe = xml_safe_text(value);
    s_->check(xmlTextWriterWriteString(s_->writer, as_xml(safe.c_str())));
    return *this;
}

xml_writer& xml_writer::close() {
    s_->check(xmlTextWriterEndElement(s_->writer));
    return *this;
}

xml_writer& xml_writer::leaf(const char* name, const char* attr_name, std::string_view value) {
    open(name);
    if (attr_name) attr(attr_name, value);
    return close();
}

std::string xml_writer::finish() {
    s_->check(xmlTextWriterEndDocument(s_->writer));
    s_->check(xmlTextWriterFlush(s_->writer));
    // libxml2 fails only when it cannot allocate.
    if (s_->failed) throw std::bad_alloc();
    return std::string(reinterpret_cast<const char*>(xmlBufferContent(s_->buffer)),
                       static_cast<std::size_t>(xmlBufferLength(s_->buffer)));
}

}  // namespace closeplan::render

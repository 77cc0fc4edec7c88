// SPDX-License-Identifier: MIT
// A streaming XML writer over libxml2's xmlTextWriter (the one file that uses
// libxml2's writer): every text and attribute value is escaped by libxml2 and
// stripped first of what XML 1.0 forbids, so untrusted text stays text.
#pragma once

#include <memory>
#include <string>
#include <string_view>

namespace closeplan::render {

/// `text` with every character XML 1.0 forbids left out (C0 controls other
/// than tab, line feed and carriage return, U+FFFE, U+FFFF) and any invalid
/// UTF-8 replaced by U+FFFD.
std::string xml_safe_text(std::string_view text);

/// Writes one XML document: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>`
/// then elements opened and closed in order. Names are the caller's own
/// constants ("w:p"); values and text may be anything.
class xml_writer {
public:
    xml_writer();
    ~xml_writer();
    xml_writer(const xml_writer&) = delete;
    xml_writer& operator=(const xml_writer&) = delete;

    xml_writer& open(const char* name);
    xml_writer& attr(const char* name, std::string_view value);
    xml_writer& text(std::string_view value);
    xml_writer& close();
    /// An element with attributes and nothing inside: leaf("w:b") or leaf("w:sz", "w:val", "16").
    xml_writer& leaf(const char* name, const char* attr_name = nullptr, std::string_view value = {});
    /// Closes what is open and returns the document.
    std::string finish();

private:
    struct state;
    std::unique_ptr<state> s_;
};

}  // namespace closeplan::render

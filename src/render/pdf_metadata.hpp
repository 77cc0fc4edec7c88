// SPDX-License-Identifier: MIT
// The document-level parts of a tagged PDF: the XMP metadata stream, the catalog's
// viewer preferences and the PDF version.
#pragma once

#include <hpdf.h>

#include <string>
#include <string_view>

#include "render/pdf_standard.hpp"

namespace closeplan::render {

/// What the XMP packet says; the same strings as the info dictionary, so readers
/// that prefer either find the same title (PDF/A asks that they agree).
struct pdf_metadata {
    std::string title, author, subject, lang, creator, producer;
    pdf_standard standard;  ///< pdfuaid:part 1, pdfaid:part 2 and conformance
};

/// The XMP packet (ISO 16684-1): dc:title, dc:creator, dc:description, dc:language,
/// xmp:CreatorTool, pdf:Producer. Text is XML-escaped; no dates, so the same
/// document gives the same bytes.
std::string xmp_packet(const pdf_metadata& meta);

/// Adds the packet as the catalog's /Metadata stream, /ViewerPreferences
/// << /DisplayDocTitle true >>, and raises the file's version to 1.7 (structure
/// elements and /Tabs are PDF 1.5). False when libharu failed.
///
/// The stream is plain, not deflated, in every file: as XMP asks (so that tools
/// which do not read PDF find the packet by scanning) and PDF/A prefers. A
/// one-page plan's packet is under 1 KB; deflating it saved ~450 bytes a file
/// but cost 76K instructions, a fiftieth of a batch deal's PDF (most of it the
/// compressor's fixed cost per stream).
bool write_document_metadata(HPDF_Doc pdf, const std::string& xmp);

/// The sRGB ICC profile of icc-profiles-free (/usr/share/color/icc/sRGB.icc),
/// read once per process; empty when it is not installed.
const std::string& srgb_profile();

/// The catalog's /OutputIntents: one PDF/A output intent whose destination
/// profile is `icc` (sRGB, three components), compressed.
bool write_output_intent(HPDF_Doc pdf, const std::string& icc);

/// The trailer's /ID: two equal 16-byte strings that digest `content` (the
/// pages' content and the metadata), so the same document has the same ID.
/// Returns the identifier in hex, for the trailer of a later update.
std::string write_file_id(HPDF_Doc pdf, std::string_view content_digest_input);

}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
#include "render/pdf_metadata.hpp"

#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include <array>
#include <cstdint>
#include <fstream>
#include <iterator>

#include "render/escape.hpp"
#include "render/pdf_objects.hpp"

namespace closeplan::render {

namespace {

// XML text: control characters become spaces (XML 1.0 allows none but tab and
// line ends), & < > " ' become references.
std::string xml_text(const std::string& text) {
    const auto shortened = shortened_text_string(text);
    return escape_html_attribute(shortened ? *shortened : text);
}

void alt(std::string& out, const char* element, const std::string& text) {
    out += "   <";
    out += element;
    out += "><rdf:Alt><rdf:li xml:lang=\"x-default\">" + xml_text(text) + "</rdf:li></rdf:Alt></";
    out += element;
    out += ">\n";
}

}  // namespace

std::string xmp_packet(const pdf_metadata& meta) {
    std::string out =
        "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
        "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
        " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
        "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
        "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"";
    // Only the identification schemas the file claims are declared.
    if (meta.standard.pdfa) out += "\n    xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"";
    if (meta.standard.ua1) out += "\n    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"";
    out += ">\n   <dc:format>application/pdf</dc:format>\n";
    if (meta.standard.pdfa) {
        out += "   <pdfaid:part>2</pdfaid:part>\n   <pdfaid:conformance>";
        out += meta.standard.pdfa;
        out += "</pdfaid:conformance>\n";
    }
    if (meta.standard.ua1) out += "   <pdfuaid:part>1</pdfuaid:part>\n";
    if (!meta.title.empty()) alt(out, "dc:title", meta.title);
    if (!meta.author.empty())
        out += "   <dc:creator><rdf:Seq><rdf:li>" + xml_text(meta.author) + "</rdf:li></rdf:Seq></dc:creator>\n";
    if (!meta.subject.empty()) alt(out, "dc:description", meta.subject);
    if (!meta.lang.empty())
        out += "   <dc:language><rdf:Bag><rdf:li>" + xml_text(meta.lang) + "</rdf:li></rdf:Bag></dc:language>\n";
    if (!meta.creator.empty()) out += "   <xmp:CreatorTool>" + xml_text(meta.creator) + "</xmp:CreatorTool>\n";
    if (!meta.producer.empty()) out += "   <pdf:Producer>" + xml_text(meta.producer) + "</pdf:Producer>\n";
    out += "  </rdf:Description>\n";
    // PDF/A admits only the schemas it lists or that the file describes: PDF/UA's is described.
    if (meta.standard.pdfa && meta.standard.ua1)
        out +=
            "  <rdf:Description rdf:about=\"\" xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\"\n"
            "    xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">\n"
            "   <pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
            "    <pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>\n"
            "    <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
            "    <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
            "    <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">\n"
            "     <pdfaProperty:name>part</pdfaProperty:name>\n"
            "     <pdfaProperty:valueType>Integer</pdfaProperty:valueType>\n"
            "     <pdfaProperty:category>internal</pdfaProperty:category>\n"
            "     <pdfaProperty:description>Part of ISO 14289 the file follows</pdfaProperty:description>\n"
            "    </rdf:li></rdf:Seq></pdfaSchema:property>\n"
            "   </rdf:li></rdf:Bag></pdfaExtension:schemas>\n"
            "  </rdf:Description>\n";
    out +=
        " </rdf:RDF>\n"
        "</x:xmpmeta>\n"
        "<?xpacket end=\"r\"?>";
    return out;
}

bool write_document_metadata(HPDF_Doc pdf, const std::string& xmp) {
    HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!stream) return false;
    stream->filter = HPDF_STREAM_FILTER_NONE;
    HPDF_Dict_AddName(stream, "Type", "Metadata");
    HPDF_Dict_AddName(stream, "Subtype", "XML");
    if (!write_plain(stream, xmp)) return false;
    HPDF_Dict_Add(pdf->catalog, "Metadata", stream);
    HPDF_Dict prefs = HPDF_Dict_New(pdf->mmgr);
    HPDF_Dict_Add(pdf->catalog, "ViewerPreferences", prefs);
    HPDF_Dict_AddBoolean(prefs, "DisplayDocTitle", HPDF_TRUE);
    pdf->pdf_version = HPDF_VER_17;
    return HPDF_GetError(pdf) == HPDF_OK;
}

const std::string& srgb_profile() {
    static const std::string bytes = [] {
        std::ifstream in("/usr/share/color/icc/sRGB.icc", std::ios::binary);
        std::string data{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
        // An ICC profile names its colour space at byte 16: "RGB " for sRGB.
        return data.size() > 128 && data.compare(16, 4, "RGB ") == 0 ? data : std::string();
    }();
    return bytes;
}

bool write_output_intent(HPDF_Doc pdf, const std::string& icc) {
    HPDF_Dict profile = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
    if (!profile) return false;
    HPDF_Dict_AddNumber(profile, "N", 3);
    if (!write_deflated(profile, icc)) return false;
    HPDF_Dict intent = HPDF_Dict_New(pdf->mmgr);
    HPDF_Array intents = HPDF_Array_New(pdf->mmgr);
    HPDF_Dict_Add(pdf->catalog, "OutputIntents", intents);
    HPDF_Array_Add(intents, intent);
    HPDF_Dict_AddName(intent, "Type", "OutputIntent");
    HPDF_Dict_AddName(intent, "S", "GTS_PDFA1");
    HPDF_Dict_Add(intent, "OutputConditionIdentifier", HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", nullptr));
    HPDF_Dict_Add(intent, "RegistryName", HPDF_String_New(pdf->mmgr, "http://www.color.org", nullptr));
    HPDF_Dict_Add(intent, "Info", HPDF_String_New(pdf->mmgr, "sRGB IEC61966-2.1", nullptr));
    HPDF_Dict_Add(intent, "DestOutputProfile", profile);
    return HPDF_GetError(pdf) == HPDF_OK;
}

std::string write_file_id(HPDF_Doc pdf, std::string_view content) {
    // Two 64-bit FNV-1a digests with different offsets: an identifier, not a security measure.
    std::array<HPDF_BYTE, 16> id{};
    for (std::size_t half = 0; half < 2; ++half) {
        std::uint64_t h = half == 0 ? 0xcbf29ce484222325ULL : 0x84222325cbf29ce4ULL;
        for (const char c : content) {
            h ^= static_cast<unsigned char>(c);
            h *= 0x100000001b3ULL;
        }
        for (std::size_t i = 0; i < 8; ++i) id[half * 8 + i] = static_cast<HPDF_BYTE>(h >> (56 - 8 * i));
    }
    HPDF_Array ids = HPDF_Array_New(pdf->mmgr);
    HPDF_Dict_Add(pdf->trailer, "ID", ids);
    HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, id.data(), static_cast<HPDF_UINT>(id.size())));
    HPDF_Array_Add(ids, HPDF_Binary_New(pdf->mmgr, id.data(), static_cast<HPDF_UINT>(id.size())));
    static constexpr char digits[] = "0123456789ABCDEF";
    std::string hex;
    for (const auto b : id) {
        hex.push_back(digits[b >> 4]);
        hex.push_back(digits[b & 15]);
    }
    return hex;
}

}  // namespace closeplan::render

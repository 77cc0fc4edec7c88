// SPDX-License-Identifier: MIT
// The DOCX package: the parts of render/docx_writer.hpp, their relationships
// and content types, zipped with fixed timestamps (render/zip_package.hpp).
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <fstream>
#include <iterator>
#include <memory>

#include "render/docx.hpp"
#include "render/docx_writer.hpp"
#include "render/render.hpp"
#include "render/xml_writer.hpp"
#include "render/zip_package.hpp"

namespace closeplan::render {

namespace {

constexpr const char* ns_package_rels = "http://schemas.openxmlformats.org/package/2006/relationships";
constexpr const char* rel_base = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

std::string content_types(const detail::docx_references& refs) {
    xml_writer x;
    x.open("Types").attr("xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
    x.open("Default").attr("Extension", "rels").attr("ContentType", "application/vnd.openxmlformats-package.relationships+xml").close();
    x.open("Default").attr("Extension", "xml").attr("ContentType", "application/xml").close();
    bool png = false, jpeg = false;
    for (const auto& image : refs.images) (image.part.ends_with(".png") ? png : jpeg) = true;
    if (png) x.open("Default").attr("Extension", "png").attr("ContentType", "image/png").close();
    if (jpeg) x.open("Default").attr("Extension", "jpeg").attr("ContentType", "image/jpeg").close();
    const auto override_part = [&](const char* part, const char* type) {
        x.open("Override").attr("PartName", part).attr("ContentType", type).close();
    };
    override_part("/word/document.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml");
    override_part("/word/styles.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml");
    override_part("/word/numbering.xml", "application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml");
    override_part("/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    x.close();
    return x.finish();
}

std::string package_relationships() {
    xml_writer x;
    x.open("Relationships").attr("xmlns", ns_package_rels);
    x.open("Relationship").attr("Id", "rId1").attr("Type", std::string(rel_base) + "officeDocument")
        .attr("Target", "word/document.xml").close();
    x.open("Relationship").attr("Id", "rId2")
        .attr("Type", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties")
        .attr("Target", "docProps/core.xml").close();
    x.close();
    return x.finish();
}

std::string document_relationships(const detail::docx_references& refs) {
    xml_writer x;
    x.open("Relationships").attr("xmlns", ns_package_rels);
    x.open("Relationship").attr("Id", "rId1").attr("Type", std::string(rel_base) + "styles").attr("Target", "styles.xml").close();
    x.open("Relationship").attr("Id", "rId2").attr("Type", std::string(rel_base) + "numbering").attr("Target", "numbering.xml").close();
    for (const auto& r : refs.relationships) {
        x.open("Relationship").attr("Id", r.id).attr("Type", std::string(rel_base) + (r.external ? "hyperlink" : "image"))
            .attr("Target", r.target);
        if (r.external) x.attr("TargetMode", "External");
        x.close();
    }
    x.close();
    return x.finish();
}

// Title and language only: no dates, so the same plan gives the same bytes.
std::string core_properties(const view::document& doc) {
    xml_writer x;
    x.open("cp:coreProperties")
        .attr("xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties")
        .attr("xmlns:dc", "http://purl.org/dc/elements/1.1/");
    x.open("dc:title").text(doc.title).close();
    if (!doc.lang.empty()) x.open("dc:language").text(doc.lang).close();
    x.open("dc:creator").text(doc.generator).close();
    x.close();
    return x.finish();
}

}  // namespace

std::string render_docx(const view::document& doc, const render_context& ctx, diagnostic_sink& diags) {
    const auto look = detail::docx_look_for(ctx);
    detail::docx_references refs;
    auto body = detail::docx_document_xml(doc, ctx, look, refs, diags);
    std::vector<zip_part> parts;
    parts.push_back({"[Content_Types].xml", content_types(refs)});
    parts.push_back({"_rels/.rels", package_relationships()});
    parts.push_back({"docProps/core.xml", core_properties(doc)});
    parts.push_back({"word/document.xml", std::move(body)});
    parts.push_back({"word/_rels/document.xml.rels", document_relationships(refs)});
    parts.push_back({"word/styles.xml", ctx.docx_styles.empty()
                                            ? detail::docx_styles_xml(look, ctx.look.get("font.stack"), ctx.look.get("font.mono_stack"))
                                            : ctx.docx_styles});
    parts.push_back({"word/numbering.xml", detail::docx_numbering_xml(refs)});
    for (auto& image : refs.images) parts.push_back({"word/" + image.part, std::move(image.bytes)});
    return write_zip(parts);
}

std::optional<std::string> reference_docx_styles(std::string_view bytes, const std::string& file, diagnostic_sink& diags) {
    const auto refuse = [&](const std::string& why, int line, int column) {
        diags.error("T416", "--reference-docx \"" + file + "\": " + why, {file, line, column, "word/styles.xml"},
                    {"give a .docx saved by Word or LibreOffice (its styles replace closeplan's)"});
        return std::nullopt;
    };
    if (bytes.size() > max_reference_docx_bytes)
        return refuse("larger than " + std::to_string(max_reference_docx_bytes >> 20) + " MiB", 0, 0);
    std::string problem;
    auto styles = read_zip_entry(bytes, "word/styles.xml", max_reference_styles_bytes, problem);
    if (!styles) return refuse(problem, 0, 0);
    // Well-formed XML whose root is w:styles, read without the network, DTDs or entity expansion.
    const int size = static_cast<int>(styles->size());
    std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> parsed(
        xmlReadMemory(styles->data(), size, "styles.xml", nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
        xmlFreeDoc);
    if (!parsed) {
        const xmlError* err = xmlGetLastError();
        const std::string message = err && err->message ? err->message : "not well-formed XML";
        xmlResetLastError();
        return refuse("word/styles.xml is not well-formed XML: " + message.substr(0, message.find_last_not_of('\n') + 1),
                      err ? err->line : 0, err ? err->int2 : 0);
    }
    const xmlNode* root = xmlDocGetRootElement(parsed.get());
    const bool is_styles = root && root->name && std::string_view(reinterpret_cast<const char*>(root->name)) == "styles" &&
                           root->ns && root->ns->href &&
                           std::string_view(reinterpret_cast<const char*>(root->ns->href)) == detail::ns_w;
    if (!is_styles) return refuse("word/styles.xml is not a w:styles part of WordprocessingML", root ? root->line : 0, 0);
    if (parsed->intSubset) return refuse("word/styles.xml has a document type declaration, which styles never need", 0, 0);
    return styles;
}

std::optional<std::string> read_reference_docx(const std::string& path, diagnostic_sink& diags) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        diags.error("T415", "--reference-docx \"" + path + "\" cannot be read", {path, 0, 0, {}},
                    {"check the path; the file is a .docx whose styles the DOCX output takes"});
        return std::nullopt;
    }
    std::string bytes;
    char chunk[65536];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
        bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > max_reference_docx_bytes) break;
    }
    return reference_docx_styles(bytes, path, diags);
}

}  // namespace closeplan::render

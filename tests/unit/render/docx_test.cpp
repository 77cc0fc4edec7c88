// SPDX-License-Identifier: MIT
// The DOCX writer: the package's parts, hostile text kept as text, widths from
// content, determinism, and the --reference-docx checks.
#include <gtest/gtest.h>
#include <libxml/parser.h>

#include <algorithm>
#include <regex>

#include "render/column_widths.hpp"
#include "render/docx.hpp"
#include "render/xml_writer.hpp"
#include "render/zip_package.hpp"
#include "sample_document.hpp"

namespace closeplan::render {
namespace {

using namespace closeplan::render::testing;

// `docx_styles`: the word/styles.xml the pipeline read from --reference-docx.
std::string render_doc(const view::document& doc, diagnostic_sink& diags, std::string docx_styles = {}) {
    const template_set templates;
    const auto look = style::built_in();
    const render_request request{};
    const render_context ctx{templates, look, request, {}, std::move(docx_styles)};
    return render_docx(doc, ctx, diags);
}

std::string part(const std::string& docx, const std::string& name) {
    std::string problem;
    auto bytes = read_zip_entry(docx, name, 16u << 20, problem);
    EXPECT_TRUE(bytes) << name << ": " << problem;
    return bytes ? *bytes : std::string();
}

bool well_formed(const std::string& xml) {
    xmlDocPtr doc = xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "part.xml", nullptr,
                                  XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
    if (!doc) return false;
    xmlFreeDoc(doc);
    return true;
}

TEST(XmlSafeText, DropsWhatXml10Forbids) {
    EXPECT_EQ(xml_safe_text(std::string("a\x01" "b\x0c" "c\td\ne", 9)), "abc\td\ne");
    EXPECT_EQ(xml_safe_text(std::string("x\0y", 3)), "xy");
    EXPECT_EQ(xml_safe_text("\xEF\xBF\xBE" "ok" "\xEF\xBF\xBF"), "ok");
    EXPECT_EQ(xml_safe_text("bad \xC3 utf8"), "bad \xEF\xBF\xBD utf8");
}

TEST(XmlWriter, EscapesTextAndAttributes) {
    xml_writer x;
    x.open("w:t").attr("v", "\"<&>'").text("]]> <w:p> & \x07 bell").close();
    const auto xml = x.finish();
    EXPECT_TRUE(well_formed(xml)) << xml;
    EXPECT_EQ(xml.find("<w:p>"), std::string::npos);
    EXPECT_NE(xml.find("]]&gt; &lt;w:p&gt; &amp;  bell"), std::string::npos) << xml;
}

view::document hostile_document() {
    auto doc = sample_document();
    doc.title = std::string("Plan <w:p><w:r><w:t>x</w:t></w:r></w:p> ]]> \x01\x1b end", 51);
    view::section s;
    s.key = "summary";
    s.title = "</w:t> heading";
    // Links reach the writer only checked; a forged one must still stay text.
    s.content.push_back(para({a("javascript:alert(1)", "click"), t(" and "), a("https://example.com/?a=1&b=<2>", "safe"),
                              t(" and "), a("mailto:x@example.com", "mail"), t(" and "), a("data:text/html,hi", "data")}));
    doc.sections.insert(doc.sections.begin(), s);
    return doc;
}

TEST(Docx, HostileTextStaysText) {
    diagnostic_sink diags;
    const auto docx = render_doc(hostile_document(), diags);
    ASSERT_FALSE(docx.empty());
    const auto body = part(docx, "word/document.xml");
    const auto rels = part(docx, "word/_rels/document.xml.rels");
    EXPECT_TRUE(well_formed(body));
    EXPECT_TRUE(well_formed(rels));
    EXPECT_EQ(rels.find("javascript:"), std::string::npos) << rels;
    EXPECT_EQ(rels.find("data:"), std::string::npos) << rels;
    EXPECT_NE(rels.find("Target=\"https://example.com/?a=1&amp;b=&lt;2&gt;\" TargetMode=\"External\""), std::string::npos) << rels;
    EXPECT_NE(rels.find("Target=\"mailto:x@example.com\""), std::string::npos);
    EXPECT_NE(body.find("Plan &lt;w:p&gt;&lt;w:r&gt;&lt;w:t&gt;x&lt;/w:t&gt;&lt;/w:r&gt;&lt;/w:p&gt; ]]&gt;  end"), std::string::npos);
    EXPECT_NE(body.find(">click<"), std::string::npos);  // the forged link's text, as text
    EXPECT_EQ(body.find('\x01'), std::string::npos);
}

TEST(Docx, SameDocumentSameBytes) {
    diagnostic_sink diags;
    const auto first = render_doc(sample_document(), diags);
    const auto second = render_doc(sample_document(), diags);
    EXPECT_EQ(first, second);
    EXPECT_EQ(first.substr(0, 2), "PK");
}

TEST(Docx, PartsAndStyles) {
    diagnostic_sink diags;
    const auto docx = render_doc(sample_document(), diags);
    for (const char* name : {"[Content_Types].xml", "_rels/.rels", "docProps/core.xml", "word/document.xml",
                             "word/styles.xml", "word/numbering.xml", "word/_rels/document.xml.rels"})
        EXPECT_TRUE(well_formed(part(docx, name))) << name;
    const auto styles = part(docx, "word/styles.xml");
    for (const char* name : {"closeplan Heading 1", "closeplan Heading 2", "closeplan Table", "closeplan Status Done",
                             "closeplan Title", "closeplan Table Heading", "closeplan Side Buyer"})
        EXPECT_NE(styles.find(std::string("w:val=\"") + name + "\""), std::string::npos) << name;
    const auto body = part(docx, "word/document.xml");
    EXPECT_NE(body.find("<w:tblHeader/>"), std::string::npos);
    EXPECT_NE(body.find("<w:rStyle w:val=\"closeplanStatusDone\"/>"), std::string::npos);
}

TEST(Docx, MilestoneColumnsAreNotEqual) {
    diagnostic_sink diags;
    const auto body = part(render_doc(sample_document(), diags), "word/document.xml");
    // The first table with a header row: the milestones.
    const auto header = body.find("<w:tblHeader/>");
    ASSERT_NE(header, std::string::npos);
    const auto grid_start = body.rfind("<w:tblGrid>", header);
    const auto grid_end = body.find("</w:tblGrid>", grid_start);
    const std::string grid = body.substr(grid_start, grid_end - grid_start);
    std::vector<int> widths;
    const std::regex col("w:w=\"([0-9]+)\"");
    for (auto it = std::sregex_iterator(grid.begin(), grid.end(), col); it != std::sregex_iterator(); ++it)
        widths.push_back(std::stoi((*it)[1]));
    ASSERT_GE(widths.size(), 3u);
    EXPECT_LT(*std::min_element(widths.begin(), widths.end()) * 3, *std::max_element(widths.begin(), widths.end()));
}

TEST(ColumnWidths, ShortColumnsGetTheirLineAndWordsAlwaysFit) {
    const std::vector<detail::column_need> needs = {{2, 2}, {60, 400}, {30, 70}, {40, 90}};
    const auto widths = detail::share_width(needs, 300);
    double total = 0;
    for (double w : widths) total += w;
    EXPECT_NEAR(total, 300, 1e-6);
    EXPECT_DOUBLE_EQ(widths[0], 2);
    EXPECT_DOUBLE_EQ(widths[2], 70);
    for (std::size_t i = 0; i < needs.size(); ++i) EXPECT_GE(widths[i], needs[i].min);
}

std::string docx_with_styles(const std::string& styles) {
    return write_zip({{"[Content_Types].xml", "<Types/>"}, {"word/styles.xml", styles}});
}

TEST(ReferenceDocx, TakesAWellFormedStylesPart) {
    diagnostic_sink diags;
    const std::string styles =
        "<?xml version=\"1.0\"?><w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>";
    const auto taken = reference_docx_styles(docx_with_styles(styles), "brand.docx", diags);
    ASSERT_TRUE(taken);
    EXPECT_EQ(*taken, styles);
    EXPECT_FALSE(diags.has_errors());

    EXPECT_EQ(part(render_doc(sample_document(), diags, *taken), "word/styles.xml"), styles);
}

TEST(ReferenceDocx, RefusesWhatIsNotADocxWithStyles) {
    const auto refused = [](const std::string& bytes, const std::string& says) {
        diagnostic_sink diags;
        EXPECT_FALSE(reference_docx_styles(bytes, "brand.docx", diags));
        ASSERT_EQ(diags.all().size(), 1u);
        EXPECT_EQ(diags.all()[0].code, "T416");
        EXPECT_EQ(diags.all()[0].where.file, "brand.docx");
        EXPECT_NE(diags.all()[0].message.find(says), std::string::npos) << diags.all()[0].message;
    };
    refused("not a zip", "not a zip archive");
    refused(write_zip({{"word/document.xml", "<x/>"}}), "has no word/styles.xml");
    refused(docx_with_styles("<w:styles"), "not well-formed");
    refused(docx_with_styles("<styles/>"), "not a w:styles part");
    refused(docx_with_styles("<!DOCTYPE w:styles [<!ENTITY a \"b\">]><w:styles "
                             "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>"),
            "document type declaration");
    // Inflates past the bound: refused while reading, whatever the archive says.
    refused(docx_with_styles(std::string(max_reference_styles_bytes + 1, ' ')), "inflates to more than");
}

TEST(ReferenceDocx, UnreadableFileIsT415) {
    diagnostic_sink diags;
    EXPECT_FALSE(read_reference_docx("/nonexistent/brand.docx", diags));
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(diags.all()[0].code, "T415");
}

}  // namespace
}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// --pdf-standard values and the XMP packet that states them.
#include <gtest/gtest.h>

#include "render/pdf_metadata.hpp"
#include "render/pdf_standard.hpp"

namespace closeplan::render {
namespace {

TEST(PdfStandard, ParsesEachValueAndCombinations) {
    std::string problem;
    EXPECT_EQ(parse_pdf_standard("", problem), pdf_standard{});
    EXPECT_EQ(parse_pdf_standard("ua-1", problem), (pdf_standard{true, 0}));
    EXPECT_EQ(parse_pdf_standard("a-2b", problem), (pdf_standard{false, 'B'}));
    EXPECT_EQ(parse_pdf_standard("a-2u", problem), (pdf_standard{false, 'U'}));
    EXPECT_EQ(parse_pdf_standard("ua-1,a-2b", problem), (pdf_standard{true, 'B'}));
    EXPECT_EQ(parse_pdf_standard("a-2u,ua-1", problem), (pdf_standard{true, 'U'}));
    EXPECT_TRUE(parse_pdf_standard("ua-1", problem)->embeds_fonts());
    EXPECT_FALSE(pdf_standard{}.embeds_fonts());
}

TEST(PdfStandard, RefusesUnknownNamesAndTwoConformances) {
    std::string problem;
    EXPECT_FALSE(parse_pdf_standard("a-1b", problem));
    EXPECT_NE(problem.find("ua-1, a-2b, a-2u"), std::string::npos) << problem;
    EXPECT_FALSE(parse_pdf_standard("a-2b,a-2u", problem));
    EXPECT_NE(problem.find("not both"), std::string::npos) << problem;
    EXPECT_FALSE(parse_pdf_standard("ua-1,", problem));
}

TEST(Xmp, SaysTitleAndStandardsAndEscapesText) {
    pdf_metadata meta{"Plan <A & B>", "Acme \"Q\"", "Deal", "de", "closeplan", "libharu", {true, 'B'}};
    const auto xmp = xmp_packet(meta);
    EXPECT_NE(xmp.find("<rdf:li xml:lang=\"x-default\">Plan &lt;A &amp; B&gt;</rdf:li>"), std::string::npos) << xmp;
    EXPECT_NE(xmp.find("Acme &quot;Q&quot;"), std::string::npos);
    EXPECT_NE(xmp.find("<pdfaid:part>2</pdfaid:part>"), std::string::npos);
    EXPECT_NE(xmp.find("<pdfaid:conformance>B</pdfaid:conformance>"), std::string::npos);
    EXPECT_NE(xmp.find("<pdfuaid:part>1</pdfuaid:part>"), std::string::npos);
    EXPECT_NE(xmp.find("<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>"), std::string::npos);
    const auto plain = xmp_packet({"T", "", "", "en", "closeplan", "", {}});
    EXPECT_EQ(plain.find("pdfaid:part>"), std::string::npos);
    EXPECT_EQ(plain.find("pdfuaid:part>"), std::string::npos);
    EXPECT_EQ(plain, xmp_packet({"T", "", "", "en", "closeplan", "", {}}));  // no dates: the same bytes
}

}  // namespace
}  // namespace closeplan::render

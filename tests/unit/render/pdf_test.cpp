// SPDX-License-Identifier: MIT
// The PDF painter: valid files (qpdf, poppler), text order, fonts, links, determinism and hostile logos.
#include <gtest/gtest.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "layout/fonts.hpp"
#include "pdf_test_support.hpp"
#include "render/pdf.hpp"
#include "render/pdf_content.hpp"
#include "render/pdf_file.hpp"
#include "render/pdf_images.hpp"
#include "render/pdf_objects.hpp"

namespace closeplan::render {
namespace {

using namespace closeplan::layout;
using pdf_test::run;

const color ink{0.12, 0.16, 0.2};

paged_document sample(bool embedded) {
    paged_document d;
    d.title = embedded ? "Käufer ✓ Łódź" : "Mutual action plan — Northwind";
    d.author = "Dana Seller";
    d.subject = "Buyer plan";
    if (embedded) {
        const font_paths f;
        d.fonts = font_choice{true, "Liberation Sans", {f.regular, f.bold, f.italic, f.bold_italic}};
    }
    page p;
    p.items.push_back({text_run{36, 740, font_face::bold, 14, ink, embedded ? "Plan für Łódź Жук" : "Mutual action plan"}});
    p.items.push_back({rule{36, 730, 576, 730, 0.5, ink, false}});
    p.items.push_back({text_run{36, 712, font_face::regular, 9, ink, "First: security review"}});
    p.items.push_back({text_run{36, 700, font_face::italic, 9, ink, "Second: legal sign-off"}});
    p.items.push_back({box{36, 650, 80, 14, color{0.9, 0.95, 1}, color{0.2, 0.4, 0.8}, 0.5, 4}});
    p.items.push_back({text_run{40, 654, font_face::bold_italic, 8, ink, "Third: on track €"}});
    p.items.push_back({rule{36, 640, 576, 640, 0.5, ink, true}});
    p.items.push_back({box{36, 600, 50, 20, std::nullopt, ink, 1, 0}});
    p.items.push_back({text_run{36, 620, font_face::regular, 9, color{0, 0, 1}, "Fourth: deal room"}});
    p.items.push_back({link_area{36, 618, 80, 10, "https://example.com/deal room/ü"}});
    d.pages.push_back(p);
    return d;
}

class Pdf : public ::testing::Test {
protected:
    pdf_test::temp_dir dir_;

    std::string write_pdf(const std::string& name, const std::string& bytes) { return dir_.write(name, bytes); }
    static void expect_valid(const std::string& path) {
        const auto r = run("qpdf --check '" + path + "'");
        EXPECT_EQ(r.status, 0) << r.output;
        EXPECT_EQ(r.output.find("WARNING"), std::string::npos) << r.output;
    }
};

TEST_F(Pdf, TheCatalogNamesTheDocumentsLanguageWhenTheTagIsValid) {
    for (const auto& [tag, expected] : {std::pair{"de-CH", "/Lang (de-CH)"}, std::pair{"x\") /JS (alert", ""}}) {
        auto doc = sample(false);
        doc.lang = tag;
        diagnostic_sink diags;
        const auto path = write_pdf("lang.pdf", render_pdf(doc, diags));
        expect_valid(path);
        const auto qdf = run("qpdf --qdf --object-streams=disable '" + path + "' -");
        if (*expected) {
            EXPECT_NE(qdf.output.find(expected), std::string::npos) << tag;
        } else {
            EXPECT_EQ(qdf.output.find("/Lang"), std::string::npos) << "an invalid tag is left out";
        }
    }
}

TEST_F(Pdf, StandardFontDocumentIsValidSmallAndUnembedded) {
    diagnostic_sink diags;
    const std::string bytes = render_pdf(sample(false), diags);
    ASSERT_TRUE(diags.all().empty()) << diags.all().front().message;
    ASSERT_TRUE(bytes.starts_with("%PDF-"));
    EXPECT_NE(bytes.find("%%EOF", bytes.size() - 8), std::string::npos);
    EXPECT_LT(bytes.size(), 5000u);
    const auto path = write_pdf("standard.pdf", bytes);
    expect_valid(path);

    const auto info = run("pdfinfo '" + path + "'");
    EXPECT_NE(info.output.find("Pages:           1\n"), std::string::npos) << info.output;
    EXPECT_NE(info.output.find("Mutual action plan — Northwind"), std::string::npos) << info.output;
    EXPECT_NE(info.output.find("Creator:         closeplan\n"), std::string::npos) << info.output;
    EXPECT_EQ(info.output.find("CreationDate"), std::string::npos) << info.output;
    EXPECT_NE(info.output.find("612 x 792"), std::string::npos) << info.output;

    const auto fonts = run("pdffonts '" + path + "'");
    EXPECT_NE(fonts.output.find("Helvetica "), std::string::npos) << fonts.output;
    EXPECT_NE(fonts.output.find("Helvetica-BoldOblique"), std::string::npos) << fonts.output;
    EXPECT_EQ(fonts.output.find(" yes "), std::string::npos) << "nothing embedded:\n" << fonts.output;

    const auto text = run("pdftotext -layout '" + path + "' -");
    const auto first = text.output.find("Mutual action plan");
    const auto a = text.output.find("First: security review");
    const auto b = text.output.find("Second: legal sign-off");
    const auto c = text.output.find("Third: on track €");
    const auto e = text.output.find("Fourth: deal room");
    ASSERT_NE(c, std::string::npos) << text.output;
    EXPECT_TRUE(first < a && a < b && b < c && c < e) << text.output;
}

// The tagged file writes libharu's objects itself (render/pdf_file.cpp): text
// strings as literals, one byte a character where PDFDocEncoding has the
// character (Latin-1 titles), else UTF-16BE; readers must see the same text.
TEST_F(Pdf, InfoStringsAreCompactLiteralsThatReadBackTheSame) {
    auto doc = sample(false);
    doc.title = "Zählerdaten (Gas) \\ Wärme\r";  // parentheses, a backslash and a carriage return escaped
    doc.author = "Дана Руис";                   // outside PDFDocEncoding: UTF-16BE
    doc.subject = "Deal\u00A0room";               // a no-break space is the euro sign's byte there: UTF-16BE
    diagnostic_sink diags;
    const auto path = write_pdf("info.pdf", render_pdf(doc, diags));
    expect_valid(path);
    const auto info = run("pdfinfo '" + path + "'");
    EXPECT_NE(info.output.find("Title:           Zählerdaten (Gas) \\ Wärme"), std::string::npos) << info.output;
    EXPECT_NE(info.output.find("Author:          Дана Руис\n"), std::string::npos) << info.output;
    EXPECT_NE(info.output.find("Subject:         Deal\u00A0room\n"), std::string::npos) << info.output;
    // One byte a character: qpdf shows the Latin-1 title as a literal, not as UTF-16 hex.
    const auto qdf = run("qpdf --qdf --object-streams=disable '" + path + "' -");
    EXPECT_NE(qdf.output.find("/Title (Z"), std::string::npos) << qdf.output.substr(0, 2000);
}

TEST(PdfTextString, PdfDocEncodingWhenItHoldsTheTextElseUtf16) {
    const auto written = [](std::string_view utf8) {
        std::string out;
        append_text_string(out, utf8);
        return out;
    };
    EXPECT_EQ(written("Plan (A) \\ B"), "(Plan \\(A\\) \\\\ B)");
    EXPECT_EQ(written("a\rb"), "(a\\rb)");
    EXPECT_EQ(written("Zähler ß"), "(Z\xE4hler \xDF)");
    EXPECT_EQ(written("\u00A0"), std::string("(\xFE\xFF\x00\xA0)", 6));
    EXPECT_EQ(written("Ж"), std::string("(\xFE\xFF\x04\x16)", 6));
    EXPECT_EQ(written("\U0001F600"), std::string("(\xFE\xFF\xD8\x3D\xDE\x00)", 8));
    EXPECT_EQ(written("("), "(\\()");
    EXPECT_EQ(written("Ĩ"), std::string("(\xFE\xFF\x01\\()", 7));  // a UTF-16 byte that is "(" is escaped
}

// Info, bookmark and annotation strings are libharu strings holding the text
// string's bytes (no UTF-8 encoder to set up); written, they are what
// append_text_string writes from the UTF-8.
TEST(PdfTextString, AStringObjectHoldsTheBytesAppendTextStringWrites) {
    HPDF_Doc doc = HPDF_New(nullptr, nullptr);
    ASSERT_NE(doc, nullptr);
    for (const std::string utf8 : {"Plan (A) \\ B", "a\rb", "Zähler ß", "\u00A0", "Ж", "\U0001F600", "Ĩ", "", "計画 (v2)"}) {
        const HPDF_String s = text_string_object(doc->mmgr, utf8);
        ASSERT_NE(s, nullptr);
        EXPECT_EQ(s->encoder, nullptr);
        std::string expected, written;
        append_text_string(expected, utf8);
        append_literal_string(written, {reinterpret_cast<const char*>(s->value), s->len});
        EXPECT_EQ(written, expected) << utf8;
        HPDF_String_Free(s);
    }
    HPDF_Free(doc);
}

TEST_F(Pdf, LinkAnnotationHasNoBorderAndAnEncodedUri) {
    diagnostic_sink diags;
    const auto path = write_pdf("link.pdf", render_pdf(sample(false), diags));
    const auto qdf = run("qpdf --qdf --object-streams=disable '" + path + "' -");
    EXPECT_NE(qdf.output.find("/Subtype /Link"), std::string::npos);
    EXPECT_NE(qdf.output.find("/Border [\n    0\n    0\n    0\n  ]"), std::string::npos) << qdf.output;
    EXPECT_NE(qdf.output.find("(https://example.com/deal%20room/%C3%BC)"), std::string::npos);
}

TEST_F(Pdf, RefusedLinkIsLeftOutWithAWarning) {
    auto d = sample(false);
    d.pages[0].items.push_back({link_area{0, 0, 10, 10, "javascript:alert(1)"}});
    diagnostic_sink diags;
    const auto bytes = render_pdf(d, diags);
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(diags.all()[0].code, "O501");
    EXPECT_EQ(diags.all()[0].level, severity::warning);
    EXPECT_EQ(bytes.find("javascript"), std::string::npos);
}

// What the PDF format and libharu cannot hold never fails the document (issue 13).
TEST_F(Pdf, LimitsOfThePdfFormatAreWarningsNeverAFailedDocument) {
    auto d = sample(false);
    d.title = std::string(70000, 'T');
    d.outline.push_back({std::string(70000, 'B'), 0, 700});
    // A URL longer than a PDF string, a link far below the page (a layout
    // overflow: libharu takes no number past -32,767) and a run of 70,000 bytes.
    d.pages[0].items.push_back({link_area{36, 500, 80, 10, "https://example.com/" + std::string(70000, 'a')}});
    d.pages[0].items.push_back({link_area{36, -40000, 80, 10, "https://example.com/below"}});
    d.pages[0].items.push_back({text_run{36, 480, font_face::regular, 9, ink, std::string(70000, 'x')}});
    diagnostic_sink diags;
    const auto bytes = render_pdf(d, diags);
    ASSERT_FALSE(bytes.empty());
    EXPECT_FALSE(diags.has_errors());
    std::vector<std::string> codes;
    for (const auto& diag : diags.all()) codes.push_back(diag.code);
    EXPECT_EQ(codes, (std::vector<std::string>{"O535", "O535", "O535"}));
    const auto path = write_pdf("limits.pdf", bytes);
    EXPECT_EQ(run("qpdf --check '" + path + "' >/dev/null").status, 0);
    const auto qdf = run("qpdf --qdf --object-streams=disable '" + path + "' -");
    EXPECT_EQ(qdf.output.find("example.com/aaaa"), std::string::npos);
    EXPECT_EQ(qdf.output.find("example.com/below"), std::string::npos);
    EXPECT_NE(qdf.output.find("(https://example.com/deal%20room/%C3%BC)"), std::string::npos);
    // The long run is shown whole, in strings no longer than a PDF string may be.
    std::size_t shown = 0, longest = 0;
    for (std::size_t at = qdf.output.find("xxxx"); at != std::string::npos; at = qdf.output.find("xxxx", at)) {
        const auto end = qdf.output.find_first_not_of('x', at);
        shown += end - at;
        longest = std::max(longest, end - at);
        at = end;
    }
    EXPECT_EQ(shown, 70000u);
    EXPECT_LE(longest, content_stream::max_string_bytes);
}

TEST_F(Pdf, EmbeddedFontDocumentCarriesUnicode) {
    diagnostic_sink diags;
    const std::string bytes = render_pdf(sample(true), diags);
    ASSERT_TRUE(diags.all().empty()) << diags.all().front().message;
    const auto path = write_pdf("embedded.pdf", bytes);
    expect_valid(path);
    const auto info = run("pdfinfo '" + path + "'");
    EXPECT_NE(info.output.find("Käufer ✓ Łódź"), std::string::npos) << info.output;
    const auto fonts = run("pdffonts '" + path + "'");
    EXPECT_NE(fonts.output.find("LiberationSans"), std::string::npos) << fonts.output;
    EXPECT_EQ(fonts.output.find(" no  "), std::string::npos) << "all embedded:\n" << fonts.output;
    const auto text = run("pdftotext '" + path + "' -");
    EXPECT_NE(text.output.find("Plan für Łódź Жук"), std::string::npos) << text.output;
    EXPECT_NE(text.output.find("Third: on track €"), std::string::npos) << text.output;
    // libharu's own ToUnicode map is invalid; ours must not make poppler complain.
    EXPECT_EQ(text.output.find("Syntax Warning"), std::string::npos) << text.output;
    EXPECT_EQ(fonts.output.find("Syntax Warning"), std::string::npos) << fonts.output;
    // Subset to the glyphs shown: the four full Liberation Sans faces would be over 190 KB.
    EXPECT_LT(bytes.size(), 30000u) << bytes.size();
}

TEST_F(Pdf, SameInputGivesIdenticalBytesAcrossThreads) {
    diagnostic_sink d1, d2;
    const auto a = render_pdf(sample(false), d1);
    EXPECT_EQ(a, render_pdf(sample(false), d2));
    const auto e = render_pdf(sample(true), d1);
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < results.size(); ++i) {
        threads.emplace_back([&results, i] {
            diagnostic_sink diags;
            for (int n = 0; n < 5; ++n) results[i] = render_pdf(sample(i % 2 == 1), diags);
        });
    }
    for (auto& t : threads) t.join();
    for (std::size_t i = 0; i < results.size(); ++i) EXPECT_EQ(results[i], i % 2 ? e : a) << i;
}

TEST_F(Pdf, MissingFontFileIsAnO504ErrorAndNoOutput) {
    auto d = sample(true);
    d.fonts.files[0] = "/nonexistent/font.ttf";
    diagnostic_sink diags;
    EXPECT_TRUE(render_pdf(d, diags).empty());
    ASSERT_EQ(diags.error_count(), 1u);
    EXPECT_EQ(diags.all()[0].code, "O504");
    EXPECT_FALSE(diags.all()[0].hints.empty());
}

TEST_F(Pdf, SoundLogosArePainted) {
    std::vector<std::string> paths = {
        dir_.write("rgb.png", pdf_test::make_png(30, 20)),
        dir_.write("rgba.png", pdf_test::make_png(7, 9, true)),
        dir_.write("compressed.png", pdf_test::compressed_png()),
        dir_.write("logo.jpg", pdf_test::make_real_jpeg()),
    };
    auto d = sample(false);
    double x = 300;
    for (const auto& p : paths) {
        d.pages[0].items.push_back({image{x, 700, 40, 20, p}});
        d.pages[0].items.push_back({image{x, 600, 40, 20, p}});  // the same logo twice: loaded once
        x += 50;
    }
    diagnostic_sink diags;
    const auto path = write_pdf("logos.pdf", render_pdf(d, diags));
    for (const auto& di : diags.all()) ADD_FAILURE() << di.message;
    expect_valid(path);
    const auto list = run("pdfimages -list '" + path + "'");
    EXPECT_NE(list.output.find("smask"), std::string::npos) << list.output;  // RGBA keeps its alpha
    EXPECT_NE(list.output.find("jpeg"), std::string::npos) << list.output;
    // 2 header lines, 8 draws, 4 soft masks (two RGBA logos drawn twice), each logo one object.
    EXPECT_EQ(std::count(list.output.begin(), list.output.end(), '\n'), 2 + 8 + 4) << list.output;
}

std::string flip(std::string s, std::size_t at) {
    s[at] = static_cast<char>(s[at] ^ 0x5A);
    return s;
}

TEST_F(Pdf, LogoPixelsAndAlphaMaskAreCompressed) {
    auto d = sample(false);
    d.pages[0].items.push_back({image{300, 700, 100, 50, dir_.write("big.png", pdf_test::make_png(400, 200, true))}});
    diagnostic_sink diags;
    const auto bytes = render_pdf(d, diags);
    const auto path = write_pdf("big-logo.pdf", bytes);
    expect_valid(path);
    const auto list = run("pdfimages -list '" + path + "'");
    EXPECT_NE(list.output.find("smask"), std::string::npos) << list.output;
    // 400x200 pixels are 240 KB of colour and 80 KB of alpha uncompressed.
    EXPECT_LT(bytes.size(), 40000u) << list.output;
}

TEST_F(Pdf, BrokenLogosAreLeftOutWithAWarningNeverACrash) {
    const std::string png = pdf_test::make_png(30, 20);
    const std::size_t idat_data = 8 + 25 + 8 + 12;  // inside IDAT's pixel bytes
    std::string big_dims = std::string("\x89PNG\r\n\x1A\n", 8) + pdf_test::chunk("IHDR", pdf_test::ihdr(100000, 100000, 8, 2)) +
                           png.substr(8 + 25);
    std::string recrc = png;  // IDAT byte flipped AND its CRC fixed: only the zlib checksum can tell
    {
        const std::size_t start = 8 + 25;
        const std::uint32_t len = static_cast<std::uint32_t>(png.size() - start - 12 - 12);
        recrc = png.substr(0, start) + pdf_test::chunk("IDAT", flip(png.substr(start + 8, len), 20)) + png.substr(start + 12 + len);
    }
    std::string short_data = std::string("\x89PNG\r\n\x1A\n", 8) + pdf_test::chunk("IHDR", pdf_test::ihdr(30, 21, 8, 2)) +
                             png.substr(8 + 25);  // says 21 rows, has 20
    const std::string compressed = pdf_test::compressed_png();
    std::string broken_huffman = compressed;
    broken_huffman[compressed.find("IDAT") + 10] ^= 0x33;  // corrupt, then fix the CRC below
    {
        const std::size_t at = compressed.find("IDAT") - 4;
        const std::uint32_t len = (static_cast<unsigned char>(compressed[at + 2]) << 8) | static_cast<unsigned char>(compressed[at + 3]);
        broken_huffman = compressed.substr(0, at) + pdf_test::chunk("IDAT", broken_huffman.substr(at + 8, len)) +
                         compressed.substr(at + 12 + len);
    }
    const std::vector<std::pair<std::string, std::string>> cases = {
        {"idat_flip.png", flip(png, idat_data)},
        {"idat_flip_recrc.png", recrc},
        {"huffman_recrc.png", broken_huffman},
        {"truncated.png", png.substr(0, png.size() / 2)},
        {"no_iend.png", png.substr(0, png.size() - 12)},
        {"ihdr_crc.png", flip(png, 8 + 8 + 3)},
        {"huge.png", big_dims},
        {"short.png", short_data},
        {"zero.png", std::string("\x89PNG\r\n\x1A\n", 8) + pdf_test::chunk("IHDR", pdf_test::ihdr(0, 5, 8, 2)) + png.substr(8 + 25)},
        {"interlaced.png", std::string("\x89PNG\r\n\x1A\n", 8) + pdf_test::chunk("IHDR", pdf_test::ihdr(30, 20, 8, 2).substr(0, 12) + "\x01") + png.substr(8 + 25)},
        {"text.png", "this is not an image\n"},
        {"empty.png", ""},
        {"cmyk.jpg", pdf_test::make_jpeg(16, 8, 4)},
        {"truncated.jpg", pdf_test::make_jpeg(16, 8, 3).substr(0, 40)},
        {"huge.jpg", pdf_test::make_jpeg(60000, 60000, 3)},
        {"oversized.png", png + std::string(6u << 20, '\0')},
    };
    auto d = sample(false);
    for (const auto& [name, bytes] : cases) d.pages[0].items.push_back({image{300, 700, 40, 20, dir_.write(name, bytes)}});
    d.pages[0].items.push_back({image{300, 700, 40, 20, dir_.path("missing.png")}});
    diagnostic_sink diags;
    const auto out = render_pdf(d, diags);
    ASSERT_FALSE(out.empty());
    EXPECT_EQ(diags.error_count(), 0u);
    ASSERT_EQ(diags.warning_count(), cases.size() + 1);
    for (const auto& di : diags.all()) EXPECT_EQ(di.code, "O512") << di.message;
    const auto path = write_pdf("broken.pdf", out);
    expect_valid(path);
    const auto list = run("pdfimages -list '" + path + "'");
    EXPECT_EQ(std::count(list.output.begin(), list.output.end(), '\n'), 2) << list.output;
}

TEST(PdfImages, ChecksAndStripsAncillaryChunks) {
    std::string problem;
    const auto img = check_image_bytes(pdf_test::compressed_png(), problem);
    ASSERT_TRUE(img) << problem;
    EXPECT_EQ(img->width, 12u);
    EXPECT_EQ(img->height, 12u);
    EXPECT_EQ(img->bytes.find("iCCP"), std::string::npos);
    EXPECT_EQ(img->bytes.find("IDAT"), img->bytes.rfind("IDAT"));  // one IDAT
    EXPECT_FALSE(check_image_bytes(pdf_test::make_jpeg(16, 8, 4), problem));
    EXPECT_NE(problem.find("CMYK"), std::string::npos);
}

}  // namespace
}  // namespace closeplan::render

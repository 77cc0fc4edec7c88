// SPDX-License-Identifier: MIT
// Brand fonts and forced embedding from a style: which family each PDF gets,
// and style files that point at fonts they must not read.
#include <gtest/gtest.h>

#include <filesystem>

#include "pdf_test_support.hpp"
#include "render/render.hpp"
#include "sample_document.hpp"
#include "test_files.hpp"

namespace closeplan::render {
namespace {

namespace fs = std::filesystem;
using testing::all_text;
using testing::temp_folder;

const std::string fonts_dir = "/usr/share/fonts/truetype/liberation2/";

// Every font poppler sees in the PDF, one line each ("name type encoding emb ...").
std::string fonts_of_pdf(const temp_folder& dir, const std::string& bytes) {
    const auto path = dir.write("out.pdf", bytes);
    const auto qpdf = pdf_test::run("qpdf --check '" + path + "'");
    EXPECT_EQ(qpdf.status, 0) << qpdf.output;
    return pdf_test::run("pdffonts '" + path + "'").output;
}

std::string render_pdf_with(const style& look, diagnostic_sink& diags) {
    const template_set templates;
    const render_context ctx{templates, look, {}};
    return find_output_format("pdf")->write(testing::sample_document(), ctx, diags);
}

TEST(BrandFonts, TheDefaultLatinPlanUsesTheStandardFontUnembedded) {
    diagnostic_sink diags;
    temp_folder dir;
    const auto fonts = fonts_of_pdf(dir, render_pdf_with(style::built_in(), diags));
    EXPECT_NE(fonts.find("Helvetica"), std::string::npos) << fonts;
    EXPECT_EQ(fonts.find("CID TrueType"), std::string::npos) << fonts;
}

TEST(BrandFonts, EmbedAlwaysEmbedsLiberationSansForALatinPlan) {
    temp_folder dir;
    const auto path = dir.write("look.yaml", "font:\n  pdf:\n    embed: always\n");
    diagnostic_sink diags;
    const auto look = style::from_file(path, diags);
    ASSERT_TRUE(look) << all_text(diags);
    const auto fonts = fonts_of_pdf(dir, render_pdf_with(*look, diags));
    EXPECT_FALSE(diags.has_errors()) << all_text(diags);
    EXPECT_NE(fonts.find("LiberationSans"), std::string::npos) << fonts;
    EXPECT_EQ(fonts.find("Helvetica"), std::string::npos) << fonts;
    EXPECT_EQ(fonts.find(" no "), std::string::npos) << "every font embedded:\n" << fonts;
}

TEST(BrandFonts, ANamedFamilyIsEmbeddedAndMissingFacesFallBackToRegular) {
    temp_folder dir;
    fs::create_directories(fs::path(dir.path()) / "fonts");
    fs::copy_file(fonts_dir + "LiberationSerif-Regular.ttf", fs::path(dir.path()) / "fonts/Brand-Regular.ttf");
    fs::copy_file(fonts_dir + "LiberationSerif-Bold.ttf", fs::path(dir.path()) / "fonts/Brand-Bold.ttf");
    const auto path = dir.write("look.yaml",
                                "font:\n  pdf:\n    regular: fonts/Brand-Regular.ttf\n    bold: fonts/Brand-Bold.ttf\n");
    diagnostic_sink diags;
    const auto look = style::from_file(path, diags);
    ASSERT_TRUE(look) << all_text(diags);
    EXPECT_EQ(look->get("font.pdf.regular"), (fs::path(dir.path()) / "fonts/Brand-Regular.ttf").string());
    const auto bytes = render_pdf_with(*look, diags);
    EXPECT_FALSE(diags.has_errors()) << all_text(diags);
    const auto fonts = fonts_of_pdf(dir, bytes);
    EXPECT_NE(fonts.find("LiberationSerif-Bold"), std::string::npos) << fonts;
    EXPECT_NE(fonts.find("LiberationSerif "), std::string::npos) << fonts;
    EXPECT_EQ(fonts.find("LiberationSans"), std::string::npos) << fonts;
    EXPECT_EQ(fonts.find("Helvetica"), std::string::npos) << fonts;
    // Same style, same document: the same bytes.
    EXPECT_EQ(bytes, render_pdf_with(*look, diags));
}

TEST(BrandFonts, FontPathsThatLeaveTheStyleFolderOrAreNotTrueTypeAreLocatedErrors) {
    temp_folder dir;
    fs::create_directories(fs::path(dir.path()) / "style/sub");
    fs::create_symlink(fonts_dir + "LiberationSerif-Italic.ttf", fs::path(dir.path()) / "style/sub/link.ttf");
    dir.write("style/fake.ttf", "OTTO and then some CFF data");
    const auto path = dir.write("style/look.yaml",
                                "font:\n  pdf:\n    regular: ../x.ttf\n    bold: missing.ttf\n"
                                "    italic: fake.ttf\n    bold_italic: sub/link.ttf\n    embed: sometimes\n");
    diagnostic_sink diags;
    EXPECT_FALSE(style::from_file(path, diags));
    ASSERT_EQ(diags.error_count(), 5u) << all_text(diags);
    const auto text = all_text(diags);
    EXPECT_NE(text.find(path + ":3:14: error[T404]: `../x.ttf` is not a valid value for `font.pdf.regular`"),
              std::string::npos) << text;
    EXPECT_NE(text.find(":4:11: error[T404]: `font.pdf.bold`: font file"), std::string::npos) << text;
    EXPECT_NE(text.find("`font.pdf.italic`: \"fake.ttf\" is not a TrueType font\n"
                        "  hint: OpenType fonts with CFF outlines (.otf) cannot be embedded"),
              std::string::npos) << text;
    EXPECT_NE(text.find("`font.pdf.bold_italic`: \"sub/link.ttf\" leads outside the style file's folder"),
              std::string::npos) << text;
    EXPECT_NE(text.find("`sometimes` is not a valid value for `font.pdf.embed`"), std::string::npos) << text;
}

TEST(BrandFonts, BoldWithoutRegularIsAnError) {
    temp_folder dir;
    fs::copy_file(fonts_dir + "LiberationSerif-Bold.ttf", fs::path(dir.path()) / "Brand-Bold.ttf");
    const auto path = dir.write("look.yaml", "font:\n  pdf:\n    bold: Brand-Bold.ttf\n");
    diagnostic_sink diags;
    EXPECT_FALSE(style::from_file(path, diags));
    EXPECT_NE(all_text(diags).find("`font.pdf.regular` is missing"), std::string::npos) << all_text(diags);
}

}  // namespace
}  // namespace closeplan::render

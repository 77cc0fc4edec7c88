// SPDX-License-Identifier: MIT
// The fallback chain is resolved lazily (layout/font_chain.hpp): a Latin plan
// that embeds its family never initialises fontconfig nor loads a fallback
// face, and a plan in several scripts gets the same bytes whether its chain was
// resolved step by step while laying out or all at once before.
//
// ctest runs every test in its own process; run directly, the Latin test must
// come first (fontconfig, once read, stays read for the process).
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <thread>
#include <vector>

#include "layout/font_chain.hpp"
#include "layout/fonts.hpp"
#include "pdf_test_support.hpp"
#include "render/render.hpp"
#include "sample_document.hpp"
#include "test_files.hpp"

namespace closeplan::render {
namespace {

namespace fs = std::filesystem;
using testing::all_text;
using testing::temp_folder;

std::string render_pdf_with(const view::document& doc, const style& look, diagnostic_sink& diags) {
    const template_set templates;
    const render_context ctx{templates, look, {}};
    return find_output_format("pdf")->write(doc, ctx, diags);
}

// Text in Arabic and Thai inside an English plan: the chain resolves Liberation
// Sans's successors up to Noto Sans Thai, and the CJK step and Noto Sans stay unresolved.
view::document mixed_script_document() {
    auto doc = testing::sample_document();
    doc.buyer.name = "مجموعة الخليج · บริษัท สยาม";
    doc.deal_name += " (الرياض / กรุงเทพ)";
    return doc;
}

std::string read_all(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

TEST(FontChainLazy, ALatinPlanWithABrandFamilyNeverReadsFontconfigNorAFallbackFace) {
    temp_folder dir;
    fs::create_directories(fs::path(dir.path()) / "fonts");
    const std::string liberation = "/usr/share/fonts/truetype/liberation2/";
    for (const std::string face : {"Regular", "Bold", "Italic", "BoldItalic"})
        fs::copy_file(liberation + "LiberationSerif-" + face + ".ttf", fs::path(dir.path()) / ("fonts/Brand-" + face + ".ttf"));
    const auto path = dir.write("look.yaml",
                                "font:\n  pdf:\n    regular: fonts/Brand-Regular.ttf\n    bold: fonts/Brand-Bold.ttf\n"
                                "    italic: fonts/Brand-Italic.ttf\n    bold_italic: fonts/Brand-BoldItalic.ttf\n");
    diagnostic_sink diags;
    const auto look = style::from_file(path, diags);
    ASSERT_TRUE(look) << all_text(diags);
    const auto doc = testing::sample_document();
    const auto bytes = render_pdf_with(doc, *look, diags);
    EXPECT_FALSE(diags.has_errors()) << all_text(diags);
    ASSERT_FALSE(bytes.empty());

    EXPECT_FALSE(layout::fontconfig_initialised());
    layout::font_paths brand;
    brand.regular = (fs::path(dir.path()) / "fonts/Brand-Regular.ttf").string();
    brand.bold = (fs::path(dir.path()) / "fonts/Brand-Bold.ttf").string();
    brand.italic = (fs::path(dir.path()) / "fonts/Brand-Italic.ttf").string();
    brand.bold_italic = (fs::path(dir.path()) / "fonts/Brand-BoldItalic.ttf").string();
    const auto chain = layout::embedded_metrics(brand, doc.lang)->choice().chain;
    ASSERT_TRUE(chain);
    EXPECT_EQ(chain->resolved_entries(), 1u);  // the brand family only
    EXPECT_EQ(chain->pending_steps(), 1u + layout::fallback_steps(doc.lang).size());  // Liberation Sans, then the table

    // A character the brand family lacks resolves the chain up to the face that has it, and no further.
    EXPECT_EQ(chain->entry(static_cast<std::size_t>(chain->entry_of(U'ع'))).family, "Noto Sans Arabic");
    EXPECT_TRUE(layout::fontconfig_initialised());
    EXPECT_EQ(chain->resolved_entries(), 3u);  // brand, Liberation Sans, Noto Sans Arabic
}

TEST(FontChainLazy, LazyAndEagerResolutionGiveTheSameBytesForAMixedScriptPlan) {
    temp_folder dir;
    const auto doc = mixed_script_document();
    const auto chain = layout::embedded_metrics({}, doc.lang)->choice().chain;
    ASSERT_TRUE(chain);
    ASSERT_EQ(chain->resolved_entries(), 1u) << "this test needs a process whose chain is still unresolved";
    const std::string eager_file = (fs::path(dir.path()) / "eager.pdf").string();

    // Eager: a child process (forked, so its chain is as unresolved as ours)
    // resolves every step first, then renders.
    EXPECT_EXIT(
        {
            chain->resolve_all();
            if (chain->pending_steps() != 0) std::exit(2);
            diagnostic_sink d;
            std::ofstream(eager_file, std::ios::binary) << render_pdf_with(doc, style::built_in(), d);
            std::exit(0);
        },
        ::testing::ExitedWithCode(0), "");

    // Lazy: the steps are resolved while the document is laid out.
    diagnostic_sink diags;
    const auto lazy = render_pdf_with(doc, style::built_in(), diags);
    EXPECT_FALSE(diags.has_errors()) << all_text(diags);
    EXPECT_GT(chain->pending_steps(), 0u) << "the CJK step and Noto Sans are never needed";
    EXPECT_EQ(chain->entry(static_cast<std::size_t>(chain->entry_of(U'ก'))).family, "Noto Sans Thai");
    const auto eager = read_all(eager_file);
    ASSERT_FALSE(eager.empty());
    EXPECT_TRUE(lazy == eager) << "lazy " << lazy.size() << " bytes, eager " << eager.size() << " bytes";
    const auto path = dir.write("lazy.pdf", lazy);
    const auto fonts = pdf_test::run("pdffonts '" + path + "'").output;
    EXPECT_NE(fonts.find("NotoSansArabic"), std::string::npos) << fonts;
    EXPECT_NE(fonts.find("NotoSansThai"), std::string::npos) << fonts;
}

// Threads that meet an unresolved chain at once (as batch workers do) resolve
// it under its lock: every document is the one a single thread renders.
TEST(FontChainLazy, ThreadsResolvingTheChainTogetherGetTheSameBytes) {
    auto doc = mixed_script_document();
    doc.deal_name += " 直 ก क";  // CJK, Thai and Devanagari too: most of the chain
    std::vector<std::string> out(4);
    std::vector<std::thread> threads;
    for (auto& o : out)
        threads.emplace_back([&doc, &o] {
            diagnostic_sink d;
            o = render_pdf_with(doc, style::built_in(), d);
        });
    for (auto& t : threads) t.join();
    diagnostic_sink diags;
    const auto single = render_pdf_with(doc, style::built_in(), diags);
    ASSERT_FALSE(single.empty()) << all_text(diags);
    for (const auto& o : out) EXPECT_TRUE(o == single) << o.size() << " bytes, " << single.size() << " alone";
}

}  // namespace
}  // namespace closeplan::render

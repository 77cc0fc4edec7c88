// SPDX-License-Identifier: MIT
// Font metrics: the WinAnsi repertoire, Helvetica AFM widths, Liberation Sans widths and coverage.
#include <gtest/gtest.h>

#include <hpdf.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <functional>
#include <iterator>
#include <string>

#include "closeplan/diagnostics.hpp"
#include "layout/font_chain.hpp"
#include "layout/fonts.hpp"
#include "layout/winansi.hpp"

namespace closeplan::layout {
namespace {

TEST(Winansi, CoversAsciiLatin1AndTheExtras) {
    EXPECT_TRUE(fits_standard_encoding("Hello, world! 0-9 ~"));
    EXPECT_TRUE(fits_standard_encoding("Käufer Größe façade ÿ ÀÉÎÕÜ ¡¿ « » ©"));
    EXPECT_TRUE(fits_standard_encoding("€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"));
    EXPECT_TRUE(fits_standard_encoding(""));
    EXPECT_FALSE(fits_standard_encoding("Łódź"));
    EXPECT_FALSE(fits_standard_encoding("Жук"));
    EXPECT_FALSE(fits_standard_encoding("done ✓"));
    EXPECT_FALSE(fits_standard_encoding("\xF0\x9F\x98\x80"));
    EXPECT_FALSE(fits_standard_encoding("bad \xC3"));  // malformed UTF-8
}

TEST(Winansi, ExtrasMapToTheirBytes) {
    const std::string extras = "€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ";
    const std::string bytes = to_winansi(extras);
    ASSERT_EQ(bytes.size(), 27u);
    const std::string expected_hex = "80828384858687888990919293949596979899"
                                     "8a8b8c8e9a9b9c9e9f";
    int count = 0;
    for (const unsigned char b : bytes) {
        EXPECT_GE(b, 0x80);
        EXPECT_LE(b, 0x9F);
        EXPECT_NE(b, 0x81);
        EXPECT_NE(b, 0x8D);
        EXPECT_NE(b, 0x8F);
        EXPECT_NE(b, 0x90);
        EXPECT_NE(b, 0x9D);
        EXPECT_EQ(winansi_byte(winansi_code_point(b)), b);
        ++count;
    }
    EXPECT_EQ(count, 27);
    EXPECT_EQ(to_winansi("€ ä"), std::string("\x80 \xE4"));
    EXPECT_EQ(to_winansi("a✓b"), "a?b");
    EXPECT_EQ(winansi_byte(U'€'), 0x80);
    EXPECT_EQ(winansi_byte(U'Ÿ'), 0x9F);
    EXPECT_EQ(winansi_byte(U'Ł'), -1);
}

TEST(StandardMetrics, HelveticaWidthsMatchTheAfm) {
    const auto m = standard_metrics();
    EXPECT_NEAR(m->width("Hello", font_face::regular, 10), 22.78, 1e-9);      // 722+556+222+222+556
    EXPECT_NEAR(m->width("Hello", font_face::bold, 10), 24.45, 1e-9);         // 722+556+278+278+611
    EXPECT_NEAR(m->width("Hello", font_face::italic, 10), 22.78, 1e-9);
    EXPECT_NEAR(m->width(" ", font_face::regular, 1000), 278, 1e-9);
    EXPECT_NEAR(m->width("W", font_face::bold_italic, 1000), 944, 1e-9);
    EXPECT_NEAR(m->width("€", font_face::regular, 1000), 556, 1e-9);
    EXPECT_NEAR(m->width("ä", font_face::regular, 1000), 556, 1e-9);
    EXPECT_NEAR(m->width("—", font_face::regular, 1000), 1000, 1e-9);
    EXPECT_NEAR(m->ascent(10), 7.18, 1e-9);
    EXPECT_NEAR(m->descent(10), 2.07, 1e-9);
    EXPECT_EQ(m->width("", font_face::regular, 10), 0);
    EXPECT_FALSE(m->choice().embedded);
    EXPECT_EQ(m->choice().family, "Helvetica");
    EXPECT_TRUE(m->can_paint(U'é'));
    EXPECT_TRUE(m->can_paint(U'€'));
    EXPECT_FALSE(m->can_paint(U'ł'));
    EXPECT_FALSE(m->can_paint(0x1F600));
}

// The widths are read from the font description once; every WinAnsi character
// of every face must have the width libharu's own per-character lookup gives.
TEST(StandardMetrics, EveryWinAnsiWidthIsLibharusOwn) {
    const auto m = standard_metrics();
    HPDF_Doc doc = HPDF_New(nullptr, nullptr);
    ASSERT_NE(doc, nullptr);
    static constexpr std::array<const char*, 4> names = {"Helvetica", "Helvetica-Bold", "Helvetica-Oblique",
                                                         "Helvetica-BoldOblique"};
    for (std::size_t f = 0; f < names.size(); ++f) {
        HPDF_Font font = HPDF_GetFont(doc, names[f], "WinAnsiEncoding");
        ASSERT_NE(font, nullptr);
        if (f == 0) {
            EXPECT_EQ(m->ascent(1000), HPDF_Font_GetAscent(font));
            EXPECT_EQ(m->descent(1000), -HPDF_Font_GetDescent(font));
        }
        for (unsigned b = 0x20; b < 0x100; ++b) {
            const char32_t cp = winansi_code_point(static_cast<unsigned char>(b));
            if (cp == 0 || cp == 0x7F) continue;
            std::string utf8;
            append_utf8(utf8, cp);
            EXPECT_EQ(m->width(utf8, static_cast<font_face>(f), 1000), HPDF_Font_GetUnicodeWidth(font, static_cast<HPDF_UNICODE>(cp)))
                << names[f] << " U+" << std::hex << static_cast<unsigned>(cp);
        }
    }
    HPDF_Free(doc);
}

TEST(EmbeddedMetrics, LiberationSansMatchesHelveticaForAscii) {
    const auto standard = standard_metrics();
    const auto embedded = embedded_metrics();
    ASSERT_TRUE(embedded->choice().embedded);
    ASSERT_EQ(embedded->choice().files.size(), 4u);
    for (const auto face : {font_face::regular, font_face::bold, font_face::italic, font_face::bold_italic}) {
        for (char c = 0x20; c < 0x7F; ++c) {
            const std::string s(1, c);
            const double h = standard->width(s, face, 1000);
            const double l = embedded->width(s, face, 1000);
            // libharu truncates TrueType widths to whole 1/1000 em, hence the 1-unit floor.
            EXPECT_NEAR(l, h, std::max(h * 0.005, 1.0)) << "char " << s << " face " << static_cast<int>(face);
        }
    }
    const std::string sentence = "Mutual action plan: Security review / legal sign-off (Q3 2026)";
    const double hs = standard->width(sentence, font_face::regular, 9);
    EXPECT_NEAR(embedded->width(sentence, font_face::regular, 9), hs, hs * 0.005);
}

TEST(EmbeddedMetrics, CoverageFromTheCmap) {
    const auto m = embedded_metrics();
    EXPECT_TRUE(m->can_paint(U'é'));
    EXPECT_TRUE(m->can_paint(U'ł'));
    EXPECT_TRUE(m->can_paint(U'Ж'));
    EXPECT_TRUE(m->can_paint(U'€'));
    EXPECT_FALSE(m->can_paint(0x1F600));   // emoji: no face of the chain has it
    // CJK, Arabic, Devanagari and Thai are not in Liberation Sans: the fallback chain paints them.
    for (const char32_t cp : {U'\u4E2D', U'\u0639', U'\u0915', U'\u0E01'}) EXPECT_TRUE(m->can_paint(cp)) << static_cast<unsigned>(cp);
    ASSERT_TRUE(m->choice().chain);
    EXPECT_EQ(m->choice().chain->entry(0).family, "Liberation Sans");
    EXPECT_EQ(m->choice().chain->entry_of(U'A'), 0);
    EXPECT_GT(m->choice().chain->entry_of(0x4E2D), 0);
    EXPECT_GT(m->width("Жук", font_face::regular, 10), 0);
    EXPECT_GT(m->ascent(10), 0);
    EXPECT_GT(m->descent(10), 0);
}

TEST(EmbeddedMetrics, MissingFilesThrowO503) {
    font_paths paths;
    paths.bold = "/nonexistent/LiberationSans-Bold.ttf";
    try {
        (void)embedded_metrics(paths);
        FAIL() << "expected closeplan::error";
    } catch (const closeplan::error& e) {
        EXPECT_EQ(e.diag().code, "O503");
        EXPECT_NE(e.diag().message.find("/nonexistent/LiberationSans-Bold.ttf"), std::string::npos);
        EXPECT_FALSE(e.diag().hints.empty());
    }
}

TEST(EmbeddedMetrics, NonFontFileThrowsO503) {
    font_paths paths;
    paths.regular = CLOSEPLAN_SOURCE_DIR "/CMakeLists.txt";
    EXPECT_THROW((void)embedded_metrics(paths), closeplan::error);
}

// Liberation Sans with one table-directory entry changed: `patch` gets the
// file's bytes and the offset of the named table's directory record.
std::string patched_font(const std::string& name, const char* tag,
                         const std::function<void(std::string&, std::size_t)>& patch) {
    std::ifstream in(font_paths{}.regular, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto u16 = [&bytes](std::size_t at) {
        return static_cast<std::size_t>((static_cast<unsigned char>(bytes[at]) << 8) | static_cast<unsigned char>(bytes[at + 1]));
    };
    const std::size_t tables = u16(4);
    for (std::size_t i = 0; i < tables; ++i) {
        const std::size_t record = 12 + 16 * i;
        if (bytes.compare(record, 4, tag) == 0) patch(bytes, record);
    }
    const auto path = std::filesystem::temp_directory_path() / (name + "-" + std::to_string(::getpid()) + ".ttf");
    std::ofstream(path, std::ios::binary) << bytes;
    return path.string();
}

std::string o503_message(const std::string& regular) {
    font_paths paths;
    paths.regular = regular;
    try {
        (void)embedded_metrics(paths);
    } catch (const closeplan::error& e) {
        EXPECT_EQ(e.diag().code, "O503");
        EXPECT_FALSE(e.diag().hints.empty());
        return e.diag().message;
    }
    ADD_FAILURE() << "expected closeplan::error for " << regular;
    return {};
}

TEST(EmbeddedMetrics, FontWithoutTrueTypeOutlinesThrowsO503) {
    const auto path = patched_font("no-glyf", "glyf", [](std::string& b, std::size_t at) { b.replace(at, 4, "glyx"); });
    EXPECT_NE(o503_message(path).find("no TrueType outlines"), std::string::npos);
    std::filesystem::remove(path);
}

TEST(EmbeddedMetrics, FontWhoseLicenceForbidsEmbeddingThrowsO503) {
    const auto path = patched_font("restricted", "OS/2", [](std::string& b, std::size_t record) {
        const auto offset = (static_cast<std::size_t>(static_cast<unsigned char>(b[record + 8])) << 24) |
                            (static_cast<std::size_t>(static_cast<unsigned char>(b[record + 9])) << 16) |
                            (static_cast<std::size_t>(static_cast<unsigned char>(b[record + 10])) << 8) |
                            static_cast<unsigned char>(b[record + 11]);
        b[offset + 8] = 0;
        b[offset + 9] = 2;  // fsType: Restricted License embedding
    });
    EXPECT_NE(o503_message(path).find("does not allow embedding"), std::string::npos);
    std::filesystem::remove(path);
}

}  // namespace
}  // namespace closeplan::layout

// SPDX-License-Identifier: MIT
// Documents in the thread's arena: the same file as a document libharu allocates
// for itself, and the arena emptied when the last of them is freed.
#include <gtest/gtest.h>

#include <hpdf.h>

#include <string>

#include "render/pdf_arena.hpp"
#include "render/pdf_objects.hpp"

namespace closeplan::render {
namespace {

// A page with content, a link and a bookmark, a compressed stream, saved by
// libharu's own writer (no dates, no file identifier: the same bytes each time).
std::string saved(HPDF_Doc pdf) {
    EXPECT_NE(pdf, nullptr);
    HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
    HPDF_Page page = HPDF_AddPage(pdf);
    HPDF_Page_SetWidth(page, 612);
    HPDF_Page_SetHeight(page, 792);
    auto* attr = static_cast<HPDF_PageAttr>(page->attr);
    EXPECT_TRUE(write_deflated(attr->contents, "BT /F1 9 Tf 36 700 Td (arena) Tj ET\n"));
    attr->stream = attr->contents->stream;
    HPDF_Rect area{36, 690, 120, 710};
    HPDF_Page_CreateURILinkAnnot(page, area, "https://example.com/");
    HPDF_CreateOutline(pdf, nullptr, "Contents", nullptr);
    HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, "A plan");
    EXPECT_EQ(HPDF_SaveToStream(pdf), HPDF_OK);
    std::string out(HPDF_GetStreamSize(pdf), '\0');
    auto size = static_cast<HPDF_UINT32>(out.size());
    HPDF_ReadFromStream(pdf, reinterpret_cast<HPDF_BYTE*>(out.data()), &size);
    out.resize(size);
    return out;
}

TEST(PdfArena, ADocumentInTheArenaWritesTheSameFileAsOneLibharuAllocates) {
    HPDF_Doc plain = HPDF_New(nullptr, nullptr);
    const std::string expected = saved(plain);
    HPDF_Free(plain);
    ASSERT_GT(expected.size(), 500u);
    for (int i = 0; i < 3; ++i) {  // and again in the emptied arena
        HPDF_Doc pdf = new_arena_doc(nullptr, nullptr);
        EXPECT_EQ(saved(pdf), expected);
        free_arena_doc(pdf);
        EXPECT_EQ(arena_bytes_in_use(), 0u);
    }
}

TEST(PdfArena, TheArenaIsEmptiedWhenTheLastOpenDocumentIsFreed) {
    HPDF_Doc first = new_arena_doc(nullptr, nullptr);
    ASSERT_NE(first, nullptr);
    const std::size_t one = arena_bytes_in_use();
    EXPECT_GT(one, 0u);
    HPDF_Doc second = new_arena_doc(nullptr, nullptr);
    ASSERT_NE(second, nullptr);
    EXPECT_GT(arena_bytes_in_use(), one);
    free_arena_doc(first);  // the second still lives in the arena
    EXPECT_GT(arena_bytes_in_use(), one);
    EXPECT_NE(HPDF_AddPage(second), nullptr);
    free_arena_doc(second);
    EXPECT_EQ(arena_bytes_in_use(), 0u);
}

}  // namespace
}  // namespace closeplan::render

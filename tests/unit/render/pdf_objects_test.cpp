// SPDX-License-Identifier: MIT
// write_deflated: the stream a dictionary is left with holds the compressed bytes,
// which libharu reads from the start each time it writes the dictionary.
#include <gtest/gtest.h>

#include <hpdf_doc.h>

#include <cstdint>
#include <string>
#include <vector>

#include "render/inflate_check.hpp"
#include "render/pdf_objects.hpp"

namespace closeplan::render {
namespace {

HPDF_STATUS append_to(HPDF_Stream stream, const HPDF_BYTE* bytes, HPDF_UINT size) {
    static_cast<std::string*>(stream->attr)->append(reinterpret_cast<const char*>(bytes), size);
    return HPDF_OK;
}

// The stream's bytes as libharu copies them into a file.
std::string copied_out(HPDF_Doc pdf, HPDF_Dict dict) {
    std::string out;
    HPDF_Stream to = HPDF_CallbackWriter_New(pdf->mmgr, append_to, &out);
    EXPECT_EQ(HPDF_Stream_WriteToStream(dict->stream, to, dict->filter, nullptr), HPDF_OK);
    HPDF_Stream_Free(to);
    return out;
}

std::string inflated(const std::string& packed) {
    std::vector<std::uint8_t> out;
    EXPECT_EQ(inflate_zlib(packed, 1 << 20, out), "");
    return {out.begin(), out.end()};
}

TEST(WriteDeflated, TheStreamHoldsTheBytesDeflatedGivesAndReadsThemFromTheStartEachTime) {
    HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
    ASSERT_NE(pdf, nullptr);
    // More than libharu's 4,096-byte copy buffer, in bytes that do not compress away.
    std::string page;
    for (std::uint32_t i = 0, x = 1; i < 20000; ++i) {
        x = x * 1103515245u + 12345u;
        page += static_cast<char>(x >> 24);
    }
    for (const std::string& data : {page, std::string("0 0 m\n10 10 l\nS\n"), std::string()}) {
        HPDF_Dict dict = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
        ASSERT_NE(dict, nullptr);
        ASSERT_TRUE(write_deflated(dict, data));
        EXPECT_EQ(dict->filter, static_cast<HPDF_UINT>(HPDF_STREAM_FILTER_NONE));  // the filter is named by the write hook
        EXPECT_EQ(HPDF_Stream_Size(dict->stream), deflated(data).size());
        const std::string first = copied_out(pdf, dict);
        EXPECT_EQ(first, deflated(data));
        EXPECT_EQ(copied_out(pdf, dict), first);
        EXPECT_EQ(inflated(first), data);
    }
    HPDF_Free(pdf);  // frees each dictionary's stream and the bytes it holds
}

TEST(WritePlain, TheStreamHoldsTheBytesAsTheyAreAndReadsThemFromTheStartEachTime) {
    HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
    ASSERT_NE(pdf, nullptr);
    std::string packet;
    for (int i = 0; i < 600; ++i) packet += "<rdf:li>line " + std::to_string(i) + "</rdf:li>\n";  // past libharu's 4,096-byte buffer
    for (const std::string& data : {packet, std::string("<?xpacket end=\"r\"?>"), std::string()}) {
        HPDF_Dict dict = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
        ASSERT_NE(dict, nullptr);
        ASSERT_TRUE(write_plain(dict, data));
        EXPECT_EQ(dict->filter, static_cast<HPDF_UINT>(HPDF_STREAM_FILTER_NONE));
        EXPECT_EQ(HPDF_Stream_Size(dict->stream), data.size());
        EXPECT_EQ(copied_out(pdf, dict), data);
        EXPECT_EQ(copied_out(pdf, dict), data);
    }
    HPDF_Free(pdf);
}

}  // namespace
}  // namespace closeplan::render

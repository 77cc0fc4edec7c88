// SPDX-License-Identifier: MIT
// Logos in the HTML title block: data: URIs of checked images, nothing else.
#include <gtest/gtest.h>

#include <string>

#include "render/html_writer.hpp"
#include "render/pdf_images.hpp"
#include "test_files.hpp"

namespace closeplan::render {
namespace {

using testing::all_text;
using testing::temp_folder;

const std::string logos = std::string(CLOSEPLAN_SOURCE_DIR) + "/examples/northwind/logos/";

std::string decode_base64(std::string_view text) {
    const std::string digits = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    unsigned bits = 0, value = 0;
    for (char c : text) {
        if (c == '=') break;
        value = value << 6 | static_cast<unsigned>(digits.find(c));
        bits += 6;
        if (bits >= 8) {
            bits -= 8;
            out += static_cast<char>((value >> bits) & 0xFF);
        }
    }
    return out;
}

std::string data_of(const std::string& html, const std::string& type) {
    const std::string start = "src=\"data:" + type + ";base64,";
    const auto at = html.find(start);
    if (at == std::string::npos) return {};
    const auto from = at + start.size();
    return html.substr(from, html.find('"', from) - from);
}

TEST(HtmlLogos, BothLogosBecomeDataUrisOfTheCheckedBytes) {
    view::document doc;
    doc.buyer = {"Northwind <Health>", logos + "northwind.png"};
    doc.seller = {"Acme \"Analytics\"", logos + "acme.jpg"};
    diagnostic_sink diags;
    const auto html = detail::html_logos(doc, diags);
    EXPECT_TRUE(diags.all().empty()) << all_text(diags);
    std::string problem;
    const auto png = check_image_file(logos + "northwind.png", problem);
    const auto jpeg = check_image_file(logos + "acme.jpg", problem);
    ASSERT_TRUE(png && jpeg) << problem;
    EXPECT_EQ(decode_base64(data_of(html, "image/png")), png->bytes);
    EXPECT_EQ(decode_base64(data_of(html, "image/jpeg")), jpeg->bytes);
    EXPECT_NE(html.find("alt=\"Northwind &lt;Health&gt;\" width=\"360\" height=\"110\""), std::string::npos) << html;
    EXPECT_NE(html.find("alt=\"Acme &quot;Analytics&quot;\""), std::string::npos) << html;
    EXPECT_EQ(html.rfind("<div class=\"logos\">", 0), 0u);
}

TEST(HtmlLogos, ABrokenLogoIsLeftOutWithAWarningAndNoneGivesNothing) {
    temp_folder dir;
    view::document doc;
    doc.buyer = {"Northwind", dir.write("broken.png", "\x89PNG\r\n\x1a\n not really")};
    diagnostic_sink diags;
    EXPECT_EQ(detail::html_logos(doc, diags), "");
    ASSERT_EQ(diags.warning_count(), 1u) << all_text(diags);
    EXPECT_EQ(diags.all()[0].code, "O512");
    EXPECT_NE(diags.all()[0].message.find("left out of the HTML"), std::string::npos);

    diagnostic_sink none;
    EXPECT_EQ(detail::html_logos(view::document{}, none), "");
    EXPECT_TRUE(none.all().empty());
}

}  // namespace
}  // namespace closeplan::render

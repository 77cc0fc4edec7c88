// SPDX-License-Identifier: MIT
// The parties' logos in the HTML title block, as data: URIs so the page stays self-contained.
#include "render/html_writer.hpp"

#include <string>

#include "render/escape.hpp"
#include "render/pdf_images.hpp"

namespace closeplan::render::detail {

namespace {

std::string base64(std::string_view bytes) {
    static constexpr char digits[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    out.reserve((bytes.size() + 2) / 3 * 4);
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const auto n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16 |
                       static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8 |
                       static_cast<unsigned char>(bytes[i + 2]);
        out += {digits[n >> 18], digits[(n >> 12) & 63], digits[(n >> 6) & 63], digits[n & 63]};
    }
    if (const auto rest = bytes.size() - i; rest > 0) {
        const auto n = static_cast<unsigned>(static_cast<unsigned char>(bytes[i])) << 16 |
                       (rest == 2 ? static_cast<unsigned>(static_cast<unsigned char>(bytes[i + 1])) << 8 : 0u);
        out += {digits[n >> 18], digits[(n >> 12) & 63], rest == 2 ? digits[(n >> 6) & 63] : '=', '='};
    }
    return out;
}

}  // namespace

std::string html_logos(const view::document& doc, diagnostic_sink& diags) {
    std::string out;
    for (const auto* party : {&doc.buyer, &doc.seller}) {
        if (party->logo_path.empty()) continue;
        // The same checks as for the PDF: only a PNG or JPEG proven sound (a PNG
        // rebuilt from its critical chunks) reaches the reader's browser.
        std::string problem;
        const auto image = check_image_file(party->logo_path, problem);
        if (!image) {
            diags.warning("O512", "logo \"" + party->logo_path + "\" left out of the HTML: " + problem, {},
                          {"use a PNG (not interlaced) or an RGB JPEG under 5 MB"});
            continue;
        }
        const char* type = image->format == image_format::png ? "image/png" : "image/jpeg";
        out += "<img class=\"logo\" src=\"data:" + std::string(type) + ";base64," + base64(image->bytes) +
               "\" alt=\"" + escape_html_attribute(party->name) + "\" width=\"" + std::to_string(image->width) +
               "\" height=\"" + std::to_string(image->height) + "\">";
    }
    return out.empty() ? out : "<div class=\"logos\">" + out + "</div>";
}

}  // namespace closeplan::render::detail

// SPDX-License-Identifier: MIT
// The DOCX writer's parts (internal to render/): the look, styles.xml,
// numbering.xml and word/document.xml from the view document.
#pragma once

#include <array>
#include <string>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "layout/style_tokens.hpp"
#include "render/render.hpp"
#include "view/document.hpp"

namespace closeplan::render::detail {

/// WordprocessingML namespaces the parts declare on their root.
inline constexpr const char* ns_w = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* ns_r = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/// Sizes and spacing of a DOCX in points, with the style's colours and page.
/// The one-page buyer plan is compact (8 pt, the smallest type closeplan
/// prints); the full plan, the handoff pack and fragments read as a
/// proposal's body text does (10 pt).
struct docx_look {
    layout::detail::page_style page;
    bool compact = false;
    double body = 10, table = 9, title = 18;
    std::array<double, 6> headings = {13, 11, 10, 10, 10, 10};
    double paragraph_after = 4, heading_before = 10, heading_after = 3;
    double line_spacing = 1.0;  ///< of the font's own line height
};
docx_look docx_look_for(const render_context& ctx);

/// The character style of a badge's tone: "closeplanStatusDone" ... (styles.xml names them).
const char* tone_style_id(view::tone t);
/// "closeplanHeading1" ... "closeplanHeading6" for a level (clamped to 1..6).
std::string heading_style_id(int level);

/// word/styles.xml: every closeplan style with a stable name (docs/docx.md lists them).
/// The fonts are the first families of the style's CSS stacks (font.stack, font.mono_stack).
std::string docx_styles_xml(const docx_look& look, const std::string& font_stack, const std::string& mono_stack);

/// What document.xml refers to outside itself, each with the relationship id
/// it was given at first use (rId1 is styles.xml, rId2 numbering.xml).
struct docx_references {
    struct relationship {
        std::string id;      ///< "rId3"
        std::string target;  ///< a checked http, https or mailto URL, or "media/image1.png"
        bool external = true;  ///< a hyperlink; false: an image part
    };
    struct image {
        std::string part;  ///< "media/image1.png" (under word/)
        std::string bytes;
    };
    std::vector<relationship> relationships;
    std::vector<image> images;
    std::vector<int> ordered_list_starts;  ///< one numbering instance per ordered list

    std::string add_link(const std::string& url);
    std::string add_image(std::string bytes, bool png);
};

/// word/numbering.xml: the bullet list and one decimal instance per ordered list (numId 2, 3 ...).
std::string docx_numbering_xml(const docx_references& refs);

/// word/document.xml. Links and images are collected in `refs`.
std::string docx_document_xml(const view::document& doc, const render_context& ctx, const docx_look& look,
                              docx_references& refs, diagnostic_sink& diags);

}  // namespace closeplan::render::detail

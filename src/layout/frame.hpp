// SPDX-License-Identifier: MIT
// Laid-out pages: positioned text runs, rules, boxes, images and link areas.
//
// The PDF painter (render/pdf.cpp) only paints these; every decision about
// where something goes is made in layout/. Coordinates are PDF points with
// the origin at the BOTTOM-LEFT of the page (PDF's own convention), so the
// painter never converts. Text runs are positioned by their baseline.
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

namespace closeplan::layout {

class font_chain;

struct color {
    double r = 0, g = 0, b = 0;  ///< 0..1
    friend bool operator==(const color&, const color&) = default;
};

/// The four faces of the document's one font family.
enum class font_face { regular, bold, italic, bold_italic };

struct text_run {
    double x = 0, y = 0;  ///< start of the baseline
    font_face face = font_face::regular;
    double size = 9;      ///< points
    color fill;
    std::string text;     ///< UTF-8, already checked to be paintable by the document's fonts
    /// Not painted; for the layout checks (the `pdf-bounds` dump) and the
    /// mirroring of right-to-left pages: the advance width the layout measured
    /// (of the text without the one space that may end it: that space marks a
    /// word break for text extraction and is painted, invisible, past `width`;
    /// see emit_line in inline_flow.cpp), and the left and right edges of the
    /// area the run was laid out in (a table cell, a column, the page's text
    /// width). An area of zero width means none was recorded.
    double width = 0;
    double area_left = 0, area_right = 0;
};

struct rule {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width = 0.5;
    color stroke;
    bool dashed = false;
};

struct box {
    double x = 0, y = 0, width = 0, height = 0;  ///< (x, y) is the bottom-left corner
    std::optional<color> fill;
    std::optional<color> stroke;
    double stroke_width = 0.5;
    double radius = 0;  ///< rounded corners (badges)
};

struct image {
    double x = 0, y = 0, width = 0, height = 0;
    std::string path;  ///< absolute path of a checked PNG or JPEG
};

/// A clickable area; the url is http, https or mailto (checked in view/).
struct link_area {
    double x = 0, y = 0, width = 0, height = 0;
    std::string url;
};

/// What a painted item is in the document's logical structure: the tagged
/// PDF's structure element types (ISO 32000-1, 14.8.4) the painter writes.
/// Set where the layout still knows what it lays out (a view block, a table
/// cell, a section title), never guessed by the painter from position or style.
enum class tag_role : std::uint8_t {
    artifact,  ///< page furniture: a running head, page numbers, a repeated table header
    h1, h2, h3, h4,
    p, blockquote,
    l, li, lbl, lbody,
    table, thead, tbody, tr, th, td,
    link,
    figure,
};

/// One level of an item's place in the structure tree. Items with the same
/// role and id at a level belong to one structure element; ids are unique per
/// process (layout/structure_tags.hpp hands them out), so only equality matters.
struct tag_level {
    tag_role role = tag_role::p;
    std::uint32_t id = 0;
    friend bool operator==(const tag_level&, const tag_level&) = default;
};

/// An item's path in the structure tree, outermost first (Table, TBody, TR, TD,
/// Link). An empty path is text in no particular element (the painter makes
/// it a P); rules and boxes are always artifacts, whatever their tag.
struct struct_tag {
    static constexpr std::size_t max_depth = 8;
    std::array<tag_level, max_depth> path{};
    std::uint8_t depth = 0;
    /// The alternative text of the innermost Figure (a logo, the timeline).
    std::shared_ptr<const std::string> alt;

    [[nodiscard]] bool artifact() const { return depth > 0 && path[0].role == tag_role::artifact; }
};

struct item {
    std::variant<text_run, rule, box, image, link_area> value;
    struct_tag tag;
};

/// A clickable area that jumps to a place in this document (a contents entry).
struct internal_link {
    std::size_t page = 0;  ///< index into paged_document::pages of the page it is on
    double x = 0, y = 0, width = 0, height = 0;
    std::size_t target_page = 0;  ///< index into paged_document::pages
    double target_top = 0;        ///< the y (from the bottom) to show at the top of the window
    struct_tag tag;               ///< the Link element the annotation belongs to
};

struct page {
    double width = 612, height = 792;  ///< Letter by default
    std::vector<item> items;
};

/// One PDF bookmark (outline entry): a section's title and where it starts.
struct outline_entry {
    std::string title;     ///< UTF-8
    std::size_t page = 0;  ///< index into paged_document::pages
    double top = 0;        ///< y (from the bottom) of the section's top
};

/// Which fonts the painter must use: the standard PDF font (no embedding,
/// WinAnsi text) when all of the document's text fits its encoding, else an
/// embedded TrueType family with the same metrics.
struct font_choice {
    bool embedded = false;
    std::string family = "Helvetica";  ///< base-14 family name when not embedded
    /// TrueType files for regular, bold, italic, bold italic (when embedded).
    std::vector<std::string> files;
    /// When embedded: the family above, then the fallback faces for other
    /// scripts (layout/font_chain.hpp); the painter takes each code point's face from it.
    std::shared_ptr<const font_chain> chain;
    std::string lang;  ///< the document's language: the CJK face, shaping, the paragraph direction
};

struct paged_document {
    std::string title, author, subject, lang;
    font_choice fonts;
    std::vector<page> pages;
    std::vector<outline_entry> outline;  ///< bookmarks in reading order; empty = none
    /// Painted after every page exists, since they may point forward.
    std::vector<internal_link> jumps;
};

}  // namespace closeplan::layout

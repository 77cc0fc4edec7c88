// SPDX-License-Identifier: MIT
// A page's content stream, written as PDF operators straight into a buffer.
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "layout/frame.hpp"

namespace closeplan::render {

/// The operators of one page's content stream (ISO 32000-1, 8 and 9), with
/// graphics and text state tracked so nothing is repeated. The painter hands
/// the bytes to libharu as the page's contents.
///
/// Why not libharu's page calls: each of them checks the graphics mode,
/// formats its numbers through a scratch buffer it clears with HPDF_MemSet,
/// and writes a few bytes into a chunked stream; together they cost more than
/// the layout itself for a page of text.
///
/// Numbers are written with at most three decimals (1/1000 point), which is
/// finer than any printer or screen resolves.
class content_stream {
public:
    /// The longest string one Tj shows, in bytes: the PDF format's limit on a
    /// string (ISO 32000-1, Annex C: 32,767 bytes) with room to spare. A longer
    /// run is shown by several Tj in a row, each going on where the last ended.
    static constexpr std::size_t max_string_bytes = 32000;

    content_stream() { out_.reserve(16384); }

    void fill_color(const layout::color& c);
    void stroke_color(const layout::color& c);
    void line_width(double width);
    void dashed(bool on);  ///< a 3-on 2-off dash, or a solid line

    /// Until end_local(), paths are written relative to (x, y), which a saved graphics
    /// state's `1 0 0 1 x y cm` makes their origin; the page shows them where it would
    /// without (pdf_content.cpp: the same thousandths). A shape drawn at many places (a
    /// status dot, a badge's rounded box) is then the same bytes each time, which deflate
    /// stores as a back-reference: a fifth of a page's compressed content. The state set
    /// before (colours, line width, dash) holds inside, and the path is painted inside.
    void begin_local(double x, double y);
    void end_local();

    void move_to(double x, double y);
    void line_to(double x, double y);
    void curve_to(double x1, double y1, double x2, double y2, double x3, double y3);
    void rectangle(double x, double y, double width, double height);
    void close_path();
    void fill();
    void stroke();
    void fill_and_stroke();

    /// Shows `encoded` (bytes in the font's encoding) at (x, y) in the font
    /// named `font` of the page's resources, at `size` points. Opens a text
    /// object when none is open.
    void show_text(std::string_view font, double size, double x, double y, std::string_view encoded);
    /// Glyph ids of an Identity-H font (big-endian byte pairs).
    void show_glyphs(std::string_view font, double size, double x, double y, const std::u16string& glyphs);
    /// A glyph placed by the shaper: its code in an Identity-H font, its width
    /// in the font (/W) and the advance and offsets the shaper gave it, 1/1000 em.
    struct placed_glyph {
        std::uint16_t code = 0;
        int width = 0, advance = 0, x_offset = 0, y_offset = 0;
    };
    /// Shows shaped glyphs from (x, y): a TJ array whose numbers make up where
    /// an advance differs from the font's width; a glyph moved off the pen
    /// (an Arabic vowel sign, a stacked Thai tone mark) is placed by itself.
    /// Returns the x where the pen ends.
    double show_placed_glyphs(std::string_view font, double size, double x, double y, const std::vector<placed_glyph>& glyphs);
    /// The same for a right-to-left run, whose glyphs come in visual order (left
    /// to right): they are shown last first, each TJ number moving the pen back
    /// to the glyph on its left, so the stream holds them in reading order. Text
    /// extraction that follows the stream (a structure element's text, screen
    /// readers) reads the words as they are written; the page looks the same.
    double show_placed_glyphs_right_to_left(std::string_view font, double size, double x, double y,
                                            const std::vector<placed_glyph>& glyphs);
    /// Paints the image XObject `name` into the rectangle.
    void image(std::string_view name, double x, double y, double width, double height);

    /// Marked content (ISO 32000-1, 14.6): everything painted until end_marked()
    /// belongs to the structure element whose kid is MCID `mcid` on this page,
    /// `/Tag <</MCID n>> BDC`. `for_text`: the sequence holds text only and lies
    /// inside a text object (one BT ... ET holds many), else outside any.
    void begin_marked(std::string_view tag, int mcid, bool for_text);
    /// An artifact: page furniture (`/Artifact <</Type /Pagination>> BDC`) or
    /// decoration such as rules and backgrounds (`/Artifact BMC`).
    void begin_artifact(bool pagination, bool for_text);
    /// Closes the sequence begun last (and a text object opened inside one that began outside).
    void end_marked();
    [[nodiscard]] bool in_text() const { return in_text_; }

    /// The operators so far; a text object still open is closed.
    [[nodiscard]] const std::string& finish();

private:
    void number(double v);
    /// `operands` (at most six) and the operator `name`, ending its line.
    void operation(std::initializer_list<double> operands, std::string_view name);
    /// The same for coordinates (x, y, x, y ...: at most three points), relative to the origin.
    void path_operation(std::initializer_list<double> points, std::string_view name);
    void color(const layout::color& c, std::optional<layout::color>& current, std::string_view operator_name);
    void op(std::string_view name);
    void begin_text_at(std::string_view font, double size, double x, double y);
    void end_text();
    void begin_sequence(bool for_text);
    void literal_string(std::string_view bytes);
    void glyph_bytes(char16_t glyph);

    std::string out_;
    bool in_text_ = false;
    bool marked_in_text_ = false;  ///< the open marked-content sequence began inside a text object
    bool dashed_ = false;
    bool has_width_ = false;
    std::optional<layout::color> fill_, stroke_;
    double width_ = 1;
    std::string font_;
    double size_ = -1;
    double line_x_ = 0, line_y_ = 0;  ///< start of the current text line (text space = page space)
    std::int64_t origin_x_ = 0, origin_y_ = 0;  ///< begin_local's origin, in thousandths of a point
};

}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// Font metrics for layout: widths of UTF-8 text in the document's chosen font family.
#pragma once

#include <memory>
#include <string>
#include <string_view>

#include "layout/frame.hpp"

namespace closeplan::layout {

/// Measures text in one font family (all four faces). Implementations:
/// the standard Helvetica family (WinAnsi) and an embedded TrueType family.
/// Not thread-safe; make one per thread (or per document).
class font_metrics {
public:
    virtual ~font_metrics() = default;
    /// Width in points of UTF-8 text at `size`.
    [[nodiscard]] virtual double width(std::string_view utf8, font_face face, double size) const = 0;
    /// Width in 1/1000 em, so text measured once can be sized many times:
    /// `width(t, f, s) == units(t, f) * s / 1000` exactly for the table-driven families.
    [[nodiscard]] virtual double units(std::string_view utf8, font_face face) const { return width(utf8, face, 1000.0); }
    /// Ascent and descent (positive, below the baseline) at `size`.
    [[nodiscard]] virtual double ascent(double size) const = 0;
    [[nodiscard]] virtual double descent(double size) const = 0;
    /// Whether the family can paint this code point.
    [[nodiscard]] virtual bool can_paint(char32_t code_point) const = 0;
    [[nodiscard]] virtual const font_choice& choice() const = 0;
    /// An address shared by every metrics object that measures and paints exactly
    /// alike, valid for the whole program; nullptr when there is none. Words
    /// measured with one serve the others (a batch's deals, laid out one after another).
    [[nodiscard]] virtual const void* measures_like() const { return nullptr; }
    /// The Debian package whose font would paint `cp` when no installed one
    /// can (empty when none would): the warning names what to install.
    [[nodiscard]] virtual std::string_view missing_package_for(char32_t /*code_point*/) const { return {}; }
};

/// Where the embedded family's TrueType files are looked for, in order
/// (Liberation Sans from fonts-liberation2 is metric-compatible with Helvetica).
struct font_paths {
    std::string regular = "/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf";
    std::string bold = "/usr/share/fonts/truetype/liberation2/LiberationSans-Bold.ttf";
    std::string italic = "/usr/share/fonts/truetype/liberation2/LiberationSans-Italic.ttf";
    std::string bold_italic = "/usr/share/fonts/truetype/liberation2/LiberationSans-BoldItalic.ttf";
};

/// The fonts a style asks for. Naming a brand family (its regular face at
/// least) embeds it in every PDF; `always_embed` embeds Liberation Sans even
/// when the standard Helvetica would do (for printers and archives that want
/// every font embedded). A missing bold or italic face falls back to regular.
struct font_request {
    font_paths paths;
    bool brand = false;  ///< `paths` name the style's own family
    bool always_embed = false;
};

/// True when every code point of `utf8` exists in WinAnsiEncoding (CP1252).
bool fits_standard_encoding(std::string_view utf8);

/// Metrics of the standard Helvetica family.
std::unique_ptr<font_metrics> standard_metrics();

/// Metrics of an embedded TrueType family, followed by the fallback chain for
/// the scripts it lacks (layout/font_chain.hpp) in language `lang`. Throws
/// closeplan::error (O503) when the family's font files cannot be loaded.
std::unique_ptr<font_metrics> embedded_metrics(const font_paths& paths = {}, std::string_view lang = {});

}  // namespace closeplan::layout

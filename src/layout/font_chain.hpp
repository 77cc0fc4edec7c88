// SPDX-License-Identifier: MIT
// The font fallback chain: the document's family first, then Liberation Sans,
// then Debian's Noto faces by script, found with fontconfig (docs/fonts.md).
#pragma once

#include <array>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "layout/frame.hpp"

namespace closeplan::layout {

/// One face in a font file (a TrueType/OpenType file, or a face of a collection).
struct chain_face {
    std::string file;
    unsigned index = 0;
    friend bool operator==(const chain_face&, const chain_face&) = default;
};

/// A family in the chain: its four faces (a missing bold or italic is the
/// regular one) and whether runs in it are shaped by HarfBuzz (scripts whose
/// letters join, reorder or stack) or painted glyph by glyph from the cmap.
struct chain_entry {
    std::string family;
    std::array<chain_face, 4> faces;  ///< regular, bold, italic, bold italic
    bool shaped = false;
};

/// The documented fallback steps after the document's family: which family,
/// which Debian package holds it, the scripts it is there for.
struct fallback_step {
    std::string_view family;   ///< fontconfig family name
    std::string_view package;  ///< Debian package to install when it is missing
    std::string_view scripts;  ///< ISO 15924 codes, space-separated, for the warning
    bool shaped;
};

/// The steps, in order, for a document in language `lang` (BCP 47): the CJK
/// step is the Noto Sans CJK face of the language's region (JP, KR, SC, TC),
/// so Han characters take that region's forms; JP when the language is none of those.
std::vector<fallback_step> fallback_steps(std::string_view lang);

/// The chain a document's text is painted with. Entry 0 is the document's own
/// family (the style's brand family or Liberation Sans); the rest are the
/// fallback steps found on this machine. Immutable once made; shared by threads.
class font_chain {
public:
    /// The entry that paints `cp`: the first whose regular face has a glyph
    /// for it; -1 when none has.
    [[nodiscard]] int entry_of(char32_t cp) const {
        return cp < coverage_.size() ? static_cast<int>(coverage_[cp]) - 1 : -1;
    }
    /// Whether entry `i` has a glyph for `cp` (combining marks stay with their base when it does).
    [[nodiscard]] bool covers(std::size_t i, char32_t cp) const;
    [[nodiscard]] const chain_entry& entry(std::size_t i) const { return entries_[i]; }
    [[nodiscard]] std::size_t size() const { return entries_.size(); }
    /// The Debian package whose missing font would have painted `cp` (by its
    /// script), or empty when no step is for that script.
    [[nodiscard]] std::string_view missing_package_for(char32_t cp) const;

    /// The chain for `primary` in `lang`; Liberation Sans follows a brand family.
    static std::shared_ptr<const font_chain> make(const chain_entry& primary, std::string_view lang);

private:
    std::vector<chain_entry> entries_;
    std::vector<std::uint8_t> coverage_;  ///< code point -> entry + 1 (0: none)
    std::vector<std::vector<bool>> covers_;  ///< per entry, per BMP code point (marks only need the BMP)
    struct missing {
        std::uint32_t script;  ///< hb_script_t
        std::string package;
    };
    std::vector<missing> missing_;
};

/// Where fontconfig (or, without it, the documented Debian paths) finds
/// `family` in `style` ("Regular", "Bold"); nullopt-like empty file when absent.
chain_face find_face(std::string_view family, std::string_view style);

}  // namespace closeplan::layout

// SPDX-License-Identifier: MIT
// The font fallback chain: the document's family first, then Liberation Sans,
// then Debian's Noto faces by script, found with fontconfig (docs/fonts.md).
#pragma once

#include <array>
#include <atomic>
#include <cstdint>
#include <memory>
#include <mutex>
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
/// fallback steps found on this machine. Shared by threads.
///
/// The chain is resolved lazily, in order: a step (and fontconfig, which costs
/// tens of millions of instructions to initialise) is looked up only when a
/// code point is asked for that none of the faces before it paints. Entries
/// keep the indices an eager chain would give them, since a step is resolved
/// only after every step before it, so output never depends on what was asked first.
class font_chain {
public:
    font_chain(const font_chain&) = delete;
    font_chain& operator=(const font_chain&) = delete;
    ~font_chain();

    /// The entry that paints `cp`: the first whose regular face has a glyph
    /// for it; -1 when none has. Resolves the steps up to that entry.
    [[nodiscard]] int entry_of(char32_t cp) const {
        if (cp >= coverage_size) return -1;
        if (const auto c = coverage_[cp].load(std::memory_order_acquire); c != 0) return static_cast<int>(c) - 1;
        return resolve_for(cp);
    }
    /// Whether entry `i` (one entry_of has returned) has a glyph for `cp`
    /// (combining marks stay with their base when it does).
    [[nodiscard]] bool covers(std::size_t i, char32_t cp) const;
    /// Entry `i`, one entry_of has returned (so already resolved).
    [[nodiscard]] const chain_entry& entry(std::size_t i) const { return slots_[i].entry; }
    /// The Debian package whose missing font would have painted `cp` (by its
    /// script), or empty when no step is for that script. Resolves the whole chain.
    [[nodiscard]] std::string_view missing_package_for(char32_t cp) const;

    /// Resolves every step now, as an eager chain would (the tests compare both).
    void resolve_all() const;
    /// How many entries are resolved so far (the document's family is always).
    [[nodiscard]] std::size_t resolved_entries() const { return resolved_.load(std::memory_order_acquire); }
    /// How many candidate steps after the document's family are still unresolved.
    [[nodiscard]] std::size_t pending_steps() const;

    /// The chain for `primary` in `lang`; Liberation Sans follows a brand family.
    /// One per (faces, CJK region) for the life of the process.
    static std::shared_ptr<const font_chain> make(const chain_entry& primary, std::string_view lang);

private:
    static constexpr std::size_t coverage_size = 0x110000;
    struct candidate {
        std::string family;
        std::string package;  ///< empty for Liberation Sans after a brand family (not reported missing)
        std::string scripts;
        bool shaped = false;
        bool four_styles = false;  ///< Liberation Sans has its own italics
    };
    struct slot {
        chain_entry entry;
        std::vector<bool> bmp;  ///< per BMP code point (marks only need the BMP)
    };
    struct missing {
        std::uint32_t script;  ///< hb_script_t
        std::string package;
    };
    font_chain(const chain_entry& primary, std::vector<candidate> candidates);

    int resolve_for(char32_t cp) const;
    bool resolve_next() const;  ///< with mutex_ held; false when no candidate is left
    void add_entry(chain_entry e) const;  ///< with mutex_ held

    std::unique_ptr<std::atomic<std::uint8_t>[]> coverage_;  ///< code point -> entry + 1 (0: none yet)
    std::unique_ptr<slot[]> slots_;  ///< entries, written once each, under mutex_
    mutable std::atomic<std::size_t> resolved_{0};
    mutable std::atomic<bool> complete_{false};
    const std::vector<candidate> candidates_;
    mutable std::size_t next_candidate_ = 0;  ///< under mutex_
    mutable std::vector<missing> missing_;     ///< under mutex_; final once complete_
    mutable std::mutex mutex_;
};

/// Whether this process has initialised fontconfig (the tests check that a
/// Latin plan never does).
bool fontconfig_initialised();

/// Where fontconfig (or, without it, the documented Debian paths) finds
/// `family` in `style` ("Regular", "Bold"); nullopt-like empty file when absent.
chain_face find_face(std::string_view family, std::string_view style);

}  // namespace closeplan::layout

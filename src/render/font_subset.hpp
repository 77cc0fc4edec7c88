// SPDX-License-Identifier: MIT
// TrueType fonts cut down to the glyphs a document shows, before libharu embeds them.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace closeplan::render {

/// A subset of a TrueType font (HarfBuzz's subsetter: the glyphs of the given
/// code points, renumbered, hinting dropped), held in an anonymous in-memory
/// file so libharu, which loads fonts only by path, can read it. Nothing is
/// written to disk and nothing is left behind.
///
/// Why: libharu embeds the whole font file and builds a glyph map over every
/// code of the font's cmap for each document; a subset makes embedded-font
/// PDFs several times smaller and faster to write, with the same glyphs and
/// widths as the full face.
class font_subset {
public:
    /// nullopt when the font cannot be read or subset; the caller then embeds the full file.
    static std::optional<font_subset> make(const std::string& ttf_path, const std::vector<char32_t>& code_points);

    font_subset(font_subset&& other) noexcept;
    font_subset& operator=(font_subset&& other) noexcept;
    font_subset(const font_subset&) = delete;
    font_subset& operator=(const font_subset&) = delete;
    ~font_subset();

    /// A path libharu can open while this object lives (/proc/self/fd/N).
    [[nodiscard]] const std::string& path() const { return path_; }

private:
    font_subset(int fd, std::string path) : fd_(fd), path_(std::move(path)) {}
    int fd_ = -1;
    std::string path_;
};

}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// Checking logo files before libharu sees them (libpng aborts the process on some corrupt PNGs).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>

namespace closeplan::render {

enum class image_format { png, jpeg };

/// Image bytes proven sound, ready for HPDF_Load*ImageFromMem. A PNG is
/// rebuilt from its critical chunks only (IHDR, PLTE, tRNS, one IDAT, IEND),
/// so ancillary chunks such as a broken iCCP never reach libpng.
struct checked_image {
    image_format format = image_format::png;
    std::string bytes;
    std::uint32_t width = 0, height = 0;
};

struct image_limits {
    std::size_t max_bytes = 5u << 20;
    std::uint32_t max_side = 8192;
    std::uint64_t max_pixels = 2048ull * 2048ull;  ///< bounds the decode buffer (at most 32 MB)
};

/// The checked image, or nullopt with `problem` saying why (missing, too
/// large, not PNG/JPEG, corrupt, CMYK JPEG, interlaced PNG...).
std::optional<checked_image> check_image_file(const std::string& path, std::string& problem,
                                              const image_limits& limits = {});
std::optional<checked_image> check_image_bytes(std::string bytes, std::string& problem,
                                               const image_limits& limits = {});

}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// Pixel size of a PNG or JPEG file, read from its header (to size logos before painting).
#pragma once

#include <optional>
#include <string>

namespace closeplan::layout::detail {

struct pixel_size {
    int width = 0, height = 0;
};

/// The size in the PNG IHDR or the JPEG SOF marker; nullopt for anything else or a short file.
std::optional<pixel_size> read_image_size(const std::string& path);

}  // namespace closeplan::layout::detail

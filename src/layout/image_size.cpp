// SPDX-License-Identifier: MIT
// PNG and JPEG headers, read just far enough to know the picture's size.
#include "layout/image_size.hpp"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <vector>

namespace closeplan::layout::detail {

namespace {

unsigned be16(const std::vector<unsigned char>& b, std::size_t at) { return (unsigned{b[at]} << 8) | b[at + 1]; }
unsigned long be32(const std::vector<unsigned char>& b, std::size_t at) {
    return (static_cast<unsigned long>(be16(b, at)) << 16) | be16(b, at + 2);
}

std::optional<pixel_size> png(const std::vector<unsigned char>& b) {
    if (b.size() < 24 || b[12] != 'I' || b[13] != 'H' || b[14] != 'D' || b[15] != 'R') return std::nullopt;
    const unsigned long w = be32(b, 16), h = be32(b, 20);
    if (w == 0 || h == 0 || w > 100000 || h > 100000) return std::nullopt;
    return pixel_size{static_cast<int>(w), static_cast<int>(h)};
}

std::optional<pixel_size> jpeg(const std::vector<unsigned char>& b) {
    std::size_t at = 2;
    while (at + 9 < b.size()) {
        if (b[at] != 0xff) return std::nullopt;
        const unsigned marker = b[at + 1];
        const unsigned length = be16(b, at + 2);
        // SOF0..SOF15 carry the size; C4 (tables), C8 and CC are not frames.
        if (marker >= 0xc0 && marker <= 0xcf && marker != 0xc4 && marker != 0xc8 && marker != 0xcc) {
            const unsigned h = be16(b, at + 5), w = be16(b, at + 7);
            if (w == 0 || h == 0) return std::nullopt;
            return pixel_size{static_cast<int>(w), static_cast<int>(h)};
        }
        if (length < 2) return std::nullopt;
        at += 2 + length;
    }
    return std::nullopt;
}

}  // namespace

std::optional<pixel_size> read_image_size(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::vector<unsigned char> bytes;
    bytes.resize(64 * 1024);
    in.read(reinterpret_cast<char*>(bytes.data()), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    static const unsigned char png_signature[] = {0x89, 'P', 'N', 'G', 0x0d, 0x0a, 0x1a, 0x0a};
    if (bytes.size() >= 8 && std::equal(std::begin(png_signature), std::end(png_signature), bytes.begin())) return png(bytes);
    if (bytes.size() >= 4 && bytes[0] == 0xff && bytes[1] == 0xd8) return jpeg(bytes);
    return std::nullopt;
}

}  // namespace closeplan::layout::detail

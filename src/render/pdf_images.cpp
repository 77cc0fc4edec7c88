// SPDX-License-Identifier: MIT
// PNG and JPEG validation: signature, chunk/marker structure, CRCs, sane dimensions, decodable PNG data.
#include "render/pdf_images.hpp"

#include <array>
#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>
#include <string_view>
#include <vector>

#include "render/inflate_check.hpp"

namespace closeplan::render {
namespace {

constexpr std::string_view png_signature = "\x89PNG\r\n\x1A\n";

std::uint32_t crc32(std::string_view data) {
    static const auto table = [] {
        std::array<std::uint32_t, 256> t{};
        for (std::uint32_t n = 0; n < 256; ++n) {
            std::uint32_t c = n;
            for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
            t[n] = c;
        }
        return t;
    }();
    std::uint32_t c = 0xFFFFFFFFu;
    for (const char ch : data) c = table[(c ^ static_cast<unsigned char>(ch)) & 0xFFu] ^ (c >> 8);
    return c ^ 0xFFFFFFFFu;
}

std::uint32_t be32(std::string_view s, std::size_t at) {
    std::uint32_t v = 0;
    for (std::size_t i = 0; i < 4; ++i) v = (v << 8) | static_cast<unsigned char>(s[at + i]);
    return v;
}

unsigned be16(std::string_view s, std::size_t at) {
    return (static_cast<unsigned>(static_cast<unsigned char>(s[at])) << 8) | static_cast<unsigned char>(s[at + 1]);
}

void put_chunk(std::string& out, std::string_view type, std::string_view data) {
    const auto n = static_cast<std::uint32_t>(data.size());
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((n >> shift) & 0xFFu));
    const std::size_t start = out.size();
    out.append(type);
    out.append(data);
    const std::uint32_t crc = crc32(std::string_view(out).substr(start));
    for (int shift = 24; shift >= 0; shift -= 8) out.push_back(static_cast<char>((crc >> shift) & 0xFFu));
}

bool sane_size(std::uint32_t w, std::uint32_t h, const image_limits& limits, std::string& problem) {
    if (w == 0 || h == 0) return problem = "the image has no pixels", false;
    if (w > limits.max_side || h > limits.max_side ||
        static_cast<std::uint64_t>(w) * h > limits.max_pixels) {
        problem = "the image is too large (" + std::to_string(w) + "x" + std::to_string(h) + " pixels)";
        return false;
    }
    return true;
}

std::optional<checked_image> check_png(std::string_view s, std::string& problem, const image_limits& limits) {
    std::size_t pos = png_signature.size();
    std::string ihdr, plte, trns, idat;
    bool seen_iend = false;
    while (!seen_iend) {
        if (pos + 12 > s.size()) return problem = "the PNG file is truncated", std::nullopt;
        const std::uint32_t len = be32(s, pos);
        const std::string_view type = s.substr(pos + 4, 4);
        if (len > s.size() - pos - 12) return problem = "the PNG file is truncated", std::nullopt;
        for (const char c : type) {
            if (!((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))) return problem = "the PNG has a bad chunk", std::nullopt;
        }
        const std::string_view data = s.substr(pos + 8, len);
        if (crc32(s.substr(pos + 4, 4 + len)) != be32(s, pos + 8 + len)) {
            return problem = "the PNG is corrupt (" + std::string(type) + " checksum does not match)", std::nullopt;
        }
        pos += 12 + len;
        const bool first = ihdr.empty();
        if (first && type != "IHDR") return problem = "the PNG does not start with its header", std::nullopt;
        if (type == "IHDR") {
            if (!first || len != 13) return problem = "the PNG header is invalid", std::nullopt;
            ihdr = data;
        } else if (type == "PLTE") {
            if (!plte.empty() || !idat.empty()) return problem = "the PNG palette is misplaced", std::nullopt;
            plte = data;
        } else if (type == "tRNS") {
            trns = data;
        } else if (type == "IDAT") {
            idat.append(data);
        } else if (type == "IEND") {
            seen_iend = true;
        } else if (type[0] >= 'A' && type[0] <= 'Z') {
            return problem = "the PNG has an unknown critical chunk " + std::string(type), std::nullopt;
        }
    }
    if (pos != s.size()) return problem = "the PNG has data after its end", std::nullopt;
    if (idat.empty()) return problem = "the PNG has no image data", std::nullopt;

    const std::uint32_t w = be32(ihdr, 0), h = be32(ihdr, 4);
    const auto depth = static_cast<unsigned char>(ihdr[8]), ctype = static_cast<unsigned char>(ihdr[9]);
    if (!sane_size(w, h, limits, problem)) return std::nullopt;
    unsigned channels = 0;
    bool depth_ok = false;
    switch (ctype) {
        case 0: channels = 1, depth_ok = depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16; break;
        case 2: channels = 3, depth_ok = depth == 8 || depth == 16; break;
        case 3: channels = 1, depth_ok = depth == 1 || depth == 2 || depth == 4 || depth == 8; break;
        case 4: channels = 2, depth_ok = depth == 8 || depth == 16; break;
        case 6: channels = 4, depth_ok = depth == 8 || depth == 16; break;
        default: break;
    }
    if (!depth_ok || ihdr[10] != 0 || ihdr[11] != 0) return problem = "the PNG header is invalid", std::nullopt;
    if (ihdr[12] != 0) return problem = "interlaced PNGs are not supported; save the logo without interlacing", std::nullopt;
    if (ctype == 3) {
        const std::size_t entries = plte.size() / 3;
        if (plte.empty() || plte.size() % 3 != 0 || entries > (std::size_t{1} << depth) || entries > 256) {
            return problem = "the PNG palette is missing or invalid", std::nullopt;
        }
        if (trns.size() > entries) trns.clear();
    } else {
        plte.clear();  // a suggested palette only; libharu does not need it
        if ((ctype == 0 && trns.size() != 2) || (ctype == 2 && trns.size() != 6) || ctype == 4 || ctype == 6) trns.clear();
    }

    // libpng calls abort() on bad compressed data, so decode it all here first.
    const std::uint64_t row_bytes = (static_cast<std::uint64_t>(w) * channels * depth + 7) / 8;
    const std::uint64_t expected = (row_bytes + 1) * h;
    std::vector<std::uint8_t> raw;
    raw.reserve(static_cast<std::size_t>(expected));
    if (auto why = inflate_zlib(idat, static_cast<std::size_t>(expected), raw); !why.empty()) {
        return problem = "the PNG is corrupt (" + why + ")", std::nullopt;
    }
    if (raw.size() != expected) return problem = "the PNG is corrupt (not enough image data)", std::nullopt;
    for (std::uint64_t row = 0; row < h; ++row) {
        if (raw[static_cast<std::size_t>(row * (row_bytes + 1))] > 4) {
            return problem = "the PNG is corrupt (bad row filter)", std::nullopt;
        }
    }

    checked_image out{image_format::png, std::string(png_signature), w, h};
    out.bytes.reserve(idat.size() + plte.size() + trns.size() + 80);
    put_chunk(out.bytes, "IHDR", ihdr);
    if (!plte.empty()) put_chunk(out.bytes, "PLTE", plte);
    if (!trns.empty()) put_chunk(out.bytes, "tRNS", trns);
    put_chunk(out.bytes, "IDAT", idat);
    put_chunk(out.bytes, "IEND", {});
    return out;
}

std::optional<checked_image> check_jpeg(std::string_view s, std::string& problem, const image_limits& limits) {
    std::size_t end = s.size();
    while (end > 2 && s[end - 1] == '\0') --end;  // some tools pad after EOI
    if (end < 4 || static_cast<unsigned char>(s[end - 2]) != 0xFF || static_cast<unsigned char>(s[end - 1]) != 0xD9) {
        return problem = "the JPEG file is truncated (no end marker)", std::nullopt;
    }
    std::size_t pos = 2;
    std::optional<checked_image> out;
    for (;;) {
        if (pos + 4 > end || static_cast<unsigned char>(s[pos]) != 0xFF) return problem = "the JPEG is corrupt", std::nullopt;
        while (pos < end && static_cast<unsigned char>(s[pos]) == 0xFF) ++pos;
        if (pos + 3 > end) return problem = "the JPEG is corrupt", std::nullopt;
        const auto marker = static_cast<unsigned char>(s[pos++]);
        if (marker == 0xD8 || marker == 0xD9 || (marker >= 0xD0 && marker <= 0xD7) || marker == 0x01) {
            return problem = "the JPEG is corrupt (unexpected marker)", std::nullopt;
        }
        const unsigned len = be16(s, pos);
        if (len < 2 || pos + len > end) return problem = "the JPEG file is truncated", std::nullopt;
        const bool sof = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (sof) {
            if (len < 8 || out) return problem = "the JPEG frame header is invalid", std::nullopt;
            const unsigned h = be16(s, pos + 3), w = be16(s, pos + 5);
            const auto components = static_cast<unsigned char>(s[pos + 7]);
            if (static_cast<unsigned char>(s[pos + 2]) != 8) return problem = "only 8-bit JPEGs are supported", std::nullopt;
            if (components == 4) return problem = "CMYK JPEGs print with inverted colours; save the logo as RGB", std::nullopt;
            if (components != 1 && components != 3) return problem = "the JPEG has an unsupported colour format", std::nullopt;
            if (!sane_size(w, h, limits, problem)) return std::nullopt;
            out = checked_image{image_format::jpeg, std::string(s.substr(0, end)), w, h};
        }
        if (marker == 0xDA) break;  // entropy-coded data follows up to EOI
        pos += len;
    }
    if (!out) return problem = "the JPEG has no frame header", std::nullopt;
    return out;
}

}  // namespace

static std::optional<checked_image> check_uncached(const std::string& bytes, std::string& problem, const image_limits& limits) {
    const std::string_view s(bytes);
    if (s.size() > limits.max_bytes) return problem = "the image file is larger than 5 MB", std::nullopt;
    if (s.starts_with(png_signature)) return check_png(s, problem, limits);
    if (s.size() >= 3 && s.starts_with("\xFF\xD8\xFF")) return check_jpeg(s, problem, limits);
    problem = "the file is not a PNG or JPEG image";
    return std::nullopt;
}

// A batch puts the same logo on thousands of PDFs: the strict inflate check
// (several million instructions for a small PNG) runs once per distinct file
// content and limits. Keyed by the bytes themselves, so an edited file is
// checked again; small logos only, and a bounded number of them.
struct check_outcome {
    std::optional<checked_image> image;
    std::string problem;
};

std::optional<checked_image> check_image_bytes(std::string bytes, std::string& problem, const image_limits& limits) {
    constexpr std::size_t max_cached_bytes = 1u << 20, max_entries = 32;
    if (bytes.size() > max_cached_bytes) return check_uncached(bytes, problem, limits);
    static std::mutex mutex;
    static std::map<std::string, check_outcome, std::less<>> cache;
    std::string key = std::to_string(limits.max_bytes) + ',' + std::to_string(limits.max_side) + ',' +
                      std::to_string(limits.max_pixels) + ';' + bytes;
    {
        std::lock_guard lock(mutex);
        if (const auto it = cache.find(key); it != cache.end()) {
            problem = it->second.problem;
            return it->second.image;
        }
    }
    check_outcome outcome;
    outcome.image = check_uncached(bytes, outcome.problem, limits);
    problem = outcome.problem;
    std::lock_guard lock(mutex);
    if (cache.size() >= max_entries) cache.erase(cache.begin());
    cache.emplace(std::move(key), outcome);
    return outcome.image;
}

std::optional<checked_image> check_image_file(const std::string& path, std::string& problem,
                                              const image_limits& limits) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return problem = "the image file was not found", std::nullopt;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return problem = "the image file cannot be read", std::nullopt;
    if (size > limits.max_bytes) return problem = "the image file is larger than 5 MB", std::nullopt;
    std::ifstream in(path, std::ios::binary);
    std::string bytes(static_cast<std::size_t>(size), '\0');
    if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) return problem = "the image file cannot be read", std::nullopt;
    return check_image_bytes(std::move(bytes), problem, limits);
}

}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// Helpers for the PDF tests: PNG/JPEG builders, temp files, running poppler/qpdf tools.
#pragma once

#include <array>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

namespace closeplan::pdf_test {

inline std::uint32_t crc32(const std::string& data) {
    std::uint32_t c = 0xFFFFFFFFu;
    for (const char ch : data) {
        c ^= static_cast<unsigned char>(ch);
        for (int k = 0; k < 8; ++k) c = (c & 1u) ? 0xEDB88320u ^ (c >> 1) : c >> 1;
    }
    return c ^ 0xFFFFFFFFu;
}

inline void be32(std::string& out, std::uint32_t v) {
    for (int s = 24; s >= 0; s -= 8) out.push_back(static_cast<char>((v >> s) & 0xFFu));
}

inline std::string chunk(const std::string& type, const std::string& data) {
    std::string out;
    be32(out, static_cast<std::uint32_t>(data.size()));
    out += type + data;
    be32(out, crc32(type + data));
    return out;
}

/// A zlib stream of stored (uncompressed) blocks.
inline std::string zlib_stored(const std::string& raw) {
    std::string out = "\x78\x01";
    std::size_t pos = 0;
    do {
        const std::size_t n = std::min<std::size_t>(raw.size() - pos, 65535);
        const bool last = pos + n == raw.size();
        out.push_back(last ? '\x01' : '\x00');
        out.push_back(static_cast<char>(n & 0xFF));
        out.push_back(static_cast<char>(n >> 8));
        out.push_back(static_cast<char>(~n & 0xFF));
        out.push_back(static_cast<char>((~n >> 8) & 0xFF));
        out += raw.substr(pos, n);
        pos += n;
    } while (pos < raw.size());
    std::uint32_t a = 1, b = 0;
    for (const char c : raw) {
        a = (a + static_cast<unsigned char>(c)) % 65521u;
        b = (b + a) % 65521u;
    }
    be32(out, (b << 16) | a);
    return out;
}

inline std::string ihdr(std::uint32_t w, std::uint32_t h, char depth, char type) {
    std::string d;
    be32(d, w);
    be32(d, h);
    d += std::string{depth, type, 0, 0, 0};
    return d;
}

/// An RGB (type 2) or RGBA (type 6) 8-bit PNG of w x h pixels.
inline std::string make_png(std::uint32_t w, std::uint32_t h, bool alpha = false) {
    const std::size_t channels = alpha ? 4 : 3;
    std::string raw;
    for (std::uint32_t y = 0; y < h; ++y) {
        raw.push_back('\0');
        for (std::uint32_t x = 0; x < w; ++x) {
            for (std::size_t c = 0; c < channels; ++c) raw.push_back(static_cast<char>((x * 40 + y * 13 + c * 70) & 0xFF));
        }
    }
    return std::string("\x89PNG\r\n\x1A\n", 8) + chunk("IHDR", ihdr(w, h, 8, alpha ? 6 : 2)) +
           chunk("IDAT", zlib_stored(raw)) + chunk("IEND", "");
}

/// A 12x12 RGBA PNG made by Python's zlib at level 9 (dynamic Huffman, IDAT
/// split in two), with a bogus iCCP chunk that must be stripped.
inline const std::string& compressed_png() {
    static const std::string png(
#include "pdf_test_png.inc"
        , 525);
    return png;
}

/// A structurally valid baseline JPEG header (8-bit, w x h, `components`) around junk scan data.
inline std::string make_jpeg(unsigned w, unsigned h, unsigned char components) {
    std::string s = "\xFF\xD8";
    s += std::string("\xFF\xE0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00", 18);
    std::string sof = "\xFF\xC0";
    const unsigned len = 8 + 3u * components;
    sof += static_cast<char>(len >> 8);
    sof += static_cast<char>(len & 0xFF);
    sof += '\x08';
    sof += static_cast<char>(h >> 8);
    sof += static_cast<char>(h & 0xFF);
    sof += static_cast<char>(w >> 8);
    sof += static_cast<char>(w & 0xFF);
    sof += static_cast<char>(components);
    for (unsigned char c = 1; c <= components; ++c) sof += std::string{static_cast<char>(c), '\x11', '\x00'};
    s += sof;
    std::string sos = "\xFF\xDA";
    const unsigned slen = 6 + 2u * components;
    sos += static_cast<char>(slen >> 8);
    sos += static_cast<char>(slen & 0xFF);
    sos += static_cast<char>(components);
    for (unsigned char c = 1; c <= components; ++c) sos += std::string{static_cast<char>(c), '\x00'};
    sos += std::string("\x00\x3F\x00", 3);
    s += sos + std::string(32, '\x55') + "\xFF\xD9";
    return s;
}

/// A real 8x8 grey baseline JPEG (one flat block; one-code Huffman tables) that decoders accept.
inline std::string make_real_jpeg() {
    std::string s = "\xFF\xD8";
    s += std::string("\xFF\xDB\x00\x43\x00", 5) + std::string(64, '\x01');
    s += std::string("\xFF\xC0\x00\x0B\x08\x00\x08\x00\x08\x01\x01\x11\x00", 13);
    for (const char table : {'\x00', '\x10'}) {
        s += std::string("\xFF\xC4\x00\x14", 4) + table + '\x01' + std::string(15, '\x00') + '\x00';
    }
    s += std::string("\xFF\xDA\x00\x08\x01\x01\x00\x00\x3F\x00", 10);
    s += "\x3F\xFF\xD9";  // DC "0", EOB "0", padded with ones
    return s;
}

class temp_dir {
public:
    temp_dir() : path_(std::filesystem::temp_directory_path() / ("closeplan_pdf_test_" + std::to_string(::getpid()))) {
        std::filesystem::create_directories(path_);
    }
    ~temp_dir() {
        std::error_code ec;
        std::filesystem::remove_all(path_, ec);
    }
    std::string write(const std::string& name, const std::string& bytes) const {
        const auto p = path_ / name;
        std::ofstream(p, std::ios::binary) << bytes;
        return p.string();
    }
    [[nodiscard]] std::string path(const std::string& name) const { return (path_ / name).string(); }

private:
    std::filesystem::path path_;
};

struct command_result {
    int status = -1;
    std::string output;
};

inline command_result run(const std::string& command) {
    command_result r;
    FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return r;
    std::array<char, 4096> buf{};
    std::size_t n = 0;
    while ((n = std::fread(buf.data(), 1, buf.size(), pipe)) > 0) r.output.append(buf.data(), n);
    r.status = ::pclose(pipe);
    return r;
}

}  // namespace closeplan::pdf_test

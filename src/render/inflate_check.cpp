// SPDX-License-Identifier: MIT
// A small strict inflater after Mark Adler's puff.c: correctness over speed (logos are small).
#include "render/inflate_check.hpp"

#include <array>

namespace closeplan::render {
namespace {

constexpr int max_bits = 15;

struct huffman {
    std::array<std::uint16_t, max_bits + 1> count{};
    std::array<std::uint16_t, 288> symbol{};
};

struct failure {
    const char* what;
};

class inflater {
public:
    inflater(std::string_view in, std::size_t max_out, std::vector<std::uint8_t>& out, std::size_t window)
        : in_(in), max_out_(max_out), out_(out), window_(window) {}

    void run() {
        int last = 0;
        do {
            last = static_cast<int>(bits(1));
            const auto type = bits(2);
            if (type == 0) stored();
            else if (type == 1) fixed();
            else if (type == 2) dynamic();
            else throw failure{"invalid deflate block type"};
        } while (!last);
    }
    [[nodiscard]] std::size_t byte_pos() const { return pos_; }

private:
    std::uint32_t bits(int need) {
        std::uint32_t val = bitbuf_;
        while (bitcnt_ < need) {
            if (pos_ >= in_.size()) throw failure{"compressed image data ends early"};
            val |= static_cast<std::uint32_t>(static_cast<unsigned char>(in_[pos_++])) << bitcnt_;
            bitcnt_ += 8;
        }
        bitbuf_ = val >> need;
        bitcnt_ -= need;
        return val & ((1u << need) - 1u);
    }

    void put(std::uint8_t b) {
        if (out_.size() >= max_out_) throw failure{"more image data than the image size needs"};
        out_.push_back(b);
    }

    void stored() {
        bitbuf_ = 0;
        bitcnt_ = 0;
        if (pos_ + 4 > in_.size()) throw failure{"compressed image data ends early"};
        const auto byte = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(in_[i])); };
        const unsigned len = byte(pos_) | (byte(pos_ + 1) << 8);
        const unsigned nlen = byte(pos_ + 2) | (byte(pos_ + 3) << 8);
        pos_ += 4;
        if (len != (~nlen & 0xFFFFu)) throw failure{"stored block length does not match its complement"};
        if (pos_ + len > in_.size()) throw failure{"compressed image data ends early"};
        for (unsigned i = 0; i < len; ++i) put(static_cast<std::uint8_t>(in_[pos_ + i]));
        pos_ += len;
    }

    static int construct(huffman& h, const std::uint16_t* length, int n) {
        h.count.fill(0);
        for (int s = 0; s < n; ++s) h.count[length[s]]++;
        if (h.count[0] == n) return 0;
        int left = 1;
        for (int len = 1; len <= max_bits; ++len) {
            left <<= 1;
            left -= h.count[len];
            if (left < 0) return left;
        }
        std::array<std::uint16_t, max_bits + 1> offs{};
        for (int len = 1; len < max_bits; ++len) offs[len + 1] = static_cast<std::uint16_t>(offs[len] + h.count[len]);
        for (int s = 0; s < n; ++s) {
            if (length[s] != 0) h.symbol[offs[length[s]]++] = static_cast<std::uint16_t>(s);
        }
        return left;
    }

    int decode(const huffman& h) {
        int code = 0, first = 0, index = 0;
        for (int len = 1; len <= max_bits; ++len) {
            code |= static_cast<int>(bits(1));
            const int count = h.count[len];
            if (code - count < first) return h.symbol[index + (code - first)];
            index += count;
            first += count;
            first <<= 1;
            code <<= 1;
        }
        throw failure{"invalid Huffman code in image data"};
    }

    void codes(const huffman& lencode, const huffman& distcode) {
        static constexpr std::array<std::uint16_t, 29> lens = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,
                                                               15, 17, 19, 23, 27, 31, 35, 43, 51,  59,
                                                               67, 83, 99, 115, 131, 163, 195, 227, 258};
        static constexpr std::array<std::uint8_t, 29> lext = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                                              2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
        static constexpr std::array<std::uint16_t, 30> dists = {
            1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
            193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
        static constexpr std::array<std::uint8_t, 30> dext = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                                              6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
        for (;;) {
            int symbol = decode(lencode);
            if (symbol < 256) {
                put(static_cast<std::uint8_t>(symbol));
                continue;
            }
            if (symbol == 256) return;
            symbol -= 257;
            if (symbol >= 29) throw failure{"invalid length code in image data"};
            const std::size_t len = lens[symbol] + bits(lext[symbol]);
            symbol = decode(distcode);
            if (symbol >= 30) throw failure{"invalid distance code in image data"};
            const std::size_t dist = dists[symbol] + bits(dext[symbol]);
            if (dist > out_.size() || dist > window_) throw failure{"distance too far back in image data"};
            for (std::size_t i = 0; i < len; ++i) put(out_[out_.size() - dist]);
        }
    }

    void fixed() {
        huffman lencode, distcode;
        std::array<std::uint16_t, 288> lengths{};
        for (int s = 0; s < 288; ++s) lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
        construct(lencode, lengths.data(), 288);
        for (int s = 0; s < 30; ++s) lengths[s] = 5;
        construct(distcode, lengths.data(), 30);
        codes(lencode, distcode);
    }

    void dynamic() {
        static constexpr std::array<std::uint8_t, 19> order = {16, 17, 18, 0, 8,  7, 9,  6, 10, 5,
                                                               11, 4,  12, 3, 13, 2, 14, 1, 15};
        std::array<std::uint16_t, 320> lengths{};
        const int nlen = static_cast<int>(bits(5)) + 257;
        const int ndist = static_cast<int>(bits(5)) + 1;
        const int ncode = static_cast<int>(bits(4)) + 4;
        if (nlen > 286 || ndist > 30) throw failure{"bad dynamic block counts in image data"};
        for (int i = 0; i < ncode; ++i) lengths[order[i]] = static_cast<std::uint16_t>(bits(3));
        huffman lencode, distcode;
        if (construct(lencode, lengths.data(), 19) != 0) throw failure{"incomplete code-length code in image data"};
        int index = 0;
        while (index < nlen + ndist) {
            int symbol = decode(lencode);
            if (symbol < 16) {
                lengths[index++] = static_cast<std::uint16_t>(symbol);
                continue;
            }
            std::uint16_t len = 0;
            if (symbol == 16) {
                if (index == 0) throw failure{"repeat with no first length in image data"};
                len = lengths[index - 1];
                symbol = 3 + static_cast<int>(bits(2));
            } else if (symbol == 17) {
                symbol = 3 + static_cast<int>(bits(3));
            } else {
                symbol = 11 + static_cast<int>(bits(7));
            }
            if (index + symbol > nlen + ndist) throw failure{"too many lengths in image data"};
            while (symbol--) lengths[index++] = len;
        }
        if (lengths[256] == 0) throw failure{"no end-of-block code in image data"};
        int err = construct(lencode, lengths.data(), nlen);
        if (err < 0 || (err > 0 && nlen - lencode.count[0] != 1)) throw failure{"bad literal/length code in image data"};
        err = construct(distcode, lengths.data() + nlen, ndist);
        if (err < 0 || (err > 0 && ndist - distcode.count[0] != 1)) throw failure{"bad distance code in image data"};
        codes(lencode, distcode);
    }

    std::string_view in_;
    std::size_t max_out_;
    std::vector<std::uint8_t>& out_;
    std::size_t window_;
    std::size_t pos_ = 0;
    std::uint32_t bitbuf_ = 0;
    int bitcnt_ = 0;
};

std::uint32_t adler32(const std::vector<std::uint8_t>& data) {
    std::uint32_t a = 1, b = 0;
    for (const auto byte : data) {
        a = (a + byte) % 65521u;
        b = (b + a) % 65521u;
    }
    return (b << 16) | a;
}

}  // namespace

std::string inflate_zlib(std::string_view in, std::size_t max_out, std::vector<std::uint8_t>& out) {
    out.clear();
    if (in.size() < 6) return "compressed image data is too short";
    const auto cmf = static_cast<unsigned char>(in[0]);
    const auto flg = static_cast<unsigned char>(in[1]);
    if ((cmf & 0x0F) != 8 || (cmf >> 4) > 7 || ((cmf << 8) | flg) % 31 != 0 || (flg & 0x20) != 0) {
        return "bad zlib header in image data";
    }
    const std::size_t window = std::size_t{1} << ((cmf >> 4) + 8);
    inflater inf(in.substr(2), max_out, out, window);
    try {
        inf.run();
    } catch (const failure& f) {
        return f.what;
    }
    const std::size_t end = 2 + inf.byte_pos();
    if (end + 4 != in.size()) return end + 4 > in.size() ? "image data checksum missing" : "extra bytes after the image data";
    std::uint32_t stored = 0;
    for (std::size_t i = 0; i < 4; ++i) stored = (stored << 8) | static_cast<unsigned char>(in[end + i]);
    if (stored != adler32(out)) return "image data checksum (Adler-32) does not match";
    return {};
}

}  // namespace closeplan::render

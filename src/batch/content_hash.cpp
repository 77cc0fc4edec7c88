// SPDX-License-Identifier: MIT
// FNV-1a 64.
#include "batch/content_hash.hpp"

namespace closeplan::batch {

content_hash& content_hash::add(std::string_view part) {
    for (unsigned char c : part) {
        state_ ^= c;
        state_ *= 1099511628211ull;
    }
    // Length-prefixed in effect: mix in the size and a separator byte.
    for (std::size_t n = part.size(), i = 0; i < 8; ++i, n >>= 8) {
        state_ ^= (n & 0xFF);
        state_ *= 1099511628211ull;
    }
    return *this;
}

std::string content_hash::hex() const {
    static constexpr char digits[] = "0123456789abcdef";
    std::string out(16, '0');
    auto v = state_;
    for (int i = 15; i >= 0; --i, v >>= 4) out[static_cast<std::size_t>(i)] = digits[v & 0xF];
    return out;
}

std::uint64_t hash_text(std::string_view text) { return content_hash{}.add(text).value(); }

}  // namespace closeplan::batch

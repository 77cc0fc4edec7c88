// SPDX-License-Identifier: MIT
// A stable 64-bit content hash (FNV-1a) for resume checks and name bookkeeping.
// Not cryptographic: it detects changed rows and options, it does not defend
// against someone crafting a row to match another.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace closeplan::batch {

class content_hash {
public:
    /// Adds `part` and a separator, so ("ab","c") and ("a","bc") differ.
    content_hash& add(std::string_view part);
    [[nodiscard]] std::uint64_t value() const { return state_; }
    /// 16 lower-case hex digits.
    [[nodiscard]] std::string hex() const;

private:
    std::uint64_t state_ = 14695981039346656037ull;
};

std::uint64_t hash_text(std::string_view text);

}  // namespace closeplan::batch

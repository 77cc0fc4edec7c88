// SPDX-License-Identifier: MIT
// Where an e-mail address or web address may break: the one rule the PDF's
// line breaker (inline_flow.cpp) and the HTML writer (<wbr>, html_inlines.cpp)
// both follow, so an address wraps at the same points on paper and on screen.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace closeplan::layout {

/// After these a word too wide for its column breaks first: e-mail addresses and URLs.
inline bool is_word_joint(char c) { return c == '@' || c == '.' || c == '/' || c == '-'; }

/// An e-mail address or URL (a stretch of text without spaces) is kept whole
/// where UAX #14 would break it (after the hyphen of "northwind-health"): it
/// breaks only when it must, and then after a joint.
inline bool is_address(std::string_view chunk) {
    return chunk.find('@') != std::string_view::npos || chunk.find("://") != std::string_view::npos ||
           chunk.starts_with("www.");
}

/// The byte offsets inside `chunk` (an address, no spaces) where it may break:
/// after a joint that follows at least one other character and precedes a
/// character that is not a joint ("a@b.c" -> after "@" and "."; "..." never).
inline std::vector<std::size_t> address_breaks(std::string_view chunk) {
    std::vector<std::size_t> out;
    for (std::size_t i = 1; i + 1 < chunk.size(); ++i)
        if (is_word_joint(chunk[i]) && !is_word_joint(chunk[i + 1])) out.push_back(i + 1);
    return out;
}

}  // namespace closeplan::layout

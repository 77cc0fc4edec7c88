// SPDX-License-Identifier: MIT
// Look-ups on the format-neutral document.
#include "view/document.hpp"

namespace closeplan::view {

const section* document::find_section(std::string_view key) const {
    for (const auto& s : sections)
        if (s.key == key) return &s;
    return nullptr;
}

}  // namespace closeplan::view

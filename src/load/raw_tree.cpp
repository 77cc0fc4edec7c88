// SPDX-License-Identifier: MIT
// Look-ups on the raw tree.
#include "load/raw_tree.hpp"

namespace closeplan::load {

const raw_node* raw_node::find(std::string_view key) const {
    for (const auto& m : members)
        if (m.key == key) return &m.value;
    return nullptr;
}

std::string pointer_to(std::string_view base, std::string_view key) {
    std::string out(base);
    out += '/';
    for (char c : key) {
        if (c == '~')
            out += "~0";
        else if (c == '/')
            out += "~1";
        else
            out += c;
    }
    return out;
}

std::string pointer_to(std::string_view base, std::size_t index) {
    return std::string(base) + '/' + std::to_string(index);
}

}  // namespace closeplan::load

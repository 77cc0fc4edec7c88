// SPDX-License-Identifier: MIT
// Look-ups on the raw tree.
#include "load/raw_tree.hpp"

namespace closeplan::load {

const raw_node* raw_node::find(std::string_view key) const {
    for (const auto& m : members)
        if (m.key == key) return &m.value;
    return nullptr;
}

}  // namespace closeplan::load

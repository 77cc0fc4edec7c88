// SPDX-License-Identifier: MIT
#include "health/field_locations.hpp"

namespace closeplan::health {

namespace {

void remember(const load::raw_node& node, int depth, model::plan& input_plan) {
    if (!node.where.pointer.empty()) input_plan.field_locations.emplace(node.where.pointer, node.where);
    if (depth == 0) return;
    for (const auto& item : node.items) remember(item, depth - 1, input_plan);
    for (const auto& member : node.members) remember(member.value, depth - 1, input_plan);
}

}  // namespace

void remember_field_locations(const load::raw_node& root, model::plan& input_plan) {
    remember(root, 3, input_plan);
}

}  // namespace closeplan::health

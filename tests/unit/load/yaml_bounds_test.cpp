// SPDX-License-Identifier: MIT
// The byte scan that lets small plans skip the YAML event pass: it proves only what is true.
#include <gtest/gtest.h>

#include <string>

#include "load/load_internal.hpp"

namespace closeplan::load::detail {
namespace {

load_limits limits_of(std::size_t nodes, std::size_t depth) {
    load_limits limits;
    limits.max_nodes = nodes;
    limits.max_depth = depth;
    return limits;
}

TEST(YamlBounds, ProvesTheExamplePlans) {
    for (const auto* name : {"enterprise", "northwind", "pilot"}) {
        const auto text = read_file(std::string(CLOSEPLAN_SOURCE_DIR) + "/examples/" + name + "/plan.yaml");
        EXPECT_TRUE(surely_within_limits(text, load_limits{})) << name;
    }
}

TEST(YamlBounds, NeverProvesWhatTheEventPassWouldStop) {
    // Too many values for the limit, or too deep for it.
    EXPECT_FALSE(surely_within_limits("a: [1, 2, 3]\n", limits_of(5, 64)));
    EXPECT_FALSE(surely_within_limits("a: [[[[x]]]]\n", limits_of(1000, 3)));
    EXPECT_FALSE(surely_within_limits("a:\n  b:\n    c:\n      d: 1\n", limits_of(1000, 3)));
    // A `:` where a value is expected nests a mapping at any column.
    EXPECT_FALSE(surely_within_limits("a:\n:\n:\n:\n", limits_of(1000, 3)));
    // A bracket hidden in a quote keeps every bracket open.
    EXPECT_FALSE(surely_within_limits("a: [\"]\", [[[x]]]]\n", limits_of(1000, 6)));
    // yaml-cpp reports an empty document for a stray token without end: only
    // a file that is one block mapping from its first line is proven.
    EXPECT_FALSE(surely_within_limits("x\n, y\n", load_limits{}));
    EXPECT_FALSE(surely_within_limits("- a\n", load_limits{}));
    EXPECT_FALSE(surely_within_limits("a: 1\n---\nb: 2\n", load_limits{}));
    EXPECT_FALSE(surely_within_limits("%YAML 1.2\na: 1\n", load_limits{}));
    EXPECT_TRUE(surely_within_limits("# plan\n\nplan_id: x\nitems:\n  - a\n  - b: [1, 2]\n", load_limits{}));
}

}  // namespace
}  // namespace closeplan::load::detail

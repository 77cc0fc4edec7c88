// SPDX-License-Identifier: MIT
// Suggestion and quoting helpers behind "did you mean" hints.
#include <gtest/gtest.h>

#include <array>

#include "validate/wording.hpp"

namespace closeplan {
namespace {

using namespace validate::detail;

TEST(validate_wording, edit_distance_counts_a_swap_once) {
    EXPECT_EQ(edit_distance("due", "due"), 0u);
    EXPECT_EQ(edit_distance("deu", "due"), 1u);
    EXPECT_EQ(edit_distance("titel", "title"), 1u);
    EXPECT_EQ(edit_distance("", "abc"), 3u);
    EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(validate_wording, closest_candidate) {
    constexpr std::array<std::string_view, 5> keys = {"id", "title", "owner", "due", "depends_on"};
    EXPECT_EQ(closest("deu", keys), "due");
    EXPECT_EQ(closest("Title", keys), "title");
    EXPECT_EQ(closest("dependsOn", keys), "depends_on");
    EXPECT_EQ(closest("depends-on", keys), "depends_on");
    EXPECT_EQ(closest("colour", keys), std::nullopt);
    EXPECT_EQ(closest("x", keys), std::nullopt);
}

TEST(validate_wording, quote_escapes_and_shortens) {
    EXPECT_EQ(quote("plain"), "\"plain\"");
    EXPECT_EQ(quote("a\"b\\c"), "\"a\\\"b\\\\c\"");
    EXPECT_EQ(quote("\x1b[2J"), "\"\\x1b[2J\"");
    EXPECT_EQ(quote(std::string(70, 'a')), "\"" + std::string(60, 'a') + "...\"");
}

TEST(validate_wording, lists) {
    constexpr std::array<std::string_view, 3> three = {"buyer", "seller", "both"};
    EXPECT_EQ(join_or(three), "buyer, seller or both");
    const std::vector<std::string> ids = {"a", "b", "c", "d", "e", "f", "g"};
    EXPECT_EQ(join_capped(ids), "a, b, c, d, e and 2 more");
    EXPECT_EQ(join_capped(std::vector<std::string>{"dana"}), "dana");
    EXPECT_EQ(normalise_word("  In Progress "), "in_progress");
}

}  // namespace
}  // namespace closeplan

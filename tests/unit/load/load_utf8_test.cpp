// SPDX-License-Identifier: MIT
// Tests of the UTF-8 helpers in src/support/utf8.hpp.
#include <gtest/gtest.h>

#include "support/utf8.hpp"

namespace closeplan::utf8 {
namespace {

TEST(Utf8, AcceptsWellFormedText) {
    EXPECT_TRUE(is_valid(""));
    EXPECT_TRUE(is_valid("plain ASCII\r\n"));
    EXPECT_TRUE(is_valid("\xC3\xA9 \xE2\x82\xAC \xF0\x9F\x98\x80"));  // é € 😀
    EXPECT_TRUE(is_valid("\xED\x9F\xBF"));                          // U+D7FF, just below the surrogates
    EXPECT_TRUE(is_valid("\xEE\x80\x80"));                          // U+E000, just above them
    EXPECT_TRUE(is_valid("\xF4\x8F\xBF\xBF"));                      // U+10FFFF
}

TEST(Utf8, NamesEachKindOfMalformedSequence) {
    struct example {
        std::string_view text;
        std::size_t offset;
        std::size_t length;
        problem kind;
    };
    const example examples[] = {
        {"ab\x80", 2, 1, problem::stray_continuation},
        {"\xFF", 0, 1, problem::invalid_byte},
        {"x\xF5\x80\x80\x80", 1, 1, problem::invalid_byte},
        {"\xC0\xAF", 0, 2, problem::overlong},
        {"\xC1", 0, 1, problem::overlong},
        {"\xE0\x80\xAF", 0, 3, problem::overlong},
        {"\xF0\x80\x80\xAF", 0, 4, problem::overlong},
        {"\xED\xA0\x80", 0, 3, problem::surrogate},
        {"\xED\xBF\xBF", 0, 3, problem::surrogate},
        {"\xF4\x90\x80\x80", 0, 4, problem::too_large},
        {"\xE2\x82", 0, 2, problem::truncated},
        {"\xE2(", 0, 1, problem::truncated},
        {"\xF0\x9F\x98", 0, 3, problem::truncated},
    };
    for (const auto& e : examples) {
        SCOPED_TRACE(::testing::PrintToString(std::string(e.text)));
        const auto bad = find_invalid(e.text);
        ASSERT_TRUE(bad);
        EXPECT_EQ(bad->offset, e.offset);
        EXPECT_EQ(bad->length, e.length);
        EXPECT_EQ(bad->kind, e.kind);
        EXPECT_FALSE(describe(e.kind).empty());
    }
}

TEST(Utf8, FindsTheNextProblemAfterAGivenOffset) {
    const std::string_view text = "a\xFF" "b\xC3\xA9\x80";
    const auto first = find_invalid(text);
    ASSERT_TRUE(first);
    EXPECT_EQ(first->offset, 1u);
    const auto second = find_invalid(text, first->offset + first->length);
    ASSERT_TRUE(second);
    EXPECT_EQ(second->offset, 5u);
    EXPECT_FALSE(find_invalid(text, 6));
}

TEST(Utf8, ReplacesMalformedSequences) {
    EXPECT_EQ(replace_invalid("caf\xE9 ok"), "caf\xEF\xBF\xBD ok");
    EXPECT_EQ(replace_invalid("\xC0\xAF|\xE2\x82", "?"), "?|?");
    EXPECT_EQ(replace_invalid("fine"), "fine");
}

TEST(Utf8, StripsOnlyALeadingByteOrderMark) {
    EXPECT_EQ(strip_bom("\xEF\xBB\xBFx"), "x");
    EXPECT_EQ(strip_bom("x\xEF\xBB\xBF"), "x\xEF\xBB\xBF");
    EXPECT_TRUE(starts_with_bom("\xEF\xBB\xBF"));
    EXPECT_FALSE(starts_with_bom("\xEF\xBB"));
}

}  // namespace
}  // namespace closeplan::utf8

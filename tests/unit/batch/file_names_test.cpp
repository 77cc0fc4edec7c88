// SPDX-License-Identifier: MIT
// Output names safe on every file system, unique even case-insensitively.
#include <gtest/gtest.h>

#include "batch/file_names.hpp"

namespace closeplan::batch {
namespace {

TEST(FileNames, OnlySafeCharacters) {
    EXPECT_EQ(safe_stem("006A0000", "Acme: Renewal <2026>"), "006A0000-Acme-Renewal-2026");
    EXPECT_EQ(safe_stem("", "../../etc/passwd"), "etc-passwd");
    EXPECT_EQ(safe_stem("a\\b", "c/d"), "a-b-c-d");
    EXPECT_EQ(safe_stem("", "..."), "");
    EXPECT_EQ(safe_stem("", "bell\x07 and\x1b[31m red"), "bell-and-31m-red");
    EXPECT_EQ(safe_stem("", "Caf\xC3\xA9 M\xC3\xBCller"), "Caf-M-ller");
}

TEST(FileNames, ReservedWindowsNamesArePrefixed) {
    EXPECT_EQ(safe_stem("", "CON"), "deal-CON");
    EXPECT_EQ(safe_stem("", "nul"), "deal-nul");
    EXPECT_EQ(safe_stem("com1", "Renewal"), "deal-com1-Renewal");
    EXPECT_EQ(safe_stem("", "Console"), "Console");
}

TEST(FileNames, LengthIsLimited) {
    const auto stem = safe_stem(std::string(50, 'a'), std::string(100, 'b'));
    EXPECT_LE(stem.size(), max_stem_length);
    EXPECT_NE(stem.back(), '-');
}

TEST(FileNames, CollisionsIgnoringCaseGetSuffixes) {
    stem_registry names;
    EXPECT_EQ(names.claim("Acme"), "Acme");
    EXPECT_EQ(names.claim("ACME"), "ACME-2");
    EXPECT_EQ(names.claim("acme"), "acme-3");
    EXPECT_EQ(names.claim("Acme-2"), "Acme-2-2");
    EXPECT_EQ(names.claim("Index"), "Index-2");
    EXPECT_EQ(names.claim(""), "deal-2");
}

}  // namespace
}  // namespace closeplan::batch

namespace closeplan::batch {
namespace {

TEST(FileNames, ManyNamesStayUnique) {
    // Past several table growths: every name is handed out once, repeats get suffixes.
    stem_registry names;
    for (int i = 0; i < 5000; ++i) ASSERT_EQ(names.claim("deal-" + std::to_string(i)), "deal-" + std::to_string(i));
    EXPECT_EQ(names.claim("DEAL-4999"), "DEAL-4999-2");
    EXPECT_EQ(names.claim("deal-0"), "deal-0-2");
}

}  // namespace
}  // namespace closeplan::batch

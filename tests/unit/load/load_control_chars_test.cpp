// SPDX-License-Identifier: MIT
// Control characters in loaded text are replaced visibly and reported where they are.
#include <gtest/gtest.h>

#include "load_test_support.hpp"

namespace closeplan::load::test {
namespace {

TEST(LoadControlCharacters, TerminalEscapesBecomeReplacementCharactersWithALocatedWarning) {
    const auto r = load_yaml("closeplan: 1\nname: \"Red \\e[31mtext\\e[0m\"\nok: \"tab\\there\\nnext\"\n");
    ASSERT_TRUE(r.tree) << r.report();
    EXPECT_EQ(at(*r.tree, "/name").text, "Red \xEF\xBF\xBD[31mtext\xEF\xBF\xBD[0m");
    EXPECT_EQ(at(*r.tree, "/ok").text, "tab\there\nnext");
    EXPECT_EQ(r.report(),
              "plan.yaml:2:7: warning[L113]: control character U+001B replaced with U+FFFD (and 1 more in this "
              "value) (at /name)\n"
              "  hint: remove terminal escapes, bells and other control characters from the text");
}

// YAML forbids them raw, and libyaml refuses them; the loader reads them as
// yaml-cpp did, and replaces them like escaped ones, with every position kept.
TEST(LoadControlCharacters, RawOnesInYamlAreReplacedWhereTheyAre) {
    const auto r = load_yaml("closeplan: 1\nname: Red \x1b[31m\xc3\xa9\x7f\nnote: \"a\xc2\x9b\" # c\nok: \xc3\xa9\n");
    ASSERT_TRUE(r.tree) << r.report();
    EXPECT_EQ(at(*r.tree, "/name").text, "Red \xEF\xBF\xBD[31m\xc3\xa9\xEF\xBF\xBD");
    EXPECT_EQ(at(*r.tree, "/note").text, "a\xEF\xBF\xBD");
    EXPECT_EQ(at(*r.tree, "/ok").where.line, 4);
    EXPECT_EQ(at(*r.tree, "/ok").where.column, 5);
    EXPECT_EQ(r.report(),
              "plan.yaml:2:7: warning[L113]: control character U+001B replaced with U+FFFD (and 1 more in this "
              "value) (at /name)\n"
              "  hint: remove terminal escapes, bells and other control characters from the text\n"
              "plan.yaml:3:7: warning[L113]: control character U+009B replaced with U+FFFD (at /note)\n"
              "  hint: remove terminal escapes, bells and other control characters from the text");
}

TEST(LoadControlCharacters, C1ControlsAndDeleteInJsonAreReplacedToo) {
    const auto r = load_json("{\"closeplan\": 1, \"a\": \"x\\u0085y\\u007fz\", \"b\": \"caf\\u00e9\"}");
    ASSERT_TRUE(r.tree) << r.report();
    EXPECT_EQ(at(*r.tree, "/a").text, "x\xEF\xBF\xBDy\xEF\xBF\xBDz");
    EXPECT_EQ(at(*r.tree, "/b").text, "caf\xC3\xA9");
    ASSERT_EQ(r.diags.all().size(), 1u);
    EXPECT_EQ(r.diags.all()[0].code, "L113");
    EXPECT_EQ(r.diags.all()[0].where.line, 1);
    EXPECT_EQ(r.diags.all()[0].where.column, 23);
}

TEST(LoadControlCharacters, CrlfLineEndsAreNotControlCharacters) {
    const auto r = load_yaml("closeplan: 1\r\nnotes: |\r\n  one\r\n  two\r\n");
    ASSERT_TRUE(r.tree) << r.report();
    EXPECT_TRUE(r.diags.all().empty()) << r.report();
}

}  // namespace
}  // namespace closeplan::load::test

// SPDX-License-Identifier: MIT
// Tests of YAML loading, the byte checks before parsing, and reading files.
#include <gtest/gtest.h>

#include <chrono>
#include <filesystem>
#include <fstream>

#include "load_test_support.hpp"

namespace closeplan::load::test {
namespace {

namespace fs = std::filesystem;

TEST(LoadYaml, PlacesEveryNodeWithOneBasedLineAndColumn) {
    const auto r = load_yaml(
        "closeplan: 1\n"
        "deal:\n"
        "  name: \"Claims: analytics\"\n"
        "  buyer: { name: Northwind, logo: logos/n.png }\n"
        "milestones:\n"
        "  - id: sec-docs\n"
        "    depends_on: [nda, 'kick~off/x']\n");
    ASSERT_TRUE(r.tree) << r.report();
    EXPECT_TRUE(r.diags.all().empty()) << r.report();
    const raw_node& root = *r.tree;
    EXPECT_TRUE(root.is_mapping());
    EXPECT_EQ(pos(root.where), "1:1");
    EXPECT_EQ(root.where.pointer, "");
    EXPECT_EQ(root.where.file, "plan.yaml");
    ASSERT_EQ(root.members.size(), 3u);
    EXPECT_EQ(root.members[0].key, "closeplan");
    EXPECT_EQ(root.members[1].key, "deal");
    EXPECT_EQ(root.members[2].key, "milestones");

    EXPECT_EQ(pos(member(root, "closeplan").key_where), "1:1");
    EXPECT_EQ(pos(at(root, "/closeplan").where), "1:12");
    EXPECT_EQ(pos(at(root, "/deal").where), "3:3");
    EXPECT_EQ(pos(at(root, "/deal/name").where), "3:9");
    EXPECT_EQ(at(root, "/deal/name").text, "Claims: analytics");
    EXPECT_EQ(pos(at(root, "/deal/buyer").where), "4:10");
    EXPECT_EQ(pos(member(at(root, "/deal/buyer"), "name").key_where), "4:12");
    EXPECT_EQ(pos(at(root, "/deal/buyer/name").where), "4:18");
    EXPECT_EQ(pos(member(at(root, "/deal/buyer"), "logo").key_where), "4:29");
    EXPECT_EQ(pos(at(root, "/deal/buyer/logo").where), "4:35");
    EXPECT_EQ(pos(at(root, "/milestones").where), "6:3");
    EXPECT_EQ(pos(at(root, "/milestones/0").where), "6:5");
    EXPECT_EQ(pos(at(root, "/milestones/0/id").where), "6:9");
    EXPECT_EQ(pos(at(root, "/milestones/0/depends_on").where), "7:17");
    EXPECT_EQ(pos(at(root, "/milestones/0/depends_on/0").where), "7:18");
    EXPECT_EQ(pos(at(root, "/milestones/0/depends_on/1").where), "7:23");

    EXPECT_EQ(at(root, "/deal/buyer/logo").where.pointer, "/deal/buyer/logo");
    EXPECT_EQ(member(at(root, "/deal/buyer"), "logo").key_where.pointer, "/deal/buyer/logo");
    EXPECT_EQ(at(root, "/milestones/0/depends_on/1").where.pointer, "/milestones/0/depends_on/1");
    EXPECT_EQ(at(root, "/milestones/0/depends_on/1").text, "kick~off/x");
    EXPECT_EQ(at(root, "/milestones/0/depends_on/1").where.file, "plan.yaml");
}

TEST(LoadYaml, EscapesPointerTokensPerRfc6901) {
    const auto r = load_yaml("\"a/b~c\":\n  \"~/\": [x]\n");
    ASSERT_TRUE(r.tree) << r.report();
    const auto& leaf = r.tree->members[0].value.members[0].value.items[0];
    EXPECT_EQ(leaf.where.pointer, "/a~1b~0c/~0~1/0");
    EXPECT_EQ(r.tree->members[0].key, "a/b~c");
    EXPECT_EQ(r.tree->members[0].key_where.pointer, "/a~1b~0c");
}

TEST(LoadYaml, KeepsScalarsAsWrittenAndMarksQuotedOnes) {
    const auto r = load_yaml(
        "a: 010\n"
        "b: NO\n"
        "c: 2026-01-31\n"
        "d: 1e3\n"
        "e: yes\n"
        "f: \"010\"\n"
        "g: 'it''s'\n"
        "h: |\n"
        "  line 1\n"
        "  line 2\n"
        "i: >\n"
        "  folded\n"
        "  text\n"
        "j: !!str 5\n"
        "k: !!int 7\n"
        "l: 240,000.00\n");
    ASSERT_TRUE(r.tree) << r.report();
    EXPECT_TRUE(r.diags.all().empty()) << r.report();
    const auto& root = *r.tree;
    struct expectation {
        const char* pointer;
        const char* text;
        bool quoted;
    };
    for (const auto& e : {expectation{"/a", "010", false}, {"/b", "NO", false}, {"/c", "2026-01-31", false},
                          {"/d", "1e3", false}, {"/e", "yes", false}, {"/f", "010", true}, {"/g", "it's", true},
                          {"/h", "line 1\nline 2\n", true}, {"/i", "folded text\n", true}, {"/j", "5", true},
                          {"/k", "7", false}, {"/l", "240,000.00", false}}) {
        SCOPED_TRACE(e.pointer);
        const auto& node = at(root, e.pointer);
        EXPECT_TRUE(node.is_scalar());
        EXPECT_EQ(node.text, e.text);
        EXPECT_EQ(node.quoted, e.quoted);
    }
}

TEST(LoadYaml, ReadsEveryNullFormAndPlacesEmptyValues) {
    const auto r = load_yaml(
        "a: ~\n"
        "b: null\n"
        "c: Null\n"
        "d: NULL\n"
        "e:\n"
        "f: \"null\"\n"
        "g: ''\n"
        "list:\n"
        "  - \n"
        "  - ~\n"
        "last:");
    ASSERT_TRUE(r.tree) << r.report();
    const auto& root = *r.tree;
    for (const char* p : {"/a", "/b", "/c", "/d", "/e", "/list/0", "/list/1", "/last"}) {
        SCOPED_TRACE(p);
        EXPECT_TRUE(at(root, p).is_null());
        EXPECT_EQ(at(root, p).text, "");
    }
    EXPECT_EQ(pos(at(root, "/a").where), "1:4");
    EXPECT_EQ(pos(at(root, "/d").where), "4:4");
    // Empty values sit at their key (or list dash), not at the next line's token.
    EXPECT_EQ(pos(at(root, "/e").where), "5:1");
    EXPECT_EQ(pos(at(root, "/list/0").where), "9:3");
    EXPECT_EQ(pos(at(root, "/list/1").where), "10:5");
    EXPECT_EQ(pos(at(root, "/last").where), "11:1");
    EXPECT_TRUE(at(root, "/f").is_scalar());
    EXPECT_TRUE(at(root, "/f").quoted);
    EXPECT_EQ(at(root, "/f").text, "null");
    EXPECT_TRUE(at(root, "/g").is_scalar());
    EXPECT_EQ(at(root, "/g").text, "");
}

TEST(LoadYaml, EmptyFileIsANullRoot) {
    for (const char* text : {"", "# only a comment\n", "---\n"}) {
        SCOPED_TRACE(text);
        const auto r = load_yaml(text);
        ASSERT_TRUE(r.tree) << r.report();
        EXPECT_TRUE(r.tree->is_null());
        EXPECT_EQ(pos(r.tree->where), "1:1");
        EXPECT_TRUE(r.diags.all().empty()) << r.report();
    }
}

TEST(LoadYaml, ReportsDuplicateKeysAtTheSecondAndKeepsTheFirst) {
    const auto r = load_yaml(
        "deal:\n"
        "  name: A\n"
        "  owner: buyer\n"
        "  name: B\n"
        "\"deal\": {}\n");
    ASSERT_TRUE(r.tree) << r.report();
    EXPECT_EQ(r.report(),
              "plan.yaml:4:3: error[L104]: duplicate key \"name\" (at /deal/name)\n"
              "  hint: the first \"name\" is on line 2, column 3 and is the one used; remove one of them\n"
              "plan.yaml:5:1: error[L104]: duplicate key \"deal\" (at /deal)\n"
              "  hint: the first \"deal\" is on line 1, column 1 and is the one used; remove one of them");
    ASSERT_EQ(r.tree->members.size(), 1u);
    const auto& deal = at(*r.tree, "/deal");
    ASSERT_EQ(deal.members.size(), 2u);
    EXPECT_EQ(at(deal, "/name").text, "A");
}

TEST(LoadYaml, RefusesComplexNullAndMergeKeys) {
    const auto r = load_yaml(
        "? [a, b]\n"
        ": x\n"
        "~: y\n"
        "base: &b {owner: buyer}\n"
        "m:\n"
        "  <<: *b\n"
        "  title: x\n"
        "  \"<<\": quoted is just a key\n");
    ASSERT_TRUE(r.tree) << r.report();
    EXPECT_EQ(r.report(),
              "plan.yaml:1:3: error[L109]: mapping key is a list; keys must be plain text\n"
              "  hint: use a text key such as `owner:`\n"
              "plan.yaml:3:1: error[L109]: mapping key is empty or null\n"
              "  hint: write a key before the colon; to use the word null as a key, quote it: \"null\":\n"
              "plan.yaml:6:3: error[L110]: merge keys (<<) are not supported (at /m)\n"
              "  hint: write the fields out in full; anchors and aliases (&name, *name) still work");
    ASSERT_EQ(r.tree->members.size(), 2u);
    const auto& m = at(*r.tree, "/m");
    ASSERT_EQ(m.members.size(), 2u);
    EXPECT_EQ(m.members[0].key, "title");
    EXPECT_EQ(m.members[1].key, "<<");
}

TEST(LoadYaml, WarnsAboutCustomTags) {
    const auto r = load_yaml("a: !custom x\nb: !!int 7\n");
    ASSERT_TRUE(r.tree) << r.report();
    EXPECT_EQ(r.report(),
              "plan.yaml:1:4: warning[L112]: YAML tag \"!custom\" is ignored (at /a)\n"
              "  hint: closeplan reads every value as written; remove the tag");
    EXPECT_FALSE(r.diags.has_errors());
    EXPECT_EQ(at(*r.tree, "/a").text, "x");
}

TEST(LoadYaml, AliasesCopyTheAnchoredNodeWithItsPosition) {
    const auto r = load_yaml("a: &x {k: v}\nb: *x\n");
    ASSERT_TRUE(r.tree) << r.report();
    EXPECT_EQ(at(*r.tree, "/b/k").text, "v");
    EXPECT_EQ(at(*r.tree, "/b/k").where.pointer, "/b/k");
    // An alias has no node of its own: the copy is placed at the anchor.
    EXPECT_EQ(pos(at(*r.tree, "/b").where), "1:4");
}

TEST(LoadYaml, ReportsSyntaxErrorsWithPositionAndHint) {
    struct example {
        const char* text;
        const char* report;
    };
    // Every mistake the hints name, at the offending spot (libyaml's wording).
    const example examples[] = {
        {"a: 1\n\tb: 2\n",
         "plan.yaml:2:1: error[L102]: found a tab character that violates indentation\n"
         "  hint: indent with spaces, not tabs"},
        {"a:\n\tb: 1\n",
         "plan.yaml:2:1: error[L102]: found character that cannot start any token\n"
         "  hint: indent with spaces, not tabs"},
        {"a: \"x\\qy\"\n",
         "plan.yaml:1:6: error[L102]: found unknown escape character: q\n"
         "  hint: in double quotes write a backslash as \\\\, or use single quotes"},
        {"a: \"\\x4\"\n",
         "plan.yaml:1:7: error[L102]: did not find expected hexdecimal number\n"
         "  hint: in double quotes write a backslash as \\\\, or use single quotes"},
        {"a: [1, 2\nb: 3\n",
         "plan.yaml:2:2: error[L102]: did not find expected ',' or ']' while parsing a flow sequence that starts at "
         "line 1, column 4\n"
         "  hint: close every [ with a matching ]"},
        {"a: {x: 1\n",
         "plan.yaml:2:1: error[L102]: did not find expected ',' or '}' while parsing a flow mapping that starts at "
         "line 1, column 4\n"
         "  hint: close every { with a matching }"},
        {"title: Phase 1: discovery\n",
         "plan.yaml:1:15: error[L102]: mapping values are not allowed in this context\n"
         "  hint: quote a value that contains \": \", e.g. title: \"Phase 1: discovery\""},
        {"a: *nowhere\n",
         "plan.yaml:1:4: error[L102]: found undefined alias *nowhere\n"
         "  hint: define the anchor (&name) before the alias (*name) that uses it"},
        {"a: \"\\ud83d\\ude00\"\n",
         "plan.yaml:1:5: error[L102]: invalid unicode escape U+D83D\n"
         "  hint: YAML has no \\u surrogate pairs: write the character itself, or use \\U with 8 hex digits"},
        {"a:\n  - x\n - y\n",
         "plan.yaml:3:2: error[L102]: did not find expected key while parsing a block mapping that starts at line 1, "
         "column 1\n"
         "  hint: check the indentation: items of one list start in the same column"},
        {"a:\n  b: 1\n c: 2\n",
         "plan.yaml:3:2: error[L102]: did not find expected key while parsing a block mapping that starts at line 1, "
         "column 1\n"
         "  hint: check the indentation: keys of one mapping start in the same column"},
        {"- a\nb: 1\n",
         "plan.yaml:2:1: error[L102]: did not find expected '-' indicator while parsing a block collection that starts "
         "at line 1, column 1\n"
         "  hint: check the indentation: items of one list start in the same column"},
        // A line that is neither a key nor a list item is reported itself, not the line after it.
        {"closeplan: 1\ndeal\nname: x\n",
         "plan.yaml:2:1: error[L102]: could not find expected ':'\n"
         "  hint: end this key with \": \" on the same line; a key is one line of at most 1024 characters"},
        // An unclosed quote is reported where it opens, not at the end of the file.
        {"a: \"open", "plan.yaml:1:4: error[L102]: quoted value is never closed\n"
                      "  hint: close the quoted value with its closing quote"},
        {"a: 'open\nb: 2\n",
         "plan.yaml:1:4: error[L102]: quoted value is never closed\n"
         "  hint: close the quoted value with its closing quote"},
        {"a: [x]\nb: &q !!str \"open \\\" \\\\\n",
         "plan.yaml:2:13: error[L102]: quoted value is never closed\n"
         "  hint: close the quoted value with its closing quote"},
        {"a: @x\n",
         "plan.yaml:1:4: error[L102]: found character that cannot start any token\n"
         "  hint: quote a value that starts with @ or `"},
        {"a: `x\n",
         "plan.yaml:1:4: error[L102]: found character that cannot start any token\n"
         "  hint: quote a value that starts with @ or `"},
        {"a: [1]]\n",
         "plan.yaml:1:7: error[L102]: did not find expected key\n"
         "  hint: remove the extra ] or }, or quote the value that contains it"},
        {"a: }\n",
         "plan.yaml:1:4: error[L102]: did not find expected node content\n"
         "  hint: remove the extra ] or }, or quote the value that contains it"},
        // Positions count bytes, as everywhere else: the key is three bytes.
        {"\xe6\x97\xa5: \"\\q\"\n",
         "plan.yaml:1:7: error[L102]: found unknown escape character: q\n"
         "  hint: in double quotes write a backslash as \\\\, or use single quotes"},
    };
    for (const auto& e : examples) {
        SCOPED_TRACE(e.text);
        const auto r = load_yaml(e.text);
        EXPECT_FALSE(r.tree);
        EXPECT_EQ(r.report(), e.report);
    }
}

// libyaml reads YAML 1.1, which forbids a few things yaml-cpp let through
// (docs/plan-format.md, "YAML syntax"); each is refused where it is, with a hint.
TEST(LoadYaml, RefusesWhatYaml11ForbidsWithAHint) {
    struct example {
        const char* text;
        const char* report;
    };
    const example examples[] = {
        // Reported at the U+2028 itself, not where libyaml noticed.
        {"a: 1\ntitle: x\xe2\x80\xa8y\nb: 2\n",
         "plan.yaml:2:9: error[L102]: could not find expected ':'\n"
         "  hint: U+0085, U+2028 and U+2029 end a line in YAML 1.1: remove the character, or write it as \\N, \\L or "
         "\\P in double quotes"},
        // U+FFFE is not a character YAML allows; placed in the file as written, after a raw ESC.
        {"a: \x1b\nb: x\xef\xbf\xbe\n",
         "plan.yaml:2:5: error[L102]: control characters are not allowed\n"
         "  hint: remove the control character, or write it as an escape in double quotes, e.g. \"\\t\""},
        {"a: &a.b 1\n",
         "plan.yaml:1:6: error[L102]: did not find expected alphabetic or numeric character\n"
         "  hint: anchor and alias names use only letters, digits, - and _"},
        {"a: 1\n...\nb: 2\n",
         "plan.yaml:3:1: error[L102]: did not find expected <document start>\n"
         "  hint: after a `...` line the next document starts with `---`; closeplan reads one plan per file"},
    };
    for (const auto& e : examples) {
        SCOPED_TRACE(e.text);
        const auto r = load_yaml(e.text);
        EXPECT_FALSE(r.tree);
        EXPECT_EQ(r.report(), e.report);
    }
}

// Flow indicators inside an unquoted value outside brackets are text, as before.
TEST(LoadYaml, KeepsFlowIndicatorsInPlainBlockValues) {
    const auto r = load_yaml("a: b]\nc: x,y}\n");
    ASSERT_TRUE(r.tree) << r.report();
    EXPECT_EQ(at(*r.tree, "/a").text, "b]");
    EXPECT_EQ(at(*r.tree, "/c").text, "x,y}");
}

TEST(LoadYaml, ReportsASecondDocumentAndKeepsTheFirst) {
    const auto r = load_yaml("a: 1\n---\nb: 2\n");
    ASSERT_TRUE(r.tree);
    EXPECT_EQ(r.report(),
              "plan.yaml:3:1: error[L111]: file holds 2 YAML documents; closeplan reads one plan per file\n"
              "  hint: remove the second `---` and what follows it, or split the file in two");
    EXPECT_TRUE(r.tree->find("a"));
    const auto trailing = load_yaml("---\na: 1\n...\n---\n");
    EXPECT_TRUE(trailing.diags.all().empty()) << trailing.report();
}

TEST(LoadYaml, StopsABillionLaughsQuickly) {
    const std::string bomb =
        "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
        "b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n"
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\n"
        "d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
        "e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n"
        "f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n"
        "g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]\n"
        "h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]\n"
        "i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]\n"
        "j: &j [*i,*i,*i,*i,*i,*i,*i,*i,*i]\n";
    const auto start = std::chrono::steady_clock::now();
    const auto r = load_yaml(bomb);
    const auto elapsed = std::chrono::steady_clock::now() - start;
    EXPECT_FALSE(r.tree);
    ASSERT_EQ(r.diags.all().size(), 1u) << r.report();
    const auto& d = r.diags.all()[0];
    EXPECT_EQ(d.code, "L106");
    EXPECT_EQ(d.message, "document has more than 200000 values once aliases are expanded");
    EXPECT_EQ(d.hints.at(0), "each alias (*name) copies its anchor's content again; use fewer aliases or write the values out");
    EXPECT_LT(elapsed, std::chrono::seconds(10));

    load_limits small;
    small.max_nodes = 20;
    const auto limited = load_yaml("a: &a [1, 2, 3, 4, 5]\nb: [*a, *a, *a]\n", small);
    EXPECT_FALSE(limited.tree);
    ASSERT_EQ(limited.diags.all().size(), 1u);
    EXPECT_EQ(limited.diags.all()[0].code, "L106");
    EXPECT_EQ(limited.diags.all()[0].where.pointer, "/b/2");
}

TEST(LoadYaml, StopsLongDocumentsBeforeYamlCppBuildsThem) {
    load_limits limits;
    limits.max_nodes = 5;
    EXPECT_TRUE(load_yaml("a: [1, 2, 3]\n", limits).tree);
    const auto r = load_yaml("a: [1, 2, 3]\nb:\n  - 4\n", limits);
    EXPECT_FALSE(r.tree);
    EXPECT_EQ(r.report(),
              "plan.yaml:3:3: error[L106]: document has more than 5 values (at /b)\n"
              "  hint: a plan needs far fewer values; check that this is the right file");

    // One line of 1.9 million values: yaml-cpp's scanner would hold every token of it (half a gigabyte).
    std::string zeros = "[0";
    for (int i = 0; i < 1'900'000; ++i) zeros += ",0";
    zeros += "]";
    auto start = std::chrono::steady_clock::now();
    const auto wide = load_yaml(zeros);
    EXPECT_FALSE(wide.tree);
    ASSERT_EQ(wide.diags.all().size(), 1u);
    EXPECT_EQ(wide.diags.all()[0].code, "L106");
    EXPECT_EQ(pos(wide.diags.all()[0].where), "1:400001");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));

    // The same values on lines of their own are counted as yaml-cpp reads them, before it builds its tree.
    std::string lines = "a:\n";
    for (int i = 0; i < 300'000; ++i) lines += "- 0\n";
    start = std::chrono::steady_clock::now();
    const auto tall = load_yaml(lines);
    EXPECT_FALSE(tall.tree);
    ASSERT_EQ(tall.diags.all().size(), 1u);
    EXPECT_EQ(tall.diags.all()[0].where.pointer, "/a/199998");
    EXPECT_EQ(pos(tall.diags.all()[0].where), "200000:3");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

TEST(LoadYaml, StopsASelfReferencingAlias) {
    const auto r = load_yaml("k: &a [*a]\n");
    EXPECT_FALSE(r.tree);
    ASSERT_EQ(r.diags.all().size(), 1u) << r.report();
    EXPECT_EQ(r.diags.all()[0].code, "L107");
}

TEST(LoadYaml, RefusesDeepNesting) {
    load_limits limits;
    limits.max_depth = 3;
    EXPECT_TRUE(load_yaml("[[[x]]]", limits).tree);
    const auto r = load_yaml("[[[[x]]]]", limits);
    EXPECT_FALSE(r.tree);
    EXPECT_EQ(r.report(),
              "plan.yaml:1:4: error[L107]: nesting is deeper than 3 levels (at /0/0/0)\n"
              "  hint: a plan needs only a few levels of lists and mappings; flatten this one");
    const auto block = load_yaml("a:\n  b:\n    c:\n      d: 1\n", limits);
    EXPECT_FALSE(block.tree);
    EXPECT_EQ(block.diags.all().at(0).code, "L107");
    EXPECT_EQ(pos(block.diags.all().at(0).where), "4:7");
    EXPECT_EQ(block.diags.all().at(0).where.pointer, "/a/b/c");

    const auto at_default = load_yaml(std::string(64, '[') + std::string(64, ']'));
    EXPECT_TRUE(at_default.tree) << at_default.report();
    const auto over_default = load_yaml(std::string(65, '[') + std::string(65, ']'));
    EXPECT_FALSE(over_default.tree);
    EXPECT_EQ(pos(over_default.diags.all().at(0).where), "1:65");
}

TEST(LoadYaml, SurvivesNestingBeyondWhatYamlCppAccepts) {
    // yaml-cpp throws DeepRecursion itself here; the error still points at the 65th bracket.
    const auto flow = load_yaml(std::string(100'000, '[') + std::string(100'000, ']'));
    EXPECT_FALSE(flow.tree);
    ASSERT_EQ(flow.diags.all().size(), 1u) << flow.report();
    EXPECT_EQ(flow.diags.all()[0].code, "L107");
    EXPECT_EQ(pos(flow.diags.all()[0].where), "1:65");

    std::string dashes;
    for (int i = 0; i < 100'000; ++i) dashes += "- ";
    const auto block = load_yaml(dashes + "x\n");
    EXPECT_FALSE(block.tree);
    ASSERT_EQ(block.diags.all().size(), 1u) << block.report();
    EXPECT_EQ(block.diags.all()[0].code, "L107");
    EXPECT_EQ(block.diags.all()[0].where.line, 1);
    EXPECT_GT(block.diags.all()[0].where.column, 0);
}

TEST(LoadYaml, HandlesCrlfAndAByteOrderMark) {
    const auto r = load_yaml("\xEF\xBB\xBFname: x\r\nb:\r\n  c: |\r\n    l1\r\n    l2\r\n");
    ASSERT_TRUE(r.tree) << r.report();
    EXPECT_EQ(pos(member(*r.tree, "name").key_where), "1:1");
    EXPECT_EQ(pos(at(*r.tree, "/name").where), "1:7");
    EXPECT_EQ(at(*r.tree, "/name").text, "x");
    EXPECT_EQ(pos(at(*r.tree, "/b/c").where), "3:6");
    EXPECT_EQ(at(*r.tree, "/b/c").text, "l1\nl2\n");
}

TEST(LoadText, ReportsInvalidUtf8AtEachBadSequence) {
    const auto r = load_yaml("a: caf\xC3\xA9\nb: x\xC0\xAFy\nc: \xED\xA0\x80\nd: \xE2\x82\ne: \xF4\x90\x80\x80\nf: \x80\n");
    EXPECT_FALSE(r.tree);
    const std::string hint = "\n  hint: save the file as UTF-8; it may be in Windows-1252 or Latin-1";
    EXPECT_EQ(r.report(),
              "plan.yaml:2:5: error[L101]: invalid UTF-8: overlong encoding (bytes C0 AF)" + hint +
                  "\nplan.yaml:3:4: error[L101]: invalid UTF-8: encoded surrogate (U+D800-U+DFFF) (bytes ED A0 80)" +
                  hint + "\nplan.yaml:4:4: error[L101]: invalid UTF-8: truncated multi-byte sequence (bytes E2 82)" +
                  hint + "\nplan.yaml:5:4: error[L101]: invalid UTF-8: code point above U+10FFFF (bytes F4 90 80 80)" +
                  hint + "\nplan.yaml:6:4: error[L101]: invalid UTF-8: unexpected continuation byte (bytes 80)" + hint);
}

TEST(LoadText, CountsColumnsAfterTheByteOrderMark) {
    const auto r = load_yaml("\xEF\xBB\xBF" "a: \xFF\n");
    EXPECT_EQ(r.report(),
              "plan.yaml:1:4: error[L101]: invalid UTF-8: byte that never occurs in UTF-8 (bytes FF)\n"
              "  hint: save the file as UTF-8; it may be in Windows-1252 or Latin-1");
}

TEST(LoadText, CapsInvalidUtf8ReportsWithASummary) {
    std::string text;
    for (int i = 0; i < 15; ++i) text += "x: \xE9t\xE9\n";  // Latin-1 "été"
    const auto r = load_yaml(text);
    EXPECT_FALSE(r.tree);
    ASSERT_EQ(r.diags.all().size(), 11u);
    EXPECT_EQ(r.diags.error_count(), 10u);
    EXPECT_EQ(pos(r.diags.all()[9].where), "5:6");
    EXPECT_EQ(format_diagnostic(r.diags.all()[10]), "plan.yaml: note[L101]: 20 more invalid UTF-8 sequences not shown");
}

TEST(LoadText, RefusesNulBytesAndWideEncodings) {
    const auto nul = load_yaml(std::string("a: 1\nb: \0x\0", 11));
    EXPECT_FALSE(nul.tree);
    EXPECT_EQ(nul.report(),
              "plan.yaml:2:4: error[L108]: file contains a NUL byte (2 in all)\n"
              "  hint: this looks like a binary or UTF-16 file; plan files are UTF-8 text");
    const auto utf16 = load_yaml(std::string("\xFF\xFE" "a\0:\0 \0" "1\0", 10));
    EXPECT_FALSE(utf16.tree);
    EXPECT_EQ(utf16.report(),
              "plan.yaml:1:1: error[L101]: file is encoded as UTF-16 (little-endian), not UTF-8\n"
              "  hint: save the file as UTF-8");
}

TEST(LoadText, RefusesTextOverTheSizeLimit) {
    load_limits limits;
    limits.max_bytes = 10;
    EXPECT_TRUE(load_yaml("a: 123456\n", limits).tree);
    const auto r = load_yaml("a: 1234567\n", limits);
    EXPECT_FALSE(r.tree);
    EXPECT_EQ(r.report(),
              "plan.yaml: error[L105]: file is too large: 11 bytes, the limit is 10\n"
              "  hint: plan files are small text files; check that this is the right file");
}

class LoadFile : public ::testing::Test {
protected:
    void SetUp() override {
        dir_ = fs::temp_directory_path() /
               ("closeplan-load-test-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()) + "-" +
                ::testing::UnitTest::GetInstance()->current_test_info()->name());
        fs::create_directories(dir_);
    }
    void TearDown() override { fs::remove_all(dir_); }
    std::string write(const std::string& name, const std::string& text) {
        const auto path = (dir_ / name).string();
        std::ofstream(path, std::ios::binary) << text;
        return path;
    }
    fs::path dir_;
};

TEST_F(LoadFile, ReadsYamlAndJsonByExtension) {
    diagnostic_sink diags;
    const auto yaml_path = write("plan.yaml", "a: [1, \"x\"]\n");
    const auto json_path = write("plan.JSON", "{\"a\": [1, \"x\"]}");
    const auto yaml = load_file(yaml_path, diags);
    const auto json = load_file(json_path, diags);
    ASSERT_TRUE(yaml);
    ASSERT_TRUE(json);
    EXPECT_TRUE(diags.all().empty());
    EXPECT_TRUE(same_tree(*yaml, *json, true));
    EXPECT_EQ(yaml->where.file, yaml_path);
    EXPECT_EQ(at(*json, "/a/1").where.file, json_path);
    EXPECT_EQ(read_file(yaml_path), "a: [1, \"x\"]\n");
}

TEST_F(LoadFile, MissingFileThrowsL100) {
    const auto path = (dir_ / "nope.yaml").string();
    diagnostic_sink diags;
    try {
        (void)load_file(path, diags);
        FAIL() << "expected closeplan::error";
    } catch (const closeplan::error& e) {
        EXPECT_EQ(e.diag().code, "L100");
        EXPECT_EQ(e.diag().message, "cannot read \"" + path + "\": no such file or directory");
        EXPECT_EQ(e.diag().where.file, path);
        EXPECT_EQ(e.diag().where.line, 0);
        EXPECT_EQ(e.diag().hints.at(0), "check the file name; a relative path starts at the current folder");
        EXPECT_STREQ(e.what(), e.diag().message.c_str());
    }
    EXPECT_THROW((void)read_file(path), closeplan::error);
    try {
        (void)read_file(dir_.string());
        FAIL() << "expected closeplan::error";
    } catch (const closeplan::error& e) {
        EXPECT_EQ(e.diag().message, "cannot read \"" + dir_.string() + "\": is a directory");
    }
}

TEST_F(LoadFile, RefusesAnOversizedFileBeforeReadingIt) {
    const auto path = write("big.yaml", "a: " + std::string(97, 'x'));
    load_limits limits;
    limits.max_bytes = 50;
    diagnostic_sink diags;
    EXPECT_FALSE(load_file(path, diags, limits));
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(format_diagnostic(diags.all()[0]),
              path + ": error[L105]: file is too large: 100 bytes, the limit is 50\n"
                     "  hint: plan files are small text files; check that this is the right file");
}

TEST(SyntaxForPath, JsonOnlyForDotJson) {
    EXPECT_EQ(syntax_for_path("plan.json"), input_syntax::json);
    EXPECT_EQ(syntax_for_path("dir/PLAN.Json"), input_syntax::json);
    EXPECT_EQ(syntax_for_path("plan.yaml"), input_syntax::yaml);
    EXPECT_EQ(syntax_for_path("plan.yml"), input_syntax::yaml);
    EXPECT_EQ(syntax_for_path("json"), input_syntax::yaml);
    EXPECT_EQ(syntax_for_path("plan.json.bak"), input_syntax::yaml);
    EXPECT_EQ(syntax_for_path("-"), input_syntax::yaml);
}

}  // namespace
}  // namespace closeplan::load::test

// SPDX-License-Identifier: MIT
// Tests of JSON loading: positions, syntax errors, duplicates, limits, and equality with YAML.
#include <gtest/gtest.h>

#include <chrono>

#include "load_test_support.hpp"

namespace closeplan::load::test {
namespace {

TEST(LoadJson, PlacesEveryNodeInPrettyPrintedJson) {
    const auto r = load_json(
        "{\n"
        "  \"closeplan\": 1,\n"
        "  \"deal\": {\n"
        "    \"name\": \"Claims: analytics\",\n"
        "    \"amount\": 1.50,\n"
        "    \"tags\": [\"a\", \"b/c~\"],\n"
        "    \"empty\": {},\n"
        "    \"none\": null,\n"
        "    \"ok\": true,\n"
        "    \"x/y~z\": []\n"
        "  }\n"
        "}\n");
    ASSERT_TRUE(r.tree) << r.report();
    EXPECT_TRUE(r.diags.all().empty()) << r.report();
    const auto& root = *r.tree;
    EXPECT_TRUE(root.is_mapping());
    EXPECT_EQ(pos(root.where), "1:1");
    EXPECT_EQ(root.where.pointer, "");
    EXPECT_EQ(pos(member(root, "closeplan").key_where), "2:3");
    EXPECT_EQ(pos(at(root, "/closeplan").where), "2:16");
    EXPECT_EQ(pos(at(root, "/deal").where), "3:11");
    EXPECT_EQ(pos(at(root, "/deal/name").where), "4:13");
    EXPECT_EQ(pos(at(root, "/deal/amount").where), "5:15");
    EXPECT_EQ(pos(member(at(root, "/deal"), "tags").key_where), "6:5");
    EXPECT_EQ(pos(at(root, "/deal/tags").where), "6:13");
    EXPECT_EQ(pos(at(root, "/deal/tags/0").where), "6:14");
    EXPECT_EQ(pos(at(root, "/deal/tags/1").where), "6:19");
    EXPECT_EQ(pos(at(root, "/deal/empty").where), "7:14");
    EXPECT_EQ(pos(at(root, "/deal/none").where), "8:13");
    EXPECT_EQ(pos(at(root, "/deal/ok").where), "9:11");

    EXPECT_EQ(at(root, "/deal/tags/1").where.pointer, "/deal/tags/1");
    EXPECT_EQ(at(root, "/deal/x~1y~0z").where.pointer, "/deal/x~1y~0z");
    EXPECT_EQ(member(at(root, "/deal"), "x/y~z").key_where.pointer, "/deal/x~1y~0z");
    EXPECT_EQ(at(root, "/deal/name").where.file, "plan.json");

    // Strings are quoted scalars; numbers and literals are plain text as written.
    EXPECT_EQ(at(root, "/closeplan").text, "1");
    EXPECT_FALSE(at(root, "/closeplan").quoted);
    EXPECT_EQ(at(root, "/deal/name").text, "Claims: analytics");
    EXPECT_TRUE(at(root, "/deal/name").quoted);
    EXPECT_EQ(at(root, "/deal/amount").text, "1.50");
    EXPECT_FALSE(at(root, "/deal/amount").quoted);
    EXPECT_EQ(at(root, "/deal/tags/1").text, "b/c~");
    EXPECT_TRUE(at(root, "/deal/empty").is_mapping());
    EXPECT_TRUE(at(root, "/deal/empty").members.empty());
    EXPECT_TRUE(at(root, "/deal/none").is_null());
    EXPECT_EQ(at(root, "/deal/ok").text, "true");
    EXPECT_FALSE(at(root, "/deal/ok").quoted);
    EXPECT_TRUE(at(root, "/deal/x~1y~0z").is_sequence());
}

TEST(LoadJson, PlacesNodesInTabIndentedAndCrlfJson) {
    const auto tabs = load_json("{\n\t\"a\": {\n\t\t\"b\": [1, 2]\n\t}\n}");
    ASSERT_TRUE(tabs.tree) << tabs.report();
    EXPECT_EQ(pos(at(*tabs.tree, "/a").where), "2:7");
    EXPECT_EQ(pos(at(*tabs.tree, "/a/b").where), "3:8");
    EXPECT_EQ(pos(at(*tabs.tree, "/a/b/1").where), "3:12");

    const auto crlf = load_json("\xEF\xBB\xBF{\r\n    \"a\": {\r\n        \"b\": [1, 2]\r\n    }\r\n}\r\n");
    ASSERT_TRUE(crlf.tree) << crlf.report();
    EXPECT_EQ(pos(at(*crlf.tree, "/a").where), "2:10");
    EXPECT_EQ(pos(at(*crlf.tree, "/a/b/1").where), "3:18");
    EXPECT_TRUE(same_tree(*tabs.tree, *crlf.tree, true));

    const auto bom = load_json("\xEF\xBB\xBF{\"a\": 1}");
    ASSERT_TRUE(bom.tree) << bom.report();
    EXPECT_EQ(pos(at(*bom.tree, "/a").where), "1:7");
}

TEST(LoadJson, DecodesEscapesIncludingSurrogatePairs) {
    // yaml-cpp rejects \ud83d\ude00 ("invalid unicode"); JSON allows it.
    const auto r = load_json(R"({"s": "x\/y \u00e9 \ud83d\ude00 \n \"q\" \\ \t", "é": "ü"})");
    ASSERT_TRUE(r.tree) << r.report();
    EXPECT_EQ(at(*r.tree, "/s").text, "x/y \xC3\xA9 \xF0\x9F\x98\x80 \n \"q\" \\ \t");
    EXPECT_EQ(at(*r.tree, "/\xC3\xA9").text, "\xC3\xBC");
    EXPECT_EQ(pos(member(*r.tree, "\xC3\xA9").key_where), "1:50");
    EXPECT_EQ(pos(at(*r.tree, "/\xC3\xA9").where), "1:56");
}

TEST(LoadJson, KeepsNumbersAsWrittenEvenBeyondDouble) {
    const auto r = load_json("[1e5, -0.5E+10, -0, 0, 1e999, -1e-999, 123456789012345678901234567890, 18446744073709551616]");
    ASSERT_TRUE(r.tree) << r.report();
    const char* expected[] = {"1e5", "-0.5E+10", "-0", "0", "1e999", "-1e-999", "123456789012345678901234567890",
                              "18446744073709551616"};
    ASSERT_EQ(r.tree->items.size(), std::size(expected));
    for (std::size_t i = 0; i < std::size(expected); ++i) {
        EXPECT_EQ(r.tree->items[i].text, expected[i]);
        EXPECT_FALSE(r.tree->items[i].quoted);
    }
    EXPECT_EQ(pos(r.tree->items[4].where), "1:24");
    EXPECT_EQ(pos(r.tree->items[5].where), "1:31");
}

TEST(LoadJson, ReadsNestedAndEmptyContainersAndScalarRoots) {
    const auto r = load_json("[[], [[]], {}, [{\"a\": [null]}]]");
    ASSERT_TRUE(r.tree) << r.report();
    EXPECT_TRUE(at(*r.tree, "/0").is_sequence());
    EXPECT_TRUE(at(*r.tree, "/1/0").items.empty());
    EXPECT_TRUE(at(*r.tree, "/2").is_mapping());
    EXPECT_TRUE(at(*r.tree, "/3/0/a/0").is_null());
    EXPECT_EQ(at(*r.tree, "/3/0/a/0").where.pointer, "/3/0/a/0");
    EXPECT_EQ(pos(at(*r.tree, "/3/0/a/0").where), "1:24");

    const auto text = load_json("  \"just text\"  ");
    ASSERT_TRUE(text.tree) << text.report();
    EXPECT_EQ(text.tree->text, "just text");
    EXPECT_EQ(pos(text.tree->where), "1:3");
}

TEST(LoadJson, ReportsDuplicateKeysAndKeepsTheFirst) {
    const auto r = load_json(
        "{\n"
        "  \"a\": 1,\n"
        "  \"b\": {\"x\": 1},\n"
        "  \"a\": {\"deep\": [1, 2]},\n"
        "  \"c\": 3\n"
        "}\n");
    ASSERT_TRUE(r.tree) << r.report();
    EXPECT_EQ(r.report(),
              "plan.json:4:3: error[L104]: duplicate key \"a\" (at /a)\n"
              "  hint: the first \"a\" is on line 2, column 3 and is the one used; remove one of them");
    ASSERT_EQ(r.tree->members.size(), 3u);
    EXPECT_EQ(at(*r.tree, "/a").text, "1");
    EXPECT_EQ(r.tree->members[2].key, "c");
    EXPECT_EQ(pos(at(*r.tree, "/c").where), "5:8");
}

struct syntax_example {
    const char* text;
    const char* report;
};

class JsonSyntaxError : public ::testing::TestWithParam<syntax_example> {};

TEST_P(JsonSyntaxError, IsLocatedAndExplained) {
    const auto r = load_json(GetParam().text);
    EXPECT_FALSE(r.tree);
    EXPECT_EQ(r.report(), GetParam().report);
}

INSTANTIATE_TEST_SUITE_P(
    LoadJson, JsonSyntaxError,
    ::testing::Values(
        syntax_example{"{\"a\": 1,}",
                       "plan.json:1:9: error[L103]: unexpected '}'; expected string literal\n"
                       "  hint: remove the comma before the closing bracket; JSON does not allow a trailing comma"},
        syntax_example{"[1, 2,\n]",
                       "plan.json:2:1: error[L103]: unexpected ']'; expected '[', '{', or a literal\n"
                       "  hint: remove the comma before the closing bracket; JSON does not allow a trailing comma"},
        syntax_example{"{\"a\" 1}", "plan.json:1:6: error[L103]: unexpected number literal; expected ':'"},
        syntax_example{"{\"a\": 1 \"b\": 2}",
                       "plan.json:1:9: error[L103]: unexpected string literal; expected '}'\n"
                       "  hint: separate the items with a comma"},
        syntax_example{"[1,,2]", "plan.json:1:4: error[L103]: unexpected ','; expected '[', '{', or a literal"},
        syntax_example{"{'a': 1}",
                       "plan.json:1:2: error[L103]: strings must be in double quotes\n"
                       "  hint: JSON writes text and keys in double quotes: \"name\""},
        syntax_example{"{\"a\": buyer}",
                       "plan.json:1:7: error[L103]: unquoted text \"buyer\"\n"
                       "  hint: JSON needs double quotes around text and keys: \"buyer\""},
        syntax_example{"{\"a\": True}",
                       "plan.json:1:7: error[L103]: invalid literal \"True\"\n"
                       "  hint: JSON's literals are lowercase: true, false, null"},
        syntax_example{"{\n  // note\n  \"a\": 1\n}",
                       "plan.json:2:3: error[L103]: comments are not allowed in JSON\n"
                       "  hint: remove the comment, or write the plan in YAML, which allows # comments"},
        syntax_example{"{\"a\": 1} x",
                       "plan.json:1:10: error[L103]: unexpected text after the end of the JSON value\n"
                       "  hint: a JSON file holds one value; remove what follows its closing } or ]"},
        syntax_example{"{\"a\": 1}\n{\"b\": 2}",
                       "plan.json:2:1: error[L103]: unexpected '{'; expected end of input\n"
                       "  hint: a JSON file holds one value; remove what follows its closing } or ]"},
        syntax_example{"{\"a\": \"x\ny\"}",
                       "plan.json:1:9: error[L103]: invalid string: control character U+000A (LF) must be escaped "
                       "to \\u000A or \\n\n"
                       "  hint: escape it: write a line break as \\n and a tab as \\t"},
        syntax_example{"{\"a\": \"x",
                       "plan.json:1:7: error[L103]: invalid string: missing closing quote\n"
                       "  hint: close the string with \""},
        syntax_example{"{\"a\": \"\\q\"}",
                       "plan.json:1:9: error[L103]: invalid string: forbidden character after backslash\n"
                       "  hint: write a backslash as \\\\"},
        syntax_example{"{\"a\": \"\\ud800\"}",
                       "plan.json:1:14: error[L103]: invalid string: surrogate U+D800..U+DBFF must be followed by "
                       "U+DC00..U+DFFF"},
        syntax_example{"{\"a\": 1.}", "plan.json:1:7: error[L103]: invalid number; expected digit after '.'"},
        syntax_example{"{\"a\": [1, 2",
                       "plan.json:1:12: error[L103]: unexpected end of input; expected ']'\n"
                       "  hint: the file ends too early: close every { with } and every [ with ]"},
        syntax_example{"[1, 2}",
                       "plan.json:1:6: error[L103]: unexpected '}'; expected ']'\n"
                       "  hint: close the list with ]"},
        syntax_example{"", "plan.json:1:1: error[L103]: file is empty\n"
                           "  hint: a JSON plan is one object: { \"closeplan\": 1, ... }"}));

TEST(LoadJson, ExplainsALeadingZero) {
    const auto r = load_json("{\"a\": 01}");
    EXPECT_EQ(r.report(),
              "plan.json:1:8: error[L103]: unexpected number literal; expected '}'\n"
              "  hint: JSON numbers do not start with 0; write 1, or \"01\" to keep the text");
}

TEST(LoadJson, RefusesDeepNestingWithoutRecursion) {
    const auto r = load_json(std::string(100'000, '[') + std::string(100'000, ']'));
    EXPECT_FALSE(r.tree);
    ASSERT_EQ(r.diags.all().size(), 1u) << r.report();
    EXPECT_EQ(r.diags.all()[0].code, "L107");
    EXPECT_EQ(pos(r.diags.all()[0].where), "1:65");
    std::string pointer;
    for (int i = 0; i < 64; ++i) pointer += "/0";
    EXPECT_EQ(r.diags.all()[0].where.pointer, pointer);

    std::string objects;
    for (int i = 0; i < 100'000; ++i) objects += "{\"a\":";
    const auto o = load_json(objects + "1" + std::string(100'000, '}'));
    EXPECT_FALSE(o.tree);
    ASSERT_EQ(o.diags.all().size(), 1u);
    EXPECT_EQ(o.diags.all()[0].code, "L107");
    EXPECT_EQ(pos(o.diags.all()[0].where), "1:321");

    load_limits limits;
    limits.max_depth = 2;
    EXPECT_TRUE(load_json("[[1]]", limits).tree);
    EXPECT_EQ(load_json("[{\"a\": [1]}]", limits).report(),
              "plan.json:1:8: error[L107]: nesting is deeper than 2 levels (at /0/a)\n"
              "  hint: a plan needs only a few levels of lists and mappings; flatten this one");
}

TEST(LoadJson, StopsAtTheNodeLimit) {
    load_limits limits;
    limits.max_nodes = 5;
    EXPECT_TRUE(load_json("[1, 2, 3, 4]", limits).tree);
    const auto r = load_json("[1, 2, 3, 4, 5]", limits);
    EXPECT_FALSE(r.tree);
    EXPECT_EQ(r.report(),
              "plan.json:1:14: error[L106]: document has more than 5 values (at /4)\n"
              "  hint: a plan needs far fewer values; check that this is the right file");
}

TEST(LoadJson, ChecksEncodingBeforeParsing) {
    const auto r = load_json("{\"a\": \"caf\xE9\"}");
    EXPECT_FALSE(r.tree);
    EXPECT_EQ(r.report(),
              "plan.json:1:11: error[L101]: invalid UTF-8: truncated multi-byte sequence (bytes E9)\n"
              "  hint: save the file as UTF-8; it may be in Windows-1252 or Latin-1");
}

// The same plan as YAML and as JSON must give the same tree.
constexpr const char* plan_yaml = R"(closeplan: 1
deal:
  id: NW-2026-014
  name: Claims analytics platform
  buyer: { name: Northwind Health, logo: logos/northwind.png }
  amount: 240000
as_of: 2026-05-04
outcome: |
  Cut claims-processing time by 30% before open enrolment.
stakeholders:
  - id: dana
    name: Dana Ruiz
    side: buyer
    cares_about: [Payback period]
milestones:
  - id: sec-docs
    title: "Security documentation: sent"
    due: 2026-05-08
    depends_on: [nda]
    notes: ~
    done: true
scope: { in: [], out: {} }
)";

constexpr const char* plan_json = R"({
  "closeplan": 1,
  "deal": {
    "id": "NW-2026-014",
    "name": "Claims analytics platform",
    "buyer": {"name": "Northwind Health", "logo": "logos/northwind.png"},
    "amount": 240000
  },
  "as_of": "2026-05-04",
  "outcome": "Cut claims-processing time by 30% before open enrolment.\n",
  "stakeholders": [
    {"id": "dana", "name": "Dana Ruiz", "side": "buyer", "cares_about": ["Payback period"]}
  ],
  "milestones": [
    {
      "id": "sec-docs",
      "title": "Security documentation: sent",
      "due": "2026-05-08",
      "depends_on": ["nda"],
      "notes": null,
      "done": true
    }
  ],
  "scope": {"in": [], "out": {}}
})";

TEST(LoadJson, GivesTheSameTreeAsTheEquivalentYaml) {
    const auto yaml = load_yaml(plan_yaml);
    const auto json = load_json(plan_json);
    ASSERT_TRUE(yaml.tree) << yaml.report();
    ASSERT_TRUE(json.tree) << json.report();
    EXPECT_TRUE(yaml.diags.all().empty()) << yaml.report();
    EXPECT_TRUE(json.diags.all().empty()) << json.report();
    EXPECT_TRUE(same_tree(*yaml.tree, *json.tree));
    // Where YAML quotes exactly what JSON quotes, the quoted flags agree too.
    const auto quoted_yaml = load_yaml("a: \"x\"\nb: [1, \"2\", true, null]\nc: {d: 1.5e3}\n");
    const auto quoted_json = load_json(R"({"a": "x", "b": [1, "2", true, null], "c": {"d": 1.5e3}})");
    ASSERT_TRUE(quoted_yaml.tree);
    ASSERT_TRUE(quoted_json.tree);
    EXPECT_TRUE(same_tree(*quoted_yaml.tree, *quoted_json.tree, true));
}

TEST(LoadJson, LargeFlatFilesLoadQuickly) {
    std::string text = "{";
    for (int i = 0; i < 50'000; ++i) text += (i ? ",\n\"k" : "\n\"k") + std::to_string(i) + "\": [\"v\", 1]";
    text += "\n}";
    const auto start = std::chrono::steady_clock::now();
    const auto r = load_json(text);
    ASSERT_TRUE(r.tree) << r.report();
    EXPECT_EQ(r.tree->members.size(), 50'000u);
    EXPECT_EQ(pos(at(*r.tree, "/k49999/1").where), "50001:17");
    EXPECT_LT(std::chrono::steady_clock::now() - start, std::chrono::seconds(10));
}

}  // namespace
}  // namespace closeplan::load::test

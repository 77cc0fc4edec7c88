// SPDX-License-Identifier: MIT
// The graph built from libyaml's events holds exactly the nodes yaml-cpp's
// YAML::LoadAll built before (the loader's parser until libyaml replaced it):
// same kinds, marks (bytes, also on non-ASCII lines), tags, text, order, and an
// alias is the anchored node itself. Empty values are the one difference: libyaml
// marks them right after their `:` or `-`, yaml-cpp at the next token.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <map>
#include <tuple>
#include <string>

#include "load/load_internal.hpp"
#include "load/yaml_graph.hpp"

namespace closeplan::load::detail {
namespace {

using kind = yaml_graph_node::kind;

kind kind_of(const YAML::Node& node) {
    switch (node.Type()) {
        case YAML::NodeType::Scalar: return kind::scalar;
        case YAML::NodeType::Sequence: return kind::sequence;
        case YAML::NodeType::Map: return kind::mapping;
        default: return kind::null;
    }
}

// Whether a null's mark follows a `:` or `-`: an empty value.
std::string_view current_text;
bool empty_value_at(const yaml_mark& mark) {
    return mark.pos > 0 && (current_text[mark.pos - 1] == ':' || current_text[mark.pos - 1] == '-');
}

// Walks both in step; `seen` pairs graph indices with the yaml-cpp node met there, so shared and cyclic nodes are compared once.
void expect_same(const yaml_document& doc, std::size_t index, const YAML::Node& node,
                 std::map<std::size_t, YAML::Node>& seen) {
    if (const auto it = seen.find(index); it != seen.end()) {
        EXPECT_TRUE(it->second.is(node)) << "graph node " << index << " is shared where yaml-cpp's is not";
        return;
    }
    seen.emplace(index, node);
    const auto& g = doc.nodes[index];
    ASSERT_EQ(g.type, kind_of(node)) << index;
    if (g.type != kind::null || !empty_value_at(g.mark)) {
        EXPECT_EQ(g.mark.pos, node.Mark().pos);
        EXPECT_EQ(g.mark.line, node.Mark().line);
        EXPECT_EQ(g.mark.column, node.Mark().column);
    }
    EXPECT_EQ(g.tag, node.Tag());
    if (g.type == kind::scalar) EXPECT_EQ(g.scalar, node.Scalar());
    if (g.type == kind::sequence) {
        ASSERT_EQ(g.children.size(), node.size());
        std::size_t i = 0;
        for (const auto& item : node) expect_same(doc, g.children[i++], item, seen);
    }
    if (g.type == kind::mapping) {
        ASSERT_EQ(g.children.size(), 2 * node.size());
        std::size_t i = 0;
        for (const auto& entry : node) {
            expect_same(doc, g.children[i++], entry.first, seen);
            expect_same(doc, g.children[i++], entry.second, seen);
        }
    }
}

void expect_like_load_all(const std::string& text) {
    SCOPED_TRACE(text);
    current_text = text;
    const auto graph = parse_yaml_documents(text);
    const auto nodes = YAML::LoadAll(text);
    ASSERT_EQ(graph.size(), nodes.size());
    for (std::size_t d = 0; d < graph.size(); ++d) {
        ASSERT_NE(graph[d].root, yaml_document::no_node);
        std::map<std::size_t, YAML::Node> seen;
        expect_same(graph[d], graph[d].root, nodes[d], seen);
    }
}

TEST(YamlGraph, MatchesLoadAll) {
    for (const char* text : {
             "a: 1\nb: [x, 'y', \"z\"]\nc: {d: ~, e: null, f: }\n",
             "a:\nb:\n  - \n  -\n  - x\n",
             "a: &x {b: 1, c: [1, 2]}\nd: *x\ne: *x\n",
             "a: 1\na: 2\n",
             "[a, b]: 1\n{x: y}: 2\n? complex\n: value\n~: n\n",
             "a: !custom 1\nb: !!str 2\nc: !<tag:yaml.org,2002:int> 3\ne: &an !t [1]\nf: *an\n",
             "c: |\n  block\nd: >\n  folded\n",
             "---\na: 1\n---\nb: 2\n...\n---\n",
             "---\n---\n",
             "- a\n- b: 1\n  c: 2\n-\n- - x\n",
             "&a a: &b b\n*a : c\n",
             "name: M\xc3\xbcller\nx: {\xc3\xbc: \xc3\xb6}\n",
             "\xe6\x97\xa5\xe6\x9c\xac: \xe6\x9d\xb1\xe4\xba\xac\nk: [\xf0\x9f\x98\x80, x]\n",
             "a: 1\r\nb: \"x\"\r\n",
             "just text\n",
             "",
         })
        expect_like_load_all(text);
}

TEST(YamlGraph, AliasIsTheAnchoredNodeEvenInACycle) {
    const auto graph = parse_yaml_documents("a: &x [1, *x]\n");
    ASSERT_EQ(graph.size(), 1U);
    const auto& doc = graph[0];
    const auto& root = doc.nodes[doc.root];
    ASSERT_EQ(root.children.size(), 2U);
    const std::size_t list = root.children[1];
    ASSERT_EQ(doc.nodes[list].children.size(), 2U);
    EXPECT_EQ(doc.nodes[list].children[1], list);
}

TEST(YamlGraph, AnchorsStartAfreshInEachDocument) {
    const auto graph = parse_yaml_documents("a: &x 1\nb: *x\n---\nc: &x 2\nd: *x\n");
    ASSERT_EQ(graph.size(), 2U);
    const auto& second = graph[1];
    const auto& root = second.nodes[second.root];
    ASSERT_EQ(root.children.size(), 4U);
    EXPECT_EQ(second.nodes[root.children[3]].scalar, "2");
}

TEST(YamlGraph, ThrowsWhereTheTextIsWrong) {
    for (const auto& [text, line, column] : {std::tuple{"a: *undefined\n", 0, 3}, {"a: [1, 2\n", 1, 0},
                                              {"a: b: c\n", 0, 4}, {"\xc3\xbc: \xc3\xbc: c\n", 0, 6}}) {
        SCOPED_TRACE(text);
        try {
            parse_yaml_documents(text);
            ADD_FAILURE() << "no error";
        } catch (const yaml_syntax_error& e) {
            EXPECT_EQ(e.where.line, line);
            EXPECT_EQ(e.where.column, column);
        }
    }
}

TEST(YamlGraph, ReportsPlainNullsAsNullsAndKeepsOtherScalarsAsWritten) {
    const auto graph = parse_yaml_documents("[~, null, Null, NULL, '', nUll, !!str null, 010, NO]\n");
    ASSERT_EQ(graph.size(), 1U);
    const auto& doc = graph[0];
    const auto& items = doc.nodes[doc.root].children;
    ASSERT_EQ(items.size(), 9U);
    for (std::size_t i = 0; i < 4; ++i) EXPECT_EQ(doc.nodes[items[i]].type, kind::null) << i;
    EXPECT_EQ(doc.nodes[items[4]].tag, "!");
    EXPECT_EQ(doc.nodes[items[5]].scalar, "nUll");
    EXPECT_EQ(doc.nodes[items[6]].tag, "tag:yaml.org,2002:str");
    EXPECT_EQ(doc.nodes[items[7]].scalar, "010");
    EXPECT_EQ(doc.nodes[items[8]].scalar, "NO");
}

}  // namespace
}  // namespace closeplan::load::detail

// SPDX-License-Identifier: MIT
// The event-built YAML graph holds exactly the nodes YAML::LoadAll builds:
// same kinds, marks, tags, text, order, and an alias is the anchored node itself.
#include <gtest/gtest.h>
#include <yaml-cpp/yaml.h>

#include <map>
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
    EXPECT_EQ(g.mark.pos, node.Mark().pos);
    EXPECT_EQ(g.mark.line, node.Mark().line);
    EXPECT_EQ(g.mark.column, node.Mark().column);
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

TEST(YamlGraph, ThrowsWhatLoadAllThrows) {
    EXPECT_THROW(parse_yaml_documents("a: *undefined\n"), YAML::Exception);
    EXPECT_THROW(parse_yaml_documents("a: [1, 2\n"), YAML::Exception);
    EXPECT_THROW(parse_yaml_documents("a: b: c\n"), YAML::Exception);
}

}  // namespace
}  // namespace closeplan::load::detail

// SPDX-License-Identifier: MIT
// The built-in labels and styles flattened at build time are exactly what the
// run-time YAML reader makes of the same files.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <iterator>

#include "render/embedded_files.hpp"
#include "render/template_set.hpp"
#include "render/yaml_flat.hpp"

namespace closeplan::render {
namespace {

std::vector<std::string_view> embedded_yaml_paths() {
    std::vector<std::string_view> paths;
    for (const auto& f : embedded_files())
        if (f.path.ends_with(".yaml")) paths.push_back(f.path);
    return paths;
}

TEST(BuiltInFlat, EveryEmbeddedYamlFileHasATable) {
    std::vector<std::string_view> flattened;
    for (const auto& f : embedded_flat_files()) flattened.push_back(f.path);
    const auto expected = embedded_yaml_paths();
    EXPECT_EQ(flattened, expected);
    EXPECT_GE(expected.size(), 2U);  // at least English labels and the default style
    EXPECT_TRUE(std::is_sorted(flattened.begin(), flattened.end()));
}

TEST(BuiltInFlat, TableMatchesTheYamlReaderForEveryFile) {
    for (const auto& f : embedded_files()) {
        if (!f.path.ends_with(".yaml")) continue;
        SCOPED_TRACE(std::string(f.path));
        const std::string origin = "built-in:" + std::string(f.path);
        diagnostic_sink diags;
        const auto parsed = detail::load_flat_yaml(f.bytes, origin, "T403", diags);
        EXPECT_TRUE(diags.all().empty());
        ASSERT_TRUE(parsed);
        const auto compiled = detail::built_in_flat(f.path, origin);
        ASSERT_TRUE(compiled);
        ASSERT_EQ(compiled->size(), parsed->size());
        EXPECT_FALSE(parsed->empty());
        for (auto a = parsed->begin(), b = compiled->begin(); a != parsed->end(); ++a, ++b) {
            EXPECT_EQ(b->first, a->first);
            EXPECT_EQ(b->second.text, a->second.text) << a->first;
            EXPECT_EQ(b->second.where.file, a->second.where.file) << a->first;
            EXPECT_EQ(b->second.where.line, a->second.where.line) << a->first;
            EXPECT_EQ(b->second.where.column, a->second.where.column) << a->first;
            EXPECT_EQ(b->second.where.pointer, a->second.where.pointer) << a->first;
        }
    }
}

TEST(BuiltInFlat, TableMatchesTheSourceTreeNotAStaleCopy) {
    // The embedded bytes are the source files as built; the tables must come from the same bytes.
    for (const auto path : embedded_yaml_paths()) {
        SCOPED_TRACE(std::string(path));
        std::ifstream in(std::string(CLOSEPLAN_SOURCE_DIR) + "/" + std::string(path), std::ios::binary);
        ASSERT_TRUE(in);
        const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        diagnostic_sink diags;
        const auto parsed = detail::load_flat_yaml(text, "x", "T403", diags);
        const auto compiled = detail::built_in_flat(path, "x");
        ASSERT_TRUE(parsed && compiled);
        ASSERT_EQ(parsed->size(), compiled->size());
        for (auto a = parsed->begin(), b = compiled->begin(); a != parsed->end(); ++a, ++b) {
            EXPECT_EQ(b->first, a->first);
            EXPECT_EQ(b->second.text, a->second.text);
        }
    }
}

TEST(BuiltInFlat, UnknownPathIsNotABuiltIn) {
    EXPECT_FALSE(detail::built_in_flat("templates/labels/xx.yaml", "o"));
    EXPECT_FALSE(detail::built_in_flat("templates/buyer-plan.html.mustache", "o"));
    EXPECT_FALSE(detail::built_in_flat("", "o"));
}

TEST(BuiltInFlat, BuiltInStyleEqualsTheSameFileReadFromDisk) {
    // from_file runs every value check the built-in style skips at run time.
    diagnostic_sink diags;
    const auto from_disk = style::from_file(std::string(CLOSEPLAN_SOURCE_DIR) + "/styles/default.yaml", diags);
    EXPECT_TRUE(diags.all().empty());
    ASSERT_TRUE(from_disk);
    EXPECT_EQ(from_disk->tokens(), style::built_in().tokens());
}

TEST(BuiltInFlat, BuiltInLabelsLoadLikeAFolderCopyOfThem) {
    // A --template-dir holding copies of the built-in labels goes through the
    // YAML reader; every language must come out the same.
    for (const auto path : embedded_yaml_paths()) {
        if (!path.starts_with("templates/labels/")) continue;
        const auto locale = path.substr(17, path.size() - 17 - 5);
        SCOPED_TRACE(std::string(locale));
        diagnostic_sink built_in_diags;
        const auto built_in = template_set().load_labels(locale, built_in_diags);
        diagnostic_sink folder_diags;
        const auto from_folder = template_set(std::string(CLOSEPLAN_SOURCE_DIR) + "/templates").load_labels(locale, folder_diags);
        EXPECT_EQ(built_in.entries(), from_folder.entries());
        ASSERT_EQ(built_in_diags.all().size(), folder_diags.all().size());
        for (std::size_t i = 0; i < built_in_diags.all().size(); ++i) {
            const auto& a = built_in_diags.all()[i];
            const auto& b = folder_diags.all()[i];
            EXPECT_EQ(a.code, b.code);
            EXPECT_EQ(a.message, b.message);
            EXPECT_EQ(a.where.line, b.where.line);
            EXPECT_EQ(a.where.column, b.where.column);
        }
    }
}

}  // namespace
}  // namespace closeplan::render

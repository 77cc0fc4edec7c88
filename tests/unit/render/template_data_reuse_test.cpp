// SPDX-License-Identifier: MIT
// The engine's shortcuts (fragments spliced in after kainjow, its data tree
// kept per context shape) give exactly what plain rendering gives.
#include <gtest/gtest.h>

#include <string>

#include "render/template_engine.hpp"
#include "test_files.hpp"

namespace closeplan::render {
namespace {

using testing::all_text;

resource_text source(std::string text) {
    return {"buyer-plan.html.mustache", "my/buyer-plan.html.mustache", std::move(text)};
}

template_value row(std::string label, std::string value) {
    template_value item;
    item.set("label", template_value::text(std::move(label))).set("value", template_value::fragment(std::move(value)));
    return item;
}

template_value context(std::string title, std::string body, bool ready, std::vector<template_value> rows) {
    template_value shape;
    shape.set("label", template_value::text({})).set("value", template_value::fragment({}));
    template_value list = template_value::list(shape);
    list.items = std::move(rows);
    template_value root;
    root.set("title", template_value::text(std::move(title)))
        .set("body", template_value::fragment(std::move(body)))
        .set("ready", template_value::flag(ready))
        .set("rows", std::move(list));
    return root;
}

std::string render(const std::string& text, const template_value& values) {
    diagnostic_sink diags;
    const auto out = render_template(source(text), template_format::html, values, template_set{}, diags);
    EXPECT_TRUE(out) << all_text(diags);
    return out.value_or("");
}

const std::string page = "<h1>{{title}}</h1>\n{{#ready}}\n{{{body}}}\n{{/ready}}\n"
                         "{{#rows}}\n<p>{{label}}: {{{value}}}</p>\n{{/rows}}\n<end>";

// Expected pages are what kainjow gives for the same data built afresh
// (checked with a plain kainjow program), quirks included.
TEST(TemplateDataReuse, SameShapeNewValuesEachTime) {
    // The second and third renders reuse the first one's data tree.
    EXPECT_EQ(render(page, context("A & B", "<b>one</b>", true, {row("x", "<i>1</i>")})),
              "<h1>A &amp; B</h1>\n<b>one</b>\n<p>x: <i>1</i></p>\n<end>");
    EXPECT_EQ(render(page, context("C", "<b>two</b>", false, {row("y<", "<i>2</i>")})),
              "<h1>C</h1>\n\n<p>y&lt;: <i>2</i></p>\n<end>");  // kainjow leaves a skipped section's line
    EXPECT_EQ(render(page, context("D", "three", true, {row("z", "")})), "<h1>D</h1>\nthree\n<p>z: </p>\n<end>");
}

TEST(TemplateDataReuse, ADifferentShapeGetsItsOwnTree) {
    EXPECT_EQ(render(page, context("A", "b", true, {row("1", "<i>1</i>"), row("2", "<i>2</i>")})),
              "<h1>A</h1>\nb\n<p>1: <i>1</i></p>\n<p>2: <i>2</i></p>\n<end>");
    EXPECT_EQ(render(page, context("A", "b", true, {})), "<h1>A</h1>\nb\n\n<end>");
    EXPECT_EQ(render(page, context("A", "b", true, {row("1", "<i>1</i>"), row("2", "<i>2</i>")})),
              "<h1>A</h1>\nb\n<p>1: <i>1</i></p>\n<p>2: <i>2</i></p>\n<end>");
}

TEST(TemplateDataReuse, BlankFragmentsDropTheirLineAsKainjowDoes) {
    // A line with a section tag and nothing but blanks is dropped; a
    // placeholder must not keep it.
    const std::string text = "a\n{{#ready}}{{{body}}}{{/ready}}\nb";
    EXPECT_EQ(render(text, context("t", "", true, {})), "a\nb");
    EXPECT_EQ(render(text, context("t", " \t", true, {})), "a\nb");
    EXPECT_EQ(render(text, context("t", "x", true, {})), "a\nx\nb");
}

TEST(TemplateDataReuse, MarkBytesInValuesOrTemplatesAreKeptAsTheyAre) {
    // The placeholder mark (0x01) in a fragment, a text value or the template itself.
    EXPECT_EQ(render(page, context("t", "<b>\x01" "0\x01</b>", true, {row("r", "\x01" "1\x01")})),
              "<h1>t</h1>\n<b>\x01" "0\x01</b>\n<p>r: \x01" "1\x01</p>\n<end>");
    EXPECT_EQ(render(page, context("\x01" "0\x01", "<b>f</b>", true, {row("r", "<i>v</i>")})),
              "<h1>\x01" "0\x01</h1>\n<b>f</b>\n<p>r: <i>v</i></p>\n<end>");
    EXPECT_EQ(render("\x01" "0\x01{{{body}}}", context("t", "<b>f</b>", true, {})), "\x01" "0\x01<b>f</b>");
}

TEST(TemplateDataReuse, FragmentsAreInsertedVerbatimOnce) {
    // Mustache tags and marks inside a fragment are output, never expanded.
    EXPECT_EQ(render("{{{body}}}|{{{body}}}", context("t", "{{title}} \x01" "9\x01", true, {})),
              "{{title}} \x01" "9\x01|{{title}} \x01" "9\x01");
}

TEST(TemplateDataReuse, AContextOfAnotherShapeIsCheckedAgain) {
    // The first render's check is remembered for its shape only.
    const std::string text = "{{#rows}}{{label}}{{/rows}}";
    EXPECT_EQ(render(text, context("t", "b", true, {row("x", "y")})), "x");
    template_value other_shape;
    other_shape.set("value", template_value::fragment({}));
    template_value rows = template_value::list(other_shape);
    rows.items.push_back(template_value{}.set("value", template_value::fragment("v")));
    template_value root;
    root.set("rows", std::move(rows));
    diagnostic_sink diags;
    EXPECT_FALSE(render_template(source(text), template_format::html, root, template_set{}, diags));
    EXPECT_NE(all_text(diags).find("T405"), std::string::npos) << all_text(diags);
}

TEST(TemplateDataReuse, ShapesDifferingInOneKindOrOneNameAreToldApart) {
    // A kept tree is found by comparing a context's shape with it in place:
    // a member of another kind, or another name of the same length, is
    // another shape, checked and given a tree of its own.
    const std::string text = "{{title}}|{{{body}}}|{{#rows}}{{label}}{{/rows}}";
    EXPECT_EQ(render(text, context("t", "<b>b</b>", true, {row("x", "y")})), "t|<b>b</b>|x");
    template_value body_as_text = context("t", "b", true, {row("x", "y")});
    body_as_text.set("body", template_value::text("<b>b</b>"));
    diagnostic_sink diags;
    EXPECT_FALSE(render_template(source(text), template_format::html, body_as_text, template_set{}, diags));
    EXPECT_NE(all_text(diags).find("T405"), std::string::npos) << all_text(diags);
    template_value renamed = context("t", "b", true, {row("x", "y")});
    renamed.members.erase("title");
    renamed.set("tytle", template_value::text("u"));
    diagnostic_sink renamed_diags;
    EXPECT_FALSE(render_template(source(text), template_format::html, renamed, template_set{}, renamed_diags));
    EXPECT_NE(all_text(renamed_diags).find("T405"), std::string::npos) << all_text(renamed_diags);
    // The first shape still renders from its own tree, with new values.
    EXPECT_EQ(render(text, context("v & w", "<i>c</i>", false, {row("p", "q"), row("r", "s")})),
              "v &amp; w|<i>c</i>|pr");
}

}  // namespace
}  // namespace closeplan::render

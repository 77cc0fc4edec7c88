// SPDX-License-Identifier: MIT
// The text edit of a YAML plan: values replaced in their own bytes, new keys
// and milestones in the file's style, comments kept; styles it cannot edit say why.
#include <gtest/gtest.h>

#include "load/load_document.hpp"
#include "sheet/tree_write.hpp"
#include "sheet/yaml_edit.hpp"

namespace closeplan::sheet {
namespace {

std::string edited(const std::string& text, const plan_patch& patch) {
    diagnostic_sink diags;
    const auto tree = load::load_document(text, "plan.yaml", load::input_syntax::yaml, diags);
    EXPECT_TRUE(tree.has_value());
    const auto result = edit_yaml_text(text, *tree, patch);
    EXPECT_TRUE(result.text.has_value()) << result.why_not;
    return result.text.value_or("");
}

std::string why_not(const std::string& text, const plan_patch& patch) {
    diagnostic_sink diags;
    const auto tree = load::load_document(text, "plan.yaml", load::input_syntax::yaml, diags);
    const auto result = edit_yaml_text(text, *tree, patch);
    EXPECT_FALSE(result.text.has_value());
    return result.why_not;
}

set_value word(std::string key, std::string value, std::vector<std::string> after = {}) {
    return {std::move(key), std::move(value), value_style::word, std::move(after)};
}
set_value text(std::string key, std::string value, std::vector<std::string> after = {}) {
    return {std::move(key), std::move(value), value_style::text, std::move(after)};
}

const std::string block_plan = R"(# The deal's plan: comments stay.
milestones:
  - id: nda   # signed first
    title: NDA signed
    owner: both
    due: 2026-05-01    # agreed on the call
    status: done
  - id: sec
    title: "Security review"
    owner: buyer
    due: '2026-05-20'
    baseline: 2026-05-10
    history:
      - 2026-05-15
    notes: |
      Questionnaire sent.
      Waiting on the CISO.

  # Legal comes last.
  - id: msa
    title: MSA signed
    owner: both
    due: 2026-06-01
risks: []
)";

TEST(YamlEdit, ReplacesValuesInTheirBytesAndAddsTheBaselineAfterDue) {
    plan_patch patch;
    patch.edits.push_back({0, "nda", {word("due", "2026-05-08"), word("baseline", "2026-05-01", {"due"})}, {}});
    const auto out = edited(block_plan, patch);
    EXPECT_NE(out.find("    due: 2026-05-08    # agreed on the call\n    baseline: 2026-05-01\n    status: done\n"),
              std::string::npos)
        << out;
    EXPECT_NE(out.find("# The deal's plan: comments stay."), std::string::npos);
    EXPECT_NE(out.find("  - id: nda   # signed first"), std::string::npos);
}

TEST(YamlEdit, KeepsQuotesAndAppendsToABlockHistory) {
    plan_patch patch;
    patch.edits.push_back({1, "sec", {word("due", "2026-05-27"), text("title", "Security review (IT)")}, "2026-05-20"});
    const auto out = edited(block_plan, patch);
    EXPECT_NE(out.find("    title: \"Security review (IT)\"\n"), std::string::npos) << out;
    EXPECT_NE(out.find("    due: '2026-05-27'\n"), std::string::npos) << out;
    EXPECT_NE(out.find("    history:\n      - 2026-05-15\n      - 2026-05-20\n    notes: |\n"), std::string::npos) << out;
}

TEST(YamlEdit, ReplacesABlockScalarAtItsIndentation) {
    plan_patch patch;
    patch.edits.push_back({1, "sec", {text("notes", "Questionnaire back.\nCISO signed off.")}, {}});
    const auto out = edited(block_plan, patch);
    EXPECT_NE(out.find("    notes: |\n      Questionnaire back.\n      CISO signed off.\n\n  # Legal comes last.\n"),
              std::string::npos)
        << out;
}

// YAML forbids control characters unescaped in every style, so a value that
// holds one (a NUL or U+001E from a damaged sheet) goes double-quoted with
// escapes, where a quote or block style would have kept it raw: the edited
// file loads again and reads back the same text.
TEST(YamlEdit, ControlCharactersGoDoubleQuotedInsteadOfQuotesOrABlock) {
    using namespace std::string_literals;  // the literals hold a NUL
    const auto value = "Sent\x1e on\0 Monday\nthen chased"s;
    const auto single_line = "Sec\0urity"s;
    plan_patch patch;
    patch.edits.push_back({1, "sec", {text("notes", value)}, {}});
    patch.edits.push_back({1, "sec", {word("due", single_line)}, {}});
    const auto out = edited(block_plan, patch);
    EXPECT_EQ(out.find('\0'), std::string::npos);
    EXPECT_EQ(out.find('\x1e'), std::string::npos);
    EXPECT_NE(out.find("    notes: \"Sent\\x1E on\\x00 Monday\\nthen chased\"\n\n  # Legal comes last.\n"), std::string::npos)
        << out;
    EXPECT_NE(out.find("    due: \"Sec\\x00urity\"\n"), std::string::npos) << out;
    diagnostic_sink diags;
    const auto reread = load::load_document(out, "plan.yaml", load::input_syntax::yaml, diags);
    ASSERT_TRUE(reread.has_value()) << (diags.all().empty() ? "" : diags.all()[0].message);
}

TEST(YamlEdit, AddsAMilestoneInTheStyleOfTheLastOneAfterItsLines) {
    plan_patch patch;
    patch.added.push_back({word("id", "kickoff"), text("title", "Kickoff: week 1"), word("owner", "seller"),
                           word("due", "2026-06-15")});
    const auto out = edited(block_plan, patch);
    EXPECT_NE(out.find("    due: 2026-06-01\n  - id: kickoff\n    title: \"Kickoff: week 1\"\n    owner: seller\n"
                       "    due: 2026-06-15\nrisks: []\n"),
              std::string::npos)
        << out;
}

TEST(YamlEdit, RemovesAMilestoneWithItsLines) {
    plan_patch patch;
    patch.removed = {2};
    const auto out = edited(block_plan, patch);
    EXPECT_EQ(out.find("id: msa"), std::string::npos);
    EXPECT_NE(out.find("  # Legal comes last.\nrisks: []\n"), std::string::npos) << out;
}

// libyaml accepts a quoted value whose lines run back to the left margin;
// the edit, which finds an item's lines by their indentation, would cut such
// a value in two. The edited text is read back before it is used, so the
// caller rewrites the tree instead (the fuzzer's sheet_apply finding).
TEST(YamlEdit, AnEditThatDoesNotReadBackAsThePatchedPlanIsRefused) {
    const std::string plan =
        "milestones:\n"
        "  - id: a\n    title: A\n    due: 2026-05-01\n"
        "  - id: b\n    title: \"B runs on\nback at: the margin\"\n    due: 2026-05-02\n"
        "risks: []\n";
    plan_patch patch;
    patch.removed = {1};
    EXPECT_EQ(why_not(plan, patch), "a layout whose edit did not read back as the edited plan");
}

const std::string flow_plan = R"(milestones:
  - { id: a, title: Discovery, owner: both, due: 2026-05-01, history: [2026-04-20], baseline: 2026-04-10 }
  - {id: b, title: Pilot, owner: seller, due: 2026-05-15}   # the pilot
)";

TEST(YamlEdit, EditsFlowMappingsInTheirOwnStyle) {
    plan_patch patch;
    patch.edits.push_back({0, "a", {word("due", "2026-05-04")}, "2026-05-01"});
    patch.edits.push_back({1, "b", {word("due", "2026-05-22"), word("baseline", "2026-05-15", {"due"}),
                                    text("title", "Pilot, phase 1")}, {}});
    patch.added.push_back({word("id", "c"), text("title", "Sign"), word("owner", "both"), word("due", "2026-06-01")});
    const auto out = edited(flow_plan, patch);
    EXPECT_EQ(out, R"(milestones:
  - { id: a, title: Discovery, owner: both, due: 2026-05-04, history: [2026-04-20, 2026-05-01], baseline: 2026-04-10 }
  - {id: b, title: "Pilot, phase 1", owner: seller, due: 2026-05-22, baseline: 2026-05-15}   # the pilot
  - {id: c, title: Sign, owner: both, due: 2026-06-01}
)");
}

TEST(YamlEdit, AddsAHistoryListWhenTheStepHasNone) {
    const std::string plan = "milestones:\n- id: a\n  title: A\n  owner: both\n  due: 2026-05-09\n  baseline: 2026-05-01\n";
    plan_patch patch;
    patch.edits.push_back({0, "a", {word("due", "2026-05-20")}, "2026-05-09"});
    EXPECT_EQ(edited(plan, patch), "milestones:\n- id: a\n  title: A\n  owner: both\n  due: 2026-05-20\n  baseline: "
                                   "2026-05-01\n  history: [2026-05-09]\n");
}

TEST(YamlEdit, FillsAnEmptyValueAndKeepsAFileWithoutAFinalLineEnd) {
    const std::string plan = "milestones:\n  - id: a\n    notes:\n    owner: both";
    plan_patch patch;
    patch.edits.push_back({0, "a", {text("notes", "Call booked"), word("status", "scheduled", {"owner"})}, {}});
    EXPECT_EQ(edited(plan, patch), "milestones:\n  - id: a\n    notes: Call booked\n    owner: both\n    status: scheduled\n");
}

TEST(YamlEdit, SaysWhyWhenItCannotEditTheStyle) {
    plan_patch patch;
    patch.edits.push_back({0, "a", {text("title", "New")}, {}});
    EXPECT_EQ(why_not("milestones: [{id: a, title: Old}]\n", patch), "the milestones are one `[ ]` list");
    EXPECT_EQ(why_not("milestones:\n  - id: a\n    title: \"Old\n      and long\"\n", patch),
              "a quoted value that goes on over several lines");
    EXPECT_EQ(why_not("milestones:\n  - id: a\n    title: Old\n      and long\n", patch),
              "a plain value that goes on over several lines");
}

TEST(TreeWrite, RewritesTheTreeKeepingKeyOrderAndText) {
    diagnostic_sink diags;
    const std::string plan = "milestones: [{id: a, title: 'Old: one', due: 2026-05-01, x-n: \"010\"}]\nrisks: []\n";
    const auto tree = load::load_document(plan, "plan.yaml", load::input_syntax::yaml, diags);
    ASSERT_TRUE(tree);
    plan_patch patch;
    patch.edits.push_back({0, "a", {word("due", "2026-05-08"), word("baseline", "2026-05-01", {"due"})}, {}});
    const auto patched = patched_tree(*tree, patch);
    EXPECT_EQ(tree_to_yaml(patched), "milestones:\n  - id: a\n    title: \"Old: one\"\n    due: 2026-05-08\n"
                                     "    baseline: 2026-05-01\n    x-n: \"010\"\nrisks: []\n");
    EXPECT_EQ(tree_to_json(patched), "{\n  \"milestones\": [\n    {\n      \"id\": \"a\",\n      \"title\": \"Old: one\",\n"
                                     "      \"due\": \"2026-05-08\",\n      \"baseline\": \"2026-05-01\",\n"
                                     "      \"x-n\": \"010\"\n    }\n  ],\n  \"risks\": []\n}\n");
}

}  // namespace
}  // namespace closeplan::sheet

namespace closeplan::sheet {
namespace {

TEST(YamlEdit, NeverEditsThroughAnAlias) {
    const std::string plan = "milestones:\n  - id: a\n    due: &d 2026-05-01\n  - id: b\n    due: *d\n";
    plan_patch patch;
    patch.edits.push_back({1, "b", {word("due", "2026-05-08")}, {}});
    EXPECT_EQ(why_not(plan, patch), "a value with a tag, anchor or alias");
}

TEST(YamlEdit, KeepsCrlfLineEndsAndAByteOrderMark) {
    const std::string plan = "\xEF\xBB\xBFmilestones:\r\n  - id: a\r\n    due: 2026-05-01\r\n    notes: |\r\n      Old\r\n";
    plan_patch patch;
    patch.edits.push_back({0, "a", {word("due", "2026-05-08"), word("baseline", "2026-05-01", {"due"}),
                                    text("notes", "New\nlines")}, {}});
    EXPECT_EQ(edited(plan, patch), "\xEF\xBB\xBFmilestones:\r\n  - id: a\r\n    due: 2026-05-08\r\n    baseline: "
                                   "2026-05-01\r\n    notes: |\r\n      New\r\n      lines\r\n");
}

}  // namespace
}  // namespace closeplan::sheet

// SPDX-License-Identifier: MIT
// The section table: its rows are consistent, build_document follows it, the
// figures are marked by their builders, and page rows pair sections as hinted.
#include "view/section_table.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>
#include <vector>

#include "analyze/analysis.hpp"
#include "view/build_parts.hpp"
#include "view/select_sections.hpp"
#include "view_test_support.hpp"

namespace closeplan {
namespace {

using model::side;
using model::status;
using test::day;
using test::plan_builder;

view::document build(const model::plan& p) {
    diagnostic_sink diags;
    return view::build_document(p, analyze::analyze_plan(p, day("2026-05-12")), test::load_labels("en"), diags);
}

plan_builder small_plan() {
    plan_builder b;
    b.stakeholder("dana", "Dana Ruiz", "CFO", side::buyer, model::role::economic_buyer).cares_about = {"Payback"};
    b.milestone("nda", side::both, "2026-05-01", status::done).completed = day("2026-04-30");
    b.milestone("sign", side::both, "2026-06-30");
    b.resource("roi", "ROI model", model::resource_kind::roi, "https://example.com/roi");
    auto& value = b.entry();
    value.match_ids = {"dana"};
    value.cares_about = {"Payback"};
    value.proof = {"roi"};
    value.milestones = {"sign"};
    return b;
}

std::vector<std::string> keys_of(const view::page_row& row) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < row.size(); ++i) out.push_back(row.sections[i]->key);
    return out;
}

TEST(SectionTable, EveryRowHasAKeyABuilderAndItsLabelKey) {
    std::set<std::string_view> seen;
    for (const auto& entry : view::section_table()) {
        SCOPED_TRACE(std::string(entry.key));
        EXPECT_FALSE(entry.key.empty());
        EXPECT_TRUE(seen.insert(entry.key).second) << "key twice";
        EXPECT_NE(entry.build, nullptr);
        EXPECT_EQ(entry.label_key, "section." + std::string(entry.key));
        // Keys are template names and CSS classes as they stand.
        for (char c : entry.key) EXPECT_TRUE((c >= 'a' && c <= 'z') || c == '_') << c;
        EXPECT_EQ(view::find_section_entry(entry.key), &entry);
    }
    EXPECT_EQ(view::find_section_entry("timeline"), nullptr);
    EXPECT_EQ(view::find_section_entry(""), nullptr);
}

TEST(SectionTable, SectionKeysAreTheTableInItsOrder) {
    std::vector<std::string> expected;
    for (const auto& entry : view::section_table()) expected.emplace_back(entry.key);
    EXPECT_EQ(view::section_keys(), expected);
    EXPECT_EQ(view::section_keys(),
              (std::vector<std::string>{"summary", "milestones", "value_map", "stakeholders", "resources", "risks",
                                        "open_items", "signoff"}));
}

TEST(SectionTable, PairsNameAnotherSectionAndNoSectionIsInTwoPairs) {
    std::set<std::string_view> paired;
    for (const auto& entry : view::section_table()) {
        SCOPED_TRACE(std::string(entry.key));
        const auto& hints = entry.layout;
        EXPECT_EQ(hints.pair_with.empty(), hints.pair == view::pairing::none);
        if (hints.pair_with.empty()) continue;
        EXPECT_NE(hints.pair_with, entry.key);
        EXPECT_NE(view::find_section_entry(hints.pair_with), nullptr) << hints.pair_with;
        EXPECT_TRUE(paired.insert(entry.key).second);
        EXPECT_TRUE(paired.insert(hints.pair_with).second) << hints.pair_with << " is in two pairs";
    }
}

TEST(SectionTable, HintsOfTheBuyerPlan) {
    const auto& summary = *view::find_section_entry("summary");
    EXPECT_TRUE(summary.layout.balanced_columns);
    EXPECT_TRUE(view::find_section_entry("milestones")->layout.timeline_strip);
    EXPECT_TRUE(view::find_section_entry("signoff")->layout.keep_together);
    const auto& resources = view::find_section_entry("resources")->layout;
    EXPECT_EQ(resources.pair_with, "open_items");
    EXPECT_EQ(resources.pair, view::pairing::beside);
    const auto& value = view::find_section_entry("value_map")->layout;
    EXPECT_EQ(value.pair_with, "stakeholders");
    EXPECT_EQ(value.pair, view::pairing::merged_table);
    // What must never leave the page: the outcome, the path to signature, the sign-off.
    for (const char* key : {"summary", "milestones", "signoff"})
        EXPECT_TRUE(view::find_section_entry(key)->condense.never_drop) << key;
    // Condensing orders are distinct across the table, so the policy's order is the table's;
    // what a seller cuts first (contact details) comes before any milestone step, and
    // every last-resort step comes after every ordinary one.
    std::set<int> orders;
    int last_ordinary = 0, first_last_resort = 1 << 30;
    for (const auto& entry : view::section_table())
        for (const auto& step : entry.condense.steps) {
            EXPECT_TRUE(orders.insert(step.order).second) << entry.key;
            if (step.last_resort) first_last_resort = std::min(first_last_resort, step.order);
            else last_ordinary = std::max(last_ordinary, step.order);
        }
    EXPECT_LT(last_ordinary, first_last_resort);
    EXPECT_LT(view::find_section_entry("stakeholders")->condense.steps.front().order,
              view::find_section_entry("milestones")->condense.steps.front().order);
    // The milestones keep the path to signature until the last resort.
    const auto keeps = view::find_section_entry("milestones")->condense.keeps_row;
    ASSERT_NE(keeps, nullptr);
    view::table_row signature, done, open;
    signature.facts.done = true;
    signature.facts.last = true;
    done.facts.done = true;
    EXPECT_TRUE(keeps(signature));
    EXPECT_TRUE(keeps(open));
    EXPECT_FALSE(keeps(done));
}

TEST(SectionTable, BuildDocumentBuildsEveryRowInOrderUnderItsLabel) {
    const auto labels = test::load_labels("de");
    auto b = small_plan();
    diagnostic_sink diags;
    const auto doc = view::build_document(b.p, analyze::analyze_plan(b.p, day("2026-05-12")), labels, diags);
    const auto table = view::section_table();
    ASSERT_EQ(doc.sections.size(), table.size());
    for (std::size_t i = 0; i < table.size(); ++i) {
        EXPECT_EQ(doc.sections[i].key, table[i].key);
        EXPECT_EQ(doc.sections[i].title, labels.get(table[i].label_key));
        EXPECT_FALSE(doc.sections[i].content.empty()) << table[i].key;
    }
}

TEST(SectionTable, BuildSectionIsWhatBuildDocumentMakes) {
    auto b = small_plan();
    const auto facts = analyze::analyze_plan(b.p, day("2026-05-12"));
    const auto labels = test::load_labels("en");
    diagnostic_sink diags;
    const view::detail::build_context ctx{b.p, facts, labels, diags};
    const auto doc = view::build_document(b.p, facts, labels, diags);
    const auto risks = view::build_section(*view::find_section_entry("risks"), ctx);
    EXPECT_EQ(risks.key, "risks");
    EXPECT_EQ(risks.title, "Risks");
    EXPECT_EQ(test::plain(risks.content), test::plain(doc.find_section("risks")->content));
}

std::vector<std::string> figures_of(const view::section& s) {
    std::vector<std::string> out;
    for (const auto& b : s.content)
        if (b.role == view::block_role::figure) out.push_back(test::plain(view::blocks{b}));
    return out;
}

TEST(SectionTable, BuildersMarkTheFiguresShownOnTheTitleLine) {
    const auto doc = build(small_plan().p);
    const auto milestones = figures_of(*doc.find_section("milestones"));
    ASSERT_EQ(milestones.size(), 1u);
    EXPECT_NE(milestones[0].find("1 of 2 done"), std::string::npos) << milestones[0];
    const auto value = figures_of(*doc.find_section("value_map"));
    ASSERT_EQ(value.size(), 1u);
    EXPECT_NE(value[0].find("of 1 stakeholder has proof mapped"), std::string::npos) << value[0];
    const auto signoff = figures_of(*doc.find_section("signoff"));
    ASSERT_EQ(signoff.size(), 1u);
    EXPECT_NE(signoff[0].find("By signing"), std::string::npos) << signoff[0];
    for (const char* key : {"summary", "stakeholders", "resources", "risks", "open_items"})
        EXPECT_TRUE(figures_of(*doc.find_section(key)).empty()) << key;

    // A value map with no rows says so; that line is no figure.
    const auto empty = build(plan_builder{}.p);
    EXPECT_TRUE(figures_of(*empty.find_section("value_map")).empty());
    EXPECT_TRUE(figures_of(*empty.find_section("milestones")).empty());
}

TEST(SectionTable, PageRowsPlaceAPairWhereItsLaterMemberStands) {
    const auto doc = build(small_plan().p);
    const auto rows = view::page_rows(doc);
    std::vector<std::vector<std::string>> keys;
    std::vector<view::pairing> pairs;
    for (const auto& row : rows) {
        keys.push_back(keys_of(row));
        pairs.push_back(row.pair);
    }
    EXPECT_EQ(keys, (std::vector<std::vector<std::string>>{{"summary"},
                                                          {"milestones"},
                                                          {"value_map", "stakeholders"},
                                                          {"risks"},
                                                          {"resources", "open_items"},
                                                          {"signoff"}}));
    EXPECT_EQ(pairs[2], view::pairing::merged_table);
    EXPECT_EQ(pairs[4], view::pairing::beside);
    for (std::size_t i : {0u, 1u, 3u, 5u}) EXPECT_EQ(pairs[i], view::pairing::none);
}

TEST(SectionTable, PageRowsFollowAChosenOrderWithoutPairs) {
    auto doc = build(small_plan().p);
    ASSERT_TRUE(view::select_sections(doc, {"open_items", "signoff", "resources"}).empty());
    const auto rows = view::page_rows(doc);
    ASSERT_EQ(rows.size(), 3u);
    EXPECT_EQ(keys_of(rows[0]), std::vector<std::string>{"open_items"});
    EXPECT_EQ(keys_of(rows[1]), std::vector<std::string>{"signoff"});
    EXPECT_EQ(keys_of(rows[2]), std::vector<std::string>{"resources"});
    for (const auto& row : rows) EXPECT_EQ(row.pair, view::pairing::none);
}

TEST(SectionTable, PageRowsKeepASectionWhosePartnerIsMissingInItsPlace) {
    auto doc = build(small_plan().p);
    std::erase_if(doc.sections, [](const view::section& s) { return s.key == "open_items" || s.key == "stakeholders"; });
    doc.sections.push_back(view::section{"custom", "Custom", {}});
    std::vector<std::vector<std::string>> keys;
    for (const auto& row : view::page_rows(doc)) keys.push_back(keys_of(row));
    EXPECT_EQ(keys, (std::vector<std::vector<std::string>>{
                        {"summary"}, {"milestones"}, {"value_map"}, {"resources"}, {"risks"}, {"signoff"}, {"custom"}}));
}

}  // namespace
}  // namespace closeplan

// SPDX-License-Identifier: MIT
// The handoff document: gaps found and located, sections in order, commitments and moves, plan.json shape.
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include <string>

#include "handoff/handoff_document.hpp"
#include "handoff/plan_json.hpp"
#include "model/dates.hpp"

namespace closeplan::handoff {
namespace {

model::date d(const char* iso) { return *model::parse_iso_date(iso); }

model::plan bare_plan() {
    model::plan p;
    p.deal.name = "Pilot";
    p.deal.buyer.name = "Small Co";
    p.deal.seller.name = "Vendor";
    p.target_close = d("2026-04-30");
    p.source_file = "plan.yaml";
    model::milestone m;
    m.id = "contract";
    m.title = "Contract sent";
    m.owner = model::side::seller;
    m.baseline = d("2026-04-01");
    m.history = {d("2026-04-08")};
    m.due = d("2026-04-15");
    p.milestones.push_back(m);
    return p;
}

std::vector<std::string> codes(const std::vector<gap>& gaps) {
    std::vector<std::string> out;
    for (const auto& g : gaps) out.push_back(g.code);
    return out;
}

TEST(HandoffGaps, BarePlanLacksOwnerKickoffCriteriaAndCommitments) {
    const auto gaps = find_gaps(bare_plan());
    EXPECT_EQ(codes(gaps), (std::vector<std::string>{"C901", "C902", "C903", "C906"}));
    EXPECT_EQ(gaps[0].where.pointer, "/implementation/cs_owner");
    diagnostic_sink diags;
    report_gaps(gaps, diags);
    EXPECT_EQ(diags.warning_count(), 4u);
    EXPECT_FALSE(diags.has_errors());
}

TEST(HandoffGaps, CommitmentsWithoutOwnerOrDateAreLocatedAtTheCommitment) {
    auto p = bare_plan();
    p.implementation.cs_owner = model::contact{"Rae Kim", "CSM", "rae@example.com"};
    p.implementation.kickoff = d("2026-05-04");
    p.success_criteria = {"Faster close"};
    model::commitment c;
    c.title = "Go-live in May";
    c.where = {"plan.yaml", 30, 5, "/commitments/0"};
    p.commitments.push_back(c);
    const auto gaps = find_gaps(p);
    EXPECT_EQ(codes(gaps), (std::vector<std::string>{"C904", "C905"}));
    EXPECT_EQ(gaps[0].message, "commitment \"Go-live in May\" has no owner");
    EXPECT_EQ(gaps[0].where.line, 30);
    EXPECT_EQ(gaps[1].where.pointer, "/commitments/0/due");
    p.commitments[0].assignee = "sam";
    p.commitments[0].due = d("2026-05-30");
    EXPECT_TRUE(find_gaps(p).empty());
}

TEST(HandoffDocument, SectionsInOrderGapsFirstOpenSellerStepsAreCommitments) {
    const auto p = bare_plan();
    const auto facts = analyze::analyze_plan(p, d("2026-03-02"));
    diagnostic_sink diags;
    const auto doc = build_handoff_document(p, facts, view::labels{}, find_gaps(p), diags);
    std::vector<std::string> keys;
    for (const auto& s : doc.sections) keys.push_back(s.key);
    EXPECT_EQ(keys, (std::vector<std::string>{"gaps", "glance", "outcome", "value", "commitments", "scope", "risks",
                                              "open_items", "timeline", "resources", "signoff"}));
    const auto* commitments = doc.find_section("commitments");
    ASSERT_NE(commitments, nullptr);
    const auto* table = std::get_if<view::data_table>(&commitments->content.front().value);
    ASSERT_NE(table, nullptr);
    ASSERT_EQ(table->rows.size(), 1u);  // the open seller step
    const auto* timeline = doc.find_section("timeline");
    ASSERT_NE(timeline, nullptr);
    EXPECT_EQ(timeline->content.size(), 2u);  // totals, then the table
    auto with_everything = p;
    with_everything.implementation.cs_owner = model::contact{"Rae", "", ""};
    with_everything.implementation.kickoff = d("2026-05-04");
    with_everything.success_criteria = {"x"};
    with_everything.commitments.push_back({"Promise", model::side::seller, "", d("2026-05-01"), "Deck", {}});
    const auto complete = build_handoff_document(with_everything, facts, view::labels{}, find_gaps(with_everything), diags);
    EXPECT_EQ(complete.find_section("gaps"), nullptr);
}

TEST(PlanJson, EveryKeyInOrderWithAnalysisAndMoves) {
    const auto p = bare_plan();
    const auto facts = analyze::analyze_plan(p, d("2026-03-02"));
    const auto text = write_plan_json(p, facts, find_gaps(p));
    EXPECT_EQ(text, write_plan_json(p, facts, find_gaps(p)));
    EXPECT_EQ(text.back(), '\n');
    const auto json = nlohmann::ordered_json::parse(text);
    std::vector<std::string> keys;
    for (const auto& [key, value] : json.items()) keys.push_back(key);
    EXPECT_EQ(keys, (std::vector<std::string>{"closeplan_plan_json", "as_of", "locale", "deal", "target_close", "target_close_baseline", "go_live",
                                              "outcome", "success_criteria", "decision_criteria", "stakeholders",
                                              "milestones", "resources", "risks", "notes", "sign_off", "commitments",
                                              "scope", "implementation", "analysis", "handoff_gaps"}));
    const auto& m = json["milestones"][0];
    EXPECT_EQ(m["history"], nlohmann::ordered_json::array({"2026-04-08"}));
    EXPECT_EQ(m["analysis"]["moves"], 2);
    EXPECT_EQ(m["analysis"]["agreed"], "2026-04-01");
    EXPECT_EQ(m["analysis"]["slip_days"], 14);
    EXPECT_TRUE(json["go_live"].is_null());
    EXPECT_EQ(json["handoff_gaps"].size(), 4u);
    EXPECT_EQ(json["handoff_gaps"][0]["code"], "C901");
}

}  // namespace
}  // namespace closeplan::handoff

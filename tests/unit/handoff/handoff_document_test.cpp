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
    auto p = bare_plan();
    // Owed after the signature: a seller kickoff step. Not a commitment: the open seller step before it.
    model::milestone kickoff;
    kickoff.id = "kickoff";
    kickoff.title = "Kickoff workshop";
    kickoff.owner = model::side::seller;
    kickoff.workstream = "kickoff";
    kickoff.due = d("2026-05-10");
    p.milestones.push_back(kickoff);
    // A promise recorded in a buyer step's notes, in a list item; the other item is no promise.
    model::milestone review;
    review.id = "review";
    review.title = "Review";
    review.owner = model::side::buyer;
    review.due = d("2026-04-20");
    review.gate = "Go / no-go";
    review.notes = "- We **promised** an offline demo\n- Bring the W-9";
    p.milestones.push_back(review);
    const auto facts = analyze::analyze_plan(p, d("2026-03-02"));
    diagnostic_sink diags;
    const view::labels words(std::map<std::string, std::string>{{"handoff.promise_words", "promise|promised|committed"}});
    const auto doc = build_handoff_document(p, facts, words, find_gaps(p), diags);
    std::vector<std::string> keys;
    for (const auto& s : doc.sections) keys.push_back(s.key);
    EXPECT_EQ(keys, (std::vector<std::string>{"gaps", "glance", "outcome", "value", "commitments", "contract", "scope",
                                              "environment", "competition", "risks", "red_flags", "open_items",
                                              "timeline", "resources", "signoff", "more"}));
    // Nothing to say: left empty, so every writer leaves the section out.
    for (const char* empty : {"contract", "environment", "competition", "red_flags", "more"})
        EXPECT_TRUE(doc.find_section(empty)->content.empty()) << empty;
    const auto* commitments = doc.find_section("commitments");
    ASSERT_NE(commitments, nullptr);
    const auto* table = std::get_if<view::data_table>(&commitments->content.front().value);
    ASSERT_NE(table, nullptr);
    ASSERT_EQ(table->rows.size(), 2u);  // the kickoff step, the promise in the note
    const auto* said = std::get_if<view::text>(&table->rows[0].cells[1].front().value);
    ASSERT_NE(said, nullptr);
    EXPECT_EQ(said->value, "Kickoff workshop");
    const auto* promise = std::get_if<view::text>(&table->rows[1].cells[1].front().value);
    ASSERT_NE(promise, nullptr);
    EXPECT_EQ(promise->value, "We ");  // then **promised**, then " an offline demo"
    EXPECT_TRUE(diags.all().empty());  // the notes parsed twice, reported once (none here)
    const auto* timeline = doc.find_section("timeline");
    ASSERT_NE(timeline, nullptr);
    // Totals, the table, then the gates and notes: a sub-heading, the step's heading, its gate, its notes.
    ASSERT_EQ(timeline->content.size(), 6u);
    const auto* rows = std::get_if<view::data_table>(&timeline->content[1].value);
    ASSERT_NE(rows, nullptr);
    const auto* status = std::get_if<view::badge>(&rows->rows[0].cells[6].front().value);
    ASSERT_NE(status, nullptr);
    EXPECT_EQ(status->color, view::tone::neutral);
    p.milestones[0].state = model::status::blocked;
    const auto blocked = build_handoff_document(p, facts, words, find_gaps(p), diags);
    const auto& blocked_row = std::get<view::data_table>(blocked.find_section("timeline")->content[1].value).rows[0];
    EXPECT_EQ(blocked_row.row_class, "blocked");
    EXPECT_EQ(std::get<view::badge>(blocked_row.cells[6].front().value).color, view::tone::bad);
}

TEST(HandoffDocument, CompletePlanHasNoGapsSection) {
    const auto p = bare_plan();
    const auto facts = analyze::analyze_plan(p, d("2026-03-02"));
    diagnostic_sink diags;
    auto with_everything = p;
    with_everything.implementation.cs_owner = model::contact{"Rae", "", ""};
    with_everything.implementation.kickoff = d("2026-05-04");
    with_everything.success_criteria = {"x"};
    with_everything.commitments.push_back({"Promise", model::side::seller, "", d("2026-05-01"), "Deck", {}});
    const auto complete = build_handoff_document(with_everything, facts, view::labels{}, find_gaps(with_everything), diags);
    EXPECT_EQ(complete.find_section("gaps"), nullptr);
}

TEST(HandoffDocument, MoreDetailsJoinExtensionValuesInTheLanguagesPunctuation) {
    auto p = bare_plan();
    using kind = model::extension_value::kind;
    model::extension_value tags{kind::list, "", {{kind::text, "أ", {}, {}}, {kind::text, "ب", {}, {}}}, {}};
    model::extension_value ids{kind::map, "", {}, {{"crm", {kind::text, "OPP-1", {}, {}}}, {"erp", {kind::text, "E-7", {}, {}}}}};
    p.extensions.push_back({"/x-tags", "x-tags", tags, {}});
    p.extensions.push_back({"/x-ids", "x-ids", ids, {}});
    const auto facts = analyze::analyze_plan(p, d("2026-03-02"));
    diagnostic_sink diags;
    const view::labels arabic(std::map<std::string, std::string>{{"punctuation.list", "، "}, {"punctuation.series", "؛ "}});
    const auto doc = build_handoff_document(p, facts, arabic, find_gaps(p), diags);
    const auto* more = doc.find_section("more");
    ASSERT_NE(more, nullptr);
    const auto& list = std::get<view::fact_list>(more->content.front().value);
    ASSERT_EQ(list.facts.size(), 2u);
    EXPECT_EQ(std::get<view::text>(list.facts[0].value.front().value).value, "أ، ب");
    EXPECT_EQ(std::get<view::text>(list.facts[1].value.front().value).value, "crm: OPP-1؛ erp: E-7");
    // Without the labels, the Latin defaults.
    const auto latin = build_handoff_document(p, facts, view::labels{}, find_gaps(p), diags);
    const auto& latin_list = std::get<view::fact_list>(latin.find_section("more")->content.front().value);
    EXPECT_EQ(std::get<view::text>(latin_list.facts[1].value.front().value).value, "crm: OPP-1; erp: E-7");
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
                                              "scope", "implementation", "contract", "purchased", "environment",
                                              "competition", "red_flags", "extensions", "analysis", "handoff_gaps"}));
    const auto& m = json["milestones"][0];
    EXPECT_EQ(m["history"], nlohmann::ordered_json::array({"2026-04-08"}));
    EXPECT_EQ(m["analysis"]["moves"], 2);
    EXPECT_EQ(m["analysis"]["agreed"], "2026-04-01");
    EXPECT_EQ(m["analysis"]["slip_days"], 14);
    EXPECT_TRUE(json["go_live"].is_null());
    EXPECT_EQ(json["handoff_gaps"].size(), 4u);
    EXPECT_EQ(json["handoff_gaps"][0]["code"], "C901");
    EXPECT_TRUE(json["extensions"].empty());
}

TEST(PlanJson, ExtensionsKeyedByPointerAsWrittenAndContractDatesWorkedOut) {
    auto p = bare_plan();
    model::extension_value list;
    list.type = model::extension_value::kind::list;
    list.items.push_back({model::extension_value::kind::text, "a", {}, {}});
    list.items.push_back({model::extension_value::kind::text, "2", {}, {}});
    p.extensions.push_back({"/x-crm-id", "x-crm-id", {model::extension_value::kind::text, "OPP-1", {}, {}}, {}});
    p.extensions.push_back({"/milestones/0/x-tags", "x-tags", list, {}});
    p.contract.start = d("2026-05-01");
    p.contract.term_months = 12;
    p.contract.notice_days = 30;
    const auto facts = analyze::analyze_plan(p, d("2026-03-02"));
    const auto json = nlohmann::ordered_json::parse(write_plan_json(p, facts, {}));
    EXPECT_EQ(json["extensions"]["/x-crm-id"], "OPP-1");
    EXPECT_EQ(json["extensions"]["/milestones/0/x-tags"], nlohmann::ordered_json::array({"a", "2"}));
    EXPECT_EQ(json["contract"]["renews_on"], "2027-05-01");
    EXPECT_EQ(json["contract"]["notice_by"], "2027-04-01");
    EXPECT_TRUE(json["contract"]["renewal"].is_null());
}

}  // namespace
}  // namespace closeplan::handoff

// SPDX-License-Identifier: MIT
// The calendar: stable UIDs, deterministic DTSTAMP, all-day events, --for, and step moves.
#include <gtest/gtest.h>

#include <string>

#include "calendar/calendar.hpp"
#include "handoff/handoff_document.hpp"
#include "model/dates.hpp"

namespace closeplan {
namespace {

model::date d(const char* iso) { return *model::parse_iso_date(iso); }

model::plan sample_plan() {
    model::plan p;
    p.deal.id = "NW-2026-014";
    p.deal.name = "Claims analytics";
    p.deal.buyer.name = "Northwind";
    p.deal.seller.name = "Acme";
    p.target_close = d("2026-06-30");
    p.stakeholders.push_back({"dana", "Dana Ruiz", "CFO", model::side::buyer, {}, {}, "dana@northwind.example", {}, {}});
    p.stakeholders.push_back({"sam", "Sam Lee", "SE", model::side::seller, {}, {}, {}, {}, {}});
    model::milestone a;
    a.id = "sec-docs";
    a.title = "Security docs sent";
    a.owner = model::side::seller;
    a.assignee = "sam";
    a.due = d("2026-05-08");
    p.milestones.push_back(a);
    model::milestone b;
    b.id = "review";
    b.title = "Review";
    b.owner = model::side::buyer;
    b.assignee = "dana";
    b.due = d("2026-05-20");
    p.milestones.push_back(b);
    model::commitment c;
    c.title = "Go-live before enrolment";
    c.owner = model::side::seller;
    c.assignee = "sam";
    c.due = d("2026-08-15");
    c.source = "Proposal v3";
    p.commitments.push_back(c);
    return p;
}

std::string render(const model::plan& p, const std::string& as_of, std::string for_id = {}) {
    const auto facts = analyze::analyze_plan(p, d(as_of.c_str()));
    view::labels words({{"ics.deal", "Deal: {deal}"}, {"ics.owner", "Owner: {side}"}, {"ics.assignee", "Assignee: {name}"},
                        {"ics.status", "Status: {status}"}, {"ics.source", "Promised in: {source}"},
                        {"ics.commitment", "Commitment: {title}"}, {"ics.commitment_category", "Commitment"},
                        {"side.seller", "Seller"}, {"side.buyer", "Buyer"}, {"status.not_started", "Not started"},
                        {"ics.go_live", "Go-live: {deal}"}, {"ics.kickoff", "Kickoff: {deal}"},
                        {"ics.renewal", "Contract renewal: {deal}"}, {"ics.notice", "Last day to give notice: {deal}"},
                        {"ics.key_date_category", "Key date"}});
    return calendar::write_calendar(p, facts, words, {std::move(for_id)});
}

TEST(CalendarUid, DependsOnDealAndIdNotOnPosition) {
    auto p = sample_plan();
    const auto uid = calendar::event_uid(p, "milestone", "sec-docs");
    std::swap(p.milestones[0], p.milestones[1]);
    p.milestones[1].title = "Security documents sent";
    p.milestones[1].due = d("2026-05-12");
    EXPECT_EQ(calendar::event_uid(p, "milestone", "sec-docs"), uid);
    EXPECT_EQ(uid.substr(0, 19), "milestone-sec-docs-");
    EXPECT_TRUE(uid.ends_with("@closeplan"));
    auto other = sample_plan();
    other.deal.id = "NW-2026-015";
    EXPECT_NE(calendar::event_uid(other, "milestone", "sec-docs"), uid);
    EXPECT_NE(calendar::event_uid(p, "commitment", "sec-docs"), uid);
}

TEST(CalendarUid, OddKeysAreFingerprintedToSafeCharacters) {
    const auto p = sample_plan();
    const auto uid = calendar::event_uid(p, "commitment", "Go-live, before; \"enrolment\"\n");
    EXPECT_EQ(uid.find_first_of(",;\"\n\\ "), std::string::npos) << uid;
}

TEST(Calendar, SameInputSameBytesAndUidsSurviveAMove) {
    auto p = sample_plan();
    const auto first = render(p, "2026-05-04");
    EXPECT_EQ(render(p, "2026-05-04"), first);
    p.milestones[0].due = d("2026-05-15");
    const auto moved = render(p, "2026-05-04");
    EXPECT_NE(moved, first);
    const auto uid = "UID:" + calendar::event_uid(p, "milestone", "sec-docs");
    EXPECT_NE(first.find(uid), std::string::npos);
    EXPECT_NE(moved.find(uid), std::string::npos);
    EXPECT_NE(moved.find("DTSTART;VALUE=DATE:20260515\r\nDTEND;VALUE=DATE:20260516\r\n"), std::string::npos);
}

TEST(Calendar, DtstampComesFromAsOf) {
    const auto text = render(sample_plan(), "2026-05-04");
    EXPECT_NE(text.find("DTSTAMP:20260504T000000Z\r\n"), std::string::npos);
    EXPECT_EQ(text.find("DTSTAMP:2026050"), text.find("DTSTAMP:20260504"));
}

TEST(Calendar, EventsForMilestonesAndCommitmentsWithOwnerAndAssignee) {
    const auto text = render(sample_plan(), "2026-05-04");
    EXPECT_TRUE(text.starts_with("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:"));
    EXPECT_TRUE(text.ends_with("END:VCALENDAR\r\n"));
    std::size_t events = 0;
    for (auto at = text.find("BEGIN:VEVENT"); at != std::string::npos; at = text.find("BEGIN:VEVENT", at + 1)) ++events;
    EXPECT_EQ(events, 3u);
    EXPECT_NE(text.find("SUMMARY:Commitment: Go-live before enrolment\r\n"), std::string::npos);
    EXPECT_NE(text.find("Owner: Seller\\nAssignee: Sam Lee (SE)"), std::string::npos);
    EXPECT_NE(text.find("Promised in: Proposal v3"), std::string::npos);
    // Every line ends CRLF: no bare LF anywhere.
    for (std::size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') EXPECT_EQ(text[i - 1], '\r');
}

TEST(Calendar, ForOneStakeholderKeepsOnlyTheirSteps) {
    const auto text = render(sample_plan(), "2026-05-04", "dana");
    EXPECT_NE(text.find("SUMMARY:Review"), std::string::npos);
    EXPECT_EQ(text.find("SUMMARY:Security docs sent"), std::string::npos);
    EXPECT_EQ(text.find("Commitment:"), std::string::npos);
    const auto p = sample_plan();
    EXPECT_EQ(calendar::find_person(p, "dana ruiz"), &p.stakeholders[0]);
    EXPECT_EQ(calendar::find_person(p, "sam"), &p.stakeholders[1]);
    EXPECT_EQ(calendar::find_person(p, "nobody"), nullptr);
}

// The event block of one UID, from BEGIN:VEVENT to END:VEVENT.
std::string event_of(const std::string& text, const std::string& uid) {
    const auto at = text.find("UID:" + uid);
    if (at == std::string::npos) return {};
    const auto begin = text.rfind("BEGIN:VEVENT", at);
    return text.substr(begin, text.find("END:VEVENT", at) - begin);
}

TEST(Calendar, SequenceCountsTheMovesAndGrowsWhenOneIsRecorded) {
    auto p = sample_plan();
    const auto uid = calendar::event_uid(p, "milestone", "sec-docs");
    const auto first = render(p, "2026-05-04");
    EXPECT_NE(event_of(first, uid).find("SEQUENCE:0\r\n"), std::string::npos) << event_of(first, uid);
    EXPECT_NE(event_of(first, uid).find("LAST-MODIFIED:20260504T000000Z\r\n"), std::string::npos);
    // The date moves and the old one is kept as the baseline: one move.
    p.milestones[0].baseline = p.milestones[0].due;
    p.milestones[0].due = d("2026-05-15");
    const auto once = render(p, "2026-05-06");
    EXPECT_NE(event_of(once, uid).find("SEQUENCE:1\r\n"), std::string::npos);
    EXPECT_NE(event_of(once, uid).find("LAST-MODIFIED:20260506T000000Z\r\n"), std::string::npos);
    // And again, through history: two moves.
    p.milestones[0].history = {d("2026-05-15")};
    p.milestones[0].due = d("2026-05-22");
    EXPECT_NE(event_of(render(p, "2026-05-06"), uid).find("SEQUENCE:2\r\n"), std::string::npos);
    // The step that did not move keeps SEQUENCE 0.
    EXPECT_NE(event_of(once, calendar::event_uid(p, "milestone", "review")).find("SEQUENCE:0\r\n"), std::string::npos);
}

TEST(Calendar, KickoffGoLiveRenewalAndNoticeAreEvents) {
    auto p = sample_plan();
    p.go_live = d("2026-09-01");
    p.implementation.kickoff = d("2026-07-06");
    p.contract.start = d("2026-07-01");
    p.contract.term_months = 12;
    p.contract.notice_days = 60;
    const auto text = render(p, "2026-05-04");
    EXPECT_NE(event_of(text, calendar::event_uid(p, "date", "go-live")).find("DTSTART;VALUE=DATE:20260901"), std::string::npos);
    EXPECT_NE(event_of(text, calendar::event_uid(p, "date", "kickoff")).find("SUMMARY:Kickoff: Claims analytics"),
              std::string::npos);
    EXPECT_NE(event_of(text, calendar::event_uid(p, "date", "renewal")).find("DTSTART;VALUE=DATE:20270701"), std::string::npos);
    EXPECT_NE(event_of(text, calendar::event_uid(p, "date", "notice")).find("DTSTART;VALUE=DATE:20270502"), std::string::npos);
    // Not for one stakeholder: the key dates are no one person's step.
    EXPECT_EQ(render(p, "2026-05-04", "dana").find("Go-live:"), std::string::npos);
}

TEST(ContractDates, RenewalFromStartAndTermAndNoticeBefore) {
    model::plan p;
    p.contract.start = d("2026-01-31");
    p.contract.term_months = 1;
    ASSERT_TRUE(p.contract_renewal());
    EXPECT_EQ(*p.contract_renewal(), d("2026-02-28"));  // no February 31st: the month's last day
    EXPECT_FALSE(p.contract_notice_by());
    p.contract.notice_days = 30;
    EXPECT_EQ(*p.contract_notice_by(), d("2026-01-29"));
    p.contract.renewal_date = d("2027-01-31");  // written: wins over start + term
    EXPECT_EQ(*p.contract_renewal(), d("2027-01-31"));
}

TEST(HandoffMoves, BaselineHistoryAndDueCountEachChange) {
    model::milestone m;
    m.baseline = d("2026-05-01");
    m.history = {d("2026-05-15")};
    m.due = d("2026-05-29");
    const auto moves = handoff::moves_of(m);
    EXPECT_EQ(moves.moves, 2);
    ASSERT_TRUE(moves.agreed);
    EXPECT_EQ(*moves.agreed, d("2026-05-01"));
    ASSERT_EQ(moves.via.size(), 1u);
    EXPECT_EQ(moves.via[0], d("2026-05-15"));
}

TEST(HandoffMoves, NoBaselineOrSameDateIsNoMove) {
    model::milestone m;
    m.due = d("2026-05-29");
    EXPECT_EQ(handoff::moves_of(m).moves, 0);
    m.baseline = d("2026-05-29");
    EXPECT_EQ(handoff::moves_of(m).moves, 0);
    m.baseline = d("2026-05-01");
    EXPECT_EQ(handoff::moves_of(m).moves, 1);
    EXPECT_TRUE(handoff::moves_of(m).via.empty());
}

}  // namespace
}  // namespace closeplan

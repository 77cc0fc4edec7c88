// SPDX-License-Identifier: MIT
// The timeline strip's data: axis ends, today and close, marks by side, done and overdue.
#include <gtest/gtest.h>

#include "analyze/analysis.hpp"
#include "view_test_support.hpp"

namespace closeplan {
namespace {

using test::day;

view::document build(const model::plan& p, const std::string& lang = "en") {
    diagnostic_sink diags;
    return view::build_document(p, analyze::analyze_plan(p, *p.as_of), test::load_labels(lang), diags);
}

TEST(BuildTimeline, AxisRunsFromTheFirstDateToTheTargetClose) {
    test::plan_builder b;  // as of May 4, close Jun 30
    auto& done = b.milestone("kickoff", model::side::both, "2026-04-14", model::status::done);
    done.completed = day("2026-04-10");
    b.milestone("security", model::side::buyer, "2026-04-30");  // open and past due
    b.milestone("legal", model::side::seller, "2026-06-01", model::status::in_progress);
    b.milestone("undated", model::side::seller, "");
    const auto doc = build(b.p);
    ASSERT_TRUE(doc.schedule);
    const auto& t = *doc.schedule;
    EXPECT_EQ(t.span_days, 81);   // Apr 10 .. Jun 30
    EXPECT_EQ(t.today_day, 24);   // May 4
    EXPECT_EQ(t.close_day, 81);
    EXPECT_EQ(t.start_label, "Apr\u00a010,\u00a02026");
    EXPECT_EQ(t.today_label, "Today May\u00a04,\u00a02026");
    EXPECT_EQ(t.close_label, "Close Jun\u00a030,\u00a02026");
    EXPECT_EQ(t.end_label, "");
    EXPECT_EQ(t.month_days, (std::vector<int>{21, 52}));  // May 1, Jun 1
    ASSERT_EQ(t.marks.size(), 3u);  // the undated step has no place on the axis
    EXPECT_EQ(t.marks[0].day, 0);   // done: where it was finished
    EXPECT_TRUE(t.marks[0].done);
    EXPECT_EQ(t.marks[0].side, view::tone::both);
    EXPECT_EQ(t.marks[0].label, "#1");
    EXPECT_TRUE(t.marks[1].overdue);
    EXPECT_FALSE(t.marks[1].done);
    EXPECT_EQ(t.marks[1].side, view::tone::buyer);
    EXPECT_EQ(t.marks[2].day, 52);
    EXPECT_FALSE(t.marks[2].overdue);
    EXPECT_EQ(t.marks[2].label, "#3");
}

TEST(BuildTimeline, StepsAfterTheCloseExtendTheAxisAndNameItsEnd) {
    test::plan_builder b;
    b.milestone("kickoff", model::side::both, "2026-07-06");
    const auto t = *build(b.p, "de").schedule;
    EXPECT_EQ(t.today_day, 0);
    EXPECT_EQ(t.span_days, 63);  // May 4 .. Jul 6
    EXPECT_EQ(t.close_day, 57);
    EXPECT_EQ(t.end_label, "06.07.2026");
    EXPECT_EQ(t.today_label, "Heute 04.05.2026");
}

TEST(BuildTimeline, NoDatedStepMeansNoTimeline) {
    test::plan_builder b;
    b.milestone("undated", model::side::seller, "");
    EXPECT_FALSE(build(b.p).schedule);
    EXPECT_FALSE(build(test::plan_builder{}.p).schedule);
}

}  // namespace
}  // namespace closeplan

// SPDX-License-Identifier: MIT
// Backward scheduling: what `days` means, dependencies, as-late-as-possible, infeasibility.
#include <gtest/gtest.h>

#include "model/dates.hpp"
#include "schedule/schedule.hpp"

namespace closeplan::schedule {
namespace {

model::date d(const char* text) {
    return *model::parse_iso_date(text);
}

/// A playbook of these steps; `max_stretch: 1` unless told (as late as possible,
/// what most tests here are about), `head` for other playbook-level keys.
playbook book_of(const std::string& steps, const std::string& head = "max_stretch: 1\n") {
    diagnostic_sink diags;
    // `head` after the steps, so the steps' line numbers do not depend on it.
    auto book = load_playbook_text("closeplan-playbook: 1\nname: Test\nmilestones:\n" + steps + head, "test.yaml", diags);
    for (const auto& problem : diags.all()) ADD_FAILURE() << format_diagnostic(problem);
    return book ? *book : playbook{};
}

/// "id start..due" for each step, in playbook order.
std::vector<std::string> spans(const schedule_result& r) {
    std::vector<std::string> out;
    for (std::size_t i = 0; i < r.milestones.size(); ++i)
        out.push_back(r.milestones[i].id + ' ' + model::format_iso_date(r.starts[i]) + ".." +
                      model::format_iso_date(*r.milestones[i].due));
    return out;
}

const char* chain =
    "  - { id: a, title: A, owner: buyer, days: 5 }\n"
    "  - { id: b, title: B, owner: seller, days: 3, depends_on: [a] }\n"
    "  - { id: c, title: C, owner: both, days: 1, depends_on: [b] }\n";

TEST(Schedule, ChainEndsOnTheCloseAndWorksBackInBusinessDays) {
    // days: n ends on the due date and starts n-1 business days before it; a
    // successor starts the business day after its predecessor is due.
    const auto r = schedule_backward(book_of(chain), d("2026-06-30"), d("2026-05-04"), business_calendar{});
    EXPECT_EQ(spans(r), (std::vector<std::string>{"a 2026-06-18..2026-06-24", "b 2026-06-25..2026-06-29",
                                                  "c 2026-06-30..2026-06-30"}));
    EXPECT_TRUE(r.feasible);
    EXPECT_EQ(r.business_days_missing, 0);
    EXPECT_EQ(model::format_iso_date(r.first_start), "2026-06-18");
}

TEST(Schedule, DiamondPlacesTheShortBranchAsLateAsPossible) {
    const auto book = book_of(
        "  - { id: a, title: A, owner: both, days: 2 }\n"
        "  - { id: long, title: Long, owner: buyer, days: 5, depends_on: [a] }\n"
        "  - { id: short, title: Short, owner: seller, days: 2, depends_on: [a] }\n"
        "  - { id: sign, title: Sign, owner: both, days: 1, depends_on: [long, short] }\n");
    const auto r = schedule_backward(book, d("2026-06-30"), d("2026-05-04"), business_calendar{});
    EXPECT_EQ(spans(r), (std::vector<std::string>{"a 2026-06-19..2026-06-22", "long 2026-06-23..2026-06-29",
                                                  "short 2026-06-26..2026-06-29", "sign 2026-06-30..2026-06-30"}));
}

TEST(Schedule, EveryStepWithoutSuccessorLandsOnTheClose) {
    const auto book = book_of(
        "  - { id: legal, title: Legal, owner: buyer, days: 10 }\n"
        "  - { id: msa, title: MSA, owner: both, days: 3, depends_on: [legal] }\n"
        "  - { id: security, title: Security, owner: buyer, days: 4 }\n"
        "  - { id: budget, title: Budget, owner: buyer, days: 1 }\n");
    const auto r = schedule_backward(book, d("2026-06-30"), d("2026-05-04"), business_calendar{});
    EXPECT_EQ(spans(r), (std::vector<std::string>{"legal 2026-06-12..2026-06-25", "msa 2026-06-26..2026-06-30",
                                                  "security 2026-06-25..2026-06-30", "budget 2026-06-30..2026-06-30"}));
    EXPECT_EQ(model::format_iso_date(r.first_start), "2026-06-12");
}

TEST(Schedule, StepsListedBeforeTheirDependenciesStillSchedule) {
    const auto book = book_of(
        "  - { id: c, title: C, owner: both, days: 1, depends_on: [b] }\n"
        "  - { id: b, title: B, owner: seller, days: 3, depends_on: [a] }\n"
        "  - { id: a, title: A, owner: buyer, days: 5 }\n");
    const auto r = schedule_backward(book, d("2026-06-30"), d("2026-05-04"), business_calendar{});
    EXPECT_EQ(spans(r), (std::vector<std::string>{"c 2026-06-30..2026-06-30", "b 2026-06-25..2026-06-29",
                                                  "a 2026-06-18..2026-06-24"}));
}

TEST(Schedule, HolidaysAndACloseOnAHoliday) {
    business_calendar cal;
    cal.add(d("2026-07-03"));
    cal.add(d("2026-06-29"));  // inside step b: it stretches over the holiday
    // Close on Saturday 2026-07-04, Friday is a holiday: the last step is due Thursday.
    const auto r = schedule_backward(book_of(chain), d("2026-07-04"), d("2026-05-04"), cal);
    EXPECT_EQ(spans(r), (std::vector<std::string>{"a 2026-06-19..2026-06-25", "b 2026-06-26..2026-07-01",
                                                  "c 2026-07-02..2026-07-02"}));
}

TEST(Schedule, InfeasibleSaysHowManyBusinessDaysAreMissing) {
    const auto book = book_of(chain);
    const business_calendar cal;
    // The chain needs to start on Thu 2026-06-18.
    auto r = schedule_backward(book, d("2026-06-30"), d("2026-06-18"), cal);
    EXPECT_TRUE(r.feasible);
    EXPECT_EQ(r.business_days_missing, 0);

    r = schedule_backward(book, d("2026-06-30"), d("2026-06-19"), cal);
    EXPECT_FALSE(r.feasible);
    EXPECT_EQ(r.business_days_missing, 1);

    r = schedule_backward(book, d("2026-06-30"), d("2026-06-25"), cal);  // 18, 19, 22, 23, 24 are missing
    EXPECT_EQ(r.business_days_missing, 5);

    r = schedule_backward(book, d("2026-06-30"), d("2026-06-20"), cal);  // Saturday: work can start Monday
    EXPECT_EQ(r.business_days_missing, 2);

    r = schedule_backward(book, d("2026-06-30"), d("2026-07-15"), cal);  // as_of after the close
    EXPECT_EQ(r.business_days_missing, 19);
    // The dates are still the as-late-as-possible ones, so the plan shows what is overdue.
    EXPECT_EQ(model::format_iso_date(*r.milestones[2].due), "2026-06-30");
}

TEST(Schedule, InfeasibleWarningNamesTheFirstStepAndTheDays) {
    const auto book = book_of(chain);
    const auto r = schedule_backward(book, d("2026-06-30"), d("2026-06-25"), business_calendar{});
    diagnostic_sink diags;
    report_feasibility(book, r, d("2026-06-25"), diags);
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(format_diagnostic(diags.all()[0]),
              "test.yaml:4:5: warning[P620]: the schedule does not fit: it would start on 2026-06-18, 5 business "
              "days before as_of 2026-06-25 (at /milestones/0)\n"
              "  hint: move the close date later by 5 business days, or shorten or parallelise the steps on the "
              "longest chain");
}

TEST(Schedule, IndicesAreReusedAcrossDeals) {
    const auto book = book_of(chain);
    const business_calendar cal;
    schedule_indices out;
    schedule_backward_into(book, d("2026-06-30"), d("2026-05-04"), cal, out);
    const auto* buffer = out.due.data();
    schedule_backward_into(book, d("2026-09-30"), d("2026-05-04"), cal, out);
    EXPECT_EQ(out.due.data(), buffer);
    EXPECT_EQ(model::format_iso_date(cal.day_at(out.due[2])), "2026-09-30");
    EXPECT_EQ(model::format_iso_date(cal.day_at(out.start[0])), "2026-09-18");
    EXPECT_EQ(out.business_days_missing(), 0);
}

TEST(Schedule, HandBuiltPlaybookIsPrepared) {
    playbook book;
    book.name = "In code";
    book.steps.push_back({"a", "A", model::side::buyer, "", 2, {}, {}, "", "", {}, {}});
    book.steps.push_back({"b", "B", model::side::both, "", 1, {"a"}, {}, "", "", {}, {}});
    diagnostic_sink diags;
    ASSERT_TRUE(prepare_playbook(book, diags));
    const auto r = schedule_backward(book, d("2026-06-30"), d("2026-05-04"), business_calendar{});
    // A playbook built in code spreads too (max_stretch 5: offsets 2, 1 from the close become 10, 5)...
    EXPECT_EQ(spans(r), (std::vector<std::string>{"a 2026-06-16..2026-06-23", "b 2026-06-30..2026-06-30"}));
    // ...and is as late as possible with max_stretch 1.
    book.max_stretch = 1;
    EXPECT_EQ(spans(schedule_backward(book, d("2026-06-30"), d("2026-05-04"), business_calendar{})),
              (std::vector<std::string>{"a 2026-06-26..2026-06-29", "b 2026-06-30..2026-06-30"}));
}

}  // namespace
}  // namespace closeplan::schedule

namespace closeplan::schedule {
namespace {

TEST(Schedule, CloseOnANonBusinessDayIsNoted) {
    const auto book = book_of(chain);
    business_calendar cal;
    cal.add(d("2026-07-03"));
    diagnostic_sink diags;
    report_close_day(book, d("2026-06-30"), cal, diags);
    EXPECT_TRUE(diags.all().empty());
    report_close_day(book, d("2026-07-04"), cal, diags);
    report_close_day(book, d("2026-07-03"), cal, diags);
    ASSERT_EQ(diags.all().size(), 2u);
    EXPECT_EQ(format_diagnostic(diags.all()[0]),
              "test.yaml: note[P621]: target_close 2026-07-04 is a weekend day; the last steps are due 2026-07-02");
    EXPECT_EQ(format_diagnostic(diags.all()[1]),
              "test.yaml: note[P621]: target_close 2026-07-03 is a holiday; the last steps are due 2026-07-02");
    EXPECT_EQ(diags.warning_count(), 0u);
}

// ---- using the time there is (schedule.hpp) ---------------------------------

TEST(Schedule, AFarCloseSpreadsTheStepsKeepingTheirSpacing) {
    // 9 business days needed (a 06-18 .. c 06-30), 42 there from 2026-05-04:
    // every offset from the close times 42/9, rounded half up. c stays on the
    // close; b, due 1 day before it, is now due 5 days before.
    const auto r = schedule_backward(book_of(chain, ""), d("2026-06-30"), d("2026-05-04"), business_calendar{});
    EXPECT_EQ(spans(r), (std::vector<std::string>{"a 2026-05-08..2026-06-03", "b 2026-06-10..2026-06-23",
                                                  "c 2026-06-30..2026-06-30"}));
    EXPECT_TRUE(r.feasible);
    EXPECT_EQ(model::format_iso_date(r.first_start), "2026-05-08");
}

TEST(Schedule, StretchingStopsAtMaxStretch) {
    // A year ahead: five times the playbook's 9 days (the default max_stretch), not 250.
    const auto r = schedule_backward(book_of(chain, ""), d("2026-12-31"), d("2026-01-05"), business_calendar{});
    business_calendar days;
    const auto close = days.index_before(d("2026-12-31"));
    std::vector<long> offsets;
    for (std::size_t i = 0; i < r.milestones.size(); ++i)
        offsets.push_back(close - days.index_before(r.starts[i])), offsets.push_back(close - days.index_before(*r.milestones[i].due));
    EXPECT_EQ(offsets, (std::vector<long>{40, 20, 15, 5, 0, 0}));
    // max_stretch: 2 draws it out twice only.
    const auto twice = schedule_backward(book_of(chain, "max_stretch: 2\n"), d("2026-12-31"), d("2026-01-05"), business_calendar{});
    EXPECT_EQ(close - days.index_before(twice.first_start), 16);
}

TEST(Schedule, AnchoredStepsGoAsSoonOrAsLateAsTheyCan) {
    const auto book = book_of(
        "  - { id: a, title: A, owner: buyer, days: 5, anchor: start }\n"
        "  - { id: b, title: B, owner: seller, days: 3, depends_on: [a], anchor: close }\n"
        "  - { id: c, title: C, owner: both, days: 1, depends_on: [b] }\n",
        "");
    const auto r = schedule_backward(book, d("2026-06-30"), d("2026-05-02"), business_calendar{});
    // a from the first business day on or after as_of (a Saturday); b right before c; c on the close.
    EXPECT_EQ(spans(r), (std::vector<std::string>{"a 2026-05-04..2026-05-08", "b 2026-06-25..2026-06-29",
                                                  "c 2026-06-30..2026-06-30"}));
    EXPECT_EQ(model::format_iso_date(r.first_start), "2026-05-04");
}

TEST(Schedule, AStartAnchorWaitsForItsPredecessors) {
    const auto book = book_of(
        "  - { id: a, title: A, owner: buyer, days: 2 }\n"
        "  - { id: b, title: B, owner: seller, days: 2, depends_on: [a], anchor: start }\n"
        "  - { id: c, title: C, owner: both, days: 1, depends_on: [b] }\n",
        "");
    const auto r = schedule_backward(book, d("2026-06-30"), d("2026-06-01"), business_calendar{});
    // 5 days needed, 22 there: a spreads (offsets 18..13 from the close), b
    // starts the day after a is due, not on as_of, and takes its 2 days.
    EXPECT_EQ(spans(r), (std::vector<std::string>{"a 2026-06-04..2026-06-11", "b 2026-06-12..2026-06-15",
                                                  "c 2026-06-30..2026-06-30"}));
}

TEST(Schedule, ATightOrInfeasibleScheduleStaysAsLateAsPossible) {
    const auto spread = book_of(chain, "");
    const auto alap = book_of(chain);
    for (const char* as_of : {"2026-06-18", "2026-06-24"}) {
        const auto r = schedule_backward(spread, d("2026-06-30"), d(as_of), business_calendar{});
        EXPECT_EQ(spans(r), spans(schedule_backward(alap, d("2026-06-30"), d(as_of), business_calendar{}))) << as_of;
    }
}

TEST(Schedule, AnchorsAndStretchAreCheckedWhereWritten) {
    diagnostic_sink diags;
    EXPECT_FALSE(load_playbook_text("closeplan-playbook: 1\nname: T\nmax_stretch: 0\nmilestones:\n"
                                    "  - { id: a, title: A, owner: buyer, days: 5, anchor: early }\n",
                                    "t.yaml", diags));
    ASSERT_EQ(diags.all().size(), 2u);
    EXPECT_EQ(diags.all()[0].code, "P603");
    EXPECT_EQ(diags.all()[0].where.line, 3);
    EXPECT_EQ(diags.all()[0].message, "\"max_stretch\" must be a whole number from 1 to 50, found \"0\"");
    EXPECT_EQ(diags.all()[1].code, "P603");
    EXPECT_EQ(diags.all()[1].where.line, 5);
    EXPECT_EQ(diags.all()[1].message, "\"anchor\" must be start, close or spread, found \"early\"");
}

}  // namespace
}  // namespace closeplan::schedule

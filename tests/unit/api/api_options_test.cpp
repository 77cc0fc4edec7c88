// SPDX-License-Identifier: MIT
// The library's options (include/closeplan/options.hpp, render.hpp, handoff.hpp):
// every problem reported at once, worded for a program, and nothing made;
// enums that agree with the tables they index; moved-from plans; version macros.
#include <gtest/gtest.h>

#include <closeplan/closeplan.hpp>

#include <algorithm>
#include <set>
#include <string>

namespace {


const std::string example = std::string(CLOSEPLAN_SOURCE_DIR) + "/examples/pilot/plan.yaml";

std::set<std::string> codes(const std::vector<closeplan::diagnostic>& diags) {
    std::set<std::string> out;
    for (const auto& d : diags) out.insert(d.code);
    return out;
}

const closeplan::diagnostic* first(const std::vector<closeplan::diagnostic>& diags, const std::string& code) {
    const auto it = std::find_if(diags.begin(), diags.end(), [&](const closeplan::diagnostic& d) { return d.code == code; });
    return it == diags.end() ? nullptr : &*it;
}

// A hint for a program names options and functions, never a command-line flag.
void expect_library_wording(const std::vector<closeplan::diagnostic>& diags) {
    for (const auto& d : diags) {
        EXPECT_EQ(d.message.find("--"), std::string::npos) << closeplan::format_diagnostic(d);
        for (const auto& hint : d.hints) EXPECT_EQ(hint.find("--"), std::string::npos) << closeplan::format_diagnostic(d);
    }
}

TEST(ApiOptions, February30AndPaperA5FailTogetherWithNoOutput) {
    const auto plan = closeplan::plan::from_file(example);
    ASSERT_TRUE(plan.valid());
    const auto result = closeplan::render_plan(
        plan, {.formats = {"pdf"}, .as_of = closeplan::date{2026, 2, 30}, .paper = "a5"});
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.outputs.empty());
    EXPECT_EQ(codes(result.diagnostics), (std::set<std::string>{"A100", "A101"}));
    EXPECT_EQ(first(result.diagnostics, "A100")->message, "render_options::as_of 2026-02-30 is not a calendar date");
    EXPECT_EQ(first(result.diagnostics, "A101")->message, "render_options::paper \"a5\" is not a paper closeplan lays out");
    EXPECT_EQ(first(result.diagnostics, "A100")->where.file, example);
    expect_library_wording(result.diagnostics);
}

TEST(ApiOptions, EveryBadOptionIsReportedInOneCall) {
    const auto plan = closeplan::plan::from_file(example);
    closeplan::render_options options;
    options.formats = {"odt", closeplan::format::pdf};
    options.fragment = true;  // and pdf has no fragment form
    options.as_of = closeplan::date{2026, 13, 45};
    options.sections = {"milestones", "timeline"};
    options.heading_offset = 7;
    options.template_name = "handoff";
    options.paper = "A4";  // names are lower case, as --paper takes them
    options.fit = "1page";
    options.pdf_standards = {"ua-1", "a-3b"};
    const auto result = closeplan::render_plan(plan, options);
    EXPECT_TRUE(result.outputs.empty());
    EXPECT_EQ(codes(result.diagnostics),
              (std::set<std::string>{"A100", "A101", "A102", "A104", "A105", "O530", "O531", "O533", "O534"}));
    EXPECT_EQ(first(result.diagnostics, "A100")->message, "render_options::as_of 2026-13-45 is not a calendar date");
    expect_library_wording(result.diagnostics);
}

TEST(ApiOptions, PapersTheCommandRefusesTheLibraryRefuses) {
    const auto plan = closeplan::plan::from_file(example);
    for (const char* paper : {"a5", "A4", "legal", "Letter"}) {
        const auto result = closeplan::render_plan(plan, {.formats = {"pdf"}, .paper = paper});
        EXPECT_EQ(codes(result.diagnostics), std::set<std::string>{"A101"}) << paper;
        EXPECT_TRUE(result.outputs.empty()) << paper;
    }
    for (const auto& paper : closeplan::paper_names())
        EXPECT_TRUE(closeplan::render_plan(plan, {.formats = {"pdf-layout"}, .paper = paper}).ok()) << paper;
}

TEST(ApiOptions, EmptyFormatsAndOutOfRangeDates) {
    const auto plan = closeplan::plan::from_file(example);
    auto result = closeplan::render_plan(plan, {.formats = {}});
    EXPECT_EQ(codes(result.diagnostics), std::set<std::string>{"A103"});
    result = closeplan::render_plan(plan, {.as_of = closeplan::date{1, 6, 29}});
    EXPECT_EQ(codes(result.diagnostics), std::set<std::string>{"A100"});
    EXPECT_EQ(first(result.diagnostics, "A100")->message,
              "render_options::as_of 0001-06-29 is outside the years 1900 to 2999");
    // A year std::chrono::year cannot hold is outside them too, not wrapped round into them.
    result = closeplan::render_plan(plan, {.as_of = closeplan::date{67536 + 2026, 3, 2}});
    ASSERT_NE(first(result.diagnostics, "A100"), nullptr);
    EXPECT_EQ(first(result.diagnostics, "A100")->message,
              "render_options::as_of 69562-03-02 is outside the years 1900 to 2999");
    // A month or day past 255 is not read modulo 256 (std::chrono::month keeps a byte).
    result = closeplan::render_plan(plan, {.as_of = closeplan::date{2026, 257, 2}});
    ASSERT_NE(first(result.diagnostics, "A100"), nullptr);
    EXPECT_EQ(first(result.diagnostics, "A100")->message, "render_options::as_of 2026-257-02 is not a calendar date");
}

// closeplan::date is the public headers' own (they compile as C++17): which dates exist, and their order.
TEST(ApiOptions, DateKnowsWhichDaysExistAndTheirOrder) {
    static_assert(closeplan::date{2024, 2, 29}.ok() && !closeplan::date{2026, 2, 29}.ok());
    static_assert(closeplan::date{2000, 2, 29}.ok() && !closeplan::date{1900, 2, 29}.ok());
    EXPECT_FALSE((closeplan::date{2026, 4, 31}.ok()));
    EXPECT_FALSE((closeplan::date{2026, 0, 1}.ok()));
    EXPECT_FALSE((closeplan::date{2026, 13, 1}.ok()));
    EXPECT_FALSE((closeplan::date{2026, 1, 0}.ok()));
    EXPECT_FALSE(closeplan::date{}.ok());
    EXPECT_TRUE((closeplan::date{2026, 12, 31}.ok()));
    const closeplan::date a{2026, 3, 2}, b{2026, 3, 10}, c{2027, 1, 1};
    EXPECT_TRUE(a < b && b < c && a < c && c > a && a <= a && a >= a && a != b);
    EXPECT_EQ(a, (closeplan::date{2026, 3, 2}));
}

TEST(ApiOptions, HandoffOptionsAreCheckedTheSameWay) {
    const auto plan = closeplan::plan::from_file(example);
    const auto pack = closeplan::make_handoff(
        plan, {.as_of = closeplan::date{2026, 2, 29}, .paper = "a5", .pdf_standards = {"a-2b", "a-2u"}});
    EXPECT_TRUE(pack.files.empty());
    EXPECT_EQ(codes(pack.diagnostics), (std::set<std::string>{"A100", "A101", "A105"}));
    const auto ics = closeplan::make_calendar(plan, {.as_of = closeplan::date{2026, 4, 31}});
    EXPECT_FALSE(ics.ics);
    EXPECT_EQ(codes(ics.diagnostics), std::set<std::string>{"A100"});
    expect_library_wording(pack.diagnostics);
}

TEST(ApiOptions, PlanErrorsAndOptionErrorsComeTogether) {
    const auto plan = closeplan::plan::from_memory("closeplan: 1\ndeal: { name: X }\n", "x.yaml");
    ASSERT_FALSE(plan.valid());
    const auto result = closeplan::render_plan(plan, {.paper = "a5"});
    const auto found = codes(result.diagnostics);
    EXPECT_TRUE(found.count("A101"));
    EXPECT_GT(found.size(), 1u);  // the plan's own errors as well
}

TEST(ApiOptions, ALocaleThatIsNoLanguageTagStopsTheLoad) {
    const auto plan = closeplan::plan::from_file(example, {.locale = "en US"});
    EXPECT_FALSE(plan.valid());
    EXPECT_EQ(codes(plan.diagnostics()), std::set<std::string>{"A106"});
    EXPECT_TRUE(closeplan::plan::from_file(example, {.locale = "de"}).valid());
}

TEST(ApiOptions, PlanWarningsAreReportedOnceNotTwice) {
    // Each result carries the plan's own diagnostics once: rendering never loads the plan again.
    const auto plan = closeplan::plan::from_file(example);
    const auto result = closeplan::render_plan(plan, {.formats = {closeplan::format::md}});
    ASSERT_TRUE(result.ok());
    ASSERT_GE(result.diagnostics.size(), plan.diagnostics().size());
    EXPECT_TRUE(std::equal(plan.diagnostics().begin(), plan.diagnostics().end(), result.diagnostics.begin(),
                           [](const auto& a, const auto& b) { return a.code == b.code && a.message == b.message; }));
    const auto pack = closeplan::make_handoff(plan);
    for (const auto& d : plan.diagnostics())
        EXPECT_EQ(std::count_if(pack.diagnostics.begin(), pack.diagnostics.end(),
                                [&](const auto& x) { return x.code == d.code && x.message == d.message && x.where.line == d.where.line; }),
                  1)
            << d.code;
}

TEST(ApiOptions, EnumsAndNamesAreTheSameTables) {
    const auto formats = closeplan::output_formats();
    ASSERT_EQ(formats.size(), static_cast<std::size_t>(closeplan::format::pdf_bounds) + 1);
    for (std::size_t i = 0; i < formats.size(); ++i) {
        const auto value = static_cast<closeplan::format>(i);
        EXPECT_EQ(closeplan::name_of(value), formats[i]);
        EXPECT_EQ(closeplan::value_named<closeplan::format>(formats[i]), value);
    }
    const auto sections = closeplan::section_names();
    ASSERT_EQ(sections.size(), static_cast<std::size_t>(closeplan::section::signoff) + 1);
    for (std::size_t i = 0; i < sections.size(); ++i)
        EXPECT_EQ(closeplan::name_of(static_cast<closeplan::section>(i)), sections[i]);
    EXPECT_EQ(closeplan::paper_names(), (std::vector<std::string>{"letter", "a4"}));
    EXPECT_EQ(closeplan::name_of(closeplan::paper::a4), "a4");
    EXPECT_EQ(closeplan::name_of(closeplan::fit::one_page), "one-page");
    EXPECT_EQ(closeplan::name_of(closeplan::pdf_standard::a_2u), "a-2u");
    EXPECT_FALSE(closeplan::value_named<closeplan::paper>("a5"));
    const closeplan::format_choice by_name = "pdf-layout";
    EXPECT_EQ(by_name, closeplan::format::pdf_layout);
    EXPECT_EQ(closeplan::format_choice(closeplan::format::md).name(), "md");
}

TEST(ApiOptions, EnumsAndNamesRenderTheSame) {
    const auto plan = closeplan::plan::from_file(example);
    const auto by_enum = closeplan::render_plan(
        plan, {.formats = {closeplan::format::md}, .fragment = true, .sections = {closeplan::section::signoff}});
    const auto by_name = closeplan::render_plan(plan, {.formats = {"md"}, .fragment = true, .sections = {"signoff"}});
    ASSERT_TRUE(by_enum.ok());
    ASSERT_EQ(by_enum.outputs.size(), 1u);
    EXPECT_EQ(by_enum.outputs[0].bytes, by_name.outputs[0].bytes);
}

TEST(ApiOptions, AMovedFromPlanIsEmptyNotDangling) {
    auto plan = closeplan::plan::from_file(example);
    const auto moved = std::move(plan);
    EXPECT_TRUE(moved.valid());
    // NOLINTBEGIN(bugprone-use-after-move): what this test is about
    EXPECT_FALSE(plan.valid());
    EXPECT_TRUE(plan.diagnostics().empty());
    EXPECT_EQ(plan.name(), "");
    EXPECT_EQ(plan.deal_name(), "");
    EXPECT_EQ(plan.milestone_count(), 0u);
    EXPECT_EQ(codes(closeplan::render_plan(plan).diagnostics), std::set<std::string>{"A107"});
    EXPECT_EQ(codes(closeplan::make_handoff(plan).diagnostics), std::set<std::string>{"A107"});
    EXPECT_EQ(codes(closeplan::make_calendar(plan).diagnostics), std::set<std::string>{"A107"});
    EXPECT_EQ(codes(closeplan::make_plan_json(plan).diagnostics), std::set<std::string>{"A107"});
    EXPECT_EQ(codes(closeplan::check_health(plan).diagnostics), std::set<std::string>{"A107"});
    EXPECT_EQ(codes(closeplan::diff_plans(plan, moved).diagnostics), std::set<std::string>{"A107"});
    closeplan::plan assigned;
    assigned = std::move(plan);  // moving an empty plan keeps both empty
    EXPECT_FALSE(assigned.valid());
    plan = moved;  // and a moved-from plan can be assigned again
    EXPECT_TRUE(plan.valid());
    // NOLINTEND(bugprone-use-after-move)
    const closeplan::plan empty;
    EXPECT_FALSE(empty.valid());
}

TEST(ApiOptions, VersionMacrosAgreeWithTheLibrary) {
    const std::string from_macros = std::to_string(CLOSEPLAN_VERSION_MAJOR) + "." +
                                    std::to_string(CLOSEPLAN_VERSION_MINOR) + "." +
                                    std::to_string(CLOSEPLAN_VERSION_PATCH);
    EXPECT_EQ(from_macros, CLOSEPLAN_VERSION_STRING);
    EXPECT_EQ(from_macros, closeplan::version());
    static_assert(CLOSEPLAN_VERSION_NUMBER >= 100, "0.1.0 or later");
}

}  // namespace

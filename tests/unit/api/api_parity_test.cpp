// SPDX-License-Identifier: MIT
// The library does what the command does: plan.json, the health report, the
// diff of two versions and a plan scheduled from a playbook, each the bytes
// or findings of `closeplan handoff`, `check`, `diff` and `schedule`
// (tests/cli/transcripts/ hold the command's side).
#include <gtest/gtest.h>

#include <closeplan/closeplan.hpp>

#include <algorithm>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>

namespace {


const std::string root = std::string(CLOSEPLAN_SOURCE_DIR);

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

bool has_code(const std::vector<closeplan::diagnostic>& diags, const std::string& code) {
    return std::any_of(diags.begin(), diags.end(), [&](const closeplan::diagnostic& d) { return d.code == code; });
}

TEST(ApiParity, PlanJsonIsThePacksFile) {
    const auto plan = closeplan::plan::from_file(root + "/examples/northwind/plan.yaml");
    const auto json = closeplan::make_plan_json(plan);
    ASSERT_TRUE(json.ok());
    EXPECT_EQ(*json.json, read(root + "/examples/northwind/expected/handoff/plan.json"));
}

TEST(ApiParity, HealthReportIsCheckTheCommand) {
    // tests/cli/transcripts/health.txt: the enterprise example scores 79 with five warnings and a note.
    const std::string path = root + "/examples/enterprise/plan.yaml";
    const auto report = closeplan::check_health(closeplan::plan::from_file(path));
    ASSERT_TRUE(report.ok());
    EXPECT_EQ(report.score, 79);
    ASSERT_EQ(report.findings.size(), 6u);
    const auto& first = report.findings.front();
    EXPECT_EQ(first.code, "H812");
    EXPECT_EQ(first.level, closeplan::severity::warning);
    EXPECT_EQ(first.message, "buyer step \"pen-test\" is 3 days overdue (due 2026-09-11): at risk");
    // The field's own place, kept when the plan was loaded (no second read of the file).
    EXPECT_EQ(first.where.line, 133);
    EXPECT_EQ(first.where.column, 10);
    EXPECT_EQ(first.where.pointer, "/milestones/4/due");
    ASSERT_EQ(first.hints.size(), 2u);
    EXPECT_EQ(first.hints[1], "ask the owner for a new date and record it (keep the old one as baseline)");
    EXPECT_NE(report.text.find(path + ":133:10: warning[H812 step-at-risk]: buyer step"), std::string::npos);
    EXPECT_NE(report.text.find(path + ": health 79/100 (0 errors, 5 warnings, 1 note)\n"), std::string::npos);
    EXPECT_EQ(report.json.rfind("{\n  \"closeplan-health-report\": 1,\n  \"file\": \"" + path + "\",", 0), 0u);
}

TEST(ApiParity, HealthConfigAndAsOf) {
    const std::string fixtures = root + "/tests/cli/fixtures/";
    const auto plan = closeplan::plan::from_file(root + "/examples/enterprise/plan.yaml");
    const auto bad = closeplan::check_health(plan, {.config_path = fixtures + "health/bad-config.yaml"});
    EXPECT_FALSE(bad.ok());
    EXPECT_TRUE(bad.text.empty());
    const auto later = closeplan::check_health(plan, {.as_of = closeplan::date{2026, 12, 1}});
    ASSERT_TRUE(later.ok());
    EXPECT_LT(later.score, 79);  // more steps overdue
    EXPECT_TRUE(has_code(closeplan::check_health(plan, {.as_of = closeplan::date{2026, 2, 30}}).diagnostics, "A100"));
}

TEST(ApiParity, DiffOfTwoVersions) {
    const std::string fixtures = root + "/tests/cli/fixtures/diff/";
    const auto before = closeplan::plan::from_file(fixtures + "v1.yaml");
    const auto after = closeplan::plan::from_file(fixtures + "v2.yaml");
    const auto text = closeplan::diff_plans(before, after);
    ASSERT_TRUE(text.ok());
    EXPECT_EQ(text.change_count, 8u);
    EXPECT_NE(text.output.find("8 changes: 1 added, 1 removed, 1 re-owned, 3 re-dated, 2 status; close moved 14 days later"),
              std::string::npos);
    // The silent roll of the close, at target_close's own line and column in v2.
    const auto roll = std::find_if(text.diagnostics.begin(), text.diagnostics.end(),
                                   [](const closeplan::diagnostic& d) { return d.code == "H835"; });
    ASSERT_NE(roll, text.diagnostics.end());
    EXPECT_EQ(roll->where.line, 6);
    EXPECT_EQ(roll->where.column, 15);
    const auto md = closeplan::diff_plans(before, after, {.format = closeplan::diff_format::md});
    EXPECT_EQ(md.output.rfind("### Plan changes: Route planning rollout\n", 0), 0u);
    const auto json = closeplan::diff_plans(before, after, {.format = closeplan::diff_format::json});
    EXPECT_EQ(json.output.front(), '{');
    const auto html = closeplan::diff_plans(before, after, {.format = closeplan::diff_format::html});
    EXPECT_NE(html.output.find("Route planning rollout"), std::string::npos);
}

TEST(ApiParity, ScheduleFromAPlaybookGivesAPlanToRender) {
    const std::string playbooks = root + "/examples/playbooks/";
    closeplan::schedule_options options{.close = closeplan::date{2026, 6, 30}, .as_of = closeplan::date{2026, 5, 4}};
    options.holiday_paths = {playbooks + "holidays-us-2026.yaml"};
    options.deal_name = "Northwind rollout";
    const auto made = closeplan::schedule_plan(playbooks + "mid-market.yaml", options);
    ASSERT_TRUE(made.ok()) << (made.diagnostics.empty() ? "" : closeplan::format_diagnostic(made.diagnostics[0]));
    EXPECT_NE(made.yaml.find("name: \"Northwind rollout\""), std::string::npos) << made.yaml;
    ASSERT_TRUE(made.scheduled.valid());
    EXPECT_EQ(made.scheduled.deal_name(), "Northwind rollout");
    const auto rendered = closeplan::render_plan(made.scheduled, {.formats = {closeplan::format::md}});
    EXPECT_TRUE(rendered.ok());
}

TEST(ApiParity, ScheduleOptionsAreCheckedAllAtOnce) {
    closeplan::schedule_options options{.close = closeplan::date{2026, 2, 30}, .as_of = closeplan::date{2026, 13, 1}};
    options.buyer = " ";
    options.amount = "$25k";
    options.currency = "usd";
    const auto made = closeplan::schedule_plan(root + "/examples/playbooks/mid-market.yaml", options);
    EXPECT_FALSE(made.ok());
    EXPECT_TRUE(made.yaml.empty());
    EXPECT_FALSE(made.scheduled.valid());
    EXPECT_EQ(std::count_if(made.diagnostics.begin(), made.diagnostics.end(),
                            [](const closeplan::diagnostic& d) { return d.code == "A100"; }),
              2);
    EXPECT_EQ(std::count_if(made.diagnostics.begin(), made.diagnostics.end(),
                            [](const closeplan::diagnostic& d) { return d.code == "A108"; }),
              3);
}

TEST(ApiParity, HandoffTemplateNameIsRefusedNotRenderedAsTheBuyerPlan) {
    const auto plan = closeplan::plan::from_file(root + "/examples/pilot/plan.yaml");
    const auto result = closeplan::render_plan(plan, {.template_name = "handoff"});
    EXPECT_TRUE(result.outputs.empty());
    EXPECT_TRUE(has_code(result.diagnostics, "A104"));
}

TEST(ApiParity, OnePlanFromManyThreadsGivesTheSameBytes) {
    // plan.hpp: a plan is immutable and may be used from any number of threads at once.
    const auto plan = closeplan::plan::from_file(root + "/examples/northwind/plan.yaml");
    const closeplan::render_options options{.formats = {closeplan::format::pdf, closeplan::format::html}};
    const auto alone = closeplan::render_plan(plan, options);
    ASSERT_TRUE(alone.ok());
    std::vector<closeplan::render_result> results(4);
    std::vector<closeplan::health_result> reports(4);
    {
        std::vector<std::jthread> threads;
        for (std::size_t i = 0; i < results.size(); ++i)
            threads.emplace_back([&, i] {
                results[i] = closeplan::render_plan(plan, options);
                reports[i] = closeplan::check_health(plan);
            });
    }
    for (std::size_t i = 0; i < results.size(); ++i) {
        ASSERT_TRUE(results[i].ok());
        EXPECT_EQ(results[i].outputs[0].bytes, alone.outputs[0].bytes);
        EXPECT_EQ(results[i].outputs[1].bytes, alone.outputs[1].bytes);
        EXPECT_EQ(reports[i].json, reports[0].json);
    }
}

}  // namespace

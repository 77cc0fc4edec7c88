// SPDX-License-Identifier: MIT
// The public library API (include/closeplan/): loading from a path and from
// memory, diagnostics as data, rendering every format into memory, options.
#include <gtest/gtest.h>

#include <closeplan/closeplan.hpp>

#include <algorithm>
#include <string>

namespace {


const std::string example_dir = std::string(CLOSEPLAN_SOURCE_DIR) + "/examples/pilot";

const char* const small_plan = R"(closeplan: 1
deal: { name: Accounts payable pilot, buyer: Copperleaf Coffee Roasters, seller: Tallyworks }
target_close: 2026-04-30
stakeholders:
  - { id: grace, name: Grace Liu, title: Controller, side: buyer, role: economic_buyer }
  - { id: nora, name: Nora Quinn, title: Account Executive, side: seller, role: account_executive }
milestones:
  - { id: review, title: Pilot results reviewed, owner: buyer, assignee: grace, due: 2026-04-03 }
  - { id: signature, title: Annual subscription signed, owner: both, due: 2026-04-30, depends_on: [review] }
sign_off: { buyer: grace, seller: nora }
)";

constexpr closeplan::date march_2{2026, 3, 2};

bool has_code(const std::vector<closeplan::diagnostic>& diags, const std::string& code) {
    return std::any_of(diags.begin(), diags.end(), [&](const closeplan::diagnostic& d) { return d.code == code; });
}

TEST(Api, LoadsAValidPlanFromAFile) {
    const auto plan = closeplan::plan::from_file(example_dir + "/plan.yaml");
    ASSERT_TRUE(plan.valid());
    EXPECT_EQ(plan.deal_name(), "Accounts payable automation pilot");
    EXPECT_EQ(plan.milestone_count(), 6u);
    EXPECT_EQ(plan.name(), example_dir + "/plan.yaml");
}

TEST(Api, AMissingFileIsADiagnosticNotAnException) {
    const auto plan = closeplan::plan::from_file(example_dir + "/no-such-plan.yaml");
    EXPECT_FALSE(plan.valid());
    ASSERT_EQ(plan.diagnostics().size(), 1u);
    EXPECT_EQ(plan.diagnostics()[0].code, "L100");
    EXPECT_EQ(plan.deal_name(), "");
    const auto result = closeplan::render_plan(plan);
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.outputs.empty());
}

TEST(Api, InvalidPlanFromMemoryReportsWhereAndWhat) {
    std::string text = small_plan;
    text.replace(text.find("owner: buyer"), 12, "owner: vendor");
    const auto plan = closeplan::plan::from_memory(text, "deal.yaml");
    EXPECT_FALSE(plan.valid());
    ASSERT_TRUE(has_code(plan.diagnostics(), "V203"));
    const auto& d = *std::find_if(plan.diagnostics().begin(), plan.diagnostics().end(),
                                  [](const closeplan::diagnostic& x) { return x.code == "V203"; });
    EXPECT_EQ(d.level, closeplan::severity::error);
    EXPECT_EQ(d.where.file, "deal.yaml");
    EXPECT_EQ(d.where.line, 8);
    EXPECT_EQ(d.where.pointer, "/milestones/0/owner");
    EXPECT_EQ(closeplan::format_diagnostic(d).rfind("deal.yaml:8:", 0), 0u);
}

TEST(Api, JsonFromMemoryByNameOrBySyntax) {
    const std::string json = R"({"closeplan": 1, "deal": {"name": "D", "buyer": "B", "seller": "S"}})";
    const auto by_name = closeplan::plan::from_memory(json, "deal.json");
    const auto by_option = closeplan::plan::from_memory(json, "deal", {.syntax = closeplan::input_syntax::json});
    // Both are read as JSON, so the problems are the plan's missing fields, not syntax errors.
    EXPECT_FALSE(by_name.valid());
    EXPECT_FALSE(has_code(by_name.diagnostics(), "L103"));
    EXPECT_EQ(by_name.diagnostics().size(), by_option.diagnostics().size());
}

TEST(Api, RendersEveryFormatIntoMemory) {
    const auto plan = closeplan::plan::from_memory(small_plan, "deal.yaml");
    ASSERT_TRUE(plan.valid()) << closeplan::format_diagnostic(plan.diagnostics().front());
    closeplan::render_options options;
    options.formats = {"pdf", "html", "md"};
    options.as_of = march_2;
    const auto result = closeplan::render_plan(plan, options);
    ASSERT_TRUE(result.ok());
    ASSERT_EQ(result.outputs.size(), 3u);
    EXPECT_EQ(result.outputs[0].format, "pdf");
    EXPECT_EQ(result.outputs[0].bytes.rfind("%PDF-", 0), 0u);
    EXPECT_NE(result.outputs[0].bytes.find("%%EOF"), std::string::npos);
    EXPECT_EQ(result.outputs[1].extension, "html");
    EXPECT_EQ(result.outputs[1].bytes.rfind("<!DOCTYPE html>", 0), 0u);
    EXPECT_NE(result.outputs[1].bytes.find("Pilot results reviewed"), std::string::npos);
    EXPECT_EQ(result.outputs[2].bytes.rfind("# Mutual action plan: Accounts payable pilot", 0), 0u);
}

TEST(Api, SameInputSameBytes) {
    const auto plan = closeplan::plan::from_memory(small_plan, "deal.yaml");
    closeplan::render_options options;
    options.formats = {"html", "pdf"};
    options.as_of = march_2;
    const auto first = closeplan::render_plan(plan, options);
    const auto second = closeplan::render_plan(closeplan::plan::from_memory(small_plan, "deal.yaml"), options);
    ASSERT_TRUE(first.ok());
    ASSERT_EQ(first.outputs.size(), second.outputs.size());
    for (std::size_t i = 0; i < first.outputs.size(); ++i) EXPECT_EQ(first.outputs[i].bytes, second.outputs[i].bytes);
}

TEST(Api, WithoutAnyAsOfTheLibraryRefusesRatherThanReadTheClock) {
    const auto plan = closeplan::plan::from_memory(small_plan, "deal.yaml");
    const auto result = closeplan::render_plan(plan);
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(has_code(result.diagnostics, "O532"));
    EXPECT_TRUE(result.outputs.empty());
}

TEST(Api, FragmentSectionsAndHeadingOffset) {
    const auto plan = closeplan::plan::from_file(example_dir + "/plan.yaml");
    closeplan::render_options options;
    options.formats = {"md", "html"};
    options.fragment = true;
    options.sections = {"signoff", "milestones"};
    options.heading_offset = 1;
    const auto result = closeplan::render_plan(plan, options);
    ASSERT_TRUE(result.ok());
    const auto& md = result.outputs[0].bytes;
    EXPECT_EQ(md.rfind("### Sign-off\n", 0), 0u) << md;
    EXPECT_LT(md.find("### Sign-off"), md.find("### Milestones"));
    EXPECT_EQ(md.find("# Mutual action plan"), std::string::npos);
    EXPECT_EQ(md.find("Summary"), std::string::npos);
    const auto& html = result.outputs[1].bytes;
    EXPECT_EQ(html.rfind("<div class=\"closeplan-plan", 0), 0u);
    EXPECT_EQ(html.find("<body"), std::string::npos);
    EXPECT_EQ(html.find("<script"), std::string::npos);
    EXPECT_NE(html.find("<h3 id=\"closeplan-signoff-title\">"), std::string::npos);
}

TEST(Api, SectionsChooseAndOrderEveryFormat) {
    const auto plan = closeplan::plan::from_file(example_dir + "/plan.yaml");
    closeplan::render_options options;
    options.formats = {"html", "md", "pdf-layout"};
    options.sections = {"signoff", "milestones"};
    const auto result = closeplan::render_plan(plan, options);
    ASSERT_TRUE(result.ok());
    const std::vector<std::pair<std::string, std::string>> titles = {
        {"<h2 id=\"signoff-title\">", "<h2 id=\"milestones-title\">"},
        {"## Sign-off", "## Milestones"},
        {"\"SIGN-OFF\"", "\"MILESTONES\""},  // the PDF's layout dump
    };
    for (std::size_t i = 0; i < titles.size(); ++i) {
        const auto& bytes = result.outputs[i].bytes;
        const auto first = bytes.find(titles[i].first);
        const auto second = bytes.find(titles[i].second);
        ASSERT_NE(first, std::string::npos) << result.outputs[i].format;
        ASSERT_NE(second, std::string::npos) << result.outputs[i].format;
        EXPECT_LT(first, second) << result.outputs[i].format << ": sign-off must come first";
        EXPECT_EQ(bytes.find("Summary"), std::string::npos) << result.outputs[i].format;
        EXPECT_EQ(bytes.find("SUMMARY"), std::string::npos) << result.outputs[i].format;
    }
}

TEST(Api, BadOptionsAreDiagnostics) {
    const auto plan = closeplan::plan::from_file(example_dir + "/plan.yaml");
    closeplan::render_options unknown_section;
    unknown_section.sections = {"milestones", "timeline"};
    auto result = closeplan::render_plan(plan, unknown_section);
    EXPECT_TRUE(has_code(result.diagnostics, "O530"));
    EXPECT_TRUE(result.outputs.empty());

    closeplan::render_options pdf_fragment;
    pdf_fragment.formats = {"pdf"};
    pdf_fragment.fragment = true;
    EXPECT_TRUE(has_code(closeplan::render_plan(plan, pdf_fragment).diagnostics, "O531"));

    closeplan::render_options deep;
    deep.heading_offset = 5;
    EXPECT_TRUE(has_code(closeplan::render_plan(plan, deep).diagnostics, "O533"));

    closeplan::render_options unknown_fit;
    unknown_fit.formats = {"pdf"};
    unknown_fit.fit = "1page";
    result = closeplan::render_plan(plan, unknown_fit);
    EXPECT_TRUE(has_code(result.diagnostics, "O534"));
    EXPECT_TRUE(result.outputs.empty());

    closeplan::render_options missing_style;
    missing_style.style_path = example_dir + "/no-such-style.yaml";
    result = closeplan::render_plan(plan, missing_style);
    EXPECT_FALSE(result.ok());
    EXPECT_TRUE(result.outputs.empty());
}

TEST(Api, ListsFormatsSectionsAndVersion) {
    const auto formats = closeplan::output_formats();
    EXPECT_NE(std::find(formats.begin(), formats.end(), "pdf"), formats.end());
    const auto sections = closeplan::section_names();
    ASSERT_FALSE(sections.empty());
    EXPECT_EQ(sections.front(), "summary");
    EXPECT_EQ(sections.back(), "signoff");
    EXPECT_STRNE(closeplan::version(), "");
}

}  // namespace

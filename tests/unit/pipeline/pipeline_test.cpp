// SPDX-License-Identifier: MIT
// The whole pipeline in memory: a plan in, documents out, nothing half-done.
#include "pipeline/pipeline.hpp"

#include <gtest/gtest.h>

#include <string>

#include "model/dates.hpp"

namespace {

using namespace closeplan;

std::string example(const std::string& name) { return std::string(CLOSEPLAN_SOURCE_DIR) + "/examples/" + name; }

pipeline::render_request request_for(const std::string& path) {
    pipeline::render_request request;
    request.plan.path = path;
    request.today = *model::parse_iso_date("2026-05-04");
    return request;
}

std::string html_escaped(const std::string& text) {
    std::string out;
    for (char c : text) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out += c;
        }
    }
    return out;
}

const pipeline::rendered_output& output(const pipeline::render_result& result, const std::string& format) {
    for (const auto& o : result.outputs)
        if (o.format == format) return o;
    throw std::runtime_error("no output " + format);
}

TEST(pipeline_test, renders_every_milestone_stakeholder_and_signatory_of_an_example) {
    for (const auto* name : {"northwind/plan.yaml", "enterprise/plan.yaml", "pilot/plan.yaml"}) {
        SCOPED_TRACE(name);
        diagnostic_sink diags;
        const auto result = pipeline::render_plan(request_for(example(name)), diags);
        ASSERT_FALSE(diags.has_errors()) << (diags.all().empty() ? "" : format_diagnostic(diags.all().front()));
        ASSERT_TRUE(result.plan);
        ASSERT_EQ(result.outputs.size(), 2u);
        const auto& html = output(result, "html").bytes;
        const auto& md = output(result, "md").bytes;
        auto expect_in_both = [&](const std::string& text) {
            EXPECT_NE(html.find(html_escaped(text)), std::string::npos) << text << " missing from HTML";
            EXPECT_NE(md.find(text), std::string::npos) << text << " missing from Markdown";
        };
        for (const auto& m : result.plan->milestones) expect_in_both(m.title);
        for (const auto& s : result.plan->stakeholders) expect_in_both(s.name);
        ASSERT_TRUE(result.plan->signatures.buyer && result.plan->signatures.seller);
        expect_in_both(result.plan->signatures.buyer->name);
        expect_in_both(result.plan->signatures.seller->name);
    }
}

TEST(pipeline_test, same_input_gives_byte_identical_output) {
    diagnostic_sink first_diags, second_diags;
    const auto first = pipeline::render_plan(request_for(example("enterprise/plan.yaml")), first_diags);
    const auto second = pipeline::render_plan(request_for(example("enterprise/plan.yaml")), second_diags);
    ASSERT_EQ(first.outputs.size(), second.outputs.size());
    for (std::size_t i = 0; i < first.outputs.size(); ++i) EXPECT_EQ(first.outputs[i].bytes, second.outputs[i].bytes);
}

TEST(pipeline_test, an_invalid_plan_gives_located_errors_and_no_output) {
    auto request = request_for("bad.yaml");
    request.plan.text = "closeplan: 1\ndeal: { name: X }\ntarget_close: 2026-02-30\nmilestones: []\n";
    diagnostic_sink diags;
    const auto result = pipeline::render_plan(request, diags);
    EXPECT_TRUE(result.outputs.empty());
    ASSERT_TRUE(diags.has_errors());
    bool found_date = false;
    for (const auto& d : diags.all()) {
        if (d.where.pointer == "/target_close") {
            found_date = true;
            EXPECT_EQ(d.where.file, "bad.yaml");
            EXPECT_EQ(d.where.line, 3);
            EXPECT_EQ(d.where.column, 15);
        }
    }
    EXPECT_TRUE(found_date);
}

TEST(pipeline_test, the_as_of_override_changes_what_is_overdue) {
    auto request = request_for(example("pilot/plan.yaml"));
    request.formats = {"md"};
    diagnostic_sink early_diags, late_diags;
    const auto early = pipeline::render_plan(request, early_diags);
    request.as_of = *model::parse_iso_date("2027-01-01");
    const auto late = pipeline::render_plan(request, late_diags);
    ASSERT_EQ(early.outputs.size(), 1u);
    ASSERT_EQ(late.outputs.size(), 1u);
    EXPECT_NE(early.outputs[0].bytes, late.outputs[0].bytes);
}

TEST(pipeline_test, an_unknown_format_is_an_output_error_and_withholds_every_output) {
    auto request = request_for(example("pilot/plan.yaml"));
    request.formats = {"html", "odt"};
    diagnostic_sink diags;
    const auto result = pipeline::render_plan(request, diags);
    EXPECT_TRUE(result.outputs.empty());
    ASSERT_TRUE(diags.has_errors());
    EXPECT_EQ(diags.all().back().code, "O521");
}

}  // namespace

namespace {

const diagnostic* first_with_code(const diagnostic_sink& diags, const std::string& code) {
    for (const auto& d : diags.all())
        if (d.code == code) return &d;
    return nullptr;
}

}  // namespace

// Every diagnostic about an input names its file: the writers report O511 and
// T406 with no place of their own, and the pipeline names the plan's file.
TEST(pipeline_test, characters_no_font_can_paint_are_reported_against_the_plans_file) {
    auto request = request_for("emoji.yaml");
    request.plan.text = "closeplan: 1\ndeal: { name: \"Pilot \xF0\x9F\x8E\x89\" }\ntarget_close: 2026-06-30\n"
                        "milestones: []\n";
    request.formats = {"pdf"};
    diagnostic_sink diags;
    const auto result = pipeline::render_plan(request, diags);
    ASSERT_FALSE(diags.has_errors());
    const auto* unpaintable = first_with_code(diags, "O511");
    ASSERT_NE(unpaintable, nullptr);
    EXPECT_EQ(unpaintable->where.file, "emoji.yaml");
}

TEST(pipeline_test, a_missing_template_is_reported_against_the_plans_file) {
    auto request = request_for(example("pilot/plan.yaml"));
    request.template_name = "no-such-template";
    diagnostic_sink diags;
    const auto result = pipeline::render_plan(request, diags);
    EXPECT_TRUE(result.outputs.empty());
    const auto* missing = first_with_code(diags, "T406");
    ASSERT_NE(missing, nullptr);
    EXPECT_EQ(missing->where.file, example("pilot/plan.yaml"));
}

// SPDX-License-Identifier: MIT
// The print density: short plans print larger, the fullest ones tighter, and none under 8 pt.
#include <gtest/gtest.h>

#include "render/page_fit.hpp"
#include "render/render.hpp"
#include "sample_document.hpp"

namespace closeplan::render {
namespace {

using namespace testing;

view::document short_plan() {
    view::document doc = sample_document();
    auto& milestones = std::get<view::data_table>(doc.sections[1].content[0].value);
    milestones.rows.resize(4);
    doc.sections.erase(doc.sections.begin() + 2, doc.sections.begin() + 4);
    return doc;
}

// Between the two: the whole plan without its stakeholders table.
view::document medium_plan() {
    view::document doc = sample_document();
    doc.sections.erase(doc.sections.begin() + 3);
    return doc;
}

view::document full_plan() {
    view::document doc = sample_document();
    auto& milestones = std::get<view::data_table>(doc.sections[1].content[0].value);
    for (auto& row : milestones.rows) {
        row.cells[1].push_back(br());
        row.cells[1].push_back(em("A long note that explains what happened at this step and what the next move is."));
    }
    doc.sections[0].content.push_back(bullets({"Another decision criterion that takes most of a line to say properly",
                                               "And one more that is just as long as the one before it, or longer"}));
    return doc;
}

TEST(PageFit, DensityFollowsHowMuchThePlanHolds) {
    EXPECT_EQ(detail::choose_density(short_plan()), detail::density::roomy);
    EXPECT_EQ(detail::choose_density(medium_plan()), detail::density::normal)
        << detail::estimate_print_lines(medium_plan());
    EXPECT_EQ(detail::choose_density(sample_document()), detail::density::compact)
        << detail::estimate_print_lines(sample_document());
    EXPECT_EQ(detail::choose_density(full_plan()), detail::density::compact);
    EXPECT_LT(detail::estimate_print_lines(medium_plan()), detail::estimate_print_lines(sample_document()));
    EXPECT_LT(detail::estimate_print_lines(short_plan()), detail::estimate_print_lines(sample_document()));
    EXPECT_LT(detail::estimate_print_lines(sample_document()), detail::estimate_print_lines(full_plan()));
}

TEST(PageFit, LongerRowsCountMoreLines) {
    view::document doc = sample_document();
    const double before = detail::estimate_print_lines(doc);
    auto& people = std::get<view::data_table>(doc.sections[3].content[0].value);
    people.rows[0].cells[1] = {t(std::string(400, 'x'))};
    EXPECT_GT(detail::estimate_print_lines(doc), before + 2.0);
}

TEST(PageFit, ThePageCarriesTheDensity) {
    const template_set templates;
    const style look = style::built_in();
    diagnostic_sink diags;
    const std::string page = render_html(full_plan(), render_context{templates, look, {}}, diags);
    EXPECT_NE(page.find("<main class=\"plan density-compact\">"), std::string::npos);
    // The fullest plans keep 8 pt type and only tighten the spacing.
    EXPECT_NE(page.find(".density-compact {\n    --fs-body: max(8pt, 8pt); --fs-small: max(8pt, 8pt);"), std::string::npos);
    const std::string normal = render_html(medium_plan(), render_context{templates, look, {}}, diags);
    EXPECT_NE(normal.find("<main class=\"plan density-normal\">"), std::string::npos);
}

TEST(PageFit, PrintNeverGoesUnder8pt) {
    const template_set templates;
    const style look = style::built_in();
    diagnostic_sink diags;
    const std::string page = render_html(sample_document(), render_context{templates, look, {}}, diags);
    const auto print = page.find("@media print {");
    ASSERT_NE(print, std::string::npos);
    const std::string css = page.substr(print, page.find("@media screen", print) - print);
    for (const char* size : {"--fs-body: max(8pt, 7.5pt)", "--fs-small: max(8pt, 6.6pt)", "--fs-h1: max(8pt, 12.5pt)",
                             "--fs-h2: max(8pt, 8.2pt)", "--fs-body: max(8pt, 8.5pt)"})
        EXPECT_NE(css.find(size), std::string::npos) << size;
    // Every font size printed comes from those floored variables or is floored itself.
    for (std::size_t at = css.find("font-size:"); at != std::string::npos; at = css.find("font-size:", at + 1)) {
        const std::string value = css.substr(at, css.find(';', at) - at);
        EXPECT_TRUE(value.find("var(--fs-") != std::string::npos || value.find("max(8pt,") != std::string::npos) << value;
    }
}

}  // namespace
}  // namespace closeplan::render

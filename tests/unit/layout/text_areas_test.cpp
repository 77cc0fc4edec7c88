// SPDX-License-Identifier: MIT
// Every text run records its measured width and the area it was laid out in
// (frame.hpp), and stays inside that area: what the grid test (tests/grid/)
// reads from the `pdf-bounds` dump to find text outside its column.
#include <gtest/gtest.h>

#include <cmath>
#include <tuple>

#include "layout/layout_document.hpp"
#include "layout_fixtures.hpp"

namespace closeplan::layout {
namespace {

using namespace testing;

class text_areas
    : public ::testing::TestWithParam<std::tuple<std::string, std::string, std::size_t, std::size_t>> {};

TEST_P(text_areas, every_run_has_its_width_and_stays_in_its_area) {
    const auto& [template_name, paper, milestones, people] = GetParam();
    const auto doc = plan_of_size(milestones, people);
    const auto m = standard_metrics();
    diagnostic_sink diags;
    const auto laid = layout_document(doc, *m, {template_name, paper, {}}, diags);
    ASSERT_FALSE(laid.pages.empty());
    const double left = 31.18, right = 31.18;  // the default style's margins (11 mm)
    for (const auto& p : laid.pages) {
        for (const auto* r : runs(p)) {
            // A badge's run is its label; the box around it is wider. A run followed
            // by another on its line ends in the space between them, painted past
            // its width (frame.hpp): the width is the text's before that space.
            const std::string_view shown = std::string_view(r->text).ends_with(' ')
                                               ? std::string_view(r->text).substr(0, r->text.size() - 1)
                                               : std::string_view(r->text);
            EXPECT_NEAR(r->width, m->width(std::string(shown), r->face, r->size), 0.05) << r->text;
            ASSERT_GT(r->area_right, r->area_left) << "no area recorded for \"" << r->text << "\"";
            EXPECT_GE(r->x, r->area_left - 0.01) << r->text;
            EXPECT_LE(r->x + r->width, r->area_right + 0.01) << r->text;
            EXPECT_GE(r->area_left, left - 0.01) << r->text;
            EXPECT_LE(r->area_right, p.width - right + 0.01) << r->text;
        }
    }
}

INSTANTIATE_TEST_SUITE_P(sizes, text_areas,
                         ::testing::Combine(::testing::Values("buyer-plan", "full"), ::testing::Values("letter", "a4"),
                                            ::testing::Values(6u, 12u, 20u), ::testing::Values(4u, 10u)));

TEST(text_areas, only_the_bounds_dump_prints_them) {
    const auto doc = plan_of_size(6, 4);
    const auto m = standard_metrics();
    diagnostic_sink diags;
    const auto laid = layout_document(doc, *m, {"buyer-plan", "letter", {}}, diags);
    const auto plain = dump_pages(laid);
    const auto bounds = dump_pages(laid, true);
    EXPECT_EQ(plain.find(" area "), std::string::npos);
    // Same lines, in the same order; text lines gain " width W area L R".
    std::size_t text_lines = 0;
    for (std::size_t at = 0; (at = bounds.find("\ntext ", at)) != std::string::npos; ++at) {
        const auto end = bounds.find('\n', at + 1);
        const auto line = bounds.substr(at + 1, end - at - 1);
        EXPECT_NE(line.find("\" width "), std::string::npos) << line;
        EXPECT_NE(line.find(" area "), std::string::npos) << line;
        ++text_lines;
    }
    EXPECT_GT(text_lines, 20u);
    EXPECT_EQ(std::count(plain.begin(), plain.end(), '\n'), std::count(bounds.begin(), bounds.end(), '\n'));
}

}  // namespace
}  // namespace closeplan::layout

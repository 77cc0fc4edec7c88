// SPDX-License-Identifier: MIT
// Text too tall for its page: the buyer plan cuts one text at its cap with an
// ellipsis (inline_flow.cpp, context::max_flow_height), and a fragment taller than
// a page is cut between its lines into pieces a page holds (page_builder.cpp,
// split_tall), so nothing runs off the bottom of a page.
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "layout/fonts.hpp"
#include "layout/inline_flow.hpp"
#include "layout/layout_parts.hpp"
#include "layout/page_builder.hpp"
#include "layout/style_tokens.hpp"
#include "layout_fixtures.hpp"

namespace closeplan::layout::detail {
namespace {

using closeplan::render::testing::t;

constexpr double size = 9;

class TallText : public ::testing::Test {
protected:
    std::unique_ptr<font_metrics> m_ = standard_metrics();
    page_style style_ = read_style({}, "");

    [[nodiscard]] context ctx(double cap = 0, std::set<std::string>* cut = nullptr) const {
        context c;
        c.metrics_ = m_.get();
        c.style_ = &style_;
        c.body = size;
        c.max_flow_height = cap;
        c.cut_texts = cut;
        return c;
    }
};

std::size_t count_runs(const fragment& f) {
    std::size_t n = 0;
    for (const auto& it : f.items) n += std::holds_alternative<text_run>(it.value) ? 1 : 0;
    return n;
}

TEST_F(TallText, TextPastTheCapEndsWithAnEllipsisAndIsReported) {
    const view::inlines long_token{t(std::string(40000, 'A'))};
    const double width = 200;
    const fragment whole = flow(long_token, width, {size, view::align::left}, ctx());
    std::set<std::string> cut;
    const double cap = 100;
    const fragment capped = flow(long_token, width, {size, view::align::left}, ctx(cap, &cut));

    const double leading = style_.leading(size);
    EXPECT_GT(whole.height, 100 * leading) << "40,000 letters take hundreds of lines uncut";
    EXPECT_LE(capped.height, cap + 1e-9);
    EXPECT_EQ(capped.height, static_cast<double>(static_cast<int>(cap / leading)) * leading);
    // The last run is the ellipsis, on the last line, inside the width.
    const auto* last = std::get_if<text_run>(&capped.items.back().value);
    ASSERT_NE(last, nullptr);
    EXPECT_EQ(last->text, "\u2026");
    EXPECT_LE(last->x + m_->width(last->text, last->face, size), width + 1e-6);
    ASSERT_EQ(cut.size(), 1u);
    EXPECT_EQ(*cut.begin(), std::string(40, 'A') + "\u2026");

    // Measuring gives the same height as laying out, so the fitter's guess holds.
    context measuring = ctx(cap);
    measuring.measure_only = true;
    EXPECT_EQ(flow(long_token, width, {size, view::align::left}, measuring).height, capped.height);
}

TEST_F(TallText, TextWithinTheCapIsUntouched) {
    const view::inlines words{t("Pilot results reviewed with the controller")};
    std::set<std::string> cut;
    const fragment plain = flow(words, 200, {size, view::align::left}, ctx());
    const fragment capped = flow(words, 200, {size, view::align::left}, ctx(100, &cut));
    EXPECT_EQ(plain.height, capped.height);
    EXPECT_EQ(count_runs(plain), count_runs(capped));
    EXPECT_TRUE(cut.empty());
}

TEST_F(TallText, AFragmentTallerThanAPageIsCutBetweenItsLines) {
    const fragment tall = flow(view::inlines{t(std::string(40000, 'B'))}, 300, {size, view::align::left}, ctx());
    const page_frame frame;  // Letter, 28 pt margins
    const double room = frame.content_height();
    ASSERT_GT(tall.height, 3 * room);

    std::vector<fragment> flow_in;
    flow_in.push_back(tall);
    const auto pieces = split_tall(flow_in, frame);
    ASSERT_GE(pieces.size(), 4u);
    double total = 0;
    std::size_t runs = 0;
    for (const auto& p : pieces) {
        EXPECT_LE(p.height, room + 0.01);
        total += p.height;
        runs += count_runs(p);
        for (const auto& it : p.items)
            if (const auto* r = std::get_if<text_run>(&it.value)) {
                // Every line lies whole inside its piece.
                EXPECT_GE(r->y - r->size * 0.8, -1e-6);
                EXPECT_LE(r->y + r->size * 0.25, p.height + 1e-6);
            }
    }
    EXPECT_NEAR(total, tall.height, 1e-6);
    EXPECT_EQ(runs, count_runs(tall)) << "no line is lost or doubled";

    // On pages: as many as the pieces, nothing below the bottom margin.
    const auto pages = paginate(flow_in, frame);
    EXPECT_EQ(pages.size(), pieces.size());
    for (const auto& pg : pages)
        for (const auto& it : pg.items)
            if (const auto* r = std::get_if<text_run>(&it.value)) EXPECT_GE(r->y, frame.bottom - 1e-6);
}

TEST_F(TallText, AFragmentAPageHoldsStaysWhole) {
    std::vector<fragment> flow_in;
    flow_in.push_back(flow(view::inlines{t("Short")}, 300, {size, view::align::left}, ctx()));
    flow_in.back().keep_with_next = true;
    const auto pieces = split_tall(flow_in, page_frame{});
    ASSERT_EQ(pieces.size(), 1u);
    EXPECT_TRUE(pieces.front().keep_with_next);
    EXPECT_EQ(count_runs(pieces.front()), 1u);
}

}  // namespace
}  // namespace closeplan::layout::detail

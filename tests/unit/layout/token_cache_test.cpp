// SPDX-License-Identifier: MIT
// The token cache that lets the one-page fitter lay a document out several times cheaply:
// whatever it remembers, flowed text must come out exactly as without it.
#include <gtest/gtest.h>

#include <list>
#include <map>
#include <optional>
#include <set>
#include <sstream>
#include <string>

#include "layout/inline_flow.hpp"
#include "layout/style_tokens.hpp"
#include "layout_fixtures.hpp"

namespace closeplan::layout::detail {
namespace {

using closeplan::render::testing::sample_document;
using closeplan::render::testing::t;

// Every text run of a fragment with its place, and the height: what layout reads back.
std::string runs_of(const fragment& f) {
    std::ostringstream out;
    out.precision(17);
    out << "height " << f.height << "\n";
    for (const auto& it : f.items)
        if (const auto* r = std::get_if<text_run>(&it.value))
            out << r->x << " " << r->y << " " << static_cast<int>(r->face) << " " << r->size << " " << r->text << "\n";
    return out.str();
}

struct fixture {
    std::unique_ptr<font_metrics> metrics = standard_metrics();
    page_style style = read_style({}, "");
    context at(double body, token_cache* words) const {
        context ctx;
        ctx.metrics_ = metrics.get();
        ctx.style_ = &style;
        ctx.body = body;
        ctx.words = words;
        return ctx;
    }
};

// Each table cell and paragraph of the document, as layout flows them.
std::vector<const view::inlines*> texts_of(const view::document& doc) {
    std::vector<const view::inlines*> out;
    for (const auto& s : doc.sections)
        for (const auto& b : s.content) {
            if (const auto* p = std::get_if<view::paragraph>(&b.value)) out.push_back(&p->content);
            if (const auto* table = std::get_if<view::data_table>(&b.value))
                for (const auto& r : table->rows)
                    for (const auto& c : r.cells) out.push_back(&c);
        }
    return out;
}

TEST(layout_words, the_documents_text_flows_the_same_with_the_cache_at_every_size_and_width) {
    const fixture fx;
    const auto doc = sample_document();
    token_cache words(doc);
    const auto texts = texts_of(doc);
    ASSERT_GT(texts.size(), 50u);
    // Several sizes and widths, twice each: the second round reads every word from the cache.
    for (int round = 0; round < 2; ++round)
        for (const double body : {9.0, 8.5, 8.0})
            for (const double width : {60.0, 140.0, 400.0})
                for (const auto* text : texts) {
                    const span_style bold{font_face::bold, fx.style.text, false, true};
                    EXPECT_EQ(runs_of(flow(flow_span{text, bold, 0, false}, width, {body, view::align::left}, fx.at(body, &words))),
                              runs_of(flow(flow_span{text, bold, 0, false}, width, {body, view::align::left}, fx.at(body, nullptr))));
                    const auto cached = measure(flow_span{text, {}, 0, false}, {body, view::align::left}, fx.at(body, &words));
                    const auto fresh = measure(flow_span{text, {}, 0, false}, {body, view::align::left}, fx.at(body, nullptr));
                    EXPECT_EQ(cached.natural, fresh.natural);
                    EXPECT_EQ(cached.minimum, fresh.minimum);
                }
}

TEST(layout_words, short_lived_text_at_a_reused_address_is_read_again) {
    // Layout flows inlines it made itself; a freed one's address may be reused by other text.
    const fixture fx;
    const auto doc = sample_document();
    token_cache words(doc);
    const context ctx = fx.at(9, &words);
    std::optional<view::inlines> scratch;
    for (const std::string word : {"first", "second", "third words here", "first"}) {
        scratch.emplace(view::inlines{t(word)});
        const auto f = flow(*scratch, 500, {9, view::align::left}, ctx);
        EXPECT_EQ(runs_of(f), runs_of(flow(*scratch, 500, {9, view::align::left}, fx.at(9, nullptr)))) << word;
        EXPECT_NE(runs_of(f).find(" " + word + "\n"), std::string::npos) << runs_of(f);
        scratch.reset();
    }
}

TEST(layout_words, a_spans_gap_is_its_own_even_when_its_words_are_cached) {
    // Fact lists space their facts in proportion to the type size, so the same words come with other gaps.
    const fixture fx;
    const auto doc = sample_document();
    token_cache words(doc);
    const view::inlines label{t("Target close")}, value{t("Jun 30")};
    std::vector<double> value_x;
    for (const double gap : {3.0, 12.0, 5.5}) {
        const std::vector<flow_span> spans{{&label, {}, 0, false}, {&value, {font_face::bold, fx.style.text, false}, gap, false}};
        const auto f = flow(spans, 500, {9, view::align::left}, fx.at(9, &words));
        EXPECT_EQ(runs_of(f), runs_of(flow(spans, 500, {9, view::align::left}, fx.at(9, nullptr)))) << gap;
        ASSERT_EQ(f.items.size(), 2u);
        value_x.push_back(std::get<text_run>(f.items[1].value).x);
    }
    EXPECT_NEAR(value_x[1] - value_x[0], 9.0, 1e-9);
    EXPECT_NEAR(value_x[2] - value_x[0], 2.5, 1e-9);
}

TEST(layout_words, made_text_is_kept_once_for_the_layout_or_by_the_caller_without_a_cache) {
    const fixture fx;
    const auto doc = sample_document();
    token_cache words(doc);
    const context cached = fx.at(9, &words);
    std::list<view::inlines> keep;
    const auto& a = cached.text("Owner", keep);
    EXPECT_EQ(&a, &cached.text("Owner", keep));
    EXPECT_NE(&a, &cached.text("Due", keep));
    EXPECT_TRUE(keep.empty());
    ASSERT_EQ(a.size(), 1u);
    EXPECT_EQ(std::get<view::text>(a.front().value).value, "Owner");

    const context plain = fx.at(9, nullptr);
    const auto& b = plain.text("Owner", keep);
    EXPECT_EQ(keep.size(), 1u);
    EXPECT_EQ(&b, &keep.front());
}

// Words kept from one layout for the next ones on the thread (a batch's deals):
// a second document's text, read from them, flows exactly as when tokenized afresh.
TEST(layout_words, words_kept_across_layouts_flow_as_fresh_ones) {
    const fixture fx;
    const auto first = sample_document();
    const auto second = sample_document();  // the same text at other addresses, as the next deal's
    const auto flow_all = [&](const view::document& doc, token_cache* words) {
        std::string out;
        for (const double body : {9.0, 8.0})
            for (const auto* text : texts_of(doc)) {
                out += runs_of(flow(flow_span{text, {}, 0, false}, 140, {body, view::align::left}, fx.at(body, words)));
                const auto w = measure(flow_span{text, {}, 0, false}, {body, view::align::left}, fx.at(body, words));
                out += std::to_string(w.natural) + " " + std::to_string(w.minimum) + " " + std::to_string(w.least) + "\n";
            }
        return out;
    };
    const std::string fresh = flow_all(second, nullptr);
    {
        token_cache words(first);
        EXPECT_EQ(flow_all(first, &words), fresh);
    }
    token_cache kept(second);  // reads the words the first layout kept
    EXPECT_EQ(flow_all(second, &kept), fresh);
    token_cache own(second, token_cache::sharing::within_layout);
    EXPECT_EQ(flow_all(second, &own), fresh);
}

TEST(layout_words, every_layout_reports_the_code_points_its_fonts_lack) {
    // The standard fonts have no Cyrillic: each layout's O511 warning must name it,
    // even when the words were measured by an earlier layout.
    const fixture fx;
    const auto doc = sample_document();
    const view::inlines text{t("Zhe \u0416 here")};
    for (int layout = 0; layout < 2; ++layout) {
        token_cache words(doc);
        std::set<char32_t> replaced;
        context ctx = fx.at(9, &words);
        ctx.unpaintable = &replaced;
        const auto f = flow(text, 300, {9, view::align::left}, ctx);
        EXPECT_EQ(replaced, std::set<char32_t>{U'\u0416'}) << layout;
        EXPECT_NE(runs_of(f).find("Zhe ? here"), std::string::npos) << runs_of(f);  // no white square in Helvetica either
    }
}

TEST(layout_words, words_kept_for_one_style_do_not_colour_another) {
    // A link takes the style's accent colour when tokenized: a layout in another
    // style gets its own words, not the kept ones.
    const fixture fx;
    const auto doc = sample_document();
    const view::inlines text{view::inline_node{view::link{"https://example.com", {t("the site")}}}};
    page_style other = fx.style;
    other.accent = color{0.9, 0.1, 0.1};
    ASSERT_FALSE(other.accent == fx.style.accent);
    for (const page_style* style : std::vector<const page_style*>{&fx.style, &other, &fx.style}) {
        token_cache words(doc);
        context ctx = fx.at(9, &words);
        ctx.style_ = style;
        const auto f = flow(text, 300, {9, view::align::left}, ctx);
        ASSERT_FALSE(f.items.empty());
        const auto* run = std::get_if<text_run>(&f.items.front().value);
        ASSERT_NE(run, nullptr);
        EXPECT_TRUE(run->fill == style->accent);
    }
}

// Every item with its place and tag path: what flow_into must give exactly as append() does.
std::string items_of(const fragment& f) {
    std::ostringstream out;
    out.precision(17);
    for (const auto& it : f.items) {
        if (const auto* r = std::get_if<text_run>(&it.value))
            out << "text " << r->x << " " << r->y << " " << r->area_left << " " << r->area_right << " " << r->width << " " << r->text;
        else if (const auto* l = std::get_if<rule>(&it.value))
            out << "rule " << l->x1 << " " << l->y1 << " " << l->x2 << " " << l->y2;
        else if (const auto* b = std::get_if<box>(&it.value))
            out << "box " << b->x << " " << b->y << " " << b->width << " " << b->height;
        else if (const auto* a = std::get_if<link_area>(&it.value))
            out << "link " << a->x << " " << a->y << " " << a->width << " " << a->height << " " << a->url;
        for (std::size_t d = 0; d < it.tag.depth; ++d) out << " /" << static_cast<int>(it.tag.path[d].role);
        out << "\n";
    }
    return out.str();
}

TEST(layout_words, flowing_into_a_fragment_gives_what_appending_the_flow_gives) {
    // A table flows each cell straight into its row; the items must be the ones
    // flow() then append() gave, to the last bit (cells with badges, links, breaks).
    const fixture fx;
    const auto doc = sample_document();
    token_cache words(doc);
    const view::inlines linked{t("see "), view::inline_node{view::link{"https://example.com/a", {t("the site")}}},
                               view::inline_node{view::badge{"At risk", view::tone::bad}}};
    auto texts = texts_of(doc);
    texts.push_back(&linked);
    for (const double width : {50.0, 133.3})
        for (const auto* text : texts) {
            const flow_span span{text, {font_face::regular, fx.style.text, false, true}, 0, false};
            const flow_options o{8.5, view::align::right};
            fragment appended, into;
            appended.items.push_back({rule{0, 1, 2, 3, 0.5, fx.style.rule, false}});
            into.items = appended.items;
            auto f = flow(span, width, o, fx.at(8.5, &words));
            const double height = f.height;
            appended.append(std::move(f), 17.35, 2.1);
            EXPECT_EQ(flow_into(into, 17.35, 2.1, span, width, o, fx.at(8.5, &words)), height);
            EXPECT_EQ(items_of(into), items_of(appended));
        }
}

TEST(layout_style, the_remembered_style_is_the_style_read_afresh_and_follows_its_tokens) {
    // Compared field by field where layout reads them: a stale style would lay a batch out in the last one's colours.
    const auto same = [](const page_style& a, const page_style& b) {
        return a.width == b.width && a.height == b.height && a.margin_top == b.margin_top && a.margin_left == b.margin_left &&
               a.body == b.body && a.h1 == b.h1 && a.h2 == b.h2 && a.cell_x == b.cell_x && a.cell_y == b.cell_y &&
               a.text == b.text && a.muted == b.muted && a.accent == b.accent && a.rule == b.rule &&
               a.header_bg == b.header_bg && a.tone_color(view::tone::ok) == b.tone_color(view::tone::ok) &&
               a.badge(view::tone::info).bg == b.badge(view::tone::info).bg;
    };
    const std::map<std::string, std::string> plain, red{{"colors.accent", "#ff0000"}, {"page.margin.top", "20mm"}};
    for (const auto* tokens : {&plain, &red, &red, &plain})
        for (const std::string paper : {"", "a4", "letter"})
            EXPECT_TRUE(same(remembered_style(*tokens, paper), read_style(*tokens, paper))) << paper;
    EXPECT_FALSE(remembered_style(red, "").accent == remembered_style(plain, "").accent);
}

}  // namespace
}  // namespace closeplan::layout::detail

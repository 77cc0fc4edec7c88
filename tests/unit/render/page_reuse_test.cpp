// SPDX-License-Identifier: MIT
// A thread that renders many pages reuses their template contexts and
// kainjow's data trees: every page must still be byte for byte the page a
// fresh thread renders, whatever came before it.
#include <gtest/gtest.h>

#include <string>
#include <thread>
#include <vector>

#include "render/render.hpp"
#include "sample_document.hpp"
#include "test_files.hpp"

namespace closeplan::render {
namespace {

using namespace testing;

struct pages {
    std::string html;
    std::string md;
    bool operator==(const pages&) const = default;
};

pages render_both(const view::document& doc) {
    const template_set templates;
    const auto look = style::built_in();
    diagnostic_sink diags;
    const render_context ctx{templates, look, {}};
    pages out{render_html(doc, ctx, diags), render_markdown(doc, ctx, diags)};
    EXPECT_FALSE(out.html.empty()) << all_text(diags);
    EXPECT_FALSE(out.md.empty()) << all_text(diags);
    return out;
}

pages on_a_fresh_thread(const view::document& doc) {
    pages out;
    std::thread t([&] { out = render_both(doc); });
    t.join();
    return out;
}

// Documents whose page contexts differ in shape: sections, title facts,
// a chosen order, section keys that collide with page names.
std::vector<view::document> documents() {
    std::vector<view::document> docs;
    docs.push_back(sample_document());
    docs.push_back(hostile_document("<b>x</b> & {{title}} \x01" "0\x01 *y*"));

    auto fewer = sample_document();
    fewer.sections.erase(fewer.sections.begin() + 1, fewer.sections.begin() + 3);
    if (!fewer.title_facts.facts.empty()) fewer.title_facts.facts.pop_back();
    docs.push_back(fewer);

    auto chosen = sample_document();
    std::swap(chosen.sections.front(), chosen.sections.back());
    chosen.sections_chosen = true;
    docs.push_back(chosen);

    auto colliding = sample_document();
    for (const std::string key : {"has", "title", "sections", "custom"}) {
        auto extra = colliding.sections.front();
        extra.key = key;
        colliding.sections.push_back(extra);
    }
    docs.push_back(colliding);

    auto empty_parts = sample_document();
    for (auto& s : empty_parts.sections) s.content.clear();
    docs.push_back(empty_parts);
    return docs;
}

TEST(PageReuse, EveryPageEqualsTheOneAFreshThreadRenders) {
    const auto docs = documents();
    std::vector<pages> cold;
    for (const auto& doc : docs) cold.push_back(on_a_fresh_thread(doc));
    // Forwards, backwards and forwards again on one thread: each shape meets
    // every other one before it.
    for (int round = 0; round < 3; ++round) {
        for (std::size_t k = 0; k < docs.size(); ++k) {
            const std::size_t i = round == 1 ? docs.size() - 1 - k : k;
            const auto warm = render_both(docs[i]);
            EXPECT_EQ(warm.html, cold[i].html) << "document " << i << ", round " << round;
            EXPECT_EQ(warm.md, cold[i].md) << "document " << i << ", round " << round;
        }
    }
}

TEST(PageReuse, SameShapeDifferentTextGivesEachItsOwnText) {
    const auto a = hostile_document("Zyxwvut & <one>");
    const auto b = hostile_document("second");
    const auto cold_b = on_a_fresh_thread(b);
    render_both(a);
    const auto warm_b = render_both(b);
    EXPECT_EQ(warm_b, cold_b);
    EXPECT_EQ(warm_b.html.find("Zyxwvut"), std::string::npos);
    EXPECT_EQ(warm_b.md.find("Zyxwvut"), std::string::npos);
}

}  // namespace
}  // namespace closeplan::render

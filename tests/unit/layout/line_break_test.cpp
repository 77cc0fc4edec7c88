// SPDX-License-Identifier: MIT
// Line breaking as the PDF does it (layout/inline_flow.cpp): where lines break,
// what never splits (units, labels, dates, badges), e-mail addresses and URLs,
// words wider than their column, and that no run ever leaves its column.
#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "layout/fonts.hpp"
#include "layout/inline_flow.hpp"
#include "layout/layout_document.hpp"
#include "layout/layout_parts.hpp"
#include "layout/style_tokens.hpp"
#include "layout_fixtures.hpp"
#include "support/utf8.hpp"

namespace closeplan::layout::detail {
namespace {

using closeplan::render::testing::b;
using closeplan::render::testing::br;
using closeplan::render::testing::em;
using closeplan::render::testing::strike;
using closeplan::render::testing::t;

constexpr double size = 10;
const std::string nbsp = "\u00a0";

class LineBreak : public ::testing::Test {
protected:
    std::unique_ptr<font_metrics> m_ = standard_metrics();
    std::unique_ptr<font_metrics> e_ = embedded_metrics();
    page_style style_ = read_style({}, "");

    [[nodiscard]] context ctx(const font_metrics* m = nullptr, token_cache* words = nullptr) const {
        context c;
        c.metrics_ = m ? m : m_.get();
        c.style_ = &style_;
        c.body = size;
        c.words = words;
        return c;
    }
    [[nodiscard]] double w(const std::string& s, font_face f = font_face::regular) const { return m_->width(s, f, size); }

    fragment flowed(const view::inlines& content, double width, const font_metrics* m = nullptr) const {
        return flow(content, width, {size, view::align::left}, ctx(m));
    }

    // The text of each line, top to bottom: runs in the order of x, a space where
    // one run ends short of the next.
    [[nodiscard]] std::vector<std::string> lines(const fragment& f) const {
        std::map<double, std::vector<const text_run*>> by_line;
        for (const auto& it : f.items)
            if (const auto* r = std::get_if<text_run>(&it.value)) by_line[r->y].push_back(r);
        std::vector<std::string> out;
        for (auto& [y, runs] : by_line) {
            std::ranges::sort(runs, {}, &text_run::x);
            std::string line;
            double end = 0;
            for (const auto* r : runs) {
                if (!line.empty() && r->x > end + 0.5) line += ' ';
                line += r->text;
                end = r->x + m_->width(r->text, r->face, r->size);
            }
            out.push_back(line);
        }
        return out;
    }

    // Every run and badge lies inside [0, width]: nothing leaves its column.
    static void expect_inside(const fragment& f, double width, const font_metrics& m) {
        for (const auto& it : f.items) {
            if (const auto* r = std::get_if<text_run>(&it.value)) {
                EXPECT_TRUE(utf8::is_valid(r->text)) << r->text;
                EXPECT_GE(r->x, -1e-9) << r->text;
                EXPECT_LE(r->x + m.width(r->text, r->face, r->size), width + 1e-6) << r->text << " in " << width;
            }
            if (const auto* bx = std::get_if<box>(&it.value)) EXPECT_LE(bx->x + bx->width, width + 1e-6);
        }
    }

    static std::string joined(const std::vector<std::string>& ls) {
        std::string out;
        for (const auto& l : ls) out += l;
        return out;
    }
};

TEST_F(LineBreak, EmptyInputGivesNoLines) {
    EXPECT_EQ(flowed({}, 100).height, 0);
    EXPECT_EQ(flowed({t("   ")}, 100).height, 0);
}

TEST_F(LineBreak, BreaksBetweenWordsAndDropsTheSpaces) {
    const auto f = flowed({t("Mutual action plan for Northwind")}, w("Mutual action") + 0.01);
    EXPECT_EQ(lines(f), (std::vector<std::string>{"Mutual action", "plan for", "Northwind"}));
    EXPECT_EQ(lines(flowed({t("  leading and trailing  ")}, 1000)), (std::vector<std::string>{"leading and trailing"}));
}

TEST_F(LineBreak, BreaksAfterAHyphenInAWordButNeverInsideANumber) {
    EXPECT_EQ(lines(flowed({t("sign-off")}, w("sign-") + 0.01)), (std::vector<std::string>{"sign-", "off"}));
    // "0/1", "(30%)" and "-5" are one word each (UAX #14).
    for (double width = w("(30%)") + 0.01; width < 100; width += 1.3) {
        const auto ls = lines(flowed({t("Signature 0/1 (30%) -5")}, width));
        for (const std::string word : {"0/1", "(30%)", "-5"})
            EXPECT_TRUE(std::ranges::any_of(ls, [&](const std::string& l) { return l.find(word) != std::string::npos; }))
                << word << " split at " << width;
    }
}

TEST_F(LineBreak, ForcedBreaksStartNewLines) {
    EXPECT_EQ(lines(flowed({t("a"), br(), t("b")}, 100)), (std::vector<std::string>{"a", "b"}));
}

TEST_F(LineBreak, AWordAcrossStylesStaysTogether) {
    const view::inlines content{t("aaa bb"), view::inline_node{view::strong{{t("cc")}}}};
    const auto f = flowed(content, w("aaa bb") + 1);
    EXPECT_EQ(lines(f), (std::vector<std::string>{"aaa", "bbcc"}));
}

// A fact (label and value) is one unit: a line breaks between facts.
TEST_F(LineBreak, ALabelAndItsValueNeverSplit) {
    view::fact_list facts{"band", {}};
    for (const auto& [label, value] : std::vector<std::pair<std::string, std::string>>{
             {"Target close", "Jun 30, 2026"}, {"Go-live", "1 Sep 2026"}, {"Signature", "0/1"},
             {"Mise en production", "0/1"}, {"Slipped", "2 (+14 d in total)"}, {"Amount", "USD 240,000"}})
        facts.facts.push_back({label, label, {t(value)}});
    const auto c = ctx();
    double widest = 0;
    for (const auto& fact : facts.facts)
        widest = std::max(widest, w(fact.label) + 0.35 * size +
                                      w(std::get<view::text>(fact.value.front().value).value, font_face::bold));
    EXPECT_NEAR(measure_facts(facts, size, c).minimum, widest, 1e-9);
    for (double width = widest + 0.01; width < 700; width += 3.7) {
        const auto f = layout_facts(facts, width, size, c, nullptr);
        expect_inside(f, width, *m_);
        const auto ls = lines(f);
        for (const auto& fact : facts.facts) {
            const std::string whole = fact.label + " " + std::get<view::text>(fact.value.front().value).value;
            EXPECT_TRUE(std::ranges::any_of(ls, [&](const std::string& l) { return l.find(whole) != std::string::npos; }))
                << whole << " split at width " << width;
        }
    }
}

TEST_F(LineBreak, AUnitWiderThanTheColumnBreaksBetweenLabelAndValueFirst) {
    const view::fact_list facts{"band", {{"go_live", "Go-live", {t("1 Sep 2026")}}, {"label", "Mise en production", {t("0/1")}}}};
    const auto c = ctx();
    // Room for the label or the value, not both: the date and the label stay whole.
    const double width = std::max(w("Mise en production"), w("1 Sep 2026", font_face::bold)) + 0.01;
    const auto f = layout_facts(facts, width, size, c, nullptr);
    expect_inside(f, width, *m_);
    EXPECT_EQ(lines(f), (std::vector<std::string>{"Go-live", "1 Sep 2026", "Mise en production", "0/1"}));
}

TEST_F(LineBreak, ATableHeaderLabelNeverSplitsInsideItself) {
    table_input in;
    for (const std::string label : {"Mise en production", "Responsable", "Échéance"}) {
        in.header_text.push_back({t(label)});
        in.header.push_back(&in.header_text.back());
    }
    const std::vector<view::inlines> cells{{t("Signature du contrat par les deux parties, après la revue juridique")},
                                           {t("Claire")}, {t("30" + nbsp + "juin" + nbsp + "2026")}};
    table_input::row row;
    row.cells = cells;
    in.rows.push_back(row);
    const auto parts = layout_table(in, 300, ctx());
    ASSERT_FALSE(parts.empty());
    std::vector<std::string> header;
    for (const auto& it : parts.front().items)
        if (const auto* r = std::get_if<text_run>(&it.value)) header.push_back(r->text);
    EXPECT_NE(std::ranges::find(header, "MISE EN PRODUCTION"), header.end()) << ::testing::PrintToString(header);
}

// Dates and amounts come from the view held by no-break spaces; painted as spaces.
TEST_F(LineBreak, ADateAndABadgeNeverSplit) {
    const std::string baseline = "Apr" + nbsp + "17," + nbsp + "2026", due = "Apr" + nbsp + "24," + nbsp + "2026";
    const view::inlines cell{strike(baseline), t(" " + due + " "), b("slipped +7 d", view::tone::warn)};
    // From the width of the badge, which is one box and never breaks.
    const double badge_width = w("slipped +7 d", font_face::bold) + 0.44 * size;
    for (double width = badge_width + 0.01; width < 200; width += 2.3) {
        const auto f = flowed(cell, width);
        expect_inside(f, width, *m_);
        for (const auto& l : lines(f)) {
            EXPECT_EQ(l.find(nbsp), std::string::npos) << l;
            EXPECT_NE(l.back(), ',') << l << " at " << width;
            EXPECT_FALSE(l.starts_with("17") || l.starts_with("24") || l.starts_with("2026") || l.starts_with("+7"))
                << l << " at " << width;
        }
    }
    EXPECT_EQ(lines(flowed(cell, badge_width + 0.01)),
              (std::vector<std::string>{"Apr 17, 2026", "Apr 24, 2026", "slipped +7 d"}));
}

// Where a run ends and the next begins after a space (a badge and a name, a
// style change), the space is a real character at the end of the first run,
// so that text extraction and a tagged PDF's reading read "Joint Grace Liu",
// not "JointGrace Liu"; it is painted, invisible, and moves nothing. After
// right-to-left text it is left out: its logical end is its left edge.
TEST_F(LineBreak, TheSpaceBetweenTwoRunsIsARealCharacterAfterLeftToRightText) {
    std::vector<const text_run*> runs;
    const auto f = flowed({b("Joint", view::tone::info), t(" Grace Liu "), em("signs"), t(" first")}, 1000);
    for (const auto& it : f.items)
        if (const auto* r = std::get_if<text_run>(&it.value)) runs.push_back(r);
    ASSERT_EQ(runs.size(), 4u);
    EXPECT_EQ(runs[0]->text, "Joint ");
    EXPECT_EQ(runs[1]->text, "Grace Liu ");
    EXPECT_EQ(runs[2]->text, "signs ");
    EXPECT_EQ(runs[3]->text, "first");
    // Positions are those of the runs without the space: the next run starts where it did.
    EXPECT_NEAR(runs[2]->x, runs[1]->x + w("Grace Liu") + w(" "), 1e-6);
    // Right-to-left runs (which need the embedded fallback fonts, not these
    // metrics) are covered by examples/alkhaleej's layout golden: no Arabic run
    // there ends in a space.
}

TEST_F(LineBreak, AnEmailMovesWholeToTheNextLineWhenItFitsThere) {
    const std::string mail = "jane.doe@northwind-health.example";
    const auto f = flowed({t("Write to " + mail)}, w(mail) + 0.01);
    EXPECT_EQ(lines(f), (std::vector<std::string>{"Write to", mail}));
}

TEST_F(LineBreak, EmailsAndUrlsBreakAfterAtDotSlashOrHyphenOnlyWhenTheyMust) {
    for (const std::string text : {"jane.doe@northwind-health.example.com", "procurement-desk@stadtwerke-musterstadt.example.de",
                                   "https://docs.example.com/security/questionnaire-2026/answers"}) {
        // Down to the widest part between two of "@ . / -": narrower, those parts are cut too.
        double part = 0;
        for (std::size_t from = 0, to = 0; from < text.size(); from = to) {
            to = text.find_first_of("@./-", from);
            to = to == std::string::npos ? text.size() : to + 1;
            part = std::max(part, w(text.substr(from, to - from)));
        }
        for (double width = part + 0.01; width < w(text); width += 6.1) {
            const auto f = flowed({t(text)}, width);
            expect_inside(f, width, *m_);
            const auto ls = lines(f);
            ASSERT_GT(ls.size(), 1u);
            EXPECT_EQ(joined(ls), text);
            for (std::size_t i = 0; i + 1 < ls.size(); ++i) {
                EXPECT_NE(std::string("@./-").find(ls[i].back()), std::string::npos) << ls[i] << " at " << width;
                EXPECT_NE(ls[i], "https:/");
            }
        }
    }
}

TEST_F(LineBreak, AWordWiderThanItsColumnIsCutBetweenGraphemeClusters) {
    const std::string word = "Donaudampfschifffahrtsgesellschaftskapitänsmütze";
    const auto f = flowed({t(word)}, 40, e_.get());
    expect_inside(f, 40, *e_);
    EXPECT_GT(lines(f).size(), 2u);
    EXPECT_EQ(joined(lines(f)), word);
    // A letter and its combining accent stay together.
    std::string accents;
    for (int i = 0; i < 40; ++i) accents += "e\u0301";
    for (const auto& l : lines(flowed({t(accents)}, 20, e_.get()))) EXPECT_EQ(l.rfind("e", 0), 0u) << l;
}

TEST_F(LineBreak, OneClusterWiderThanTheColumnStandsAlone) {
    EXPECT_EQ(lines(flowed({t("WW")}, 1)), (std::vector<std::string>{"W", "W"}));
}

TEST_F(LineBreak, MultibyteTextNeverSplitsASequenceInNarrowColumns) {
    const std::string s = "Жёлтый€—ł😀中文 ÄÖÜäöüß łódź ☑✓ sign‑off/“quoted”";
    for (const double width : {1.0, 5.0, 9.0, 13.0, 27.0, 60.0}) {
        const auto f = flowed({t(s)}, width, e_.get());
        std::string got, expected;
        for (const char c : joined(lines(f)))
            if (c != ' ') got += c;
        // Code points the fonts lack are painted as a substitute; the rest arrive whole and in order.
        for (const char c : ctx(e_.get()).paintable(s))
            if (c != ' ') expected += c;
        EXPECT_EQ(got, expected) << width;
        if (width >= 13) expect_inside(f, width, *e_);
    }
}

TEST_F(LineBreak, NoRunLeavesItsColumnOnARealParagraph) {
    const std::string para =
        "Security review: send the completed SIG Lite questionnaire and SOC 2 Type II report to "
        "security@northwind.example; legal redlines on the MSA/DPA are due 2026-06-12, with a "
        "follow-up call — see https://northwind.example/deal-room/mutual-action-plan?id=42&tab=steps.";
    for (double width = 20; width < 400; width += 7.5) expect_inside(flowed({t(para)}, width), width, *m_);
}

// A token of any length lays out in time linear in its length, each line within the column.
TEST_F(LineBreak, AHundredThousandCharacterTokenFillsLinesWithinTheColumn) {
    std::string token;
    while (token.size() < 100'000) token += "Claimsanalyticsplatform";
    token.resize(100'000);
    token_cache words;
    const auto c = ctx(nullptr, &words);
    const view::inlines content{t(token)};
    const auto f = flow(content, 150, {size, view::align::left}, c);
    expect_inside(f, 150, *m_);
    const auto ls = lines(f);
    EXPECT_EQ(joined(ls), token);
    EXPECT_GT(ls.size(), 2000u);
    // Every line but the last is full: it has no room for the next letter.
    for (std::size_t i = 0; i + 1 < ls.size(); ++i) EXPECT_GT(w(ls[i]) + w("W"), 150 - 5) << i;
    EXPECT_GT(measure(flow_span{&content, {}, 0, false}, {size, view::align::left}, c).minimum, 150);
}

TEST_F(LineBreak, TheCacheGivesTheSameLinesAsAFreshFlow) {
    token_cache words;
    const view::inlines cell{t("Write to jane.doe@northwind-health.example about Apr" + nbsp + "24," + nbsp + "2026 "),
                             b("slipped +7 d", view::tone::warn)};
    for (const double width : {30.0, 60.0, 90.0, 400.0}) {
        const auto cached = flow(cell, width, {size, view::align::left}, ctx(nullptr, &words));
        EXPECT_EQ(lines(cached), lines(flowed(cell, width))) << width;
    }
}

}  // namespace
}  // namespace closeplan::layout::detail

namespace closeplan::layout {
namespace {

// Long e-mail addresses in the stakeholder table's last column, laid out on the
// page: every run stays inside the margins (the table's right edge), checked on
// the frame without tolerance.
TEST(line_break_on_the_page, long_email_addresses_never_pass_the_tables_right_edge) {
    auto doc = render::testing::sample_document();
    const std::vector<std::string> mails{"procurement-and-vendor-onboarding.desk@northwind-health-partners.example.com",
                                         "dana.ruiz-fernandez@finance.northwind-health.example",
                                         "x@a-very-long-subdomain-name-for-the-claims-department.northwind.example"};
    std::size_t made = 0;
    for (auto& s : doc.sections)
        for (auto& blk : s.content)
            if (auto* table = std::get_if<view::data_table>(&blk.value); table && table->key == "stakeholders")
                for (auto& r : table->rows) {
                    const auto& mail = mails[made++ % mails.size()];
                    r.cells.back() = {render::testing::a("mailto:" + mail, mail)};
                }
    ASSERT_GT(made, 3u);
    const auto m = standard_metrics();
    // The one-page plan may condense contact details away (they go first), so the
    // addresses are required on the page only in the full template.
    for (const std::string tmpl : {"buyer-plan", "full"})
    for (const std::string paper : {"letter", "a4"}) {
        diagnostic_sink diags;
        const auto laid = layout_document(doc, *m, {tmpl, paper, {}}, diags);
        std::size_t pieces = 0;
        for (const auto& p : laid.pages)
            for (const auto& it : p.items)
                if (const auto* r = std::get_if<text_run>(&it.value)) {
                    EXPECT_GE(r->x, 31.18 - 1e-6) << r->text;
                    EXPECT_LE(r->x + m->width(r->text, r->face, r->size), p.width - 31.18 + 1e-6) << r->text << " on " << paper;
                    if (r->text.find("northwind") != std::string::npos && r->text.find('@') != std::string::npos) ++pieces;
                }
        if (tmpl == "full") EXPECT_GT(pieces, 0u) << paper;
    }
}

}  // namespace
}  // namespace closeplan::layout

namespace closeplan::layout {
namespace {

// Tokens of 40,000 characters without a space as the title, a milestone and a
// stakeholder: the page is laid out and every run stays between the side margins.
// (How far down so tall a block may run is the page flow's and the field limits' business.)
TEST(line_break_on_the_page, forty_thousand_character_tokens_stay_between_the_side_margins) {
    std::string token;
    while (token.size() < 40'000) token += "Claimsanalyticsplatform";
    token.resize(40'000);
    auto doc = render::testing::sample_document();
    doc.title = token;
    for (auto& s : doc.sections)
        for (auto& blk : s.content)
            if (auto* table = std::get_if<view::data_table>(&blk.value)) {
                if (table->key == "milestones") table->rows.back().cells[1] = {render::testing::t(token)};
                if (table->key == "stakeholders") table->rows.front().cells[0] = {render::testing::t(token)};
            }
    const auto m = standard_metrics();
    diagnostic_sink diags;
    const auto laid = layout_document(doc, *m, {"buyer-plan", "letter", {}}, diags);
    ASSERT_FALSE(laid.pages.empty());
    std::size_t painted = 0;
    for (const auto& p : laid.pages)
        for (const auto& it : p.items)
            if (const auto* r = std::get_if<text_run>(&it.value)) {
                EXPECT_GE(r->x, 31.18 - 1e-6) << r->text;
                EXPECT_LE(r->x + m->width(r->text, r->face, r->size), p.width - 31.18 + 1e-6) << r->text;
                if (r->text.starts_with("Claimsanalytics")) ++painted;
            }
    EXPECT_GT(painted, 10u);
}

}  // namespace
}  // namespace closeplan::layout

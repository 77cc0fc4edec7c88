// SPDX-License-Identifier: MIT
// What the condensed buyer plan says, end to end from a plan file: in the plan's
// language (every condensing string and the page furniture from the labels), and a
// moved close with the date first agreed in every format.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "model/dates.hpp"
#include "pipeline/pipeline.hpp"

namespace {

using namespace closeplan;

// A plan like the ones the issue met: `steps` milestones (the first third done, one
// slipped, one overdue, long notes and gates), `people` stakeholders with e-mail
// addresses and what they care about, six resources, risks of every severity.
std::string big_plan(int steps, int people, const std::string& close = "2026-09-30",
                     const std::string& close_baseline = "") {
    std::string y = "closeplan: 1\n"
                    "deal: { name: Fleet analytics, buyer: Halvorsen Maritime, seller: Brightline }\n"
                    "as_of: 2026-05-04\n"
                    "target_close: " + close + "\n";
    if (!close_baseline.empty()) y += "target_close_baseline: " + close_baseline + "\n";
    y += "outcome: Report verified emissions for every vessel from one system before the first annual filing.\n"
         "stakeholders:\n";
    for (int i = 0; i < people; ++i) {
        y += "  - { id: p" + std::to_string(i) + ", name: Person Number" + std::to_string(i) + ", title: Director of Operations, side: " +
             (i < people - 2 ? "buyer" : "seller") + ", role: " + (i < people - 2 ? "champion" : "account_executive") +
             ", email: person.number" + std::to_string(i) + "@example.com, cares_about: [Audit-ready numbers, Fewer manual hours] }\n";
    }
    y += "milestones:\n";
    for (int i = 0; i < steps; ++i) {
        const bool done = i < steps / 3;
        y += "  - id: m" + std::to_string(i) + "\n    title: Step " + std::to_string(i + 1) + " of the path to signature\n"
             "    owner: " + (i % 3 == 0 ? "buyer" : i % 3 == 1 ? "seller" : "both") + "\n"
             "    assignee: p" + std::to_string(i % people) + "\n";
        const int month_day = 5 + i * 3;  // 2026-05-05 onwards, 3 days apart
        char due[16];
        std::snprintf(due, sizeof due, "2026-%02d-%02d", 5 + month_day / 28, 1 + month_day % 28);
        y += std::string("    due: ") + due + "\n";
        if (i == steps / 3 + 1) y += "    baseline: 2026-05-01\n";  // slipped
        if (done) y += "    status: done\n    completed: 2026-05-01\n";
        else y += "    status: in_progress\n";
        y += "    gate: Steering committee review\n"
             "    notes: The buyer's team asked for the evidence in writing before the meeting, with the numbers.\n";
    }
    // An overdue step: due before as_of and not done.
    y += "  - { id: late, title: Overdue data extract agreed, owner: buyer, due: 2026-04-28, status: in_progress }\n"
         "  - { id: sign, title: Contract signed by both parties, owner: both, due: " + close + " }\n"
         "resources:\n";
    for (int i = 0; i < 6; ++i)
        y += "  - { id: r" + std::to_string(i) + ", title: Resource number " + std::to_string(i) +
             ", kind: case_study, url: https://example.com/r" + std::to_string(i) + " }\n";
    y += "risks:\n"
         "  - { title: Budget freeze after the second quarter, severity: high, owner: buyer }\n"
         "  - { title: Legal review queue is long, severity: medium, owner: buyer }\n"
         "  - { title: Data feed arrives late, severity: low, owner: seller }\n"
         "  - { title: Training slots are few, severity: low, owner: seller }\n"
         "sign_off: { buyer: p0, seller: p" + std::to_string(people - 1) + " }\n";
    return y;
}

pipeline::render_request request_for(std::string yaml, std::vector<std::string> formats, std::string locale,
                                     std::string fit = "two-pages") {
    pipeline::render_request r;
    r.plan.path = "plan.yaml";
    r.plan.text = std::move(yaml);
    r.today = *model::parse_iso_date("2026-05-04");
    r.formats = std::move(formats);
    r.locale = std::move(locale);
    r.paper = "letter";
    r.fit = std::move(fit);
    return r;
}

std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ') out += c;
    return out;
}

// The text of a pdf-layout dump's runs, joined without spaces (wrapped lines still match).
std::string page_text(const std::string& dump) {
    std::string out;
    std::size_t at = 0;
    while ((at = dump.find("\ntext ", at)) != std::string::npos) {
        const auto open = dump.find('"', at);
        const auto end = dump.find('\n', at + 1);
        if (open < end) out += dump.substr(open + 1, end - open - 2);
        at = end;
    }
    return squeeze(out);
}

std::string render(const pipeline::render_request& r, std::string* warning = nullptr) {
    diagnostic_sink diags;
    const auto result = pipeline::render_plan(r, diags);
    EXPECT_FALSE(diags.has_errors()) << (diags.all().empty() ? "" : format_diagnostic(diags.all().front()));
    if (warning)
        for (const auto& d : diags.all())
            if (d.code == "O510") *warning = d.message;
    return result.outputs.empty() ? std::string() : result.outputs.front().bytes;
}

// condense.* and page.* of one language, as the labels file writes them.
std::map<std::string, std::string> layout_labels(const std::string& locale) {
    std::map<std::string, std::string> words;
    std::ifstream in(std::string(CLOSEPLAN_SOURCE_DIR) + "/templates/labels/" + locale + ".yaml");
    for (std::string line; std::getline(in, line);) {
        if (!line.starts_with("condense.") && !line.starts_with("page.")) continue;
        const auto colon = line.find(": \"");
        words[line.substr(0, colon)] = line.substr(colon + 3, line.size() - colon - 4);
    }
    return words;
}

// The longest stretch of a pattern without placeholders, squeezed: what must be on the page.
std::string fixed_part(const std::string& pattern) {
    std::string best, current;
    for (std::size_t i = 0; i <= pattern.size(); ++i) {
        if (i == pattern.size() || pattern[i] == '{') {
            if (squeeze(current).size() > squeeze(best).size()) best = current;
            current.clear();
            if (i < pattern.size()) i = pattern.find('}', i);
        } else {
            current += pattern[i];
        }
    }
    return squeeze(best);
}

// Which condensing labels a page shows (a key or its _one form).
std::vector<std::string> shown_keys(const std::string& text, const std::map<std::string, std::string>& words) {
    std::vector<std::string> keys;
    for (const auto& [key, pattern] : words) {
        const std::string base = key.ends_with("_one") ? key.substr(0, key.size() - 4) : key;
        if (text.find(fixed_part(pattern)) != std::string::npos &&
            (keys.empty() || keys.back() != base))
            keys.push_back(base);
    }
    return keys;
}

class condensing_wording : public ::testing::TestWithParam<std::string> {};

TEST_P(condensing_wording, every_condensing_string_and_the_page_furniture_is_in_the_plans_language) {
    const std::string locale = GetParam();
    const auto english = layout_labels("en");
    auto native = english;
    for (const auto& [key, text] : layout_labels(locale == "en-GB" ? "en" : locale)) native[key] = text;
    for (const std::string fit : {"one-page", "two-pages"}) {
        SCOPED_TRACE(fit);
        std::string warning;
        // 24 steps on one page; 30 do not fit one page in any language.
        const auto page = page_text(render(request_for(big_plan(fit == "one-page" ? 24 : 30, 10), {"pdf-layout"}, locale, fit), &warning));
        EXPECT_FALSE(warning.empty());
        const auto keys = shown_keys(page, native);
        // Strict one page condenses much (steps, people, risks, resources); two pages show the furniture.
        if (fit == "one-page") EXPECT_GE(keys.size(), 5u) << page;
        else EXPECT_NE(std::find(keys.begin(), keys.end(), "page.of"), keys.end()) << page;
        // No English phrase where another language is asked for.
        if (locale == "en-GB") continue;
        for (const auto& [key, text] : english)  // "page" is French and Portuguese too: checked filled in below
            if (key != "page.of") EXPECT_EQ(page.find(fixed_part(text)), std::string::npos) << key;
        for (const char* english_word : {"inthefullplan", "completedstep", "laterstep", "page1of", "page2of"})
            EXPECT_EQ(page.find(english_word), std::string::npos) << english_word;
    }
}

INSTANTIATE_TEST_SUITE_P(locales, condensing_wording, ::testing::Values("de", "fr", "es", "pt-BR", "en-GB"),
                         [](const auto& info) {
                             std::string name = info.param;
                             for (auto& c : name)
                                 if (c == '-') c = '_';
                             return name;
                         });

// A moved close shows the date first agreed in PDF, HTML and Markdown, in the plan's date style.
TEST(moved_close, shows_the_date_first_agreed_in_every_format) {
    struct expected {
        std::string locale, close, baseline, shown;
    };
    for (const auto& e : std::vector<expected>{
             {"en-US", "2026-05-29", "2026-05-22", "May 29, 2026 (was May 22)"},
             {"en-GB", "2026-05-29", "2026-05-22", "29 May 2026 (was 22 May)"},
             {"de", "2026-05-29", "2026-05-22", "29.05.2026 (ursprünglich 22.05.)"},
             {"fr", "2026-05-29", "2026-05-22", "29 mai 2026 (initialement 22 mai)"},
             {"en-US", "2027-01-08", "2026-12-18", "Jan 8, 2027 (was Dec 18, 2026)"},  // another year: in full
         }) {
        SCOPED_TRACE(e.locale + " " + e.close);
        const std::string plan = big_plan(3, 4, e.close, e.baseline);
        diagnostic_sink diags;
        const auto result = pipeline::render_plan(request_for(plan, {"html", "md", "pdf-layout"}, e.locale), diags);
        ASSERT_EQ(result.outputs.size(), 3u) << (diags.all().empty() ? "" : format_diagnostic(diags.all().front()));
        // Dates are held together by no-break spaces (view/labels.cpp): compare with plain spaces.
        const auto plain_spaces = [](std::string text) {
            for (std::size_t at; (at = text.find("\u00a0")) != std::string::npos;) text.replace(at, 2, " ");
            return text;
        };
        EXPECT_NE(plain_spaces(result.outputs[0].bytes).find(e.shown), std::string::npos) << "HTML";
        std::string md;  // Markdown escapes "29." at the start of a value (an ordered-list marker)
        for (char c : plain_spaces(result.outputs[1].bytes))
            if (c != '\\') md += c;
        EXPECT_NE(md.find(e.shown), std::string::npos) << "Markdown";
        EXPECT_NE(page_text(result.outputs[2].bytes).find(squeeze(e.shown)), std::string::npos) << "PDF";
    }
    // A close that never moved says nothing more.
    diagnostic_sink diags;
    const auto result = pipeline::render_plan(request_for(big_plan(3, 4), {"md"}, "en-US"), diags);
    ASSERT_EQ(result.outputs.size(), 1u);
    EXPECT_EQ(result.outputs[0].bytes.find("(was "), std::string::npos);
}

}  // namespace

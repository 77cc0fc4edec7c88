// SPDX-License-Identifier: MIT
// Layout test helpers: a fixed-width font, plans of any size, and checks on laid-out pages.
#pragma once

#include <algorithm>
#include <cstdio>
#include <string>
#include <vector>

#include "../render/sample_document.hpp"
#include "layout/fonts.hpp"
#include "layout/frame.hpp"

namespace closeplan::layout::testing {

using namespace closeplan::render::testing;

/// Every code point is 0.45 of the size wide (Helvetica's average); nothing outside the BMP can be painted.
class fixed_metrics : public font_metrics {
public:
    double width(std::string_view utf8, font_face, double size) const override {
        double n = 0;
        for (unsigned char c : utf8) n += (c & 0xc0) != 0x80 ? 1 : 0;
        return n * 0.45 * size;
    }
    double ascent(double size) const override { return 0.75 * size; }
    double descent(double size) const override { return 0.22 * size; }
    bool can_paint(char32_t cp) const override { return cp < 0x10000; }
    const font_choice& choice() const override { return choice_; }

private:
    font_choice choice_;
};

inline std::string plain_title(std::size_t i) {
    static const char* words[] = {"Security review", "Pilot kickoff", "Legal redlines on MSA", "Reference call",
                                  "Procurement onboarding", "Business case sign-off", "Data extract agreed"};
    return "Step " + std::to_string(i + 1) + " " + words[i % 7];
}
inline std::string person(std::size_t i) {
    static const char* first[] = {"Dana", "Lee", "Priya", "Morgan", "Alex", "Jordan", "Chris", "Sam", "Robin", "Kai", "Ana"};
    return std::string(first[i % 11]) + " Person" + std::to_string(i + 1);
}

/// A timeline of `milestones` marks `every` days apart, two of them sharing a day, the first third done.
inline timeline schedule_of(std::size_t milestones, int every = 5) {
    timeline t;
    t.start_label = "Apr 14, 2026";
    t.today_label = "Today May 4, 2026";
    t.close_label = "Close Jun 30, 2026";
    const tone sides[] = {tone::buyer, tone::seller, tone::both};
    for (std::size_t i = 0; i < milestones; ++i) {
        const int at = static_cast<int>(i == 3 ? 2 : i) * every;
        t.marks.push_back({at, sides[i % 3], i < milestones / 3, i == milestones / 3, "#" + std::to_string(i + 1)});
    }
    t.today_day = static_cast<int>(milestones / 3) * every + 1;
    t.span_days = std::max(t.today_day, static_cast<int>(milestones) * every);
    t.close_day = t.span_days;
    for (int d = 17; d < t.span_days; d += 30) t.month_days.push_back(d);
    return t;
}

/// The sample plan with `milestones` milestones and `people` stakeholders.
inline document plan_of_size(std::size_t milestones, std::size_t people) {
    document doc = sample_document();
    doc.schedule = schedule_of(milestones);
    for (auto& s : doc.sections) {
        for (auto& b : s.content) {
            auto* table = std::get_if<data_table>(&b.value);
            if (!table) continue;
            std::vector<table_row> base = table->rows;
            if (table->key == "milestones") {
                table->rows.clear();
                for (std::size_t i = 0; i < milestones; ++i) {
                    table_row r = base[i % base.size()];
                    r.cells[0] = {t(std::to_string(i + 1))};
                    inlines title{t(plain_title(i))};
                    if (i % 5 == 3) title.push_back(br()), title.push_back(em("Gate: Architecture review board"));
                    r.cells[1] = std::move(title);
                    // Facts as the builder sets them: the last row is the signature, dates 5 days apart.
                    r.facts.last = i + 1 == milestones;
                    r.facts.next = false;
                    r.facts.due_in_days.reset();
                    if (!r.facts.done) r.facts.due_in_days = static_cast<int>(i) * 5 - 20;
                    table->rows.push_back(std::move(r));
                }
            }
            if (table->key == "milestones") {
                for (auto& r : table->rows)
                    if (!r.facts.done) {
                        r.facts.next = true;
                        break;
                    }
            }
            if (table->key == "stakeholders") {
                table->rows.clear();
                for (std::size_t i = 0; i < people; ++i) {
                    table_row r = base[i % base.size()];
                    r.cells[0] = {t(person(i))};
                    table->rows.push_back(std::move(r));
                }
            }
        }
    }
    return doc;
}

inline std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ') out += c;
    return out;
}

/// All text on a page, joined, without spaces (so wrapped titles still match).
inline std::string page_text(const page& p) {
    std::string out;
    for (const auto& it : p.items)
        if (const auto* r = std::get_if<text_run>(&it.value)) out += r->text + " ";
    return squeeze(out);
}

inline std::vector<const text_run*> runs(const page& p) {
    std::vector<const text_run*> out;
    for (const auto& it : p.items)
        if (const auto* r = std::get_if<text_run>(&it.value)) out.push_back(r);
    return out;
}

/// A stable text form of the pages, for comparing two layouts.
inline std::string serialize(const paged_document& d) {
    std::string out;
    char buf[128];
    for (const auto& p : d.pages) {
        out += "page\n";
        for (const auto& it : p.items) {
            if (const auto* r = std::get_if<text_run>(&it.value)) {
                std::snprintf(buf, sizeof buf, "t %.2f %.2f %d %.2f ", r->x, r->y, static_cast<int>(r->face), r->size);
                out += buf + r->text + "\n";
            } else if (const auto* b = std::get_if<box>(&it.value)) {
                std::snprintf(buf, sizeof buf, "b %.2f %.2f %.2f %.2f\n", b->x, b->y, b->width, b->height);
                out += buf;
            } else if (const auto* l = std::get_if<rule>(&it.value)) {
                std::snprintf(buf, sizeof buf, "r %.2f %.2f %.2f %.2f\n", l->x1, l->y1, l->x2, l->y2);
                out += buf;
            } else {
                out += "other\n";
            }
        }
    }
    return out;
}

}  // namespace closeplan::layout::testing

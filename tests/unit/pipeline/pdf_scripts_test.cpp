// SPDX-License-Identifier: MIT
// Every buyer's script in the PDF (issue 16): a plan per script renders with no
// □ and no O511/O542, pdftotext recovers its names in logical order, and every
// font in the file is an embedded subset.
#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <tuple>
#include <vector>
#include <filesystem>
#include <fstream>
#include <regex>
#include <string>
#include <unistd.h>

#include "../../support/poppler_reading.hpp"

#include "model/dates.hpp"
#include "pipeline/pipeline.hpp"

namespace {

using namespace closeplan;

struct script_case {
    const char* name;
    const char* locale;
    const char* buyer;
    const char* person;
    const char* milestone;
};

// Names and milestone titles as a seller would type them for a buyer in that market.
const script_case cases[] = {
    {"Japanese", "ja", "株式会社サクラ物流", "山田 花子", "パイロット結果のレビュー"},
    {"SimplifiedChinese", "zh-CN", "上海云帆科技", "王小明", "试点结果评审"},
    {"TraditionalChinese", "zh-TW", "台北雲端資訊", "陳美玲", "試點結果審查"},
    {"Korean", "ko", "서울물류 주식회사", "김민준", "파일럿 결과 검토"},
    {"Arabic", "ar", "شركة الخليج للخدمات", "عمر الفاروق", "مراجعة نتائج التجربة"},
    {"Hebrew", "he", "חברת גליל", "דוד כהן", "סקירת תוצאות הפיילוט"},
    {"Thai", "th", "บริษัท สยาม โลจิสติกส์", "สมชาย ใจดี", "ทบทวนผลการทดลอง"},
    {"Devanagari", "hi", "भारत लॉजिस्टिक्स", "प्रिया शर्मा", "पायलट परिणामों की समीक्षा"},
    {"Greek", "el", "Αθηναϊκή Εφοδιαστική", "Γιώργος Παπαδόπουλος", "Αξιολόγηση αποτελεσμάτων"},
    {"Cyrillic", "ru", "ООО Северный Путь", "Дмитрий Иванов", "Обзор результатов пилота"},
    {"Vietnamese", "vi", "Công ty Sông Hồng", "Nguyễn Văn An", "Đánh giá kết quả thí điểm"},
};

std::string plan_for(const script_case& c) {
    return std::string("closeplan: 1\nlocale: ") + c.locale + "\ndeal: { name: \"" + c.milestone + "\", buyer: \"" + c.buyer +
           "\", seller: Tallyworks }\nas_of: 2026-03-02\ntarget_close: 2026-04-30\noutcome: \"" + c.milestone +
           "\"\nstakeholders:\n  - { id: a, name: \"" + c.person +
           "\", title: CFO, side: buyer, role: economic_buyer }\n  - { id: b, name: Nora Quinn, title: AE, side: seller, "
           "role: account_executive }\nmilestones:\n  - { id: m1, title: \"" + c.milestone +
           "\", owner: buyer, assignee: a, due: 2026-04-03, status: scheduled }\n";
}

struct tool_result {
    int status = -1;
    std::string output;
};

tool_result run(const std::string& command) {
    tool_result r;
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return r;
    char buffer[4096];
    std::size_t n = 0;
    while ((n = fread(buffer, 1, sizeof buffer, pipe)) > 0) r.output.append(buffer, n);
    r.status = pclose(pipe);
    return r;
}

struct rendered {
    std::string path;
    std::vector<diagnostic> diags;
};

rendered render_pdf(const std::string& yaml, const std::string& name) {
    pipeline::render_request r;
    r.plan.path = "plan.yaml";
    r.plan.text = yaml;
    r.today = *model::parse_iso_date("2026-03-02");
    r.formats = {"pdf"};
    diagnostic_sink diags;
    const auto result = pipeline::render_plan(r, diags);
    EXPECT_FALSE(diags.has_errors());
    rendered out;
    out.diags = diags.all();
    out.path = (std::filesystem::temp_directory_path() / ("closeplan_scripts_" + std::to_string(::getpid()) + "_" + name + ".pdf")).string();
    std::ofstream(out.path, std::ios::binary) << (result.outputs.empty() ? std::string() : result.outputs.front().bytes);
    return out;
}

class Scripts : public testing::TestWithParam<script_case> {};

TEST_P(Scripts, RenderWithoutSquaresAndReadBackInLogicalOrder) {
    const auto& c = GetParam();
    const auto pdf = render_pdf(plan_for(c), c.name);
    for (const auto& d : pdf.diags) {
        EXPECT_NE(d.code, "O511") << d.message;
        EXPECT_NE(d.code, "O542") << d.message;
    }
    EXPECT_EQ(run("qpdf --check '" + pdf.path + "'").status, 0);
    const auto text = run("pdftotext '" + pdf.path + "' -").output;
    EXPECT_EQ(text.find("\u25A1"), std::string::npos) << text;
    for (const char* name : {c.buyer, c.person, c.milestone}) EXPECT_NE(text.find(name), std::string::npos) << name << " in\n" << text;
    // Every font an embedded subset ("emb sub uni": yes yes yes) named with its subset tag.
    const auto fonts = run("pdffonts '" + pdf.path + "'").output;
    std::size_t lines = 0;
    for (std::size_t at = fonts.find('\n', fonts.find("-----")); at != std::string::npos && at + 1 < fonts.size();
         at = fonts.find('\n', at + 1)) {
        const std::string line = fonts.substr(at + 1, fonts.find('\n', at + 1) - at - 1);
        if (line.empty()) continue;
        ++lines;
        EXPECT_NE(line.find("yes yes yes"), std::string::npos) << line;
        EXPECT_EQ(line.find('+'), 6u) << line;
    }
    EXPECT_GT(lines, 1u) << fonts;
    std::filesystem::remove(pdf.path);
}

INSTANTIATE_TEST_SUITE_P(EveryScript, Scripts, testing::ValuesIn(cases),
                         [](const testing::TestParamInfo<script_case>& info) { return std::string(info.param.name); });

// The issue's plan: a Japanese buyer with an Arabic-speaking CTO, in an English document.
TEST(ScriptsMixed, JapaneseAndArabicInOnePlan) {
    const std::string yaml =
        "closeplan: 1\ndeal: { name: 会計システム導入, buyer: 株式会社サクラ物流, seller: Tallyworks }\n"
        "as_of: 2026-03-02\ntarget_close: 2026-04-30\noutcome: 月次決算を5日で完了する。\nstakeholders:\n"
        "  - { id: h, name: 山田 花子, title: 経理部長, side: buyer, role: economic_buyer }\n"
        "  - { id: o, name: عمر الفاروق, title: CTO, side: buyer, role: technical_evaluator }\n"
        "  - { id: n, name: Nora Quinn, title: AE, side: seller, role: account_executive }\nmilestones:\n"
        "  - { id: m1, title: パイロット結果のレビュー, owner: buyer, assignee: h, due: 2026-04-03, status: scheduled }\n"
        "  - { id: m2, title: \"مراجعة Tallyworks Cloud 2.0 خلال 3 أيام\", owner: buyer, assignee: o, due: 2026-04-10, "
        "status: scheduled }\n";
    const auto pdf = render_pdf(yaml, "mixed");
    for (const auto& d : pdf.diags) EXPECT_NE(d.code, "O511") << d.message;
    const auto text = run("pdftotext '" + pdf.path + "' -").output;
    EXPECT_EQ(text.find("\u25A1"), std::string::npos) << text;
    for (const char* name : {"山田 花子", "パイロット結果のレビュー", "عمر الفاروق", "会計システム導入"})
        EXPECT_NE(text.find(name), std::string::npos) << name << " in\n" << text;
    // A left-to-right product name and a number inside right-to-left text keep their own order.
    EXPECT_NE(text.find("Tallyworks Cloud 2.0"), std::string::npos) << text;
    EXPECT_NE(text.find("مراجعة"), std::string::npos) << text;
    std::filesystem::remove(pdf.path);
}


// pdftotext's text without the embedding marks poppler writes around each
// right-to-left stretch (U+202A-U+202E), spaces collapsed: the words in the
// order pdftotext reads them.
std::string plain_text(std::string text) {
    for (const char* mark : {"\u202A", "\u202B", "\u202C", "\u202D", "\u202E"})
        for (std::size_t at = text.find(mark); at != std::string::npos; at = text.find(mark)) text.replace(at, 3, " ");
    return std::regex_replace(text, std::regex(" +"), " ");
}

std::string bidi_plan(const char* locale, const char* outcome, const char* title1, const char* title2) {
    return std::string("closeplan: 1\nlocale: ") + locale +
           "\ndeal: { name: Claims automation, buyer: Gulf Logistics, seller: Tallyworks }\nas_of: 2026-03-02\n"
           "target_close: 2026-04-30\noutcome: \"" + outcome + "\"\nstakeholders:\n"
           "  - { id: o, name: عمر الفاروق, title: CTO, side: buyer, role: technical_evaluator }\n"
           "  - { id: n, name: Nora Quinn, title: AE, side: seller, role: account_executive }\nmilestones:\n"
           "  - { id: m1, title: \"" + title1 + "\", owner: buyer, assignee: o, due: 2026-04-03, status: scheduled }\n"
           "  - { id: m2, title: \"" + title2 + "\", owner: buyer, assignee: o, due: 2026-04-10, status: scheduled }\n";
}

// The left edge of each word of the first line of pdftotext -bbox holding `first`, by word text.
// Boxes that touch are one word: poppler boxes each letter of a right-to-left
// word painted in reading order (from its right end) on its own.
std::vector<std::pair<std::string, double>> words_on_line_of(const std::string& xhtml, const std::string& first) {
    const std::regex word(R"re(<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"[^>]*>([^<]*)</word>)re");
    struct box {
        double x, y, x_max;
        std::string text;
    };
    std::vector<box> all;
    for (auto it = std::sregex_iterator(xhtml.begin(), xhtml.end(), word); it != std::sregex_iterator(); ++it)
        all.push_back({std::stod((*it)[1]), std::stod((*it)[2]), std::stod((*it)[3]), (*it)[4]});
    std::vector<box> line;
    for (const auto& b : all)
        if (b.text == first) {
            for (const auto& other : all)
                if (std::abs(other.y - b.y) < 6) line.push_back(other);
            break;
        }
    std::sort(line.begin(), line.end(), [](const box& a, const box& b) { return a.x < b.x; });
    std::vector<std::pair<std::string, double>> words;
    double last_end = -1;
    for (const auto& b : line) {
        if (!words.empty() && std::abs(b.x - last_end) < 0.01) words.back().first += b.text;
        else words.emplace_back(b.text, b.x);
        last_end = b.x_max;
    }
    return words;
}

// Whether pdftotext's text holds `wanted` in logical order (a lam-alef glyph's two
// letters as poppler reads them, tests/support/poppler_reading.hpp, accepted too).
bool reads(const std::string& text, const std::string& wanted) {
    return text.find(wanted) != std::string::npos ||
           text.find(closeplan::test_support::as_pdftotext_reads(wanted)) != std::string::npos;
}

// UAX #9 beyond one stretch (issue 16): an RTL name inside an English row, an
// LTR product name and a number inside Arabic text, a Latin cell in an Arabic
// plan, sentences starting with a name in the other direction, each read back
// by pdftotext in logical order.
TEST(ScriptsBidi, PdftotextReadsEachMixtureInLogicalOrder) {
    const char* arabic_with_latin = "مراجعة Tallyworks Cloud 2.0 خلال 3 أيام";
    {
        const auto pdf = render_pdf(bidi_plan("en", "Close the pilot.", "Security review with عمر الفاروق (CTO)",
                                              "عمر الفاروق approves the budget"), "bidi_en");
        const auto text = plain_text(run("pdftotext '" + pdf.path + "' -").output);
        // A right-to-left name inside an English row.
        EXPECT_TRUE(reads(text, "Security review with")) << text;
        EXPECT_TRUE(reads(text, "عمر الفاروق")) << text;
        // An English sentence that starts with an Arabic name is a left-to-right paragraph.
        EXPECT_TRUE(reads(text, "عمر الفاروق approves the budget")) << text;
        std::filesystem::remove(pdf.path);
    }
    {
        const auto pdf = render_pdf(bidi_plan("ar", "Tallyworks يعالج الفواتير خلال 3 أيام", "Tallyworks Cloud 2.0 (pilot).",
                                              arabic_with_latin), "bidi_ar");
        const auto text = plain_text(run("pdftotext '" + pdf.path + "' -").output);
        // A left-to-right product name and a number inside right-to-left text.
        EXPECT_TRUE(reads(text, arabic_with_latin)) << text;
        // A Latin cell of an Arabic plan is a left-to-right paragraph: its full stop stays at its end.
        EXPECT_TRUE(reads(text, "Tallyworks Cloud 2.0 (pilot).")) << text;
        EXPECT_TRUE(reads(text, "عمر الفاروق")) << text;
        // An Arabic sentence that starts with a product name is a right-to-left paragraph.
        EXPECT_TRUE(reads(text, "Tallyworks يعالج الفواتير خلال 3 أيام")) << text;
        std::filesystem::remove(pdf.path);
    }
}

// An Arabic paragraph in an English plan takes the direction of most of its
// letters: it reads right to left from its first word, so on the page
// each word stands left of the one before it. (pdftotext reads an English page's
// lines left to right, so it gives such a line in visual order until the marked
// content carries /ActualText in logical order: issue 17.)
TEST(ScriptsBidi, AnArabicParagraphInAnEnglishPlanReadsRightToLeft) {
    const auto pdf = render_pdf(bidi_plan("en", "مراجعة Tallyworks Cloud 2.0 خلال 3 أيام", "Kickoff", "Pilot"), "bidi_para");
    const auto line = words_on_line_of(run("pdftotext -bbox '" + pdf.path + "' -").output, "Tallyworks");
    // poppler gives each Arabic word's letters in the order they sit on the page (reversed).
    // A word's letters in either order (logical, or as they sit on the page): the
    // test is about where the words stand, which the merged boxes give.
    const auto letters = [](const std::string& t) {
        std::vector<std::string> each;  // one UTF-8 sequence per letter
        for (std::size_t i = 0; i < t.size();) {
            const auto c = static_cast<unsigned char>(t[i]);
            const std::size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
            each.push_back(t.substr(i, n));
            i += n;
        }
        std::sort(each.begin(), each.end());
        return each;
    };
    const auto x_of = [&](const std::string& logical, const std::string& visual) {
        for (const auto& [text, x] : line)
            if (text == logical || text == visual || letters(text) == letters(logical)) return x;
        ADD_FAILURE() << logical << " not on the line";
        return -1.0;
    };
    const double first = x_of("مراجعة", "ةعجارم"), product = x_of("Tallyworks", "Tallyworks"),
                 within = x_of("خلال", "لالخ"), number = x_of("3", "3"), days = x_of("أيام", "مايأ");
    EXPECT_GT(first, product);
    EXPECT_GT(product, within);
    EXPECT_GT(within, number);
    EXPECT_GT(number, days);
    std::filesystem::remove(pdf.path);
}

}  // namespace

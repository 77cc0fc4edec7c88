// SPDX-License-Identifier: MIT
// Every buyer's script in the PDF (issue 16): a plan per script renders with no
// □ and no O511/O542, pdftotext recovers its names in logical order, and every
// font in the file is an embedded subset.
#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <unistd.h>

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

// The plan: a Japanese buyer with an Arabic-speaking CTO, in an English document.
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

}  // namespace

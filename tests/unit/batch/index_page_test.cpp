// SPDX-License-Identifier: MIT
// index.html rows and JSON deals: CRM text escaped, links only to the deal's own files.
#include <gtest/gtest.h>

#include "batch/batch_report.hpp"
#include "batch/index_page.hpp"
#include "model/dates.hpp"

namespace closeplan::batch {
namespace {

deal_result hostile_deal() {
    deal_result d;
    d.line = 12;
    d.id = "\"><script>x</script>";
    d.name = "A & B <i>";
    d.stem = "script-x-script-A-B-i";
    d.outcome = deal_outcome::rendered;
    d.files = {d.stem + ".html", d.stem + ".pdf"};
    d.close = model::parse_iso_date("2026-09-30");
    d.progress = {1, 5};
    d.slipped = 2;
    d.feasible = false;
    d.business_days_missing = 3;
    return d;
}

TEST(IndexPage, RowEscapesEveryCrmValue) {
    const auto row = index_page_row(hostile_deal());
    EXPECT_EQ(row,
              "<tr><td>12</td><td>&quot;&gt;&lt;script&gt;x&lt;/script&gt; A &amp; B &lt;i&gt;</td><td>2026-09-30</td>"
              "<td class=\"num\">1/5</td><td class=\"num\">2</td><td class=\"num\">0</td>"
              "<td class=\"bad\">does not fit: 3 business days missing</td>"
              "<td><a href=\"script-x-script-A-B-i.html\">html</a> <a href=\"script-x-script-A-B-i.pdf\">pdf</a></td></tr>\n");
}

TEST(IndexPage, HealthColumnOnlyWithCheck) {
    auto d = hostile_deal();
    d.health = deal_health{62, 1, 3, 0, {"H801 seller-heavy", "H816 <no> economic buyer"}};
    EXPECT_EQ(index_page_row(d), index_page_row(hostile_deal()));
    const auto row = index_page_row(d, true);
    EXPECT_NE(row.find("<td class=\"bad\">62/100: H801 seller-heavy, H816 &lt;no&gt; economic buyer</td><td><a"),
              std::string::npos) << row;
    EXPECT_NE(index_page_start("x", *model::parse_iso_date("2026-06-01"), true).find("<th>Health</th><th>Files</th>"),
              std::string::npos);
    deal_result failed;
    failed.name = "Renewal";
    EXPECT_NE(index_page_row(failed, true).find("</td><td></td><td></td></tr>"), std::string::npos);
    EXPECT_NE(deal_json(d).find("\"health\":{\"score\":62,\"errors\":1,\"warnings\":3,\"notes\":0,"
                                "\"rules\":[\"H801 seller-heavy\",\"H816 <no> economic buyer\"]}"),
              std::string::npos);
}

TEST(IndexPage, FailedRowShowsItsFirstError) {
    deal_result d;
    d.line = 4;
    d.name = "Renewal";
    d.errors.push_back({4, "Close Date", "5/6/2026", "B706", "close date \"5/6/2026\" is ambiguous"});
    EXPECT_NE(index_page_row(d).find("failed: close date &quot;5/6/2026&quot; is ambiguous"), std::string::npos);
}

TEST(IndexPage, PageIsSelfContained) {
    const auto page = index_page_start("Batch: <export>", *model::parse_iso_date("2026-06-01")) +
                      index_page_row(hostile_deal()) + index_page_end({10, 7, 2, 1, 1, 10, 0});
    EXPECT_EQ(page.find("<script"), std::string::npos);
    EXPECT_EQ(page.find("://"), std::string::npos);  // no request leaves the page
    EXPECT_NE(page.find("Content-Security-Policy"), std::string::npos);
    EXPECT_NE(page.find("<title>Batch: &lt;export&gt;</title>"), std::string::npos);
    EXPECT_NE(page.find("10 rows read: 8 with documents, 2 failed."), std::string::npos);
}

TEST(IndexPage, JsonDealAndSummary) {
    const auto json = deal_json(hostile_deal());
    EXPECT_NE(json.find("\"id\":\"\\\"><script>x</script>\""), std::string::npos);
    EXPECT_NE(json.find("\"schedule_fits\":false,\"business_days_missing\":3"), std::string::npos);
    EXPECT_NE(json.find("\"errors\":[]"), std::string::npos);
    EXPECT_EQ(summary_line({12, 9, 2, 1, 0, 10, 0}), "rows read 12 = rendered 9 + failed 2 + skipped 1");
}

}  // namespace
}  // namespace closeplan::batch

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
    auto d = hostile_deal();
    d.owner = "<b>Rep</b>";
    d.account = "Acme \"Corp\"";
    d.stage = "Id. Decision Makers & co";
    d.amount = "240000.00 USD";
    const auto row = index_page_row(d);
    EXPECT_EQ(row,
              "<tr><td class=\"num\">12</td><td>&quot;&gt;&lt;script&gt;x&lt;/script&gt; A &amp; B &lt;i&gt;</td>"
              "<td>&lt;b&gt;Rep&lt;/b&gt;</td><td>Acme &quot;Corp&quot;</td>"
              "<td class=\"num\" data-k=\"240000.00\">240000.00 USD</td><td>Id. Decision Makers &amp; co</td>"
              "<td class=\"date\">2026-09-30</td>"
              "<td class=\"num\" data-k=\"20\">1/5</td><td class=\"num\">2</td><td class=\"num\">0</td>"
              "<td class=\"bad\">does not fit: 3 business days missing</td>"
              "<td><a href=\"script-x-script-A-B-i.html\">html</a> <a href=\"script-x-script-A-B-i.pdf\">pdf</a></td></tr>\n");
    // The row number is the record's row as a spreadsheet counts it, when known.
    d.sheet_row = 14;
    EXPECT_TRUE(index_page_row(d).starts_with("<tr><td class=\"num\">14</td>"));
}

TEST(IndexPage, HealthColumnOnlyWithCheck) {
    auto d = hostile_deal();
    d.health = deal_health{62, 1, 3, 0, {"H801 seller-heavy", "H816 <no> economic buyer"}};
    EXPECT_EQ(index_page_row(d), index_page_row(hostile_deal()));
    const auto row = index_page_row(d, true);
    EXPECT_NE(row.find("<td data-k=\"62\" class=\"bad\">62/100: H801 seller-heavy, H816 &lt;no&gt; economic buyer</td><td><a"),
              std::string::npos) << row;
    index_page_head head{"x", *model::parse_iso_date("2026-06-01"), true, {}, {}};
    // Health sorts by its score but reads as text: left-aligned as its cells, sorted as a number.
    EXPECT_NE(index_page_start(head).find("<th scope=\"col\" data-sort=\"num\"><button type=\"button\">Health</button></th>"
                                          "<th scope=\"col\"><button type=\"button\">Files</button></th>"),
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

batch_totals sample_totals() {
    batch_totals t;
    t.rows_read = 10;
    t.rendered = 7;
    t.failed = 2;
    t.skipped = 1;
    t.up_to_date = 1;
    t.deals = 7;
    t.deals_rendered = 5;
    t.deals_failed = 1;
    t.deals_skipped = 1;
    t.deals_up_to_date = 1;
    return t;
}

TEST(IndexPage, PageIsSelfContainedTotalsFirst) {
    index_page_head head{"Batch: <export>", *model::parse_iso_date("2026-06-01"), false, index_totals(sample_totals()),
                         index_nav(1, 3, "index")};
    const auto page = index_page_start(head) + index_page_row(hostile_deal()) + index_page_end(head.nav_html);
    // One script: the sorting one, allowed by its hash and nothing else.
    EXPECT_EQ(page.find("<script"), page.rfind("<script"));
    EXPECT_NE(page.find("<script>" + std::string(index_sort_script()) + "</script>"), std::string::npos);
    EXPECT_NE(page.find("script-src '" + std::string(index_sort_script_hash()) + "'"), std::string::npos);
    EXPECT_EQ(page.find("<script>x"), std::string::npos);
    EXPECT_EQ(page.find("://"), std::string::npos);  // no request leaves the page
    EXPECT_NE(page.find("default-src 'none'"), std::string::npos);
    EXPECT_NE(page.find("<title>Batch: &lt;export&gt;</title>"), std::string::npos);
    const auto totals = page.find("<strong>7 deals</strong>: 6 with documents, 1 failed.<br>10 rows read: 8 with documents, 2 failed.");
    EXPECT_NE(totals, std::string::npos) << page;
    EXPECT_LT(totals, page.find("<table"));  // the totals come first
    EXPECT_NE(page.find("<strong>1</strong> <a href=\"index-p2.html\">2</a> <a href=\"index-p3.html\">3</a>"),
              std::string::npos);
}

TEST(IndexPage, PagesAndNavigation) {
    EXPECT_EQ(index_page_file("index", 1), "index.html");
    EXPECT_EQ(index_page_file("index-2-of-3", 4), "index-2-of-3-p4.html");
    EXPECT_EQ(index_nav(1, 1, "index"), "");
    EXPECT_NE(index_nav(2, 2, "index").find("<a href=\"index.html\">1</a> <strong>2</strong>"), std::string::npos);
    auto t = sample_totals();
    t.duplicate_ids = 2;
    t.skipped = 4;
    t.deals_skipped = 3;
    t.deals_filtered = 1;
    t.filtered = 1;
    EXPECT_EQ(index_totals(t),
              "<p class=\"totals\"><strong>10 deals</strong>: 6 with documents, 1 failed, 2 in other shards, 1 left out "
              "(closed stages, --where).<br>10 rows read: 8 with documents, 2 failed, 3 in other shards, 1 left out "
              "(closed stages, --where).<br>2 rows repeat the deal id of an earlier row (B760).</p>\n");
}

TEST(IndexPage, JsonDealAndSummary) {
    const auto json = deal_json(hostile_deal());
    EXPECT_NE(json.find("\"id\":\"\\\"><script>x</script>\""), std::string::npos);
    EXPECT_NE(json.find("\"schedule_fits\":false,\"business_days_missing\":3"), std::string::npos);
    EXPECT_NE(json.find("\"errors\":[]"), std::string::npos);
    EXPECT_EQ(summary_line(sample_totals()),
              "deals 7 = rendered 5 + failed 1 + skipped 1; rows read 10 = rendered 7 + failed 2 + skipped 1");
}

TEST(IndexPage, ADealAndTheTotalsReadBackFromTheReportAsWritten) {
    // batch-index reads the shards' reports back: every field survives.
    auto d = hostile_deal();
    d.sheet_row = 13;
    d.row_count = 3;
    d.failed_rows = 1;
    d.duplicate_of_row = 2;
    d.owner = "Nora";
    d.account = "Acme";
    d.stage = "Proposal";
    d.amount = "240000.00 USD";
    d.health = deal_health{62, 1, 3, 0, {"H801 seller-heavy"}};
    d.errors.push_back({14, "Status", "x", "B709", "status \"x\" is not one of ..."});
    const auto written = deal_json(d);
    EXPECT_EQ(deal_json(deal_from_json(nlohmann::json::parse(written))), written);
    EXPECT_EQ(index_page_row(deal_from_json(nlohmann::json::parse(written)), true), index_page_row(d, true));
    auto t = sample_totals();
    t.duplicate_ids = 4;
    t.filtered = 2;
    t.deals_filtered = 1;
    EXPECT_EQ(totals_json_value(totals_from_json(totals_json_value(t))).dump(), totals_json_value(t).dump());
    json_report_writer writer;
    const auto end = writer.end(t, "export.csv", *model::parse_iso_date("2026-06-01"));
    EXPECT_NE(end.find("\"export\":\"export.csv\",\"as_of\":\"2026-06-01\""), std::string::npos) << end;
}

}  // namespace
}  // namespace closeplan::batch

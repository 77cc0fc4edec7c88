// SPDX-License-Identifier: MIT
// The whole batch through an in-memory sink: rows counted, footer left out,
// failures reported with their line, results in input order for any -j.
#include <gtest/gtest.h>

#include <algorithm>

#include <fstream>
#include <map>
#include <mutex>
#include <new>
#include <stdexcept>
#include <sstream>

#include "batch/batch_run.hpp"
#include "batch/csv_reader.hpp"
#include "batch/batch_report.hpp"
#include "batch/index_page.hpp"
#include "model/dates.hpp"
#include "schedule/playbook.hpp"

namespace closeplan::batch {
namespace {

const std::string fixtures = std::string(CLOSEPLAN_SOURCE_DIR) + "/tests/cli/fixtures/batch/";

std::string read(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

class memory_sink : public batch_sink {
public:
    bool up_to_date(const std::string& stem, const std::string& hash, const std::vector<std::string>&) override {
        std::lock_guard lock(mutex);
        return known.count(stem) && known[stem] == hash;
    }
    void write_outputs(const std::string& stem, const std::vector<pipeline::rendered_output>& outputs) override {
        std::lock_guard lock(mutex);
        for (const auto& o : outputs) files[stem + "." + o.extension] = o.bytes;
    }
    void deal_done(const deal_result& deal) override { deals.push_back(deal); }

    std::mutex mutex;
    std::map<std::string, std::string> known;
    std::map<std::string, std::string> files;
    std::vector<deal_result> deals;
};

batch_inputs inputs_for(const std::string& file, int jobs) {
    batch_inputs inputs;
    inputs.file_name = file;
    diagnostic_sink diags;
    inputs.playbook = schedule::load_playbook(fixtures + "mid-market.yaml", diags);
    EXPECT_FALSE(diags.has_errors());
    inputs.request.formats = {"html", "md"};
    inputs.request.as_of = model::parse_iso_date("2026-06-01");
    inputs.request.today = *inputs.request.as_of;
    inputs.jobs = jobs;
    inputs.fingerprint = "test";
    return inputs;
}

struct run_output {
    std::optional<batch_totals> totals;
    std::vector<deal_result> deals;
    std::map<std::string, std::string> files;
    diagnostic_sink diags;
};

run_output run(const std::string& file, const batch_inputs& inputs, memory_sink& sink) {
    std::istringstream in(read(fixtures + file));
    run_output out;
    out.totals = run_batch(in, inputs, sink, out.diags);
    out.deals = sink.deals;
    out.files = sink.files;
    return out;
}

TEST(BatchRun, SalesforceReportRowsAreRenderedOrReported) {
    memory_sink sink;
    auto out = run("salesforce-report.csv", inputs_for("salesforce-report.csv", 2), sink);
    ASSERT_TRUE(out.totals);
    EXPECT_EQ(summary_line(*out.totals), "rows read 4 = rendered 3 + failed 1 + skipped 0");
    ASSERT_EQ(out.deals.size(), 4u);
    EXPECT_EQ(out.deals[0].stem, "006A000001-Claims-analytics-platform");
    EXPECT_EQ(out.deals[0].outcome, deal_outcome::rendered);
    EXPECT_TRUE(out.deals[0].feasible);
    EXPECT_EQ(out.deals[1].stem, "006A000002-AP-pilot-phase-2");
    // 5/6/2026 could be May 6 or June 5: reported with its physical line and column.
    EXPECT_EQ(out.deals[2].outcome, deal_outcome::failed);
    ASSERT_EQ(out.deals[2].errors.size(), 1u);
    EXPECT_EQ(out.deals[2].errors[0].line, 4);
    EXPECT_EQ(out.deals[2].errors[0].column, "Close Date");
    EXPECT_EQ(out.deals[2].errors[0].code, "B706");
    // Two weeks is too short for the playbook: flagged with the days missing, still rendered.
    EXPECT_EQ(out.deals[3].outcome, deal_outcome::rendered);
    EXPECT_FALSE(out.deals[3].feasible);
    EXPECT_GT(out.deals[3].business_days_missing, 0);
    EXPECT_EQ(out.totals->infeasible, 1u);
    // The footer never became rows, and each plan carries the row's fields.
    EXPECT_EQ(out.files.size(), 6u);
    const auto& md = out.files["006A000001-Claims-analytics-platform.md"];
    EXPECT_NE(md.find("Claims analytics platform"), std::string::npos);
    EXPECT_NE(md.find("Northwind Health"), std::string::npos);
    EXPECT_NE(md.find("IT security review"), std::string::npos);
}

TEST(BatchRun, CheckAddsEachDealsHealthAndChangesNoDocument) {
    memory_sink plain_sink, checked_sink;
    auto plain = inputs_for("salesforce-report.csv", 2);
    auto checked = plain;
    checked.health = health::config{};
    auto a = run("salesforce-report.csv", plain, plain_sink);
    auto b = run("salesforce-report.csv", checked, checked_sink);
    EXPECT_EQ(a.files, b.files) << "health is for the seller's index only";
    ASSERT_EQ(b.deals.size(), 4u);
    EXPECT_FALSE(a.deals[0].health);
    for (const auto& deal : b.deals) {
        if (deal.outcome == deal_outcome::failed) {
            EXPECT_FALSE(deal.health);
            continue;
        }
        ASSERT_TRUE(deal.health) << deal.stem;
        EXPECT_GE(deal.health->score, 0);
        EXPECT_LE(deal.health->score, 100);
        // The default playbook-scheduled plan names no stakeholders: no economic buyer, no champion.
        const auto& rules = deal.health->rules;
        EXPECT_TRUE(std::any_of(rules.begin(), rules.end(), [](const std::string& r) { return r.starts_with("H8"); }));
        const auto row = index_page_row(deal, true);
        EXPECT_NE(row.find(">" + std::to_string(deal.health->score) + "/100: H8"), std::string::npos) << row;
        EXPECT_NE(deal_json(deal).find("\"health\":{\"score\":" + std::to_string(deal.health->score)), std::string::npos);
    }
    // Configured like `check --config`: a rule switched off is not listed.
    auto quiet = checked;
    const std::string first_rule = b.deals[0].health->rules.front().substr(0, 4);
    quiet.health->rules[first_rule].enabled = false;
    memory_sink quiet_sink;
    auto c = run("salesforce-report.csv", quiet, quiet_sink);
    for (const auto& r : c.deals[0].health->rules) EXPECT_FALSE(r.starts_with(first_rule)) << r;
}

TEST(BatchRun, SellerAndCurrencyFlagsApplyToADetectedPresetToo) {
    memory_sink sink;
    auto inputs = inputs_for("salesforce-report.csv", 1);
    ASSERT_FALSE(inputs.mapping) << "the preset is detected from the header";
    inputs.seller = "Acme Analytics";
    auto out = run("salesforce-report.csv", inputs, sink);
    const auto& md = out.files["006A000001-Claims-analytics-platform.md"];
    EXPECT_NE(md.find("**Northwind Health** × **Acme Analytics**"), std::string::npos) << md.substr(0, 200);
}

TEST(BatchRun, SameResultsWhateverTheNumberOfWorkers) {
    // PDF too: its per-thread libharu documents and template caches are exercised from several workers
    // (run this test under ThreadSanitizer: build-batch-tsan).
    memory_sink one, four;
    auto serial = inputs_for("salesforce-report.csv", 1);
    auto parallel = inputs_for("salesforce-report.csv", 4);
    serial.request.formats = parallel.request.formats = {"html", "md", "pdf"};
    serial.max_in_flight = parallel.max_in_flight = 2;
    auto a = run("salesforce-report.csv", serial, one);
    auto b = run("salesforce-report.csv", parallel, four);
    ASSERT_EQ(a.deals.size(), b.deals.size());
    for (std::size_t i = 0; i < a.deals.size(); ++i) {
        EXPECT_EQ(a.deals[i].stem, b.deals[i].stem);
        EXPECT_EQ(index_page_row(a.deals[i]), index_page_row(b.deals[i]));
    }
    EXPECT_EQ(a.files, b.files);
    EXPECT_EQ(a.files.size(), 9u);
}

TEST(BatchRun, SemicolonExportWithBomCrlfAndEuropeanAmounts) {
    memory_sink sink;
    auto inputs = inputs_for("hubspot-semicolon.csv", 2);
    inputs.mapping = preset_named("hubspot");
    inputs.mapping->buyer_fields = {deal_field::amount};  // amounts reach a buyer's page only when asked for
    auto out = run("hubspot-semicolon.csv", inputs, sink);
    ASSERT_TRUE(out.totals);
    EXPECT_EQ(summary_line(*out.totals), "rows read 2 = rendered 2 + failed 0 + skipped 0");
    EXPECT_EQ(out.deals[1].stem, "4712-Hafen-Logistik");
    EXPECT_EQ(out.deals[1].close, model::parse_iso_date("2026-10-15"));
    const auto& md = out.files["4711-Stadtwerke-Nord-Abrechnung.md"];
    EXPECT_NE(md.find("240"), std::string::npos);
}

TEST(BatchRun, ResumeSkipsWhatIsUpToDate) {
    memory_sink first;
    auto inputs = inputs_for("salesforce-report.csv", 2);
    auto a = run("salesforce-report.csv", inputs, first);
    memory_sink second;
    for (const auto& d : a.deals)
        if (d.outcome == deal_outcome::rendered) second.known[d.stem] = d.hash;
    second.known["006A000002-AP-pilot-phase-2"] = "stale";
    inputs.resume = true;
    auto b = run("salesforce-report.csv", inputs, second);
    EXPECT_EQ(summary_line(*b.totals), "rows read 4 = rendered 1 + failed 1 + skipped 2");
    EXPECT_EQ(b.files.size(), 2u);
    EXPECT_EQ(b.deals[0].outcome, deal_outcome::up_to_date);
}

TEST(BatchRun, ShardsSplitTheDealsAndKeepTheirNames) {
    memory_sink sink;
    auto inputs = inputs_for("salesforce-report.csv", 1);
    inputs.shard_index = 1;
    inputs.shard_count = 2;
    auto out = run("salesforce-report.csv", inputs, sink);
    EXPECT_EQ(summary_line(*out.totals), "rows read 4 = rendered 2 + failed 0 + skipped 2");
    ASSERT_EQ(out.deals.size(), 2u);
    EXPECT_EQ(out.deals[0].stem, "006A000002-AP-pilot-phase-2");
    EXPECT_EQ(out.deals[1].line, 5);
}

TEST(BatchRun, TaskRowsGroupedByDeal) {
    memory_sink sink;
    auto inputs = inputs_for("tasks.csv", 2);
    inputs.playbook.reset();
    inputs.group_by = "Opportunity ID";
    diagnostic_sink diags;
    inputs.mapping = load_mapping(fixtures + "tasks-mapping.yaml", diags);
    ASSERT_FALSE(diags.has_errors());
    auto out = run("tasks.csv", inputs, sink);
    ASSERT_TRUE(out.totals);
    EXPECT_EQ(summary_line(*out.totals), "rows read 4 = rendered 4 + failed 0 + skipped 0");
    ASSERT_EQ(out.deals.size(), 2u);
    EXPECT_EQ(out.deals[0].row_count, 3);
    EXPECT_EQ(out.deals[0].progress.total, 3);
    EXPECT_EQ(out.deals[0].progress.done, 1);
    const auto& md = out.files["006B01-Claims-analytics.md"];
    EXPECT_NE(md.find("Security questionnaire"), std::string::npos);
    EXPECT_NE(md.find("Lee Park"), std::string::npos);
    EXPECT_NE(md.find("Tallyworks"), std::string::npos);
}

TEST(BatchRun, HostileValuesStayText) {
    memory_sink sink;
    const std::string csv =
        "Opportunity Name,Close Date,Account Name,Next Step,Opportunity ID\n"
        "\"<script>alert(1)</script>\",2026-09-30,\"=HYPERLINK(\"\"http://evil\"\")\",\"[x](javascript:alert(1)) <img src=x onerror=alert(1)>\",../../etc\n";
    std::istringstream in(csv);
    diagnostic_sink diags;
    auto totals = run_batch(in, inputs_for("hostile.csv", 1), sink, diags);
    ASSERT_TRUE(totals);
    ASSERT_EQ(sink.deals.size(), 1u);
    EXPECT_EQ(sink.deals[0].stem, "etc-script-alert-1-script");
    const auto& html = sink.files["etc-script-alert-1-script.html"];
    EXPECT_EQ(html.find("<script>alert"), std::string::npos);
    EXPECT_EQ(html.find("javascript:"), std::string::npos);
    EXPECT_EQ(html.find("<img"), std::string::npos);
    EXPECT_NE(index_page_row(sink.deals[0]).find("&lt;script&gt;"), std::string::npos);
}

TEST(BatchRun, ExportProblemsAreDiagnostics) {
    memory_sink sink;
    diagnostic_sink diags;
    std::istringstream empty("");
    EXPECT_FALSE(run_batch(empty, inputs_for("empty.csv", 1), sink, diags));
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(diags.all()[0].code, "B711");

    diagnostic_sink unknown;
    std::istringstream other("Name,Value\nx,1\n");
    EXPECT_FALSE(run_batch(other, inputs_for("other.csv", 1), sink, unknown));
    EXPECT_EQ(unknown.all()[0].code, "B702");
}

TEST(BatchRun, BrokenRowsInvalidUtf8AndExtraValues) {
    memory_sink sink;
    const std::string csv =
        "Opportunity Name,Close Date\n"
        "\"Broken,\"2026-09-30\n"
        "Jos\xE9,2026-09-30\n"
        "Extra,2026-09-30,surplus\n"
        "Good,2026-09-30\n";
    std::istringstream in(csv);
    diagnostic_sink diags;
    auto totals = run_batch(in, inputs_for("broken.csv", 2), sink, diags);
    ASSERT_TRUE(totals);
    EXPECT_EQ(summary_line(*totals), "rows read 4 = rendered 1 + failed 3 + skipped 0");
    EXPECT_EQ(sink.deals[0].errors[0].code, "B703");
    EXPECT_EQ(sink.deals[0].errors[0].line, 2);
    EXPECT_EQ(sink.deals[1].errors[0].code, "B704");
    EXPECT_EQ(sink.deals[1].errors[0].column, "Opportunity Name");
    EXPECT_EQ(sink.deals[2].errors[0].code, "B708");
}

}  // namespace
// A sink that fails the way a worker can: out of memory, or a bug.
class throwing_sink : public memory_sink {
public:
    void write_outputs(const std::string& stem, const std::vector<pipeline::rendered_output>& outputs) override {
        if (stem.find("Hungry") != std::string::npos) throw std::bad_alloc();
        if (stem.find("Buggy") != std::string::npos) throw std::logic_error("a broken invariant");
        memory_sink::write_outputs(stem, outputs);
    }
};

TEST(BatchRun, AWorkerThatThrowsFailsItsDealOnlyAndTheBatchGoesOn) {
    throwing_sink sink;
    const std::string csv =
        "Opportunity Name,Close Date\n"
        "First,2026-09-30\n"
        "Hungry,2026-09-30\n"
        "Buggy,2026-09-30\n"
        "Last,2026-09-30\n";
    for (const int jobs : {1, 2}) {
        sink.deals.clear();
        std::istringstream in(csv);
        diagnostic_sink diags;
        auto totals = run_batch(in, inputs_for("throws.csv", jobs), sink, diags);
        ASSERT_TRUE(totals);
        EXPECT_EQ(summary_line(*totals), "rows read 4 = rendered 2 + failed 2 + skipped 0");
        EXPECT_EQ(totals->internal_errors, 1u);
        ASSERT_EQ(sink.deals.size(), 4u);
        ASSERT_EQ(sink.deals[1].errors.size(), 1u);
        EXPECT_EQ(sink.deals[1].errors[0].code, "B714");
        EXPECT_EQ(sink.deals[1].errors[0].line, 3);
        ASSERT_EQ(sink.deals[2].errors.size(), 1u);
        EXPECT_EQ(sink.deals[2].errors[0].code, "B799");
        EXPECT_NE(sink.deals[2].errors[0].message.find("a broken invariant"), std::string::npos);
        EXPECT_EQ(sink.deals[3].outcome, deal_outcome::rendered);
    }
}

TEST(BatchRun, AValueOverTheLimitFailsItsRowWithoutKeepingIt) {
    memory_sink sink;
    const std::string huge(max_field_bytes + 1, 'x');
    const std::string csv = "Opportunity Name,Close Date,Next Step\n"
                            "Big,2026-09-30,\"" + huge + "\"\n"
                            "Good,2026-09-30,call\n";
    std::istringstream in(csv);
    diagnostic_sink diags;
    auto totals = run_batch(in, inputs_for("big.csv", 1), sink, diags);
    ASSERT_TRUE(totals);
    EXPECT_EQ(summary_line(*totals), "rows read 2 = rendered 1 + failed 1 + skipped 0");
    ASSERT_EQ(sink.deals[0].errors.size(), 1u);
    EXPECT_EQ(sink.deals[0].errors[0].code, "B713");
    EXPECT_EQ(sink.deals[0].errors[0].line, 2);
    EXPECT_EQ(sink.deals[0].errors[0].column, "Next Step");
    EXPECT_NE(sink.deals[0].errors[0].message.find("value 3 is 131073 bytes"), std::string::npos);
}

TEST(BatchRun, ACloseDateOutsideTheSupportedYearsIsARowError) {
    memory_sink sink;
    const std::string csv = "Opportunity Name,Close Date\n"
                            "Ancient,0001-06-29\n"
                            "Early,1900-01-10\n"
                            "Good,2026-09-30\n";
    std::istringstream in(csv);
    diagnostic_sink diags;
    auto inputs = inputs_for("years.csv", 1);
    inputs.request.as_of = model::parse_iso_date("1900-01-01");
    auto totals = run_batch(in, inputs, sink, diags);
    ASSERT_TRUE(totals);
    ASSERT_EQ(sink.deals.size(), 3u);
    EXPECT_EQ(sink.deals[0].errors.at(0).code, "B706");
    EXPECT_NE(sink.deals[0].errors[0].message.find("outside the years 1900 to 2999"), std::string::npos);
    // The schedule would begin in 1899: refused, never written as a plan.
    EXPECT_EQ(sink.deals[1].errors.at(0).code, "B706");
    EXPECT_NE(sink.deals[1].errors[0].message.find("would start on 1899-"), std::string::npos);
    EXPECT_EQ(sink.deals[2].outcome, deal_outcome::rendered);
}

}  // namespace closeplan::batch

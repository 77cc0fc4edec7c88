// SPDX-License-Identifier: MIT
// The whole batch through an in-memory sink: rows counted, footer left out,
// failures reported with their line, results in input order for any -j.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>

#include <filesystem>
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
    EXPECT_EQ(summary_line(*out.totals), "deals 4 = rendered 4 + failed 0 + skipped 0; rows read 4 = rendered 4 + failed 0 + skipped 0");
    ASSERT_EQ(out.deals.size(), 4u);
    EXPECT_EQ(out.deals[0].stem, "006A000001-Claims-analytics-platform");
    EXPECT_EQ(out.deals[0].outcome, deal_outcome::rendered);
    EXPECT_TRUE(out.deals[0].feasible);
    EXPECT_EQ(out.deals[1].stem, "006A000002-AP-pilot-phase-2");
    // 5/6/2026 alone could be May 6 or June 5; 9/30/2026 in its column settles it month first.
    EXPECT_EQ(out.deals[2].outcome, deal_outcome::rendered);
    EXPECT_EQ(out.deals[2].close, model::parse_iso_date("2026-05-06"));
    EXPECT_FALSE(out.deals[2].feasible) << "May 6 is before as_of";
    // Two weeks is too short for the playbook: flagged with the days missing, still rendered.
    EXPECT_EQ(out.deals[3].outcome, deal_outcome::rendered);
    EXPECT_FALSE(out.deals[3].feasible);
    EXPECT_GT(out.deals[3].business_days_missing, 0);
    EXPECT_EQ(out.totals->infeasible, 2u);
    // The footer never became rows, and each plan carries the row's fields.
    EXPECT_EQ(out.files.size(), 8u);
    const auto& md = out.files["006A000001-Claims-analytics-platform.md"];
    EXPECT_NE(md.find("Claims analytics platform"), std::string::npos);
    EXPECT_NE(md.find("Northwind Health"), std::string::npos);
    EXPECT_NE(md.find("IT security review"), std::string::npos);
}

// Column-wide reading (docs/cli.md, "Dates and amounts"): each date and amount
// column is read one way, decided from all its values before any output.

TEST(BatchColumns, AnUnambiguousDateSettlesTheColumnSoEveryRowRenders) {
    memory_sink sink;
    auto out = run("us-settled.csv", inputs_for("us-settled.csv", 2), sink);
    ASSERT_TRUE(out.totals) << (out.diags.all().empty() ? "" : out.diags.all().front().message);
    EXPECT_EQ(summary_line(*out.totals), "deals 4 = rendered 4 + failed 0 + skipped 0; rows read 4 = rendered 4 + failed 0 + skipped 0");
    // 3/31/2027 on line 3 makes 4/7/2027 on line 2 April 7 (before it was an ambiguous row, B706).
    EXPECT_EQ(out.deals[0].close, model::parse_iso_date("2027-04-07"));
    EXPECT_EQ(out.deals[2].close, model::parse_iso_date("2026-11-05"));
    EXPECT_FALSE(out.diags.has_errors());
}

TEST(BatchColumns, DayFirstExportsAreSettledByTheirOwnValues) {
    memory_sink sink;
    auto out = run("uk-dates.csv", inputs_for("uk-dates.csv", 1), sink);
    ASSERT_TRUE(out.totals);
    EXPECT_EQ(summary_line(*out.totals), "deals 4 = rendered 4 + failed 0 + skipped 0; rows read 4 = rendered 4 + failed 0 + skipped 0");
    EXPECT_EQ(out.deals[0].close, model::parse_iso_date("2027-07-09")) << "09/07/2027 is 9 July, not Sep 7";
    EXPECT_EQ(out.deals[2].close, model::parse_iso_date("2026-10-01"));
}

TEST(BatchColumns, ADateFormatTheValuesContradictStopsTheRunBeforeAnyOutput) {
    memory_sink sink;
    auto inputs = inputs_for("uk-dates.csv", 2);
    inputs.dates = date_style::month_first;
    auto out = run("uk-dates.csv", inputs, sink);
    EXPECT_FALSE(out.totals);
    EXPECT_TRUE(out.deals.empty());
    EXPECT_TRUE(out.files.empty());
    ASSERT_EQ(out.diags.all().size(), 1u) << "one error for the export, not one per row";
    const auto& d = out.diags.all()[0];
    EXPECT_EQ(d.code, "B716");
    EXPECT_EQ(d.where.file, "uk-dates.csv");
    EXPECT_EQ(d.where.line, 3);
    EXPECT_EQ(d.message,
              "--date-format M/D/YYYY contradicts column 5 (`Close Date`): line 3 \"13/07/2027\" and line 5 "
              "\"25/12/2026\" are only possible day first (D/M/YYYY)");
    EXPECT_EQ(d.hints.at(0), "drop the date format: the column's values settle it as D/M/YYYY");
    // The same style named by the values' own reading is fine.
    memory_sink agreeing_sink;
    inputs.dates = date_style::day_first;
    EXPECT_TRUE(run("uk-dates.csv", inputs, agreeing_sink).totals);
}

TEST(BatchColumns, AColumnProvingBothStylesIsOneErrorNamingARowOfEach) {
    memory_sink sink;
    auto out = run("mixed-dates.csv", inputs_for("mixed-dates.csv", 1), sink);
    EXPECT_FALSE(out.totals);
    EXPECT_TRUE(out.files.empty());
    ASSERT_EQ(out.diags.all().size(), 1u);
    const auto& d = out.diags.all()[0];
    EXPECT_EQ(d.code, "B715");
    EXPECT_EQ(d.where.line, 2);
    EXPECT_EQ(d.message, "column 5 (`Close Date`) writes dates both month first (line 2 \"3/31/2027\") and day first "
                         "(line 4 \"13/07/2027\"), so none of its slash dates can be trusted");
}

TEST(BatchColumns, AColumnNothingSettlesStillNeedsTheFlag) {
    memory_sink sink;
    auto out = run("unsettled-dates.csv", inputs_for("unsettled-dates.csv", 1), sink);
    ASSERT_TRUE(out.totals);
    EXPECT_EQ(summary_line(*out.totals), "deals 3 = rendered 1 + failed 2 + skipped 0; rows read 3 = rendered 1 + failed 2 + skipped 0");
    EXPECT_EQ(out.deals[0].errors.at(0).code, "B706");
    EXPECT_EQ(out.deals[0].errors.at(0).line, 2);
    memory_sink flagged_sink;
    auto inputs = inputs_for("unsettled-dates.csv", 1);
    inputs.dates = date_style::month_first;
    auto flagged = run("unsettled-dates.csv", inputs, flagged_sink);
    EXPECT_EQ(summary_line(*flagged.totals), "deals 3 = rendered 3 + failed 0 + skipped 0; rows read 3 = rendered 3 + failed 0 + skipped 0");
    EXPECT_EQ(flagged.deals[0].close, model::parse_iso_date("2027-04-07"));
}

TEST(BatchColumns, TaskDueDatesAreSettledTooInTheFirstPass) {
    // The task export's due column is surveyed with the grouping pass.
    memory_sink sink;
    auto inputs = inputs_for("tasks.csv", 1);
    diagnostic_sink diags;
    inputs.mapping = load_mapping(fixtures + "tasks-mapping.yaml", diags);
    inputs.group_by = "Opportunity ID";
    auto out = run("tasks.csv", inputs, sink);
    ASSERT_TRUE(out.totals);
    EXPECT_GT(out.totals->rendered, 0u);
}

TEST(BatchColumns, AmountsWithBothDecimalMarksAreOneError) {
    memory_sink sink;
    auto out = run("amounts-mixed.csv", inputs_for("amounts-mixed.csv", 1), sink);
    EXPECT_FALSE(out.totals);
    ASSERT_EQ(out.diags.all().size(), 1u);
    EXPECT_EQ(out.diags.all()[0].code, "B717");
    EXPECT_EQ(out.diags.all()[0].message,
              "column 6 (`Amount`) writes amounts with a decimal point (line 2 \"240,000.50\") and with a decimal comma "
              "(line 3 \"48.500,25\"), so an amount like 240,000 cannot be read");
}

TEST(BatchColumns, FloatNoiseIsRoundedWithOneNoteAndADecimalFlagItContradictsStops) {
    memory_sink sink;
    // Amounts reach a buyer's page only when the mapping says so (`buyer_page: [amount]`).
    auto shown = inputs_for("hubspot-float.csv", 1);
    shown.mapping = preset_named("hubspot");
    shown.mapping->buyer_fields = {deal_field::amount};
    auto out = run("hubspot-float.csv", shown, sink);
    ASSERT_TRUE(out.totals);
    EXPECT_EQ(summary_line(*out.totals), "deals 3 = rendered 3 + failed 0 + skipped 0; rows read 3 = rendered 3 + failed 0 + skipped 0");
    ASSERT_EQ(out.diags.all().size(), 1u);
    const auto& note = out.diags.all()[0];
    EXPECT_EQ(note.level, severity::note);
    EXPECT_EQ(note.code, "B719");
    EXPECT_EQ(note.message, "2 amounts in column 5 (`Amount`) carry floating-point noise and are rounded to the "
                            "currency's minor unit (line 2 \"48715.200000000004\" becomes 48715.20)");
    EXPECT_NE(out.files["5101-Fleet-telematics.md"].find("48,715.20"), std::string::npos)
        << out.files["5101-Fleet-telematics.md"].substr(0, 400);
    memory_sink comma_sink;
    auto inputs = inputs_for("hubspot-float.csv", 1);
    inputs.decimal = decimal_mark::comma;
    auto contradicted = run("hubspot-float.csv", inputs, comma_sink);
    EXPECT_FALSE(contradicted.totals);
    EXPECT_EQ(contradicted.diags.all().at(0).code, "B718");
    EXPECT_EQ(contradicted.diags.all().at(0).message,
              "--decimal comma contradicts column 5 (`Amount`): line 2 \"48715.200000000004\" and line 3 \"9552.0\" "
              "are written with a decimal point (like 1,234.56)");
}

TEST(BatchColumns, GermanSalesforceHeaderAndCommaAmountsAreRecognised) {
    memory_sink sink;
    auto shown = inputs_for("german-salesforce.csv", 1);
    shown.mapping = preset_named("salesforce");
    shown.mapping->buyer_fields = {deal_field::amount};  // amounts reach a buyer's page only when asked
    auto out = run("german-salesforce.csv", shown, sink);
    ASSERT_TRUE(out.totals) << (out.diags.all().empty() ? "" : out.diags.all().front().message);
    EXPECT_EQ(summary_line(*out.totals), "deals 3 = rendered 3 + failed 0 + skipped 0; rows read 3 = rendered 3 + failed 0 + skipped 0");
    EXPECT_EQ(out.deals[0].stem, "006G000001-Abrechnungsplattform");
    EXPECT_EQ(out.deals[1].close, model::parse_iso_date("2027-01-15"));
    // "EUR 48.500" is 48,500 euros: the column's other values write a decimal comma.
    const auto& md = out.files["006G000002-Lagerpilot.md"];
    EXPECT_NE(md.find("48,500.00"), std::string::npos) << md.substr(0, 400);
    EXPECT_NE(md.find("Hafen Logistik GmbH"), std::string::npos);
}

// The rep's title is the labels' stakeholder.deal_owner in the language the
// plan is rendered in: --locale, the plan's own (here an overlay's), else en-US.
TEST(BatchRun, TheRepsTitleIsInThePlansLanguage) {
    const auto words = [](const std::string& locale, const std::string& overlay_locale) {
        auto inputs = inputs_for("salesforce-report.csv", 1);
        inputs.request.formats = {"md"};
        inputs.request.locale = locale;
        if (!overlay_locale.empty()) {
            const auto dir = std::filesystem::temp_directory_path() / ("closeplan-batch-owner-title-" + std::to_string(::getpid()));
            std::filesystem::remove_all(dir);
            std::filesystem::create_directories(dir);
            std::ofstream(dir / "006A000001.yaml") << "locale: " << overlay_locale << "\n";
            diagnostic_sink diags;
            auto folder = overlay_folder::open(dir.string(), diags);
            EXPECT_TRUE(folder);
            inputs.overlays = std::make_shared<const overlay_folder>(std::move(*folder));
        }
        memory_sink sink;
        auto out = run("salesforce-report.csv", inputs, sink);
        EXPECT_TRUE(out.totals);
        return out.files["006A000001-Claims-analytics-platform.md"];
    };
    const auto german = words("de", "");
    EXPECT_NE(german.find("Verantwortlich im Vertrieb"), std::string::npos) << german;
    EXPECT_EQ(german.find("Deal owner"), std::string::npos);
    EXPECT_NE(words("", "").find("Deal owner"), std::string::npos);
    EXPECT_NE(words("", "de").find("Verantwortlich im Vertrieb"), std::string::npos);
    EXPECT_NE(words("", "ja").find("商談担当"), std::string::npos);
}

TEST(BatchColumns, AWindows1252FileIsOneErrorForTheFileWithTheFix) {
    memory_sink sink;
    auto out = run("windows-1252.csv", inputs_for("windows-1252.csv", 1), sink);
    EXPECT_FALSE(out.totals);
    EXPECT_TRUE(out.files.empty());
    ASSERT_EQ(out.diags.all().size(), 1u);
    const auto& d = out.diags.all()[0];
    EXPECT_EQ(d.code, "B720");
    EXPECT_EQ(d.where.line, 2);
    EXPECT_EQ(d.message, "the export is not UTF-8: byte 0xFC in column 2 (`Account Name`) is not UTF-8, and no value is; "
                         "it was probably saved as Windows-1252 (Excel's \"CSV\" on Windows)");
    EXPECT_EQ(d.hints.at(0), "convert it first: iconv -f WINDOWS-1252 -t UTF-8 'windows-1252.csv' > export-utf8.csv");
}

TEST(BatchColumns, AUtf8FileWithOneBrokenValueKeepsTheRowsOwnError) {
    // UTF-8 elsewhere in the file: the broken value is that row's problem (B704), the rest renders.
    const std::string csv = "\"Opportunity Name\",\"Close Date\",\"Account Name\"\n"
                            "\"Caf\xC3\xA9 pilot\",\"2026-12-01\",\"Acme\"\n"
                            "\"Broken \xFC\",\"2026-12-01\",\"Acme\"\n";
    std::istringstream in(csv);
    memory_sink sink;
    diagnostic_sink diags;
    auto totals = run_batch(in, inputs_for("mixed.csv", 1), sink, diags);
    ASSERT_TRUE(totals);
    EXPECT_EQ(summary_line(*totals), "deals 2 = rendered 1 + failed 1 + skipped 0; rows read 2 = rendered 1 + failed 1 + skipped 0");
    EXPECT_EQ(sink.deals[1].errors.at(0).code, "B704");
}

TEST(BatchColumns, AStreamThatCannotSeekIsRefusedBeforeAnyOutput) {
    // Standard input is spooled to a file by the command; a bare pipe cannot be read twice.
    class one_way : public std::streambuf {
    public:
        explicit one_way(std::string text) : text_(std::move(text)) { setg(text_.data(), text_.data(), text_.data() + text_.size()); }
    private:
        std::string text_;
    } buffer(read(fixtures + "us-settled.csv"));
    std::istream in(&buffer);
    memory_sink sink;
    diagnostic_sink diags;
    EXPECT_FALSE(run_batch(in, inputs_for("-", 1), sink, diags));
    EXPECT_EQ(diags.all().at(0).code, "B712");
    EXPECT_TRUE(sink.files.empty());
}

TEST(BatchColumns, AnXlsxExportGivesTheSamePlansAsItsCsvTwin) {
    // Date cells (m/d/yyyy and d-mmm-yy), number cells and shared strings; detected by content.
    memory_sink csv_sink, xlsx_sink;
    auto inputs = inputs_for("us-twin.csv", 2);
    inputs.request.formats = {"html", "md", "pdf"};
    auto from_csv = run("us-twin.csv", inputs, csv_sink);
    auto from_xlsx = run("us-twin.xlsx", inputs, xlsx_sink);
    ASSERT_TRUE(from_xlsx.totals);
    EXPECT_EQ(summary_line(*from_xlsx.totals), "deals 4 = rendered 4 + failed 0 + skipped 0; rows read 4 = rendered 4 + failed 0 + skipped 0");
    EXPECT_EQ(from_csv.files.size(), 12u);
    EXPECT_TRUE(from_csv.files == from_xlsx.files) << "byte-identical documents";
    for (std::size_t i = 0; i < from_csv.deals.size(); ++i) {
        EXPECT_EQ(from_csv.deals[i].line, from_xlsx.deals[i].line) << "sheet rows are the CSV's lines here";
        EXPECT_EQ(from_csv.deals[i].hash, from_xlsx.deals[i].hash) << "same values: --resume keeps them";
    }
}

TEST(BatchColumns, XlsxSheetsByNameAndWorkbookProblemsBeforeAnyOutput) {
    memory_sink sink;
    auto inputs = inputs_for("inline-1904.xlsx", 1);
    inputs.mapping = preset_named("salesforce");
    inputs.sheet = "Deals";
    auto out = run("inline-1904.xlsx", inputs, sink);
    ASSERT_TRUE(out.totals);
    ASSERT_EQ(out.deals.size(), 2u);
    EXPECT_EQ(out.deals[0].line, 3) << "Excel's row number";
    EXPECT_EQ(out.deals[0].close, model::parse_iso_date("2026-06-30")) << "1904 date system";
    // Located as Excel shows it: sheet row 4, column D.
    ASSERT_EQ(out.diags.all().size(), 1u);
    EXPECT_EQ(out.diags.all()[0].code, "B719");
    EXPECT_EQ(out.diags.all()[0].where.line, 4);
    EXPECT_EQ(out.diags.all()[0].message,
              "1 amount in column D (`Amount`) carries floating-point noise and is rounded to the currency's minor unit "
              "(row 4 \"48715.200000000004\" becomes 48715.20)");
    for (const std::string name : {"bomb.xlsx", "deep.xlsx", "doctype.xlsx", "not-a-workbook.xlsx"}) {
        memory_sink refused;
        auto bad = run(name, inputs, refused);
        EXPECT_FALSE(bad.totals) << name;
        EXPECT_TRUE(bad.files.empty());
        ASSERT_EQ(bad.diags.all().size(), 1u) << name;
        EXPECT_EQ(bad.diags.all()[0].code, "B721") << name;
    }
    inputs.sheet = "Nope";
    memory_sink none;
    EXPECT_EQ(run("inline-1904.xlsx", inputs, none).diags.all().at(0).code, "B722");
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
    EXPECT_EQ(a.files.size(), 12u);
}

TEST(BatchRun, SemicolonExportWithBomCrlfAndEuropeanAmounts) {
    memory_sink sink;
    auto inputs = inputs_for("hubspot-semicolon.csv", 2);
    inputs.mapping = preset_named("hubspot");
    inputs.mapping->buyer_fields = {deal_field::amount};  // amounts reach a buyer's page only when asked for
    auto out = run("hubspot-semicolon.csv", inputs, sink);
    ASSERT_TRUE(out.totals);
    EXPECT_EQ(summary_line(*out.totals), "deals 2 = rendered 2 + failed 0 + skipped 0; rows read 2 = rendered 2 + failed 0 + skipped 0");
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
    EXPECT_EQ(summary_line(*b.totals), "deals 4 = rendered 1 + failed 0 + skipped 3; rows read 4 = rendered 1 + failed 0 + skipped 3");
    EXPECT_EQ(b.files.size(), 2u);
    EXPECT_EQ(b.deals[0].outcome, deal_outcome::up_to_date);
}

TEST(BatchRun, ShardsSplitTheDealsAndKeepTheirNames) {
    memory_sink sink;
    auto inputs = inputs_for("salesforce-report.csv", 1);
    inputs.shard_index = 1;
    inputs.shard_count = 2;
    auto out = run("salesforce-report.csv", inputs, sink);
    EXPECT_EQ(summary_line(*out.totals), "deals 4 = rendered 2 + failed 0 + skipped 2; rows read 4 = rendered 2 + failed 0 + skipped 2");
    ASSERT_EQ(out.deals.size(), 2u);
    EXPECT_EQ(out.deals[0].stem, "006A000002-AP-pilot-phase-2");
    EXPECT_EQ(out.deals[1].line, 5);
}

TEST(BatchRun, ADuplicateDealIdIsAWarningNamingBothRows) {
    memory_sink sink;
    auto out = run("duplicate-ids.csv", inputs_for("duplicate-ids.csv", 2), sink);
    ASSERT_TRUE(out.totals);
    // Every row still gets its plan (the repeats suffixed), and each repeat is told with the first row.
    EXPECT_EQ(summary_line(*out.totals),
              "deals 4 = rendered 4 + failed 0 + skipped 0; rows read 4 = rendered 4 + failed 0 + skipped 0");
    EXPECT_EQ(out.totals->duplicate_ids, 2u);
    ASSERT_EQ(out.deals.size(), 4u);
    EXPECT_EQ(out.deals[1].stem, "006D000001-Claims-analytics-platform-2");
    EXPECT_EQ(out.deals[1].duplicate_of_row, 2);
    EXPECT_EQ(out.deals[3].duplicate_of_row, 2);
    EXPECT_EQ(out.deals[2].duplicate_of_row, 0);
    EXPECT_NE(deal_json(out.deals[3]).find("\"duplicate_of_row\":2"), std::string::npos);
    std::vector<std::string> warnings;
    for (const auto& d : out.diags.all())
        if (d.code == "B760") {
            EXPECT_EQ(d.level, severity::warning);
            EXPECT_EQ(d.where.file, "duplicate-ids.csv");
            warnings.push_back(std::to_string(d.where.line) + ": " + d.message);
        }
    ASSERT_EQ(warnings.size(), 2u);
    EXPECT_EQ(warnings[0],
              "3: deal id `006D000001` (column Opportunity ID) is on row 2 and again on row 3: each row gets its own plan, "
              "this one named `006D000001-Claims-analytics-platform-2`");
    EXPECT_TRUE(warnings[1].starts_with("5: deal id `006D000001` (column Opportunity ID) is on row 2 and again on row 5"))
        << warnings[1];
    // Split among shards, every shard tells the same.
    auto shard = inputs_for("duplicate-ids.csv", 1);
    shard.shard_index = 1;
    shard.shard_count = 2;
    memory_sink other;
    auto second = run("duplicate-ids.csv", shard, other);
    ASSERT_TRUE(second.totals);
    EXPECT_EQ(second.totals->duplicate_ids, 2u);
    EXPECT_EQ(second.totals->deals_skipped, 2u);
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
    EXPECT_EQ(summary_line(*out.totals), "deals 2 = rendered 2 + failed 0 + skipped 0; rows read 4 = rendered 4 + failed 0 + skipped 0");
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
        "Good caf\xC3\xA9,2026-09-30\n";  // UTF-8 elsewhere: the bad byte is this row's problem, not the file's (B720)
    std::istringstream in(csv);
    diagnostic_sink diags;
    auto totals = run_batch(in, inputs_for("broken.csv", 2), sink, diags);
    ASSERT_TRUE(totals);
    EXPECT_EQ(summary_line(*totals), "deals 4 = rendered 1 + failed 3 + skipped 0; rows read 4 = rendered 1 + failed 3 + skipped 0");
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
        EXPECT_EQ(summary_line(*totals), "deals 4 = rendered 2 + failed 2 + skipped 0; rows read 4 = rendered 2 + failed 2 + skipped 0");
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
    EXPECT_EQ(summary_line(*totals), "deals 2 = rendered 1 + failed 1 + skipped 0; rows read 2 = rendered 1 + failed 1 + skipped 0");
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
                            "Good caf\xC3\xA9,2026-09-30\n";  // UTF-8 elsewhere: the bad byte is this row's problem, not the file's (B720)
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

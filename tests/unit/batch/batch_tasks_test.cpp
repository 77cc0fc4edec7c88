// SPDX-License-Identifier: MIT
// One row per task (--group-by) streamed in two passes: a deal's rows spread
// through the export give the same documents as the export sorted by deal,
// in the same order, for any number of workers, shard or queue size; the
// second pass hands deals on while it reads; bad rows are reported in place.
#include <gtest/gtest.h>

#include <atomic>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <streambuf>

#include "batch/batch_report.hpp"
#include "batch/batch_run.hpp"
#include "batch/index_page.hpp"
#include "model/dates.hpp"

namespace closeplan::batch {
namespace {

const std::string fixtures = std::string(CLOSEPLAN_SOURCE_DIR) + "/tests/cli/fixtures/batch/";
const std::string header =
    "Opportunity ID,Opportunity Name,Account Name,Close Date,Subject,Owner Side,Due Date,Status,Assigned To\n";

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

batch_inputs task_inputs(int jobs) {
    batch_inputs inputs;
    inputs.file_name = "tasks.csv";
    diagnostic_sink diags;
    inputs.mapping = load_mapping(fixtures + "tasks-mapping.yaml", diags);
    EXPECT_FALSE(diags.has_errors());
    inputs.group_by = "Opportunity ID";
    inputs.request.formats = {"html", "md"};
    inputs.request.as_of = model::parse_iso_date("2026-06-01");
    inputs.request.today = *inputs.request.as_of;
    inputs.jobs = jobs;
    inputs.fingerprint = "test";
    return inputs;
}

int task_count(int deal) { return 1 + (deal + 3) % 4; }  // deal 0 has the most

std::string task_row(int deal, int task) {
    char due[16];
    std::snprintf(due, sizeof due, "2026-07-%02d", task + 1);
    return "006T" + std::to_string(1000 + deal) + ",Deal " + std::to_string(deal) + ",Account " +
           std::to_string(deal % 7) + ",2026-09-30,Task " + std::to_string(task) + " of deal " +
           std::to_string(deal) + "," + (task % 2 ? "buyer" : "seller") + "," + due + "," +
           (task == 0 ? "Completed" : "Not Started") + ",Owner " + std::to_string(task) + "\n";
}

/// Every deal's rows together, deals in order.
std::string sorted_export(int deals) {
    std::string csv = header;
    for (int d = 0; d < deals; ++d)
        for (int t = 0; t < task_count(d); ++t) csv += task_row(d, t);
    return csv;
}

/// The same rows, one task of each deal in turn, and deal 0's last task on
/// the very last line: deal 0 is open for the whole second pass. Deals still
/// first appear in order 0, 1, 2...
std::string interleaved_export(int deals) {
    std::string csv = header;
    for (int t = 0; t < 4; ++t)
        for (int d = 0; d < deals; ++d)
            if (t < task_count(d) && !(d == 0 && t == task_count(0) - 1)) csv += task_row(d, t);
    return csv + task_row(0, task_count(0) - 1);
}

struct run_output {
    std::optional<batch_totals> totals;
    std::vector<deal_result> deals;
    std::map<std::string, std::string> files;
    diagnostic_sink diags;
};

run_output run(const std::string& csv, const batch_inputs& inputs) {
    memory_sink sink;
    std::istringstream in(csv);
    run_output out;
    out.totals = run_batch(in, inputs, sink, out.diags);
    out.deals = std::move(sink.deals);
    out.files = std::move(sink.files);
    return out;
}

std::vector<std::string> stems_of(const run_output& out) {
    std::vector<std::string> stems;
    for (const auto& d : out.deals) stems.push_back(d.stem);
    return stems;
}

TEST(BatchTasks, InterleavedRowsGiveTheSameDocumentsAsSortedOnes) {
    const int deals = 40;
    const auto sorted = run(sorted_export(deals), task_inputs(1));
    ASSERT_TRUE(sorted.totals);
    EXPECT_EQ(summary_line(*sorted.totals), "deals 40 = rendered 40 + failed 0 + skipped 0; rows read 100 = rendered 100 + failed 0 + skipped 0");
    ASSERT_EQ(sorted.deals.size(), 40u);
    EXPECT_EQ(sorted.deals[0].stem, "006T1000-Deal-0");
    EXPECT_EQ(sorted.deals[0].row_count, 4);
    EXPECT_EQ(sorted.files.size(), 80u);

    // Deal 0 stays open to the end, so with a small queue every later deal
    // waits for it in the reorder buffer: no deadlock, same order.
    for (const int jobs : {1, 4}) {
        for (const std::size_t in_flight : {std::size_t{0}, std::size_t{2}}) {
            auto inputs = task_inputs(jobs);
            inputs.max_in_flight = in_flight;
            const auto spread = run(interleaved_export(deals), inputs);
            ASSERT_TRUE(spread.totals);
            EXPECT_EQ(summary_line(*spread.totals), summary_line(*sorted.totals));
            EXPECT_EQ(stems_of(spread), stems_of(sorted)) << "-j " << jobs;
            EXPECT_EQ(spread.files, sorted.files) << "-j " << jobs;
            for (std::size_t i = 0; i < spread.deals.size(); ++i) {
                EXPECT_EQ(spread.deals[i].row_count, sorted.deals[i].row_count);
                EXPECT_EQ(spread.deals[i].hash, sorted.deals[i].hash) << "same rows, same --resume hash";
            }
            EXPECT_EQ(spread.deals[0].line, 2);
        }
    }
}

TEST(BatchTasks, ShardsSplitInterleavedDealsAndKeepTheirNames) {
    const auto csv = interleaved_export(30);
    const auto all = run(csv, task_inputs(2));
    std::map<std::string, std::string> union_of_files;
    std::size_t rendered = 0, deals = 0;
    for (int k = 0; k < 3; ++k) {
        auto inputs = task_inputs(2);
        inputs.shard_index = k;
        inputs.shard_count = 3;
        const auto part = run(csv, inputs);
        ASSERT_TRUE(part.totals);
        EXPECT_EQ(part.totals->rows_read, all.totals->rows_read);
        EXPECT_EQ(part.totals->rendered + part.totals->failed + part.totals->skipped, part.totals->rows_read);
        rendered += part.totals->rendered;
        deals += part.deals.size();
        for (std::size_t i = 0; i < part.deals.size(); ++i)
            EXPECT_EQ(part.deals[i].stem, all.deals[3 * i + static_cast<std::size_t>(k)].stem);
        union_of_files.insert(part.files.begin(), part.files.end());
    }
    EXPECT_EQ(rendered, all.totals->rendered);
    EXPECT_EQ(deals, all.deals.size());
    EXPECT_EQ(union_of_files, all.files);
}

TEST(BatchTasks, ResumeKeepsInterleavedDealsThatAreUpToDate) {
    const auto csv = interleaved_export(12);
    const auto first = run(csv, task_inputs(2));
    memory_sink sink;
    for (const auto& d : first.deals) sink.known[d.stem] = d.hash;
    sink.known[first.deals[3].stem] = "stale";
    auto inputs = task_inputs(2);
    inputs.resume = true;
    std::istringstream in(csv);
    diagnostic_sink diags;
    const auto totals = run_batch(in, inputs, sink, diags);
    ASSERT_TRUE(totals);
    EXPECT_EQ(totals->rendered, static_cast<std::size_t>(first.deals[3].row_count));
    EXPECT_EQ(totals->up_to_date, totals->rows_read - totals->rendered);
    EXPECT_EQ(sink.files.size(), 2u);
    EXPECT_EQ(sink.deals[0].outcome, deal_outcome::up_to_date);
    EXPECT_EQ(sink.deals[3].outcome, deal_outcome::rendered);
}

TEST(BatchTasks, BadRowsAreReportedInPlaceWithTheirLines) {
    const std::string csv = header +
                            "006B01,Claims,Northwind,2026-09-30,Discovery,both,2026-06-15,Completed,Nora\n"  // 2
                            ",Claims,Northwind,2026-09-30,No id,both,2026-06-20,Completed,Nora\n"            // 3
                            "006B02,Renewal,Globex Z\xC3\xBCrich,2026-08-31,Pricing,seller,2026-07-01,Not Started,Sam\n"  // 4: UTF-8, so line 6 is a bad row, not a Windows-1252 file (B720)
                            "\"006B01,Claims\"x,Northwind,2026-09-30,Broken,both,2026-06-20,Completed,\n"    // 5
                            "006B03,Jos\xE9,Initech,2026-08-31,Kickoff,seller,2026-07-01,Not Started,Sam\n"   // 6
                            "006B01,Claims,Northwind,2026-09-30,Signature,both,2026-09-30,Not Started,\n";   // 7
    for (const int jobs : {1, 3}) {
        const auto out = run(csv, task_inputs(jobs));
        ASSERT_TRUE(out.totals);
        EXPECT_EQ(summary_line(*out.totals), "deals 5 = rendered 2 + failed 3 + skipped 0; rows read 6 = rendered 3 + failed 3 + skipped 0");
        ASSERT_EQ(out.deals.size(), 5u);
        // In order of first appearance: 006B01 (lines 2 and 7), the row without an id,
        // 006B02, the broken row, 006B03.
        EXPECT_EQ(out.deals[0].stem, "006B01-Claims");
        EXPECT_EQ(out.deals[0].row_count, 2);
        EXPECT_EQ(out.deals[1].errors.at(0).code, "B705");
        EXPECT_EQ(out.deals[1].errors.at(0).line, 3);
        EXPECT_EQ(out.deals[1].errors.at(0).column, "Opportunity ID");
        EXPECT_EQ(out.deals[2].outcome, deal_outcome::rendered);
        EXPECT_EQ(out.deals[3].errors.at(0).code, "B703");
        EXPECT_EQ(out.deals[3].errors.at(0).line, 5);
        EXPECT_EQ(out.deals[4].errors.at(0).code, "B704");
        EXPECT_EQ(out.deals[4].errors.at(0).line, 6);
    }
}

TEST(BatchTasks, ABadTaskFailsOnlyItselfAndTheDealIsRendered) {
    const std::string csv = header +
                            "006B01,Claims,Northwind,2026-09-30,Discovery,both,2026-06-15,Completed,Nora\n"      // 2
                            "006B01,Claims,Northwind,2026-09-30,Security,sideways,2026-07-20,Not Started,Lee\n"  // 3: bad side
                            "006B01,Claims,Northwind,2026-09-30,,both,2026-08-01,Not Started,\n"                 // 4: no title
                            "006B01,Claims,Northwind,2026-09-30,Signature,both,2026-09-30,Not Started,\n"        // 5
                            "006B02,Renewal,Globex,bad date,Pricing,seller,2026-07-01,Not Started,Sam\n"         // 6
                            "006B02,Renewal,Globex,bad date,Legal,seller,2026-07-02,Not Started,Sam\n";          // 7
    for (const int jobs : {1, 2}) {
        const auto out = run(csv, task_inputs(jobs));
        ASSERT_TRUE(out.totals);
        EXPECT_EQ(summary_line(*out.totals),
                  "deals 2 = rendered 1 + failed 1 + skipped 0; rows read 6 = rendered 2 + failed 4 + skipped 0");
        ASSERT_EQ(out.deals.size(), 2u);
        const auto& claims = out.deals[0];
        EXPECT_EQ(claims.outcome, deal_outcome::rendered);
        EXPECT_EQ(claims.failed_rows, 2);
        ASSERT_EQ(claims.errors.size(), 2u);
        EXPECT_EQ(claims.errors[0].code, "B709");
        EXPECT_EQ(claims.errors[0].line, 3);
        EXPECT_EQ(claims.errors[1].code, "B705");
        EXPECT_EQ(claims.errors[1].line, 4);
        const auto& md = out.files.at(claims.stem + ".md");
        EXPECT_NE(md.find("Discovery"), std::string::npos);
        EXPECT_NE(md.find("Signature"), std::string::npos);
        EXPECT_EQ(md.find("Security"), std::string::npos);
        EXPECT_NE(index_page_row(claims).find("2 tasks left out: owner side"), std::string::npos);
        EXPECT_NE(deal_json(claims).find("\"failed_rows\":2"), std::string::npos);
        // The deal's own close date is bad on every row: the deal fails as a whole.
        EXPECT_EQ(out.deals[1].outcome, deal_outcome::failed);
        EXPECT_EQ(out.deals[1].failed_rows, 0);
    }
}

TEST(BatchTasks, AnXlsxTaskExportGivesTheSamePlansAsItsCsvTwin) {
    auto read = [](const std::string& name) {
        std::ifstream f(fixtures + name, std::ios::binary);
        return std::string(std::istreambuf_iterator<char>(f), {});
    };
    const auto from_csv = run(read("tasks.csv"), task_inputs(2));
    auto inputs = task_inputs(2);
    inputs.file_name = "tasks.xlsx";
    const auto from_xlsx = run(read("tasks.xlsx"), inputs);
    ASSERT_TRUE(from_csv.totals);
    ASSERT_TRUE(from_xlsx.totals) << (from_xlsx.diags.all().empty() ? "" : from_xlsx.diags.all().front().message);
    EXPECT_EQ(summary_line(*from_xlsx.totals), summary_line(*from_csv.totals));
    EXPECT_EQ(summary_line(*from_xlsx.totals),
              "deals 2 = rendered 2 + failed 0 + skipped 0; rows read 4 = rendered 4 + failed 0 + skipped 0");
    EXPECT_TRUE(from_csv.files == from_xlsx.files) << "byte-identical documents";
    EXPECT_EQ(stems_of(from_csv), stems_of(from_xlsx));
    // Split among shards, every deal is rendered by one of them.
    std::size_t rendered = 0;
    for (int k = 0; k < 2; ++k) {
        auto shard = inputs;
        shard.shard_index = k;
        shard.shard_count = 2;
        const auto out = run(read("tasks.xlsx"), shard);
        ASSERT_TRUE(out.totals);
        rendered += out.totals->deals_rendered;
    }
    EXPECT_EQ(rendered, 2u);
}

/// Serves its text a few bytes at a time and counts them, like a file being
/// read; seeking back to the start begins a second pass.
class counting_buffer : public std::streambuf {
public:
    explicit counting_buffer(std::string text) : text_(std::move(text)) {}
    std::atomic<std::size_t> served{0};  ///< how far the current pass has read
    std::atomic<int> passes{1};
    bool seekable = true;

protected:
    int_type underflow() override {
        if (pos_ >= text_.size()) return traits_type::eof();
        const auto n = std::min<std::size_t>(64, text_.size() - pos_);
        char* start = text_.data() + pos_;
        setg(start, start, start + n);
        pos_ += n;
        if (pos_ > served) served = pos_;  // the furthest read; rows read again lie behind it
        return traits_type::to_int_type(*start);
    }
    pos_type seekoff(off_type off, std::ios_base::seekdir dir, std::ios_base::openmode which) override {
        if (!seekable) return pos_type(off_type(-1));
        const auto here = static_cast<off_type>(pos_) - (egptr() - gptr());
        if (dir == std::ios_base::cur) return off == 0 ? pos_type(here) : seekpos(pos_type(here + off), which);
        if (dir == std::ios_base::end) return seekpos(pos_type(static_cast<off_type>(text_.size()) + off), which);
        return seekpos(pos_type(off), which);
    }
    /// Back to the start: a new pass. Elsewhere: a row read again (not counted as read).
    pos_type seekpos(pos_type pos, std::ios_base::openmode) override {
        const auto to = static_cast<off_type>(pos);
        if (!seekable || to < 0 || to > static_cast<off_type>(text_.size())) return pos_type(off_type(-1));
        pos_ = static_cast<std::size_t>(to);
        setg(nullptr, nullptr, nullptr);
        if (pos_ == 0) {
            served = 0;
            ++passes;
        }
        return pos;
    }

private:
    std::string text_;
    std::size_t pos_ = 0;
};

class watching_sink : public memory_sink {
public:
    explicit watching_sink(const counting_buffer& buffer) : buffer_(buffer) {}
    void deal_done(const deal_result& deal) override {
        if (deals.empty()) {
            first_done_pass = buffer_.passes;
            first_done_at = buffer_.served;
        }
        memory_sink::deal_done(deal);
    }
    int first_done_pass = 0;
    std::size_t first_done_at = 0;

private:
    const counting_buffer& buffer_;
};

TEST(BatchTasks, SortedDealsAreHandedOnWhileTheSecondPassReads) {
    // With at most 2 deals in flight the reader cannot run ahead: the first
    // deal is reported when only the start of the export has been read again.
    const auto csv = sorted_export(400);
    counting_buffer buffer(csv);
    std::istream in(&buffer);
    watching_sink sink(buffer);
    auto inputs = task_inputs(2);
    inputs.max_in_flight = 2;
    diagnostic_sink diags;
    const auto totals = run_batch(in, inputs, sink, diags);
    ASSERT_TRUE(totals);
    EXPECT_EQ(totals->deals, 400u);
    EXPECT_EQ(sink.first_done_pass, 2);
    EXPECT_LT(sink.first_done_at, csv.size() / 4) << "of " << csv.size() << " bytes";
}

TEST(BatchTasks, AnExportThatCannotBeReadTwiceIsADiagnostic) {
    counting_buffer buffer(sorted_export(3));
    buffer.seekable = false;
    std::istream in(&buffer);
    memory_sink sink;
    diagnostic_sink diags;
    EXPECT_FALSE(run_batch(in, task_inputs(1), sink, diags));
    ASSERT_EQ(diags.all().size(), 1u);
    EXPECT_EQ(diags.all()[0].code, "B712");
    EXPECT_TRUE(sink.deals.empty());
    EXPECT_TRUE(sink.files.empty());
}

}  // namespace
}  // namespace closeplan::batch

// SPDX-License-Identifier: MIT
// The batch run: one reading thread, N workers, results reported in input order.
//
// Memory stays flat however long the export is: the reader stops while
// `max_in_flight` deals are read but not yet reported, so the queue, the
// workers and the reorder buffer together never hold more than that many
// deals (plus one chunk being filled). (One row per task is the exception: rows are grouped by deal id
// first, so that mode holds the whole export.)
#include "batch/batch_run.hpp"

#include <condition_variable>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "batch/content_hash.hpp"
#include "batch/export_rows.hpp"
#include "batch/file_names.hpp"
#include "render/render.hpp"

namespace closeplan::batch {

namespace {

deal_health health_of(const health::report& review) {
    deal_health h;
    h.score = review.score;
    h.errors = review.errors;
    h.warnings = review.warnings;
    h.notes = review.notes;
    for (const auto& f : review.findings) {
        auto rule = f.rule_id + ' ' + f.rule_name;
        if (h.rules.empty() || h.rules.back() != rule) h.rules.push_back(std::move(rule));
    }
    return h;
}


struct job {
    std::size_t seq = 0;
    std::vector<export_row> rows;
    std::string stem;
    std::string hash;
    std::vector<row_error> errors;  ///< found while reading (broken quoting, empty group key)
};

class batch_runner {
public:
    batch_runner(const batch_inputs& inputs, const row_reader& reader, batch_sink& sink)
        : inputs_(inputs), reader_(reader), sink_(sink) {
        const std::size_t workers = static_cast<std::size_t>(std::max(1, inputs.jobs));
        max_in_flight_ = inputs.max_in_flight ? inputs.max_in_flight : (2 * workers + 2) * chunk_size;
        for (const auto& name : inputs.request.formats)
            if (const auto* format = render::find_output_format(name)) extensions_.push_back(format->extension);
        for (std::size_t i = 0; i < workers; ++i) threads_.emplace_back([this] { work(); });
    }

    /// Queues a deal. Deals travel in chunks, so workers and the reader wake
    /// each other once per chunk rather than once per deal; the reader waits
    /// while too many deals are in flight.
    void submit(job j) {
        j.seq = next_seq_++;
        chunk_.push_back(std::move(j));
        if (chunk_.size() >= chunk_size) flush();
    }

    /// Waits for every queued deal; rethrows a worker's unexpected exception.
    batch_totals finish() {
        flush();
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
        }
        work_.notify_all();
        for (auto& t : threads_) t.join();
        threads_.clear();
        if (failure_) std::rethrow_exception(failure_);
        return totals_;
    }

    ~batch_runner() {
        if (!threads_.empty()) {
            {
                std::lock_guard lock(mutex_);
                closed_ = true;
            }
            work_.notify_all();
            for (auto& t : threads_) t.join();
        }
    }

private:
    static constexpr std::size_t chunk_size = 8;

    void flush() {
        if (chunk_.empty()) return;
        std::unique_lock lock(mutex_);
        space_.wait(lock, [&] { return in_flight_ + chunk_.size() <= max_in_flight_ || in_flight_ == 0; });
        in_flight_ += chunk_.size();
        queue_.push_back(std::move(chunk_));
        chunk_.clear();
        work_.notify_one();
    }

    void work() {
        std::vector<std::pair<std::size_t, deal_result>> results;
        while (true) {
            std::vector<job> chunk;
            {
                std::unique_lock lock(mutex_);
                work_.wait(lock, [&] { return closed_ || !queue_.empty(); });
                if (queue_.empty()) return;
                chunk = std::move(queue_.front());
                queue_.pop_front();
            }
            results.clear();
            for (const auto& j : chunk) {
                deal_result result;
                try {
                    result = process(j);
                } catch (...) {
                    std::lock_guard lock(mutex_);
                    if (!failure_) failure_ = std::current_exception();
                    result.line = j.rows.empty() ? 0 : j.rows.front().line;
                    result.errors.push_back({result.line, "", "", "B799", "internal error while rendering this deal"});
                }
                results.emplace_back(j.seq, std::move(result));
            }
            report(results);
        }
    }

    deal_result process(const job& j) {
        deal_result r;
        r.line = j.rows.front().line;
        r.row_count = static_cast<int>(j.rows.size());
        r.stem = j.stem;
        r.hash = j.hash;
        if (!j.errors.empty()) {
            r.errors = j.errors;
            return r;
        }
        auto built = inputs_.group_by.empty()
                         ? build_deal_from_row(j.rows.front(), reader_, *inputs_.playbook, inputs_.calendar)
                         : build_deal_from_tasks(j.rows, reader_);
        r.id = built.id;
        r.name = built.name;
        r.feasible = built.feasible;
        r.business_days_missing = built.business_days_missing;
        if (!built.plan) {
            r.errors = std::move(built.errors);
            return r;
        }
        const auto& plan = *built.plan;
        const auto facts = analyze::analyze_plan(plan, reader_.as_of);
        r.close = plan.target_close;
        r.progress = facts.overall;
        r.slipped = facts.slipped_count;
        r.overdue = facts.overdue_count;
        if (inputs_.health) r.health = health_of(health::review(plan, facts, *inputs_.health));
        for (const auto& ext : extensions_) r.files.push_back(r.stem + "." + ext);

        if (inputs_.resume && sink_.up_to_date(r.stem, r.hash, extensions_)) {
            r.outcome = deal_outcome::up_to_date;
            return r;
        }
        diagnostic_sink diags;
        auto outputs = pipeline::render_model(plan, inputs_.request, diags);
        if (diags.has_errors()) {
            for (const auto& d : diags.all())
                if (d.level == severity::error) r.errors.push_back({r.line, "", "", d.code, d.message});
            r.files.clear();
            return r;
        }
        r.warnings = diags.warning_count();
        try {
            sink_.write_outputs(r.stem, outputs);
        } catch (const closeplan::error& e) {
            r.errors.push_back({r.line, "", "", e.diag().code, e.diag().message});
            r.files.clear();
            return r;
        }
        r.outcome = deal_outcome::rendered;
        return r;
    }

    // Keeps results until every earlier one is in, then reports them in order.
    void report(std::vector<std::pair<std::size_t, deal_result>>& results) {
        std::lock_guard lock(mutex_);
        for (auto& [seq, result] : results) finished_.emplace(seq, std::move(result));
        std::size_t released = 0;
        for (auto it = finished_.find(next_report_); it != finished_.end(); it = finished_.find(next_report_)) {
            auto& r = it->second;
            const auto rows = static_cast<std::size_t>(r.row_count);
            ++totals_.deals;
            if (r.outcome == deal_outcome::rendered) totals_.rendered += rows;
            else if (r.outcome == deal_outcome::up_to_date) {
                totals_.skipped += rows;
                totals_.up_to_date += rows;
            }
            else totals_.failed += rows;
            if (r.outcome != deal_outcome::failed && !r.feasible) ++totals_.infeasible;
            sink_.deal_done(r);
            finished_.erase(it);
            ++next_report_;
            ++released;
        }
        if (released) {
            in_flight_ -= released;
            space_.notify_all();
        }
    }

    const batch_inputs& inputs_;
    const row_reader& reader_;
    batch_sink& sink_;
    std::vector<std::string> extensions_;
    std::size_t max_in_flight_ = 1;

    std::mutex mutex_;
    std::condition_variable work_;
    std::condition_variable space_;
    std::vector<job> chunk_;  ///< the reader's next chunk (reader thread only)
    std::deque<std::vector<job>> queue_;
    bool closed_ = false;
    std::size_t in_flight_ = 0;
    std::size_t next_seq_ = 0;
    std::size_t next_report_ = 0;
    std::map<std::size_t, deal_result> finished_;
    batch_totals totals_;
    std::exception_ptr failure_;
    std::vector<std::thread> threads_;
};

std::string hash_of(const std::string& fingerprint, const header_row& header, const std::vector<export_row>& rows) {
    content_hash h;
    h.add(fingerprint);
    for (std::size_t i = 0; i < header.size(); ++i) h.add(header.name(i));
    for (const auto& row : rows) {
        h.add("\x1erow");
        for (const auto& value : row.values) h.add(value);
    }
    return h.hex();
}

bool check_columns(const batch_inputs& inputs, const header_row& header, const resolved_columns& columns,
                   const column_mapping& mapping, diagnostic_sink& diags) {
    const source_location where{inputs.file_name, 1, 1, {}};
    auto missing = [&](const std::string& what, const std::vector<std::string>& candidates) {
        std::string names;
        for (const auto& n : candidates) names += (names.empty() ? "`" : ", `") + n + "`";
        diags.error("B702", "no " + what + " column in the header (" + mapping.name + " looks for " +
                                (names.empty() ? std::string("nothing") : names) + ")",
                    where, {"name the column in a mapping file (--mapping) under `deal:` or `task:`"});
    };
    if (inputs.group_by.empty()) {
        if (!columns.at(deal_field::name) && !columns.at(deal_field::id))
            missing("deal name", mapping.deal[static_cast<std::size_t>(deal_field::name)]);
        if (!columns.at(deal_field::close_date))
            missing("close date", mapping.deal[static_cast<std::size_t>(deal_field::close_date)]);
    } else {
        if (!header.find(inputs.group_by))
            diags.error("B702", "--group-by column `" + inputs.group_by + "` is not in the header", where,
                        {"the header has: " + [&] {
                             std::string all;
                             for (std::size_t i = 0; i < header.size() && i < 12; ++i)
                                 all += (all.empty() ? "" : ", ") + header.name(i);
                             return all;
                         }()});
        if (!columns.at(task_field::title)) missing("task title", mapping.task[static_cast<std::size_t>(task_field::title)]);
        if (!columns.at(task_field::due)) missing("task due date", mapping.task[static_cast<std::size_t>(task_field::due)]);
    }
    return !diags.has_errors();
}

}  // namespace

std::optional<batch_totals> run_batch(std::istream& in, const batch_inputs& inputs, batch_sink& sink,
                                      diagnostic_sink& diags) {
    csv_reader csv(in);
    csv_record header_record;
    const source_location top{inputs.file_name, 1, 1, {}};
    if (!csv.next(header_record)) {
        diags.error("B711", "the export is empty: no header row", top);
        return std::nullopt;
    }
    if (!header_record.problem.empty()) {
        diags.error("B703", "the header row's quoting is broken: " + header_record.problem,
                    {inputs.file_name, header_record.line, 1, {}});
        return std::nullopt;
    }
    const header_row header(header_record.fields);
    for (const auto& name : header.duplicates())
        diags.warning("B710", "column `" + name + "` appears more than once; the first one is used",
                      {inputs.file_name, header_record.line, 1, {}});

    auto mapping = inputs.mapping ? inputs.mapping : detect_preset(header);
    if (!mapping) {
        diags.error("B702", "cannot tell which columns hold what: the header is neither a Salesforce opportunity report nor a HubSpot deals export",
                    top, {"name the columns in a mapping file and pass it with --mapping", "or name a preset with --preset salesforce|hubspot"});
        return std::nullopt;
    }
    if (inputs.dates) mapping->dates = *inputs.dates;
    // Applied after detection too: a detected preset knows no seller or currency of its own.
    if (!inputs.currency.empty()) mapping->currency = inputs.currency;
    if (!inputs.seller.empty()) mapping->seller = inputs.seller;

    row_reader reader;
    reader.header = &header;
    reader.columns = resolve_columns(*mapping, header);
    reader.mapping = &*mapping;
    reader.decimal = inputs.decimal ? *inputs.decimal
                     : mapping->decimal ? *mapping->decimal
                     : csv.separator() == ';' ? decimal_mark::comma : decimal_mark::point;
    reader.as_of = inputs.request.as_of ? *inputs.request.as_of : inputs.request.today;
    reader.locale = !inputs.request.locale.empty() ? inputs.request.locale
                    : !mapping->locale.empty() ? mapping->locale : std::string("en-US");
    reader.value_map = inputs.value_map;
    if (!check_columns(inputs, header, reader.columns, *mapping, diags)) return std::nullopt;
    if (inputs.group_by.empty() && !inputs.playbook) {
        diags.error("B702", "one row per deal needs a playbook for the milestones", top,
                    {"pass --playbook FILE, or --group-by COLUMN when each row is a task"});
        return std::nullopt;
    }

    batch_totals extra;  // rows that never reach a worker: other shards
    stem_registry stems;
    std::size_t deal_index = 0;
    auto wanted = [&](std::size_t index) {
        return static_cast<int>(index % static_cast<std::size_t>(inputs.shard_count)) == inputs.shard_index;
    };
    auto stem_for = [&](const export_row& row) {
        auto [id, name] = deal_identity(row, reader);
        auto stem = safe_stem(id, name);
        return stems.claim(stem.empty() ? "deal-line-" + std::to_string(row.line) : stem);
    };

    std::optional<batch_totals> totals;
    {
        batch_runner runner(inputs, reader, sink);
        export_rows rows(csv, header.size());
        csv_record record;
        std::size_t read = 0;
        if (inputs.group_by.empty()) {
            while (rows.next(record)) {
                ++read;
                if (read % 256 == 0) sink.progress(csv.bytes_read(), read);
                job j;
                j.rows.push_back({record.line, std::move(record.fields)});
                j.stem = stem_for(j.rows.front());
                if (!wanted(deal_index++)) {
                    ++extra.skipped;
                    continue;
                }
                if (!record.problem.empty())
                    j.errors.push_back({record.line, "", "", "B703", "broken quoting: " + record.problem});
                j.hash = hash_of(inputs.fingerprint, header, j.rows);
                runner.submit(std::move(j));
            }
            extra.rows_read = read;
        } else {
            // One row per task: group every row by the deal id, in order of first appearance.
            const auto key_column = *header.find(inputs.group_by);
            std::vector<job> groups;
            std::unordered_map<std::string, std::size_t> by_key;
            std::vector<job> broken;
            while (rows.next(record)) {
                ++read;
                if (read % 256 == 0) sink.progress(csv.bytes_read(), read);
                export_row row{record.line, std::move(record.fields)};
                const std::string key = key_column < row.values.size() ? row.values[key_column] : std::string();
                if (!record.problem.empty() || key.empty()) {
                    job j;
                    j.errors.push_back({row.line, record.problem.empty() ? header.name(key_column) : "", "",
                                        record.problem.empty() ? "B705" : "B703",
                                        record.problem.empty() ? "the deal id to group by is empty"
                                                               : "broken quoting: " + record.problem});
                    j.rows.push_back(std::move(row));
                    groups.push_back(std::move(j));
                    continue;
                }
                auto [it, inserted] = by_key.emplace(key, groups.size());
                if (inserted) groups.emplace_back();
                groups[it->second].rows.push_back(std::move(row));
            }
            extra.rows_read = read;
            for (auto& j : groups) {
                j.stem = j.errors.empty() ? stem_for(j.rows.front()) : std::string();
                if (!wanted(deal_index++)) {
                    extra.skipped += j.rows.size();
                    continue;
                }
                j.hash = hash_of(inputs.fingerprint, header, j.rows);
                runner.submit(std::move(j));
            }
        }
        sink.progress(csv.bytes_read(), read);
        totals = runner.finish();
    }
    totals->rows_read = extra.rows_read;
    totals->skipped += extra.skipped;
    return totals;
}

}  // namespace closeplan::batch

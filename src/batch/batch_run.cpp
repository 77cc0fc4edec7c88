// SPDX-License-Identifier: MIT
// The batch run: one reading thread, N workers, results reported in input order.
//
// Memory stays flat however long the export is: the reader stops while
// `max_in_flight` deals are read but not yet reported, so the queue, the
// workers and the reorder buffer together never hold more than that many
// deals (plus one chunk being filled).
//
// The export is read twice. The first pass decides how each date and amount
// column is written from all its values (column_survey.hpp) and, for one row
// per task, notes where deals end; the second renders.
//
// One row per task (task_groups.hpp): the first pass
// notes where each deal's rows end, the second where the open deals' rows
// lie, and reads a deal's rows again and queues it once its last row is
// read. Deals are numbered, and reported, in order of first appearance, so
// a deal still being read can hold back the report of later ones that
// finished; then the reader stops only for rows waiting for a worker, and
// those finished results (no rows, a few hundred bytes each) wait in the
// reorder buffer.
#include "batch/batch_run.hpp"

#include <algorithm>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <exception>
#include <map>
#include <mutex>
#include <new>
#include <thread>
#include <unordered_map>
#include <unordered_set>

#include "batch/column_survey.hpp"
#include "batch/content_hash.hpp"
#include "batch/deal_plan.hpp"
#include "batch/export_rows.hpp"
#include "batch/file_names.hpp"
#include "batch/money.hpp"
#include "batch/task_groups.hpp"
#include "batch/xlsx_reader.hpp"
#include "load/load_document.hpp"
#include "render/render.hpp"
#include "render/template_set.hpp"
#include "support/utf8.hpp"

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
    std::size_t seq = 0;  ///< the order deals are reported in: 0, 1, 2... over the deals submitted
    int sheet_row = 0;    ///< the deal's first row as a spreadsheet counts rows
    std::vector<export_row> rows;
    std::string stem;
    std::string hash;
    std::vector<row_error> errors;  ///< found while reading (broken quoting, empty group key)
    int duplicate_of_row = 0;       ///< the sheet row that first had this deal id (B760)
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

    /// Queues a deal whose `seq` the reader set. Deals travel in chunks, so
    /// workers and the reader wake each other once per chunk rather than once
    /// per deal; the reader waits while too many deals are in flight.
    void submit(job j) {
        chunk_.push_back(std::move(j));
        if (chunk_.size() >= chunk_size) flush();
    }

    /// The lowest seq the reader is still gathering rows for (none: every
    /// deal read so far was submitted). Reader thread only.
    void reading_from(std::size_t seq) { reading_from_ = seq; }

    /// Waits for every queued deal.
    batch_totals finish() {
        flush();
        {
            std::lock_guard lock(mutex_);
            closed_ = true;
        }
        work_.notify_all();
        for (auto& t : threads_) t.join();
        threads_.clear();
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
        // The next deal to report may be one the reader still holds (still
        // gathering its rows, or in this chunk): waiting for reports would then
        // never end, so only deals waiting for a worker count.
        std::size_t held = reading_from_;
        for (const auto& j : chunk_) held = std::min(held, j.seq);
        const auto n = chunk_.size();
        std::unique_lock lock(mutex_);
        space_.wait(lock, [&] {
            if (in_flight_ + n <= max_in_flight_ || in_flight_ == 0) return true;
            return next_report_ >= held && (pending_ + n <= max_in_flight_ || pending_ == 0);
        });
        in_flight_ += n;
        pending_ += n;
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
                // Whatever goes wrong with one deal fails that deal only: the
                // batch goes on and still writes its index, errors and report.
                try {
                    result = process(j);
                } catch (const std::bad_alloc&) {
                    result = failed_deal(j, "B714", "not enough memory to render this deal; the other deals go on");
                } catch (const std::exception& e) {
                    result = failed_deal(j, "B799", std::string("internal error while rendering this deal: ") + e.what());
                } catch (...) {
                    result = failed_deal(j, "B799", "internal error while rendering this deal");
                }
                results.emplace_back(j.seq, std::move(result));
            }
            report(results);
        }
    }

    static deal_result failed_deal(const job& j, const char* code, std::string message) {
        deal_result r;
        r.line = j.rows.empty() ? 0 : j.rows.front().line;
        r.sheet_row = j.sheet_row;
        r.row_count = static_cast<int>(j.rows.size());
        r.stem = j.stem;
        r.hash = j.hash;
        r.errors.push_back({r.line, "", "", code, std::move(message)});
        return r;
    }

    deal_result process(const job& j) {
        deal_result r;
        r.line = j.rows.front().line;
        r.sheet_row = j.sheet_row;
        r.row_count = static_cast<int>(j.rows.size());
        r.stem = j.stem;
        r.hash = j.hash;
        r.duplicate_of_row = j.duplicate_of_row;
        if (!j.errors.empty()) {
            r.errors = j.errors;
            return r;
        }
        // Left out before anything is built: a closed stage, a --where on the deal's text fields.
        if (left_out(j.rows.front())) {
            r.id = deal_value(j.rows.front(), reader_, deal_field::id);
            r.outcome = deal_outcome::filtered;
            return r;
        }
        const bool task_rows = !inputs_.group_by.empty() && !reader_.contact_rows;
        // The mapped cells are kept for the one validation, with the overlay, once the contacts are in.
        auto built = task_rows ? build_deal_from_tasks(j.rows, reader_, mapped_cells::kept)
                               : build_deal_from_row(j.rows.front(), reader_, *inputs_.playbook, inputs_.calendar,
                                                     mapped_cells::kept);
        std::vector<row_error> task_errors;
        if (task_rows && !built.plan) built = without_bad_tasks(j.rows, std::move(built), task_errors, r);
        r.id = built.id;
        r.name = built.name;
        r.owner = built.owner;
        describe_for_index(j.rows.front(), r);
        r.feasible = built.feasible;
        r.business_days_missing = built.business_days_missing;
        if (built.plan && reader_.contact_rows)
            for (std::size_t i = 1; i < j.rows.size(); ++i) {
                auto problems = check_row_text(j.rows[i], reader_);
                built.errors.insert(built.errors.end(), problems.begin(), problems.end());
            }
        if (!built.plan || !built.errors.empty()) {
            r.errors = std::move(built.errors);
            return r;
        }
        r.errors = std::move(task_errors);  // a deal rendered without its bad tasks still lists them
        if (!add_deal_contacts(*built.plan, j.rows, r)) return r;
        if (!complete_deal_plan(*built.plan, built.cells, r)) return r;
        title_deal_owner(*built.plan);
        if (!passes_close_filters(inputs_.where, built.plan->target_close)) {
            r.outcome = deal_outcome::filtered;
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

    /// One row per task, a deal that failed: each of its rows is tried as a
    /// deal of its own, and when some pass, the deal is built again from
    /// those, so a bad task fails only itself. Its problems go to
    /// `task_errors`, its rows to r.failed_rows. When every row fails (a bad
    /// deal column, written on every row), the deal fails as it was.
    built_deal without_bad_tasks(const std::vector<export_row>& rows, built_deal failed, std::vector<row_error>& task_errors,
                                 deal_result& r) const {
        if (rows.size() < 2) return failed;
        std::vector<export_row> good;
        std::vector<row_error> bad;
        int bad_rows = 0;
        for (const auto& row : rows) {
            auto alone = build_deal_from_tasks({row}, reader_);
            if (alone.plan && alone.errors.empty()) {
                good.push_back(row);
            } else {
                ++bad_rows;
                bad.insert(bad.end(), std::make_move_iterator(alone.errors.begin()), std::make_move_iterator(alone.errors.end()));
            }
        }
        if (good.empty() || bad_rows == 0) return failed;
        auto rebuilt = build_deal_from_tasks(good, reader_, mapped_cells::kept);
        if (!rebuilt.plan || !rebuilt.errors.empty()) return failed;
        task_errors = std::move(bad);
        r.failed_rows = bad_rows;
        return rebuilt;
    }

    /// The seller's index columns: account, raw stage and amount (never the buyer's pages).
    void describe_for_index(const export_row& row, deal_result& r) const {
        r.account = deal_value(row, reader_, deal_field::account);
        r.stage = deal_value(row, reader_, deal_field::stage);
        const auto amount = deal_value(row, reader_, deal_field::amount);
        if (amount.empty()) return;
        const auto currency = deal_value(row, reader_, deal_field::currency);
        const auto parsed = parse_money(amount, reader_.decimal, currency.empty() ? reader_.mapping->currency : currency);
        if (const auto* m = std::get_if<money>(&parsed))
            r.amount = m->decimal_text() + (m->currency.empty() ? "" : " " + m->currency);
        else
            r.amount = amount;
    }

    bool left_out(const export_row& row) const {
        if (!inputs_.include_closed && is_closed_stage(*reader_.mapping, deal_value(row, reader_, deal_field::stage)))
            return true;
        return !passes_text_filters(inputs_.where, [&](deal_field f) { return deal_value(row, reader_, f); });
    }

    /// Stakeholders from the deal's contact rows (or its row's contact
    /// columns) and from the contacts export; those of the export go into the
    /// deal's hash (the rows already are). False: the deal failed (the
    /// contacts export no longer reads back as it did).
    bool add_deal_contacts(model::plan& plan, const std::vector<export_row>& rows, deal_result& r) const {
        std::vector<crm_contact> contacts;
        if (reader_.columns.has_contact_name() && (inputs_.group_by.empty() || reader_.contact_rows))
            for (const auto& row : rows)
                if (auto c = contact_in_row(row, reader_.columns)) contacts.push_back(std::move(*c));
        if (inputs_.contacts) {
            auto found = inputs_.contacts->for_deal(r.id);
            if (!found) {
                r.errors.push_back({r.line, "", "", "B712", "the contacts export changed while it was read"});
                return false;
            }
            auto& joined = *found;
            if (!joined.empty()) {
                content_hash h;
                h.add(r.hash).add("contacts");
                for (const auto& c : joined) h.add(c.name).add(c.title).add(c.role).add(c.email).add(c.primary ? "1" : "0");
                r.hash = h.hex();
                contacts.insert(contacts.end(), std::make_move_iterator(joined.begin()), std::make_move_iterator(joined.end()));
            }
        }
        if (!contacts.empty()) add_contacts(plan, std::move(contacts), *reader_.mapping);
        return true;
    }

    /// Lays the row's mapped cells and the deal's overlay, if it has one, over
    /// the plan and validates it once (deal_plan.hpp); the overlay's bytes go
    /// into the deal's hash (a changed overlay renders the deal again). False: the deal failed.
    bool complete_deal_plan(model::plan& plan, const std::vector<plan_cell>& cells, deal_result& r) const {
        const auto* path = inputs_.overlays ? inputs_.overlays->find(r.id) : nullptr;
        if (!path) return cells.empty() || complete_plan(plan, cells, nullptr, inputs_.file_name, r.line, r.errors);
        std::string text;
        try {
            text = load::read_file(*path);
        } catch (const closeplan::error& e) {
            r.errors.push_back({r.line, "", "", e.diag().code, *path + ": " + e.diag().message});
            return false;
        }
        r.hash = content_hash{}.add(r.hash).add("overlay").add(text).hex();
        const overlay_source overlay{text, *path, inputs_.overlays->folder()};
        return complete_plan(plan, cells, &overlay, inputs_.file_name, r.line, r.errors);
    }

    /// The rep's title in the words of the locale the plan is rendered in
    /// (its final one: a mapped column or an overlay may have set it), unless
    /// an overlay gave the rep a title of its own.
    void title_deal_owner(model::plan& plan) {
        const auto rep = std::find_if(plan.stakeholders.begin(), plan.stakeholders.end(),
                                      [](const model::stakeholder& s) { return s.id == deal_owner_id; });
        if (rep == plan.stakeholders.end() || !rep->title.empty()) return;
        rep->title = owner_title(inputs_.request.locale.empty() ? plan.locale : inputs_.request.locale);
    }

    /// Labels' `stakeholder.deal_owner` in a locale (--template-dir's labels
    /// first, as the render reads them), read once per locale for all workers.
    const std::string& owner_title(const std::string& locale) {
        static constexpr std::string_view key = "stakeholder.deal_owner";
        std::lock_guard lock(titles_mutex_);
        if (const auto it = owner_titles_.find(locale); it != owner_titles_.end()) return it->second;
        diagnostic_sink ignored;  // a locale or labels file in trouble is the render's own diagnostic
        std::string title;
        if (!inputs_.request.template_dir.empty()) {
            try {
                const auto words = render::template_set(inputs_.request.template_dir).load_labels(locale, ignored);
                if (words.has(key)) title = words.get(key);
            } catch (const closeplan::error&) {
            }
        }
        if (title.empty()) title = render::template_set{}.load_labels(locale, ignored).get(key);
        return owner_titles_.emplace(locale, std::move(title)).first->second;
    }

    // Keeps results until every earlier one is in, then reports them in order.
    void report(std::vector<std::pair<std::size_t, deal_result>>& results) {
        std::lock_guard lock(mutex_);
        pending_ -= results.size();
        for (auto& [seq, result] : results) finished_.emplace(seq, std::move(result));
        std::size_t released = 0;
        for (auto it = finished_.find(next_report_); it != finished_.end(); it = finished_.find(next_report_)) {
            auto& r = it->second;
            const auto rows = static_cast<std::size_t>(r.row_count);
            if (r.outcome != deal_outcome::filtered) ++totals_.deals;  // the deals listed
            // A deal rendered without its bad task rows: those rows count as failed.
            const auto failed_rows = std::min(rows, static_cast<std::size_t>(std::max(0, r.failed_rows)));
            if (r.outcome == deal_outcome::rendered) {
                totals_.rendered += rows - failed_rows;
                totals_.failed += failed_rows;
                ++totals_.deals_rendered;
            } else if (r.outcome == deal_outcome::up_to_date) {
                totals_.skipped += rows - failed_rows;
                totals_.up_to_date += rows - failed_rows;
                totals_.failed += failed_rows;
                ++totals_.deals_skipped;
                ++totals_.deals_up_to_date;
            } else if (r.outcome == deal_outcome::filtered) {
                totals_.filtered += rows;
                ++totals_.deals_filtered;
            } else {
                totals_.failed += rows;
                ++totals_.deals_failed;
            }
            if ((r.outcome == deal_outcome::rendered || r.outcome == deal_outcome::up_to_date) && !r.feasible)
                ++totals_.infeasible;
            if (std::any_of(r.errors.begin(), r.errors.end(), [](const row_error& e) { return e.code == "B799"; }))
                ++totals_.internal_errors;
            sink_.deal_done(r);
            finished_.erase(it);
            ++next_report_;
            ++released;
        }
        in_flight_ -= released;
        space_.notify_all();  // fewer deals in flight, or fewer waiting for a worker
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
    std::size_t in_flight_ = 0;  ///< submitted, not yet reported
    std::size_t pending_ = 0;    ///< submitted, not yet through a worker (they hold rows)
    std::size_t reading_from_ = open_groups::none;  ///< reader thread only
    std::size_t next_report_ = 0;
    std::map<std::size_t, deal_result> finished_;
    std::mutex titles_mutex_;
    std::map<std::string, std::string, std::less<>> owner_titles_;  ///< locale -> the rep's title
    batch_totals totals_;
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
                   const column_mapping& mapping, bool contact_rows, diagnostic_sink& diags) {
    const source_location where{inputs.file_name, 1, 1, {}};
    auto missing = [&](const std::string& what, const std::vector<std::string>& candidates) {
        std::string names;
        for (const auto& n : candidates) names += (names.empty() ? "`" : ", `") + n + "`";
        diags.error("B702", "no " + what + " column in the header (" + mapping.name + " looks for " +
                                (names.empty() ? std::string("nothing") : names) + ")",
                    where, {"name the column in a mapping file (--mapping) under `deal:` or `task:`"});
    };
    if (inputs.group_by.empty() || contact_rows) {
        if (!columns.at(deal_field::name) && !columns.at(deal_field::id))
            missing("deal name", mapping.deal[static_cast<std::size_t>(deal_field::name)]);
        if (!columns.at(deal_field::close_date))
            missing("close date", mapping.deal[static_cast<std::size_t>(deal_field::close_date)]);
    }
    // A column named under `plan:` that the header lacks would silently leave that field empty on every plan.
    for (std::size_t i = 0; i < mapping.plan.size(); ++i) {
        const auto& c = mapping.plan[i];
        if (c.value || columns.plan[i]) continue;
        std::string names;
        for (const auto& n : c.headers) names += (names.empty() ? "`" : ", `") + n + "`";
        diags.error("B740", "no " + names + " column in the header for the plan field `" + c.path + "` (" + mapping.name + ")",
                    where, {"name a column of the export under `plan:`, or remove the entry"});
    }
    if (!inputs.group_by.empty()) {
        if (!header.find(inputs.group_by))
            diags.error("B702", "--group-by column `" + inputs.group_by + "` is not in the header", where,
                        {"the header has: " + [&] {
                             std::string all;
                             for (std::size_t i = 0; i < header.size() && i < 12; ++i)
                                 all += (all.empty() ? "" : ", ") + header.name(i);
                             return all;
                         }()});
        if (!contact_rows && !columns.at(task_field::title))
            missing("task title", mapping.task[static_cast<std::size_t>(task_field::title)]);
        if (!contact_rows && !columns.at(task_field::due))
            missing("task due date", mapping.task[static_cast<std::size_t>(task_field::due)]);
    }
    return !diags.has_errors();
}

/// What both reading loops share: the deals' numbering, names and shards.
struct reading {
    reading(const batch_inputs& in, const header_row& h, const row_reader& rd, batch_sink& s, diagnostic_sink& d)
        : inputs(in), header(h), reader(rd), sink(s), diags(d) {}

    const batch_inputs& inputs;
    const header_row& header;
    const row_reader& reader;
    batch_sink& sink;
    stem_registry stems{};
    std::size_t deal_index = 0;  ///< every deal and failed row, in order of first appearance (shards)
    std::size_t next_seq = 0;    ///< the deals this shard submits, in the same order
    std::size_t rows_read = 0;
    std::size_t skipped = 0;     ///< rows of other shards' deals, never submitted
    std::size_t skipped_deals = 0;
    diagnostic_sink& diags;
    std::string last_id;         ///< the deal id stem_for() last read
    /// One row per deal: the sheet row of each deal id's first row, by a
    /// 64-bit hash of the id, in one open-addressing table (at most 24 bytes
    /// a deal however long the ids are: 200,000 deals, under 5 MB).
    struct id_rows {
        std::vector<std::uint64_t> keys = std::vector<std::uint64_t>(1024, 0);  ///< 0 = empty
        std::vector<int> rows = std::vector<int>(1024, 0);
        std::size_t used = 0;
        /// The row stored for `key` (nonzero), storing `row` when there is none; 0 when it was new.
        int first_or_add(std::uint64_t key, int row) {
            if (2 * (used + 1) > keys.size()) grow();
            const std::size_t mask = keys.size() - 1;
            for (std::size_t i = key & mask;; i = (i + 1) & mask) {
                if (keys[i] == key) return rows[i];
                if (keys[i] == 0) {
                    keys[i] = key;
                    rows[i] = row;
                    ++used;
                    return 0;
                }
            }
        }
        void grow() {
            id_rows bigger;
            bigger.keys.assign(keys.size() * 2, 0);
            bigger.rows.assign(keys.size() * 2, 0);
            for (std::size_t i = 0; i < keys.size(); ++i)
                if (keys[i]) bigger.first_or_add(keys[i], rows[i]);
            *this = std::move(bigger);
        }
    };
    id_rows first_row_of_id{};
    std::size_t duplicates = 0;
    static constexpr std::size_t duplicates_told = 20;  ///< B760 warnings one by one; the rest counted in one

    /// The sheet row that first had the deal id stem_for() just read, with a
    /// B760 warning naming both rows; 0 when the id is new (or empty).
    int note_duplicate_id(const export_row& row, int sheet_row, const std::string& stem) {
        if (last_id.empty()) return 0;
        const int first = first_row_of_id.first_or_add(fnv1a(last_id) | 1, sheet_row);  // |1: never the empty key
        if (first == 0) return 0;
        if (++duplicates <= duplicates_told) {
            const auto column = reader.columns.at(deal_field::id);
            const std::string column_name = column ? header.name(*column) : std::string("deal id");
            diags.warning("B760",
                          "deal id `" + utf8::replace_invalid(last_id) + "` (column " + column_name + ") is on row " +
                              std::to_string(first) + " and again on row " + std::to_string(sheet_row) +
                              ": each row gets its own plan, this one named `" + stem + "`",
                          {inputs.file_name, row.line, 0, {}},
                          {"an export with one row per contact role or product: pass --group-by \"" + column_name + "\"",
                           "otherwise remove one of the rows, or give each deal its own id"});
        }
        return first;
    }
    /// After the last row: the duplicates not told one by one, in one warning.
    void tell_untold_duplicates() {
        if (duplicates <= duplicates_told) return;
        diags.warning("B760",
                      std::to_string(duplicates - duplicates_told) + " more rows repeat a deal id of an earlier row",
                      {inputs.file_name, 0, 0, {}},
                      {"batch-report.json names each such deal's first row (`duplicate_of_row`)"});
    }
    static std::uint64_t fnv1a(std::string_view text) {
        std::uint64_t h = 14695981039346656037ull;
        for (unsigned char c : text) h = (h ^ c) * 1099511628211ull;
        return h;
    }

    /// Whether the next deal is this shard's.
    bool take_next() {
        const auto index = deal_index++;
        return static_cast<int>(index % static_cast<std::size_t>(inputs.shard_count)) == inputs.shard_index;
    }
    /// Claimed for every deal in order of first appearance, whatever the shard,
    /// so names agree across shards: the name an earlier run gave the deal's id,
    /// else the mapping's pattern (file_names.hpp).
    std::string stem_for(const export_row& row) {
        const std::string_view pattern = reader.mapping->file_name.empty()
                                             ? default_file_name_pattern
                                             : std::string_view(reader.mapping->file_name);
        auto naming = deal_naming(row, reader, pattern_uses_more_than_id_and_name(pattern));
        last_id = naming.id;
        if (inputs.overlays) inputs.overlays->mark_used(naming.id);  // whichever shard renders it
        std::string stem = naming.id.empty() ? std::string() : sink.known_stem(naming.id);
        if (stem.empty()) stem = stem_from_pattern(pattern, naming);
        return stems.claim(stem.empty() ? "deal-line-" + std::to_string(row.line) : stem);
    }
    void counted_row(const record_source& csv) {
        if (++rows_read % 256 == 0) sink.progress(csv.bytes_read(), rows_read);
    }
    batch_totals totals_with(batch_totals totals) const {
        totals.rows_read = rows_read;
        totals.skipped += skipped;
        totals.deals_skipped += skipped_deals;
        totals.duplicate_ids = duplicates;
        return totals;
    }
};

/// A record libcsv could not split (B703) or that is over a limit (B713, with its column when one value is).
row_error record_error(const csv_record& record, const header_row& header) {
    if (record.over_limit) {
        const auto i = record.long_value;
        std::string column = i == 0 ? "" : i <= header.size() ? header.name(i - 1) : "column " + std::to_string(i);
        return {record.line, std::move(column), "", "B713", record.problem};
    }
    return {record.line, "", "", "B703", "broken quoting: " + record.problem};
}

void read_deal_rows(record_source& csv, reading& r, batch_runner& runner) {
    export_rows rows(csv, r.header.size());
    csv_record record;
    while (rows.next(record)) {
        r.counted_row(csv);
        job j;
        j.sheet_row = static_cast<int>(std::min<std::size_t>(r.rows_read + 1, INT32_MAX));  // the header is row 1
        j.rows.push_back({record.line, std::move(record.fields)});
        j.stem = r.stem_for(j.rows.front());
        j.duplicate_of_row = r.note_duplicate_id(j.rows.front(), j.sheet_row, j.stem);
        if (!r.take_next()) {
            ++r.skipped;
            ++r.skipped_deals;
            r.sink.elsewhere(j.stem);
            continue;
        }
        if (!record.problem.empty()) j.errors.push_back(record_error(record, r.header));
        j.hash = hash_of(r.inputs.fingerprint, r.header, j.rows);
        j.seq = r.next_seq++;
        runner.submit(std::move(j));
    }
    r.sink.progress(csv.bytes_read(), r.rows_read);
}

/// The second pass of one row per task: where the rows of each open deal
/// lie, each deal read again and submitted once its last row is read; a row
/// with broken quoting or no deal id is a failed deal of its own, at its place.
/// `rereader` reads a CSV export's rows again from their place; an .xlsx
/// sheet is streamed from inside its zip, so for one (nullptr) the rows of the
/// deals this shard has open are held instead, until their deal's last row
/// (the workbook itself is in memory anyway, and bounds them).
void read_task_rows(record_source& csv, reading& r, std::size_t key_column, group_ends ends, row_rereader* rereader,
                    batch_runner& runner) {
    open_groups open(std::move(ends));
    std::unordered_map<int, std::vector<std::string>> held;  // .xlsx: the rows of this shard's open deals, by row number
    std::unordered_set<std::string> holding;                 // .xlsx: the deal ids whose rows are held
    auto submit = [&](std::vector<export_row> rows, std::size_t seq, std::string stem, std::vector<row_error> errors,
                      int sheet_row) {
        job j;
        j.sheet_row = sheet_row;
        j.rows = std::move(rows);
        j.seq = seq;
        j.stem = std::move(stem);
        j.errors = std::move(errors);
        j.hash = hash_of(r.inputs.fingerprint, r.header, j.rows);
        runner.reading_from(open.lowest_open());
        runner.submit(std::move(j));
    };
    auto finish_group = [&](open_groups::group g) {
        if (g.order == open_groups::none) {
            r.skipped += g.row_count;
            ++r.skipped_deals;
            return;
        }
        std::size_t bytes = 0;
        for (const auto& ref : g.rows) bytes += ref.length;
        if (!rereader) {
            std::vector<export_row> rows;
            for (const auto& ref : g.rows) {
                auto it = held.find(ref.line);
                if (it == held.end()) break;
                rows.push_back({ref.line, std::move(it->second)});
                held.erase(it);
            }
            if (rows.size() == g.rows.size() && bytes <= max_deal_bytes) {
                submit(std::move(rows), g.order, std::move(g.stem), {}, g.sheet_row);
                return;
            }
        } else if (bytes <= max_deal_bytes) {
            if (auto rows = rereader->read(g.rows)) {
                submit(std::move(*rows), g.order, std::move(g.stem), {}, g.sheet_row);
                return;
            }
        }
        // Failed as a whole, reported on its first row; its rows still count.
        std::vector<export_row> lines;
        for (const auto& ref : g.rows) lines.push_back({ref.line, {}});
        std::vector<row_error> errors{
            bytes > max_deal_bytes
                ? row_error{g.rows.front().line, "", "", "B713",
                            "the deal's " + std::to_string(g.rows.size()) + " task rows hold " + std::to_string(bytes) +
                                " bytes; one deal's rows may hold at most " + std::to_string(max_deal_bytes)}
                : row_error{g.rows.front().line, "", "", "B712", "the export changed while it was read"}};
        submit(std::move(lines), g.order, std::move(g.stem), std::move(errors), g.sheet_row);
    };

    export_rows rows(csv, r.header.size());
    csv_record record;
    while (rows.next(record)) {
        r.counted_row(csv);
        const int sheet_row = static_cast<int>(std::min<std::size_t>(r.rows_read + 1, INT32_MAX));
        export_row row{record.line, std::move(record.fields)};
        const std::string key = key_column < row.values.size() ? row.values[key_column] : std::string();
        if (!record.problem.empty() || key.empty()) {
            if (!r.take_next()) {
                ++r.skipped;
                ++r.skipped_deals;
                continue;
            }
            std::vector<row_error> errors;
            if (record.problem.empty())
                errors.push_back({row.line, r.header.name(key_column), "", "B705", "the deal id to group by is empty"});
            else errors.push_back(record_error(record, r.header));
            std::vector<export_row> alone;
            alone.push_back(std::move(row));
            submit(std::move(alone), r.next_seq++, {}, std::move(errors), sheet_row);
            continue;
        }
        if (!open.is_open(key)) {
            auto stem = r.stem_for(row);
            if (r.take_next()) {
                open.open(key, r.next_seq++, std::move(stem), sheet_row);
                if (!rereader) holding.insert(key);
            } else {
                r.sink.elsewhere(stem);
                open.open(key, open_groups::none);
            }
        }
        // An .xlsx row's length is what its values hold (the deal's size limit counts them).
        std::size_t length = record.length;
        if (!rereader) {
            length = 0;
            for (const auto& v : row.values) length += v.size() + 1;
            if (holding.count(key)) held.emplace(row.line, std::move(row.values));
        }
        if (auto done = open.add(key, {record.offset, static_cast<std::uint32_t>(std::min<std::size_t>(length, UINT32_MAX)), record.line})) {
            if (!rereader) holding.erase(key);
            finish_group(std::move(*done));
        }
    }
    for (auto& g : open.close_all()) finish_group(std::move(g));
    runner.reading_from(open_groups::none);
    r.sink.progress(csv.bytes_read(), r.rows_read);
}

/// An .xlsx export (a zip container, whatever its name) opened, its sheet
/// chosen; nullptr for a CSV export. Problems are B721 and B722 in `diags`.
std::unique_ptr<xlsx_workbook> open_if_workbook(std::istream& in, std::streampos start, const batch_inputs& inputs,
                                                std::size_t& sheet, diagnostic_sink& diags) {
    const source_location top{inputs.file_name, 0, 0, {}};
    // Peeked first, so a CSV export (which hardly starts with `P`) is not read from its start once more.
    char magic[4] = {};
    std::size_t got = 0;
    if (in.peek() == 'P') {
        in.read(magic, sizeof magic);
        got = static_cast<std::size_t>(in.gcount());
        in.clear();
        in.seekg(start);
    }
    in.clear();
    if (!looks_like_zip({magic, got})) {
        if (!inputs.sheet.empty())
            diags.error("B722", "--sheet `" + inputs.sheet + "` names a sheet, but the export is not an .xlsx workbook", top,
                        {"--sheet is for .xlsx exports; leave it out for CSV"});
        return nullptr;
    }
    std::string bytes;
    char chunk[64 * 1024];
    while (in.read(chunk, sizeof chunk) || in.gcount() > 0) {
        bytes.append(chunk, static_cast<std::size_t>(in.gcount()));
        if (bytes.size() > max_xlsx_bytes) {
            diags.error("B721", "the .xlsx export is over " + std::to_string(max_xlsx_bytes) + " bytes, the most closeplan reads", top,
                        {"export fewer rows or columns, or save the sheet as CSV UTF-8 (CSV has no size limit)"});
            return nullptr;
        }
    }
    auto opened = xlsx_workbook::open(std::move(bytes));
    if (auto* why = std::get_if<std::string>(&opened)) {
        diags.error("B721", "the .xlsx export cannot be read: " + *why, top,
                    {"open it in Excel or LibreOffice and save it again as .xlsx, or as CSV UTF-8"});
        return nullptr;
    }
    auto book = std::move(std::get<std::unique_ptr<xlsx_workbook>>(opened));
    const auto& names = book->sheet_names();
    sheet = 0;
    if (!inputs.sheet.empty()) {
        const auto it = std::find(names.begin(), names.end(), inputs.sheet);
        if (it == names.end()) {
            std::string all;
            for (const auto& n : names) all += (all.empty() ? "`" : ", `") + n + "`";
            diags.error("B722", "the workbook has no sheet named `" + inputs.sheet + "`", top, {"its sheets are " + all});
            return nullptr;
        }
        sheet = static_cast<std::size_t>(it - names.begin());
    }
    return book;
}

}  // namespace

std::optional<batch_totals> run_batch(std::istream& in, const batch_inputs& inputs, batch_sink& sink,
                                      diagnostic_sink& diags) {
    const auto start = in.tellg();  // the second pass comes back here
    const source_location top{inputs.file_name, 1, 1, {}};
    if (start == std::streampos(-1)) {
        diags.error("B712", "the export cannot be read a second time (its columns are read whole before any row)", top,
                    {"give a file rather than a pipe"});
        return std::nullopt;
    }
    std::size_t sheet = 0;
    const auto book = open_if_workbook(in, start, inputs, sheet, diags);
    if (diags.has_errors()) return std::nullopt;
    std::unique_ptr<record_source> first_pass;
    if (book) first_pass = book->rows(sheet);
    else first_pass = std::make_unique<csv_reader>(in);
    const char separator = book ? ',' : static_cast<csv_reader&>(*first_pass).separator();
    auto& csv = *first_pass;
    // A workbook whose sheet XML breaks off is refused as a whole, before any output.
    auto sheet_failed = [&] {
        if (csv.failure().empty()) return false;
        diags.error("B721", "the .xlsx export cannot be read: " + csv.failure(), top,
                    {"open it in Excel or LibreOffice and save it again as .xlsx, or as CSV UTF-8"});
        return true;
    };
    csv_record header_record;
    if (!csv.next(header_record)) {
        if (sheet_failed()) return std::nullopt;
        diags.error("B711", "the export is empty: no header row", top);
        return std::nullopt;
    }
    if (!header_record.problem.empty()) {
        diags.error(header_record.over_limit ? "B713" : "B703",
                    header_record.over_limit ? "the header row is over a limit: " + header_record.problem
                                             : "the header row's quoting is broken: " + header_record.problem,
                    {inputs.file_name, header_record.line, 1, {}});
        return std::nullopt;
    }
    if (const auto bad = header_bad_byte(header_record)) {
        report_not_utf8(*bad, nullptr, inputs.file_name, diags);
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
    reader.as_of = inputs.request.as_of ? *inputs.request.as_of : inputs.request.today;
    reader.locale = !inputs.request.locale.empty() ? inputs.request.locale
                    : !mapping->locale.empty() ? mapping->locale : std::string("en-US");
    reader.locale_forced = !inputs.request.locale.empty();
    reader.file_name = inputs.file_name;
    reader.value_map = inputs.value_map;
    // One row per contact role: grouped by the deal id, no task columns, a contact name column.
    reader.contact_rows = !inputs.group_by.empty() && !reader.columns.at(task_field::title) &&
                          reader.columns.has_contact_name();
    if (!check_columns(inputs, header, reader.columns, *mapping, reader.contact_rows, diags)) return std::nullopt;
    if ((inputs.group_by.empty() || reader.contact_rows) && !inputs.playbook) {
        diags.error("B702", "one row per deal needs a playbook for the milestones", top,
                    {"pass --playbook FILE, or --group-by COLUMN when each row is a task"});
        return std::nullopt;
    }

    // First pass: how each column writes its dates and amounts is decided
    // from all its values, before any deal is rendered or any file written.
    const auto close_column = reader.columns.at(deal_field::close_date);
    const auto due_column = reader.columns.at(task_field::due);
    std::vector<std::size_t> date_columns;
    if (close_column) date_columns.push_back(*close_column);
    if (!inputs.group_by.empty() && due_column) date_columns.push_back(*due_column);
    // Mapped plan dates (go_live...) are settled like the close date; a split list of dates is read piece by piece.
    for (std::size_t i = 0; i < mapping->plan.size(); ++i) {
        const auto& c = mapping->plan[i];
        const bool date = c.kind == validate::detail::field_kind::date || c.kind == validate::detail::field_kind::date_list;
        if (date && c.split.empty() && reader.columns.plan[i] &&
            std::find(date_columns.begin(), date_columns.end(), *reader.columns.plan[i]) == date_columns.end())
            date_columns.push_back(*reader.columns.plan[i]);
    }
    std::vector<std::size_t> amount_columns;
    if (const auto amount = reader.columns.at(deal_field::amount)) amount_columns.push_back(*amount);
    column_survey survey(date_columns, amount_columns);
    std::optional<group_ends> ends;
    {
        export_rows rows(csv, header.size());
        if (inputs.group_by.empty()) {
            csv_record record;
            while (rows.next(record)) survey.observe(record);
        } else {
            ends = group_ends::scan(rows, *header.find(inputs.group_by), &survey);
        }
    }
    if (sheet_failed()) return std::nullopt;
    stated_styles stated;
    if (mapping->dates != date_style::automatic) {
        stated.dates = mapping->dates;
        stated.dates_source = inputs.dates ? std::string("--date-format ") + style_name(*inputs.dates)
                                           : "`dates: " + std::string(style_name(mapping->dates)) + "` in " + mapping->name;
    }
    if (inputs.decimal || mapping->decimal) {
        stated.decimal = inputs.decimal ? *inputs.decimal : *mapping->decimal;
        const std::string mark = *stated.decimal == decimal_mark::point ? "point" : "comma";
        stated.decimal_source = inputs.decimal ? "--decimal " + mark : "`decimal: " + mark + "` in " + mapping->name;
    }
    stated.default_decimal = separator == ';' ? decimal_mark::comma : decimal_mark::point;
    stated.sheet = book != nullptr;
    reader.sheet_columns = book != nullptr;
    const auto settled = settle_columns(survey, header, stated, inputs.file_name, mapping->currency, diags);
    if (!settled) return std::nullopt;
    reader.decimal = settled->decimal;
    reader.close_dates = settled->date_style_of(close_column);
    reader.due_dates = settled->date_style_of(due_column);
    for (const auto& column : reader.columns.plan) reader.plan_dates.push_back(settled->date_style_of(column));

    // The second pass starts over: the same bytes, the same header.
    std::unique_ptr<record_source> second_pass;
    if (book) {
        second_pass = book->rows(sheet);
    } else {
        in.clear();
        if (!in.seekg(start)) {
            diags.error("B712", "the export cannot be read a second time (its columns are read whole before any row)", top,
                        {"give a file rather than a pipe"});
            return std::nullopt;
        }
        second_pass = std::make_unique<csv_reader>(in, separator);
    }
    auto& again = *second_pass;
    csv_record header_again;
    if (!again.next(header_again) || header_again.fields != header_record.fields) {
        diags.error("B712", "the export changed while it was read", top, {"export to a new file, then run the batch on it"});
        return std::nullopt;
    }
    reading r(inputs, header, reader, sink, diags);
    if (inputs.group_by.empty()) {
        batch_runner runner(inputs, reader, sink);
        read_deal_rows(again, r, runner);
        r.tell_untold_duplicates();
        auto totals = r.totals_with(runner.finish());
        if (inputs.overlays) inputs.overlays->report_unused(diags);
        return totals;
    }
    const auto key_column = *header.find(inputs.group_by);
    std::optional<row_rereader> rereader;
    if (!book) rereader.emplace(in, start, separator);
    batch_runner runner(inputs, reader, sink);
    read_task_rows(again, r, key_column, std::move(*ends), rereader ? &*rereader : nullptr, runner);
    auto totals = r.totals_with(runner.finish());
    if (inputs.overlays) inputs.overlays->report_unused(diags);
    return totals;
}

}  // namespace closeplan::batch

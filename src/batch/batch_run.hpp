// SPDX-License-Identifier: MIT
// `closeplan batch` without the command line: stream a CRM export through a
// bounded queue to worker threads, render each deal through the pipeline,
// and hand results back in input order, whatever the number of workers.
#pragma once

#include <cstddef>
#include <istream>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "analyze/analysis.hpp"
#include "batch/contacts.hpp"
#include "batch/deal_builder.hpp"
#include "batch/deal_filter.hpp"
#include "batch/error_report.hpp"
#include "batch/mapping.hpp"
#include "batch/overlays.hpp"
#include "closeplan/diagnostics.hpp"
#include "health/health.hpp"
#include "pipeline/pipeline.hpp"
#include "schedule/business_calendar.hpp"
#include "schedule/playbook.hpp"

namespace closeplan::batch {

struct batch_inputs {
    std::string file_name;                    ///< the export's name, for diagnostics
    std::optional<column_mapping> mapping;    ///< a preset or a mapping file; unset = detect a preset
    std::optional<schedule::playbook> playbook;  ///< one row per deal needs it
    schedule::business_calendar calendar;
    std::string group_by;                     ///< set: one row per task, grouped by this column
    std::string sheet;                        ///< --sheet: the .xlsx sheet to read (default: the first)
    std::optional<date_style> dates;          ///< --date-format, over the mapping's
    std::optional<decimal_mark> decimal;      ///< over the mapping's and the separator's
    std::string currency;                     ///< --currency: over the mapping's or preset's, when set
    std::string seller;                       ///< --seller: over the mapping's or preset's, when set
    std::vector<model::value_entry> value_map;
    pipeline::render_request request;         ///< formats, as_of/today, templates, style, paper, locale
    int jobs = 1;
    int shard_index = 0;  ///< 0-based
    int shard_count = 1;
    bool resume = false;
    std::string fingerprint;  ///< everything besides the row that changes the output (options, version)
    std::size_t max_in_flight = 0;  ///< deals read but not yet reported; 0 = 16 per worker + 16
    std::optional<health::config> health;     ///< set by --check: each deal's plan health goes into the index
    std::shared_ptr<const overlay_folder> overlays;  ///< --overlays: per-deal plan fields merged over the export's
    std::shared_ptr<const contacts_index> contacts;  ///< --contacts: stakeholders joined on the deal id
    std::vector<deal_filter> where;           ///< --where: every one must hold
    bool include_closed = false;              ///< --include-closed: the mapping's closed stages are rendered too
};

/// filtered: left out by --where or a closed stage; not rendered, not listed, its files prunable.
enum class deal_outcome { rendered, up_to_date, failed, filtered };

/// A deal's plan health (--check), for the seller's index, never the buyer's documents.
struct deal_health {
    int score = 100;
    int errors = 0, warnings = 0, notes = 0;
    std::vector<std::string> rules;  ///< "H812 step-at-risk", each rule found, in id order
};

/// What happened to one deal (one row, or one deal's task rows).
struct deal_result {
    int line = 0;        ///< first physical line of the deal
    int sheet_row = 0;   ///< its first row as a spreadsheet counts rows: the header is row 1, each record one row
    int row_count = 1;   ///< rows of the export it stands for
    int failed_rows = 0; ///< one row per task: the bad task rows left out of a deal rendered without them (in `errors`)
    std::string stem;    ///< output file name without extension; empty when it has none
    std::string id;
    std::string name;
    std::string owner;   ///< the deal owner as the export names them (the seller's rep)
    std::string account; ///< for the seller's index: the account, raw stage and amount as the export has them
    std::string stage;
    std::string amount;  ///< "240000.00 USD" (read as the column settled it), or the text as written when unreadable
    std::string hash;    ///< content hash of the rows and options (resume)
    deal_outcome outcome = deal_outcome::failed;
    std::vector<row_error> errors;
    std::vector<std::string> files;  ///< file names written or kept (stem + extension)
    std::optional<model::date> close;
    analyze::progress progress;
    int slipped = 0;
    int overdue = 0;
    bool feasible = true;
    int business_days_missing = 0;
    std::size_t warnings = 0;
    std::optional<deal_health> health;  ///< with --check
    int duplicate_of_row = 0;  ///< one row per deal: the sheet row that first had this deal id (B760); 0 = none
};

/// Where results go: the command writes files, the tests collect them.
class batch_sink {
public:
    virtual ~batch_sink() = default;
    /// Whether the files of `stem` exist and were made from content with this hash (resume). Called from workers.
    virtual bool up_to_date(const std::string& stem, const std::string& hash,
                            const std::vector<std::string>& extensions) = 0;
    /// Writes one deal's outputs (temp file + rename). Called from workers; throws closeplan::error.
    virtual void write_outputs(const std::string& stem, const std::vector<pipeline::rendered_output>& outputs) = 0;
    /// Every deal, in input order, one call at a time.
    virtual void deal_done(const deal_result& result) = 0;
    /// Reading progress: bytes of the export read and rows so far. Called from the reading thread.
    virtual void progress(std::size_t /*bytes_read*/, std::size_t /*rows*/) {}
    /// The stem a deal with this id had in an earlier run, so a renamed deal
    /// keeps the name of files already shared; empty when none. Called from the reading thread.
    virtual std::string known_stem(std::string_view /*deal_id*/) { return {}; }
    /// A deal another shard renders (--shard): its files are not this run's to prune. Reading thread.
    virtual void elsewhere(const std::string& /*stem*/) {}
};

/// Rows and deals are counted apart: one row per task or contact role makes
/// one deal of many rows, so "rendered" (rows) and "deals_rendered" differ.
struct batch_totals {
    std::size_t rows_read = 0;
    std::size_t rendered = 0;  ///< rows whose deal was rendered
    std::size_t failed = 0;
    std::size_t skipped = 0;   ///< up to date (--resume) or another shard's
    std::size_t up_to_date = 0;  ///< the part of `skipped` that --resume kept
    std::size_t deals = 0;
    std::size_t filtered = 0;  ///< rows of deals left out by --where or a closed stage
    std::size_t infeasible = 0;  ///< deals whose schedule does not fit before as_of
    std::size_t internal_errors = 0;  ///< deals that failed on a bug in closeplan (B799)
    std::size_t deals_rendered = 0;
    std::size_t deals_failed = 0;
    std::size_t deals_skipped = 0;     ///< up to date (--resume) or another shard's
    std::size_t deals_up_to_date = 0;  ///< the part of `deals_skipped` that --resume kept
    std::size_t deals_filtered = 0;
    std::size_t duplicate_ids = 0;     ///< one row per deal: rows whose deal id an earlier row had (B760)

    /// Every deal of the export: rendered + failed + skipped + filtered.
    [[nodiscard]] std::size_t deals_seen() const { return deals_rendered + deals_failed + deals_skipped + deals_filtered; }
};

/// Runs the batch. Problems with the export as a whole (no header, no known
/// columns, a bad --group-by) are B7xx errors in `diags` and nothing is
/// rendered (nullopt); problems with rows end up in deal_result::errors.
/// `in` is read twice (first how its columns write dates and amounts,
/// column_survey.hpp) and, with `group_by`, its rows again by their place
/// (task_groups.hpp), so it must be able to seek (B712 otherwise). A column
/// that contradicts itself or the flags is one error here, before any output.
std::optional<batch_totals> run_batch(std::istream& in, const batch_inputs& inputs, batch_sink& sink,
                                      diagnostic_sink& diags);

}  // namespace closeplan::batch

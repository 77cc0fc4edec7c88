// SPDX-License-Identifier: MIT
// What `closeplan batch` writes into its output folder:
//   <stem>.<ext>        each deal's documents (temp file + rename: output_files.hpp)
//   index.html          the totals, then every deal: owner, account, amount, stage,
//                       close date, progress, schedule fit (index-p2.html... past
//                       1,000 deals: batch_index.hpp)
//   errors.csv          every problem with a row (formulas neutralised)
//   batch-report.json   with --report json
//   .closeplan-batch.manifest  one line per deal: --resume, --prune, stable names (batch_manifest.hpp)
// With --shard K/N the three reports and the manifest carry "-K-of-N".
#pragma once

#include <atomic>
#include <cstdint>
#include <fstream>
#include <mutex>
#include <optional>
#include <string>

#include "batch/batch_report.hpp"
#include "batch/batch_run.hpp"
#include "cli/batch_flags.hpp"
#include "cli/batch_index.hpp"
#include "cli/batch_manifest.hpp"
#include "cli/output_files.hpp"
#include "cli/progress_bar.hpp"

namespace closeplan::cli {

/// Where the batch's results go: files in the output folder.
class folder_sink : public batch::batch_sink {
public:
    /// `suffix` is "" or "-K-of-N" (--shard).
    folder_sink(const batch_flags& flags, const std::string& suffix, model::date as_of, bool show_progress,
                std::uintmax_t export_size);

    bool up_to_date(const std::string& stem, const std::string& hash, const std::vector<std::string>& extensions) override;
    void write_outputs(const std::string& stem, const std::vector<pipeline::rendered_output>& outputs) override;
    void deal_done(const batch::deal_result& deal) override;
    void progress(std::size_t bytes, std::size_t rows) override;
    std::string known_stem(std::string_view deal_id) override;
    void elsewhere(const std::string& stem) override;
    /// Closes the index, errors.csv and the report (renamed into place) and
    /// commits the manifest; with --prune, then removes the files of earlier
    /// runs that this one neither wrote nor kept. Returns the files removed.
    std::size_t finish(const batch::batch_totals& totals);

private:
    const batch_flags& flags_;
    model::date as_of_;
    batch_manifest manifest_;
    index_writer index_;
    streamed_output errors_;
    std::optional<streamed_output> report_;
    batch::json_report_writer report_json_;
    std::size_t printed_errors_ = 0;
    std::atomic<std::size_t> deals_done_{0};
    std::mutex progress_mutex_;
    progress_bar bar_;
};

/// Copies standard input into a hidden file in the output folder and opens
/// it in `file`; the name is gone at once (the open file stays readable), and
/// a killed run's leftover `.stdin.tmp-XXXXXX` is removed by --resume.
/// Returns its size. One row per task reads the export twice; a pipe can be read only once.
std::uintmax_t spool_standard_input(const std::string& folder, std::ifstream& file);

/// Copies what can be read only once (a pipe given as --contacts) into a
/// hidden file in the output folder, its name removed at once, and returns
/// the descriptor of the copy, which can be read at any offset.
int spool_to_hidden_file(const std::string& folder, int from);

/// Removes the temporary files a killed run left in the folder (`.name.tmp-XXXXXX`): --resume.
void remove_leftover_temporaries(const std::string& folder);

}  // namespace closeplan::cli

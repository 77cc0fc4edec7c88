// SPDX-License-Identifier: MIT
// `closeplan batch-index DIR`: one index for a batch run as shards.
//
// Each shard (`batch --shard K/N --report json -o DIR`, on any machine) writes
// its own index-K-of-N.html and batch-report-K-of-N.json; once every shard is
// done, batch-index reads the N reports and writes index.html (with its pages)
// and batch-report.json for the whole export, deals in the export's order, as
// one unsharded run would have written them. The reports are read a line at a
// time (one deal a line) and merged by their rows, so memory stays flat.
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <queue>
#include <regex>

#include <nlohmann/json.hpp>

#include "batch/batch_report.hpp"
#include "batch/index_page.hpp"
#include "cli/batch_index.hpp"
#include "cli/command_registry.hpp"
#include "cli/output_files.hpp"
#include "cli/terminal.hpp"
#include "model/dates.hpp"

namespace closeplan::cli {

namespace {

namespace fs = std::filesystem;

struct batch_index_flags {
    std::string folder;
    bool quiet = false;
};

batch_index_flags& flags() {
    static batch_index_flags parsed;
    return parsed;
}

/// One shard's batch-report-K-of-N.json, read one deal at a time.
class shard_report {
public:
    shard_report(fs::path path, diagnostic_sink& diags) : path_(std::move(path)), in_(path_), diags_(diags) {
        std::string first;
        if (!in_ || !read_line(first) || first != "{\"deals\":[") broken("it does not start as a batch report does");
    }

    /// The next deal; nullopt at the end of the list (then totals() holds) or on a broken line.
    std::optional<batch::deal_result> next() {
        std::string line;
        if (ok_ && read_line(line)) {
            if (line.starts_with("],")) {
                try {
                    members_ = nlohmann::json::parse("{" + line.substr(2));
                    totals_ = batch::totals_from_json(members_);
                    done_ = true;
                } catch (const nlohmann::json::exception& e) {
                    broken(std::string("its totals cannot be read: ") + e.what());
                }
                return std::nullopt;
            }
            if (line.ends_with(",")) line.pop_back();
            try {
                return batch::deal_from_json(nlohmann::json::parse(line));
            } catch (const nlohmann::json::exception& e) {
                broken(std::string("a deal cannot be read: ") + e.what());
                return std::nullopt;
            }
        }
        if (ok_) broken("it ends before its totals (was the shard killed?)");
        return std::nullopt;
    }

    [[nodiscard]] bool complete() const { return ok_ && done_; }
    [[nodiscard]] const batch::batch_totals& totals() const { return totals_; }
    [[nodiscard]] std::string member(const char* key) const { return members_.value(key, std::string()); }
    [[nodiscard]] std::string name() const { return path_.filename().string(); }

private:
    bool read_line(std::string& line) {
        if (!std::getline(in_, line)) return false;
        ++line_;
        return true;
    }
    void broken(const std::string& why) {
        ok_ = false;
        diags_.error("B762", name() + " is not a whole batch report: " + why, {path_.string(), line_, 0, {}},
                     {"run that shard again with --report json into this folder"});
    }

    fs::path path_;
    std::ifstream in_;
    diagnostic_sink& diags_;
    int line_ = 0;
    bool ok_ = true;
    bool done_ = false;
    nlohmann::json members_;
    batch::batch_totals totals_;
};

/// The reports of every shard K of N in the folder, in K order; errors when one is missing or two runs' mix.
std::vector<fs::path> shard_reports(const std::string& folder, diagnostic_sink& diags) {
    static const std::regex name(R"(batch-report-([0-9]{1,6})-of-([0-9]{1,6})\.json)");
    std::map<int, std::map<int, fs::path>> by_count;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        std::smatch m;
        const auto file = entry.path().filename().string();
        if (std::regex_match(file, m, name)) by_count[std::stoi(m[2])][std::stoi(m[1])] = entry.path();
    }
    const source_location where{folder, 0, 0, {}};
    if (ec) {
        diags.error("B761", "cannot read the folder \"" + folder + "\": " + ec.message(), where, {});
        return {};
    }
    if (by_count.empty()) {
        diags.error("B761", "no shard reports (batch-report-K-of-N.json) in \"" + folder + "\"", where,
                    {"run each shard as `closeplan batch EXPORT --shard K/N --report json -o " + folder + "`"});
        return {};
    }
    if (by_count.size() > 1) {
        diags.error("B761", "the folder holds reports of runs split " + std::to_string(by_count.begin()->first) +
                                " ways and " + std::to_string(by_count.rbegin()->first) + " ways",
                    where, {"remove the reports of the older run (batch-report-K-of-N.json) and run batch-index again"});
        return {};
    }
    const auto& [count, shards] = *by_count.begin();
    std::vector<fs::path> out;
    for (int k = 1; k <= count; ++k) {
        auto it = shards.find(k);
        if (it == shards.end()) {
            diags.error("B761", "shard " + std::to_string(k) + " of " + std::to_string(count) + " has no report (batch-report-" +
                                    std::to_string(k) + "-of-" + std::to_string(count) + ".json)",
                        where, {"wait for that shard to finish, or run it again with --report json into this folder"});
            continue;
        }
        out.push_back(it->second);
    }
    return diags.has_errors() ? std::vector<fs::path>{} : out;
}

/// A file's last line (a report's totals), read from its end.
std::string last_line(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    in.seekg(0, std::ios::end);
    const auto size = static_cast<std::streamoff>(in.tellg());
    const std::streamoff from = size > 65536 ? size - 65536 : 0;
    in.seekg(from);
    std::string text(static_cast<std::size_t>(size - from), '\0');
    in.read(text.data(), static_cast<std::streamsize>(text.size()));
    while (!text.empty() && text.back() == '\n') text.pop_back();
    const auto newline = text.rfind('\n');
    return newline == std::string::npos ? text : text.substr(newline + 1);
}

/// The shards' totals as one run's: every shard read every row; each
/// counted the others' deals as skipped, so only --resume's skips add up.
batch::batch_totals merged_totals(const std::vector<std::unique_ptr<shard_report>>& shards) {
    batch::batch_totals t;
    for (const auto& s : shards) {
        const auto& o = s->totals();
        t.rows_read = std::max(t.rows_read, o.rows_read);
        t.rendered += o.rendered;
        t.failed += o.failed;
        t.up_to_date += o.up_to_date;
        t.filtered += o.filtered;
        t.deals += o.deals;
        t.infeasible += o.infeasible;
        t.deals_rendered += o.deals_rendered;
        t.deals_failed += o.deals_failed;
        t.deals_up_to_date += o.deals_up_to_date;
        t.deals_filtered += o.deals_filtered;
        t.duplicate_ids = std::max(t.duplicate_ids, o.duplicate_ids);
    }
    t.skipped = t.up_to_date;
    t.deals_skipped = t.deals_up_to_date;
    return t;
}

CLI::App* setup_batch_index(CLI::App& app) {
    auto& f = flags();
    auto* command = app.add_subcommand(
        "batch-index", "Merge the reports of `batch --shard K/N --report json` runs into one index");
    command->add_option("folder", f.folder, "The folder every shard wrote into (-o)")->required();
    command->add_flag("-q,--quiet", f.quiet, "Print errors only");
    return command;
}

exit_code run_batch_index() {
    const auto& f = flags();
    diagnostic_sink diags;
    const auto paths = shard_reports(f.folder, diags);
    std::vector<std::unique_ptr<shard_report>> shards;
    for (const auto& p : paths) shards.push_back(std::make_unique<shard_report>(p, diags));

    // Each shard lists its deals in the export's order; the merge takes the lowest row of the shards' next deals.
    using head = std::pair<int, std::size_t>;  // (first row, shard)
    std::priority_queue<head, std::vector<head>, std::greater<>> order;
    std::vector<std::optional<batch::deal_result>> next(shards.size());
    auto advance = [&](std::size_t i) {
        next[i] = shards[i]->next();
        if (next[i]) order.emplace(next[i]->sheet_row > 0 ? next[i]->sheet_row : next[i]->line, i);
    };
    for (std::size_t i = 0; i < shards.size(); ++i) advance(i);
    if (diags.has_errors()) {
        print_diagnostics(diags, std::cerr);
        return exit_code_for(diags, false);
    }
    bool with_health = false;
    for (const auto& n : next) with_health = with_health || (n && n->health);

    // The export's name and date title the pages; a report gives them on its
    // last line, read first (shards of one run agree: checked at the end).
    const auto tail = last_line(paths.front());
    nlohmann::json head_members;
    if (tail.starts_with("],")) head_members = nlohmann::json::parse("{" + tail.substr(2), nullptr, false);
    const auto export_name = head_members.is_object() ? head_members.value("export", std::string()) : std::string();
    const auto as_of_text = head_members.is_object() ? head_members.value("as_of", std::string()) : std::string();
    const auto as_of = model::parse_iso_date(as_of_text).value_or(model::date{});

    const std::string folder = f.folder;
    index_writer index(folder, "index", "Batch: " + export_name, as_of, with_health);
    streamed_output report((fs::path(folder) / "batch-report.json").string());
    batch::json_report_writer writer;
    report.write(writer.start());
    while (!order.empty()) {
        const auto i = order.top().second;
        order.pop();
        report.write(writer.deal(*next[i]));
        index.add(*next[i]);
        advance(i);
    }
    for (const auto& s : shards)
        if (!s->complete()) {
            print_diagnostics(diags, std::cerr);
            return exit_code_for(diags, false);
        }
    const auto totals = merged_totals(shards);
    for (const auto& s : shards) {
        const auto& o = s->totals();
        if (o.rows_read != totals.rows_read || s->member("export") != export_name || s->member("as_of") != as_of_text)
            diags.warning("B763", s->name() + " is of another run: it read " + std::to_string(o.rows_read) + " rows of " +
                                      s->member("export") + " as of " + s->member("as_of") + ", " + shards.front()->name() +
                                      " " + std::to_string(shards.front()->totals().rows_read) + " rows of " + export_name +
                                      " as of " + as_of_text,
                          {folder, 0, 0, {}}, {"run every shard again on the same export with the same flags"});
    }
    const auto accounted = totals.rendered + totals.failed + totals.up_to_date + totals.filtered;
    if (accounted != totals.rows_read)
        diags.warning("B763", "the shards account for " + std::to_string(accounted) + " of the " +
                                  std::to_string(totals.rows_read) + " rows read",
                      {folder, 0, 0, {}}, {"run every shard again on the same export with the same flags"});
    index.finish(totals);
    report.write(writer.end(totals, export_name, as_of));
    report.commit();
    if (!f.quiet || diags.has_errors()) print_diagnostics(diags, std::cerr);
    if (!f.quiet)
        std::cout << "merged " << shards.size() << (shards.size() == 1 ? " shard: " : " shards: ") << batch::summary_line(totals)
                  << '\n';
    return totals.deals_failed > 0 ? exit_code::batch_failed : exit_code::success;
}

const register_command registered{{42, setup_batch_index, run_batch_index}};

}  // namespace

}  // namespace closeplan::cli

// SPDX-License-Identifier: MIT
// `closeplan batch`: a CRM export (one row per deal, or one row per task)
// becomes one plan per deal, an index.html, errors.csv and, on request, a
// JSON report. The work is in src/batch/; this file reads the flags, the
// files and the clock, writes the outputs and picks the exit code.
//
// Files written into the output folder:
//   <stem>.<ext>        each deal's documents (temp file + rename: cli/output_files.hpp)
//   index.html          every deal: close date, progress, slips, schedule fit
//   errors.csv          every problem with a row (formulas neutralised)
//   batch-report.json   with --report json
//   .closeplan-batch.manifest  "<hash> <stem>" per deal, for --resume
// With --shard K/N the three reports and the manifest carry "-K-of-N".
// One row per task from standard input (`-`) is first copied to a hidden
// `.stdin.tmp-XXXXXX` there (unlinked at once): that mode reads the export twice.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <atomic>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <mutex>
#include <thread>
#include <unordered_map>

#include "batch/batch_run.hpp"
#include "batch/content_hash.hpp"
#include "batch/default_playbook.hpp"
#include "batch/error_report.hpp"
#include "batch/index_page.hpp"
#include "batch/mapping.hpp"
#include "cli/command_registry.hpp"
#include "health/health.hpp"
#include "cli/commands.hpp"
#include "cli/output_files.hpp"
#include "cli/terminal.hpp"
#include "load/load_document.hpp"
#include "model/dates.hpp"
#include "render/render.hpp"
#include "schedule/business_calendar.hpp"
#include "schedule/playbook.hpp"
#include "support/utf8.hpp"
#include "validate/validate_plan.hpp"

namespace closeplan::cli {

namespace {

namespace fs = std::filesystem;

struct batch_flags {
    std::string export_path;
    std::string playbook;
    std::vector<std::string> holidays;
    std::string preset;
    std::string mapping;
    std::string group_by;
    std::string value_map;
    std::string output = ".";
    std::vector<std::string> formats;
    int jobs = 0;
    std::string as_of;
    std::string date_format;
    std::string decimal;
    std::string currency;
    std::string seller;
    std::string locale;
    std::string template_name = "buyer-plan";
    std::string template_dir;
    std::string style;
    std::string paper;
    render::pdf_standard pdf_standard;  ///< --pdf-standard
    std::string shard;
    std::string report;
    bool resume = false;
    bool quiet = false;
    bool check = false;         ///< each deal's plan health in the index and report
    std::string health_config;  ///< --health-config: the rules' settings (as `check --config`)
};

/// CRM text in a message on a terminal: control characters (escapes, bells,
/// line breaks) shown as \xNN, invalid UTF-8 replaced, so a row cannot drive the terminal.
std::string terminal_safe(std::string_view text) {
    std::string out;
    for (unsigned char c : utf8::replace_invalid(text)) {
        if (c < 0x20 || c == 0x7F) {
            char code[8];
            std::snprintf(code, sizeof code, "\\x%02X", c);
            out += code;
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    return out;
}

/// `<hash> <stem>` lines, appended as each deal is done, so a killed batch
/// keeps what it finished; a torn last line is simply not read back.
class resume_manifest {
public:
    resume_manifest(const std::string& path, bool keep) : path_(path) {
        if (keep) {
            std::ifstream in(path);
            std::string line;
            while (std::getline(in, line)) {
                const auto space = line.find(' ');
                if (space != 16 || line.size() < 18) continue;
                entries_[line.substr(17)] = line.substr(0, 16);
            }
        }
        fd_ = open_own_file_to_append(path, !keep);
    }
    ~resume_manifest() {
        if (fd_ >= 0) ::close(fd_);
    }
    resume_manifest(const resume_manifest&) = delete;
    resume_manifest& operator=(const resume_manifest&) = delete;

    [[nodiscard]] bool matches(const std::string& stem, const std::string& hash) const {
        auto it = entries_.find(stem);
        return it != entries_.end() && it->second == hash;
    }
    void add(const std::string& stem, const std::string& hash) {
        const std::string line = hash + " " + stem + "\n";
        // One write() per line: O_APPEND keeps lines whole.
        if (::write(fd_, line.data(), line.size()) != static_cast<ssize_t>(line.size()))
            fail_to_write(path_, std::strerror(errno));
    }

private:
    std::string path_;
    std::unordered_map<std::string, std::string> entries_;  // read before any worker starts; read-only after
    int fd_ = -1;
};

/// A progress line on a terminal: rows, rate and time left from the share of the file read.
class progress_bar {
public:
    progress_bar(bool enabled, std::uintmax_t total_bytes) : enabled_(enabled), total_(total_bytes) {}
    void update(std::size_t bytes, std::size_t rows, std::size_t deals_done) {
        if (!enabled_) return;
        const auto now = std::chrono::steady_clock::now();
        if (now - last_ < std::chrono::milliseconds(100)) return;
        last_ = now;
        const double seconds = std::chrono::duration<double>(now - start_).count();
        const double share = total_ ? static_cast<double>(bytes) / static_cast<double>(total_) : 0.0;
        const double rate = seconds > 0 ? static_cast<double>(deals_done) / seconds : 0.0;
        const double left = share > 0.01 ? seconds * (1.0 - share) / share : 0.0;
        const int filled = static_cast<int>(share * 30);
        char line[160];
        std::snprintf(line, sizeof line, "\r[%-30s] %3d%% %zu rows, %zu deals, %.0f deals/s, %ds left ",
                      std::string(static_cast<std::size_t>(std::clamp(filled, 0, 30)), '#').c_str(),
                      static_cast<int>(share * 100), rows, deals_done, rate, static_cast<int>(left));
        std::cerr << line << std::flush;
        shown_ = true;
    }
    void done() {
        if (shown_) std::cerr << "\r" << std::string(90, ' ') << "\r" << std::flush;
    }

private:
    bool enabled_;
    std::uintmax_t total_;
    bool shown_ = false;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_{};
};

/// Where the batch's results go: files in the output folder.
class folder_sink : public batch::batch_sink {
public:
    folder_sink(const batch_flags& flags, const std::string& suffix, model::date as_of, bool show_progress,
                std::uintmax_t export_size)
        : flags_(flags),
          manifest_((fs::path(flags.output) / (".closeplan-batch" + suffix + ".manifest")).string(), flags.resume),
          index_((fs::path(flags.output) / ("index" + suffix + ".html")).string()),
          errors_((fs::path(flags.output) / ("errors" + suffix + ".csv")).string()),
          bar_(show_progress, export_size) {
        index_.write(batch::index_page_start("Batch: " + fs::path(flags.export_path).filename().string(), as_of,
                                             flags.check));
        errors_.write(batch::errors_csv_header());
        if (flags.report == "json") {
            report_.emplace((fs::path(flags.output) / ("batch-report" + suffix + ".json")).string());
            report_->write("{\"deals\":[");
        }
    }

    bool up_to_date(const std::string& stem, const std::string& hash, const std::vector<std::string>& extensions) override {
        if (!manifest_.matches(stem, hash)) return false;
        std::error_code ec;
        for (const auto& ext : extensions)
            if (!fs::is_regular_file(fs::path(flags_.output) / (stem + "." + ext), ec)) return false;
        return true;
    }

    void write_outputs(const std::string& stem, const std::vector<pipeline::rendered_output>& outputs) override {
        for (const auto& output : outputs)
            write_output_file((fs::path(flags_.output) / (stem + "." + output.extension)).string(), output.bytes);
    }

    void deal_done(const batch::deal_result& deal) override {
        index_.write(batch::index_page_row(deal, flags_.check));
        for (const auto& e : deal.errors) {
            errors_.write(batch::errors_csv_line(e));
            if (printed_errors_ < 20) {
                std::cerr << flags_.export_path << ":" << e.line << ": error[" << e.code << "]: "
                          << terminal_safe(e.message)
                          << (e.column.empty() ? std::string() : " (column " + terminal_safe(e.column) + ")") << '\n';
            }
            ++printed_errors_;
        }
        if (report_) {
            report_->write(std::string(first_deal_ ? "" : ",") + "\n" + batch::deal_json(deal));
            first_deal_ = false;
        }
        if (deal.outcome != batch::deal_outcome::failed && !deal.stem.empty()) manifest_.add(deal.stem, deal.hash);
        ++deals_done_;
    }

    void progress(std::size_t bytes, std::size_t rows) override {
        std::lock_guard lock(progress_mutex_);
        bar_.update(bytes, rows, deals_done_);
    }

    void finish(const batch::batch_totals& totals) {
        bar_.done();
        if (printed_errors_ > 20)
            std::cerr << "... and " << printed_errors_ - 20 << " more in errors.csv\n";
        index_.write(batch::index_page_end(totals));
        index_.commit();
        errors_.commit();
        if (report_) {
            // "deals" is the list above; its length is "deal_count" (once also "deals": a duplicate key).
            report_->write("\n],\"rows_read\":" + std::to_string(totals.rows_read) +
                           ",\"rendered\":" + std::to_string(totals.rendered) + ",\"failed\":" +
                           std::to_string(totals.failed) + ",\"skipped\":" + std::to_string(totals.skipped) +
                           ",\"deal_count\":" + std::to_string(totals.deals) + ",\"schedules_not_fitting\":" +
                           std::to_string(totals.infeasible) + "}\n");
            report_->commit();
        }
    }

private:
    const batch_flags& flags_;
    resume_manifest manifest_;
    streamed_output index_;
    streamed_output errors_;
    std::optional<streamed_output> report_;
    bool first_deal_ = true;
    std::size_t printed_errors_ = 0;
    std::atomic<std::size_t> deals_done_{0};
    std::mutex progress_mutex_;
    progress_bar bar_;
};

std::string file_hash(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    return batch::content_hash{}.add(path).add(bytes).hex();
}

// Everything besides the rows that shapes the output, for --resume.
std::string fingerprint(const batch_flags& flags, const std::vector<std::string>& formats, model::date as_of) {
    batch::content_hash h;
    h.add(CLOSEPLAN_VERSION).add(model::format_iso_date(as_of));
    for (const auto& f : formats) h.add(f);
    for (const auto* text : {&flags.preset, &flags.group_by, &flags.date_format, &flags.decimal, &flags.currency,
                             &flags.seller, &flags.locale, &flags.template_name, &flags.paper})
        h.add(*text);
    h.add(std::string(flags.pdf_standard.ua1 ? "ua-1" : "-") + (flags.pdf_standard.pdfa ? flags.pdf_standard.pdfa : '-'));
    for (const auto* path : {&flags.playbook, &flags.mapping, &flags.value_map, &flags.style})
        h.add(path->empty() ? std::string() : file_hash(*path));
    for (const auto& path : flags.holidays) h.add(file_hash(path));
    if (!flags.template_dir.empty()) {
        std::error_code ec;
        std::vector<std::string> files;
        for (const auto& entry : fs::recursive_directory_iterator(flags.template_dir, ec))
            if (entry.is_regular_file()) files.push_back(entry.path().string());
        std::sort(files.begin(), files.end());
        for (const auto& f : files) h.add(file_hash(f));
    }
    return h.hex();
}

bool parse_shard(const std::string& text, int& index, int& count) {
    const auto slash = text.find('/');
    if (slash == std::string::npos) return false;
    try {
        std::size_t used = 0;
        index = std::stoi(text.substr(0, slash), &used);
        if (used != slash) return false;
        count = std::stoi(text.substr(slash + 1), &used);
        if (used != text.size() - slash - 1) return false;
    } catch (const std::exception&) {
        return false;
    }
    return count >= 1 && index >= 1 && index <= count;
}

/// Copies standard input into a hidden file in the output folder and opens
/// it in `file`; the name is gone at once (the open file stays readable), and
/// a killed run's leftover `.stdin.tmp-XXXXXX` is removed by --resume.
/// Returns its size.
std::uintmax_t spool_standard_input(const std::string& folder, std::ifstream& file) {
    const std::string pattern = (fs::path(folder) / ".stdin.tmp-XXXXXX").string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) fail_to_write(folder, std::strerror(errno));
    const std::string path = name.data();
    std::uintmax_t size = 0;
    std::vector<char> buffer(64 * 1024);
    bool ok = true;
    while (ok) {
        std::cin.read(buffer.data(), static_cast<std::streamsize>(buffer.size()));
        if (std::cin.gcount() <= 0) break;
        std::string_view rest(buffer.data(), static_cast<std::size_t>(std::cin.gcount()));
        size += rest.size();
        while (ok && !rest.empty()) {
            const auto n = ::write(fd, rest.data(), rest.size());
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) ok = false;
            else rest.remove_prefix(static_cast<std::size_t>(n));
        }
    }
    const std::string reason = ok ? std::string() : std::strerror(errno);
    ::close(fd);
    if (ok) file.open(path, std::ios::binary);
    ::unlink(path.c_str());
    if (!ok) fail_to_write(folder, "copying standard input: " + reason);
    if (!file) fail_to_write(folder, "cannot read back the copy of standard input");
    return size;
}

int usage(const std::string& message) {
    std::cerr << "closeplan: " << message << "\n";
    return static_cast<int>(exit_code::usage);
}

exit_code run_batch_command(const batch_flags& flags) {
    auto formats = flags.formats.empty() ? std::vector<std::string>{"html", "md"} : flags.formats;
    for (const auto& name : formats)
        if (!render::find_output_format(name)) return static_cast<exit_code>(usage("unknown format `" + name + "`"));
    if (!flags.preset.empty() && !flags.mapping.empty())
        return static_cast<exit_code>(usage("--preset and --mapping both say which column holds what; give one"));
    int shard_index = 1, shard_count = 1;
    if (!flags.shard.empty() && !parse_shard(flags.shard, shard_index, shard_count))
        return static_cast<exit_code>(usage("--shard must be K/N with 1 <= K <= N, such as 2/4, not `" + flags.shard + "`"));
    if (flags.jobs < 0) return static_cast<exit_code>(usage("--jobs must be 1 or more"));
    if (!flags.report.empty() && flags.report != "json")
        return static_cast<exit_code>(usage("--report takes `json`"));

    batch::batch_inputs inputs;
    inputs.file_name = flags.export_path;
    inputs.group_by = flags.group_by;
    inputs.request.formats = formats;
    inputs.request.today = today_from_environment();
    if (!flags.as_of.empty()) {
        inputs.request.as_of = model::parse_iso_date(flags.as_of);
        if (!inputs.request.as_of)
            return static_cast<exit_code>(usage("--as-of must be a date like 2026-05-04, not `" + flags.as_of + "`"));
        if (auto why = model::range_problem(*inputs.request.as_of))
            return static_cast<exit_code>(usage("--as-of `" + flags.as_of + "` " + *why));
    }
    const auto as_of = inputs.request.as_of ? *inputs.request.as_of : inputs.request.today;
    inputs.request.as_of = as_of;
    inputs.request.template_name = flags.template_name;
    inputs.request.template_dir = flags.template_dir;
    inputs.request.style_path = flags.style;
    inputs.request.paper = flags.paper;
    inputs.request.pdf_standard = flags.pdf_standard;
    inputs.request.locale = flags.locale;
    if (!flags.date_format.empty()) {
        inputs.dates = batch::parse_date_style(flags.date_format);
        if (!inputs.dates)
            return static_cast<exit_code>(usage("--date-format must be M/D/YYYY, D/M/YYYY, D.M.YYYY or YYYY-MM-DD"));
    }
    if (flags.decimal == "point") inputs.decimal = batch::decimal_mark::point;
    if (flags.decimal == "comma") inputs.decimal = batch::decimal_mark::comma;
    inputs.jobs = flags.jobs > 0 ? flags.jobs : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    inputs.shard_index = shard_index - 1;
    inputs.shard_count = shard_count;
    inputs.resume = flags.resume;

    // The files that shape every deal are read once, before any row.
    diagnostic_sink diags;
    if (!flags.preset.empty()) inputs.mapping = batch::preset_named(flags.preset);
    if (!flags.mapping.empty()) inputs.mapping = batch::load_mapping(flags.mapping, diags);
    inputs.currency = flags.currency;
    inputs.seller = flags.seller;
    if (!flags.playbook.empty()) inputs.playbook = schedule::load_playbook(flags.playbook, diags);
    else if (flags.group_by.empty()) inputs.playbook = batch::default_playbook();
    for (const auto& path : flags.holidays)
        if (auto days = schedule::load_holidays(path, diags)) inputs.calendar.add(*days);
    if (!flags.value_map.empty()) {
        if (auto tree = load::load_file(flags.value_map, diags))
            if (auto entries = validate::validate_value_map(*tree, diags)) inputs.value_map = std::move(*entries);
    }
    if (flags.check) {
        if (flags.health_config.empty()) inputs.health = health::config{};
        else inputs.health = health::load_config(flags.health_config, diags);
    } else if (!flags.health_config.empty()) {
        return static_cast<exit_code>(usage("--health-config needs --check"));
    }
    if (diags.has_errors()) {
        print_diagnostics(diags, std::cerr);
        return exit_code_for(diags, false);
    }
    inputs.fingerprint = fingerprint(flags, formats, as_of);

    std::ifstream file;
    std::istream* in = &std::cin;
    std::uintmax_t size = 0;
    if (flags.export_path != "-") {
        file.open(flags.export_path, std::ios::binary);
        if (!file) {
            std::error_code ec;
            const auto reason = fs::is_directory(flags.export_path, ec) ? "is a directory" : "no such file or it cannot be read";
            throw closeplan::error(diagnostic{severity::error, "L100",
                                              "cannot read \"" + flags.export_path + "\": " + reason,
                                              source_location{flags.export_path, 0, 0, {}}, {}});
        }
        std::error_code ec;
        size = fs::file_size(flags.export_path, ec);
        in = &file;
    }

    prepare_output_folder(flags.output);
    if (flags.export_path == "-" && !flags.group_by.empty()) {
        // One row per task reads the export twice; a pipe can be read only once.
        size = spool_standard_input(flags.output, file);
        in = &file;
    }
    const std::string suffix = shard_count > 1 ? "-" + std::to_string(shard_index) + "-of-" + std::to_string(shard_count) : "";
    if (flags.resume) {
        // A killed run can leave write_output_file's temporary files; they are ours to remove.
        std::error_code ec;
        for (const auto& entry : fs::directory_iterator(flags.output, ec)) {
            const auto name = entry.path().filename().string();
            const auto mark = name.rfind(".tmp-");
            if (name.starts_with(".") && mark != std::string::npos && name.size() == mark + 11) fs::remove(entry.path(), ec);
        }
    }

    folder_sink sink(flags, suffix, as_of, !flags.quiet && ::isatty(STDERR_FILENO), size);
    auto totals = batch::run_batch(*in, inputs, sink, diags);
    if (!flags.quiet || diags.has_errors()) print_diagnostics(diags, std::cerr);
    if (!totals) return diags.has_errors() ? exit_code_for(diags, false) : exit_code::invalid_input;
    sink.finish(*totals);
    if (!flags.quiet) {
        std::cout << batch::summary_line(*totals);
        if (totals->infeasible) std::cout << "; " << totals->infeasible << (totals->infeasible == 1 ? " schedule does" : " schedules do") << " not fit before " << model::format_iso_date(as_of);
        std::cout << '\n';
    }
    if (totals->internal_errors > 0) return exit_code::internal;  // B799: a bug, after every other deal was written
    return totals->failed > 0 ? exit_code::batch_failed : exit_code::success;
}

CLI::App* setup_batch(CLI::App& app, batch_flags& flags) {
    auto* command = app.add_subcommand("batch", "Render one plan per deal from a CRM export (CSV)");
    command->add_option("export", flags.export_path, "CSV export: one row per deal, or per task with --group-by; - reads standard input")
        ->required();
    command->add_option("--playbook", flags.playbook, "Playbook whose milestones are scheduled back from each row's close date (default: discovery, security review, signature)");
    command->add_option("--holidays", flags.holidays, "Holidays file for business days; repeatable");
    command->add_option("--preset", flags.preset, "Column names of a known export (default: detected from the header)")
        ->check(CLI::IsMember({"salesforce", "hubspot"}));
    command->add_option("--mapping", flags.mapping, "Mapping file (YAML) naming the columns of any other export");
    command->add_option("--group-by", flags.group_by, "One row per task: the column holding the deal id");
    command->add_option("--value-map", flags.value_map, "Value map file merged into every plan");
    command->add_option("-o,--output", flags.output, "Output folder (created when missing)")->default_str(".");
    command->add_option("-f,--format", flags.formats, "Output formats, comma-separated: html, md, pdf, pdf-layout")
        ->delimiter(',')
        ->default_str("html,md");
    command->add_option("-j,--jobs", flags.jobs, "Worker threads (default: the number of cores)");
    command->add_option("--as-of", flags.as_of, "The date status and scheduling start from (YYYY-MM-DD); default: today");
    command->add_option("--date-format", flags.date_format, "How the export writes dates: M/D/YYYY, D/M/YYYY, D.M.YYYY or YYYY-MM-DD");
    command->add_option("--decimal", flags.decimal, "Decimal mark of amounts (default: comma for ;-separated files)")
        ->check(CLI::IsMember({"point", "comma"}));
    command->add_option("--currency", flags.currency, "Currency of amounts that name none (ISO code)");
    command->add_option("--seller", flags.seller, "The selling company's name on every plan");
    command->add_option("--locale", flags.locale, "Language and date style of the output (en-US, en-GB, de, fr, es, pt-BR)");
    command->add_option("--template", flags.template_name, "Template: templates/<name>.<format>.mustache")->default_str("buyer-plan");
    command->add_option("--template-dir", flags.template_dir, "Folder whose files replace the built-in templates of the same name");
    command->add_option("--style", flags.style, "Style file (YAML) replacing the built-in colours, fonts and spacing");
    command->add_option("--paper", flags.paper, "Paper for PDF: letter or a4")->check(CLI::IsMember({"letter", "a4"}));
    add_pdf_standard_flag(*command, flags.pdf_standard);
    command->add_option("--shard", flags.shard, "Render only deal K of every N (K/N, e.g. 1/4) for several machines");
    command->add_option("--report", flags.report, "Also write batch-report.json")->check(CLI::IsMember({"json"}));
    command->add_flag("--resume", flags.resume, "Skip deals whose files were made from the same row and options");
    command->add_flag("--check", flags.check, "Add each deal's plan health (score and rules found) to index.html and the JSON report");
    command->add_option("--health-config", flags.health_config, "Health rule settings for --check (as `closeplan check --config`)");
    command->add_flag("-q,--quiet", flags.quiet, "Print errors only");
    return command;
}

batch_flags& parsed_flags() {
    static batch_flags parsed;
    return parsed;
}

const register_command registered{{40, [](CLI::App& app) { return setup_batch(app, parsed_flags()); },
                                   [] { return run_batch_command(parsed_flags()); }}};

}  // namespace

}  // namespace closeplan::cli

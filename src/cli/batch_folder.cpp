// SPDX-License-Identifier: MIT
// The batch's output folder (batch_folder.hpp).
#include "cli/batch_folder.hpp"

#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <vector>

#include "batch/error_report.hpp"
#include "batch/index_page.hpp"
#include "support/utf8.hpp"

namespace closeplan::cli {

namespace {

namespace fs = std::filesystem;

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

std::string in_folder(const batch_flags& flags, const std::string& name) {
    return (fs::path(flags.output) / name).string();
}

}  // namespace

folder_sink::folder_sink(const batch_flags& flags, const std::string& suffix, model::date as_of, bool show_progress,
                         std::uintmax_t export_size)
    : flags_(flags),
      as_of_(as_of),
      manifest_(in_folder(flags, ".closeplan-batch" + suffix + ".manifest"), flags.prune),
      index_(flags.output, "index" + suffix, "Batch: " + fs::path(flags.export_path).filename().string(), as_of,
             flags.check),
      errors_(in_folder(flags, "errors" + suffix + ".csv")),
      bar_(show_progress, export_size) {
    errors_.write(batch::errors_csv_header());
    if (flags.report == "json") {
        report_.emplace(in_folder(flags, "batch-report" + suffix + ".json"));
        report_->write(report_json_.start());
    }
}

bool folder_sink::up_to_date(const std::string& stem, const std::string& hash,
                             const std::vector<std::string>& extensions) {
    if (!manifest_.matches(stem, hash)) return false;
    std::error_code ec;
    for (const auto& ext : extensions)
        if (!fs::is_regular_file(fs::path(flags_.output) / (stem + "." + ext), ec)) return false;
    return true;
}

void folder_sink::write_outputs(const std::string& stem, const std::vector<pipeline::rendered_output>& outputs) {
    for (const auto& output : outputs) write_output_file(in_folder(flags_, stem + "." + output.extension), output.bytes);
}

void folder_sink::deal_done(const batch::deal_result& deal) {
    if (deal.outcome == batch::deal_outcome::filtered) {  // not this run's: unlisted, and --prune may remove its files
        ++deals_done_;
        return;
    }
    index_.add(deal);
    errors_.write(batch::errors_csv_lines(deal));
    for (const auto& e : deal.errors) {
        if (printed_errors_ < 20) {
            std::cerr << flags_.export_path << ":" << e.line << ": error[" << e.code << "]: " << terminal_safe(e.message)
                      << (e.column.empty() ? std::string() : " (column " + terminal_safe(e.column) + ")") << '\n';
        }
        ++printed_errors_;
    }
    if (report_) report_->write(report_json_.deal(deal));
    if (!deal.stem.empty()) {
        if (deal.outcome == batch::deal_outcome::failed) {
            manifest_.keep(deal.stem);
        } else {
            std::vector<std::string> extensions;
            for (const auto& file : deal.files) extensions.push_back(file.substr(file.rfind('.') + 1));
            manifest_.add(deal.stem, deal.hash, extensions, deal.id);
        }
    }
    ++deals_done_;
}

void folder_sink::progress(std::size_t bytes, std::size_t rows) {
    std::lock_guard lock(progress_mutex_);
    bar_.update(bytes, rows, deals_done_);
}

std::string folder_sink::known_stem(std::string_view deal_id) { return manifest_.stem_of(deal_id); }

void folder_sink::elsewhere(const std::string& stem) { manifest_.spare(stem); }

std::size_t folder_sink::finish(const batch::batch_totals& totals) {
    bar_.done();
    if (printed_errors_ > 20) std::cerr << "... and " << printed_errors_ - 20 << " more in errors.csv\n";
    index_.finish(totals);
    errors_.commit();
    if (report_) {
        report_->write(report_json_.end(totals, fs::path(flags_.export_path).filename().string(), as_of_));
        report_->commit();
    }
    std::size_t removed = 0;
    if (flags_.prune) {
        for (const auto& name : manifest_.stale_files()) {
            // Only a regular file batch wrote: never a link, a folder or a device someone put there since.
            const auto path = fs::path(flags_.output) / name;
            std::error_code ec;
            if (fs::symlink_status(path, ec).type() == fs::file_type::regular && fs::remove(path, ec)) ++removed;
        }
    }
    manifest_.commit();
    return removed;
}

int spool_to_hidden_file(const std::string& folder, int from) {
    const std::string pattern = (fs::path(folder) / ".input.tmp-XXXXXX").string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) fail_to_write(folder, std::strerror(errno));
    // The name goes at once: the open file stays readable, and nothing is left behind.
    ::unlink(name.data());
    std::vector<char> buffer(64 * 1024);
    bool ok = true;
    while (ok) {
        const auto got = ::read(from, buffer.data(), buffer.size());
        if (got < 0 && errno == EINTR) continue;
        if (got < 0) ok = false;
        if (got <= 0) break;
        std::string_view rest(buffer.data(), static_cast<std::size_t>(got));
        while (ok && !rest.empty()) {
            const auto n = ::write(fd, rest.data(), rest.size());
            if (n < 0 && errno == EINTR) continue;
            if (n < 0) ok = false;
            else rest.remove_prefix(static_cast<std::size_t>(n));
        }
    }
    if (!ok) {
        const std::string reason = std::strerror(errno);
        ::close(fd);
        fail_to_write(folder, "copying an input that can be read only once: " + reason);
    }
    return fd;
}

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

void remove_leftover_temporaries(const std::string& folder) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const auto name = entry.path().filename().string();
        const auto mark = name.rfind(".tmp-");
        if (name.starts_with(".") && mark != std::string::npos && name.size() == mark + 11) fs::remove(entry.path(), ec);
    }
}

}  // namespace closeplan::cli

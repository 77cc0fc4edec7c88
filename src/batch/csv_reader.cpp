// SPDX-License-Identifier: MIT
// Streaming CSV records with libcsv, line by line so each record knows its line.
#include "batch/csv_reader.hpp"

#include <csv.h>

#include <string_view>

#include "support/utf8.hpp"

namespace closeplan::batch {

namespace {

void field_callback(void* data, std::size_t size, void* self) {
    static_cast<csv_reader*>(self)->on_field(static_cast<const char*>(data), size);
}

void record_callback(int /*terminator*/, void* self) { static_cast<csv_reader*>(self)->on_record_end(); }

// CR and LF end a record; libcsv skips the empty record between them.
int is_space(unsigned char c) { return c == ' ' || c == '\t' ? 1 : 0; }

bool is_blank(std::string_view line) {
    for (char c : line)
        if (c != '\r' && c != ' ' && c != '\t') return false;
    return true;
}

}  // namespace

char detect_separator(std::string_view first_line) {
    std::size_t commas = 0, semicolons = 0, tabs = 0;
    bool quoted = false;
    for (char c : first_line) {
        if (c == '"') quoted = !quoted;
        if (quoted) continue;
        if (c == ',') ++commas;
        if (c == ';') ++semicolons;
        if (c == '\t') ++tabs;
    }
    if (semicolons > commas && semicolons >= tabs) return ';';
    if (tabs > commas && tabs > semicolons) return '\t';
    return ',';
}

csv_reader::csv_reader(std::istream& in, char separator) : in_(in), parser_(std::make_unique<::csv_parser>()) {
    // Look at the first line before parsing: BOM, `sep=` hint and separator detection.
    std::string first;
    const bool got = static_cast<bool>(std::getline(in_, first));
    pending_first_has_newline_ = got && !in_.eof();
    bytes_read_ += first.size() + (pending_first_has_newline_ ? 1 : 0);
    if (utf8::starts_with_bom(first)) {
        had_bom_ = true;
        first.erase(0, utf8::bom.size());
        first_line_offset_ = utf8::bom.size();
    }
    std::string_view trimmed(first);
    if (trimmed.ends_with('\r')) trimmed.remove_suffix(1);
    if (trimmed.size() == 5 && trimmed.starts_with("sep=")) {
        // Excel's hint line names the separator and is not part of the data.
        separator_ = trimmed[4];
        ++line_;
        first_line_offset_ = bytes_read_;
        first.clear();
        const bool more = static_cast<bool>(std::getline(in_, first));
        pending_first_has_newline_ = more && !in_.eof();
        bytes_read_ += first.size() + (pending_first_has_newline_ ? 1 : 0);
        if (!more) first_line_pending_ = false;
    } else {
        separator_ = separator != 0 ? separator : detect_separator(first);
        if (!got) first_line_pending_ = false;
    }
    if (separator != 0) separator_ = separator;
    pending_first_line_ = std::move(first);
    start_parser();
}

csv_reader::csv_reader(std::istream& in, char separator, record_bytes_t)
    : in_(in), parser_(std::make_unique<::csv_parser>()), separator_(separator) {
    first_line_pending_ = false;
    start_parser();
}

csv_reader::~csv_reader() { csv_free(parser_.get()); }

void csv_reader::start_parser() {
    csv_init(parser_.get(), CSV_STRICT | CSV_STRICT_FINI);
    csv_set_delim(parser_.get(), static_cast<unsigned char>(separator_));
    csv_set_space_func(parser_.get(), is_space);
}

void csv_reader::start_record() {
    record_start_ = line_;
    building_.offset = line_offset_;
}

void csv_reader::on_field(const char* data, std::size_t size) {
    if (record_start_ == 0) start_record();
    building_.fields.emplace_back(data ? data : "", data ? size : 0);
}

void csv_reader::on_record_end() {
    if (record_start_ == 0) start_record();
    building_.line = record_start_;
    building_.length = line_end_ - building_.offset;
    ready_.push_back(std::move(building_));
    building_ = {};
    record_start_ = 0;
}

void csv_reader::report_broken_quoting(const std::string& what) {
    csv_record broken;
    broken.line = record_start_ != 0 ? record_start_ : line_;
    broken.offset = record_start_ != 0 ? building_.offset : line_offset_;
    broken.length = line_end_ - broken.offset;
    broken.fields = std::move(building_.fields);
    broken.problem = what;
    ready_.push_back(std::move(broken));
    building_ = {};
    record_start_ = 0;
    // libcsv cannot continue after an error; a fresh parser resumes at the next line.
    csv_free(parser_.get());
    start_parser();
}

bool csv_reader::feed_next_line() {
    std::string line;
    bool has_newline = false;
    if (first_line_pending_) {
        line = std::move(pending_first_line_);
        has_newline = pending_first_has_newline_;
        first_line_pending_ = false;
        line_offset_ = first_line_offset_;
    } else {
        if (!std::getline(in_, line)) return false;
        has_newline = !in_.eof();
        line_offset_ = bytes_read_;
        bytes_read_ += line.size() + (has_newline ? 1 : 0);
    }
    line_end_ = line_offset_ + line.size() + (has_newline ? 1 : 0);
    ++line_;
    // A record starts on the first line that holds something of it.
    if (record_start_ == 0 && !is_blank(line) && building_.fields.empty()) start_record();
    if (has_newline) line.push_back('\n');
    const auto used = csv_parse(parser_.get(), line.data(), line.size(), field_callback, record_callback, this);
    if (used != line.size()) {
        report_broken_quoting("a quote inside a field is not doubled, or a quoted field does not end where it should");
    }
    return true;
}

void csv_reader::finish_input() {
    at_end_ = true;
    if (csv_fini(parser_.get(), field_callback, record_callback, this) != 0) {
        report_broken_quoting("a quoted field is never closed before the end of the file");
    }
}

bool csv_reader::next(csv_record& out) {
    while (ready_.empty() && !at_end_) {
        if (!feed_next_line()) finish_input();
    }
    if (ready_.empty()) return false;
    out = std::move(ready_.front());
    ready_.pop_front();
    return true;
}

}  // namespace closeplan::batch

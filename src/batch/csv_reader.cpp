// SPDX-License-Identifier: MIT
// Streaming CSV records with libcsv, line by line so each record knows its line.
#include "batch/csv_reader.hpp"

#include <csv.h>

#include <algorithm>
#include <string_view>

#include "support/utf8.hpp"

namespace closeplan::batch {

namespace {

void field_callback(void* data, std::size_t size, void* self) {
    static_cast<csv_reader*>(self)->on_field(static_cast<const char*>(data), size);
}

void record_callback(int /*terminator*/, void* self) { static_cast<csv_reader*>(self)->on_record_end(); }

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
    const bool got = read_bounded_line(first, pending_first_has_newline_, pending_first_dropped_);
    bytes_read_ += first.size() + pending_first_dropped_ + (pending_first_has_newline_ ? 1 : 0);
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
        const bool more = read_bounded_line(first, pending_first_has_newline_, pending_first_dropped_);
        bytes_read_ += first.size() + pending_first_dropped_ + (pending_first_has_newline_ ? 1 : 0);
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
    // CR and LF end a record (libcsv skips the empty record between them),
    // and spaces are libcsv's own, space and tab: a space function, saying
    // the same, would be called on every byte of the export.
}

void csv_reader::start_record() {
    record_start_ = line_;
    building_.offset = piece_offset_;
}

void csv_reader::on_field(const char* data, std::size_t size) {
    if (record_start_ == 0) start_record();
    if (size > max_field_bytes && too_long_.empty()) {
        building_.long_value = building_.fields.size() + 1;
        too_long_ = "value " + std::to_string(building_.fields.size() + 1) + " is " + std::to_string(size) +
                    " bytes; a value may hold at most " + std::to_string(max_field_bytes);
    }
    // A value over the limit is not kept: the record is reported, not rendered.
    if (size > max_field_bytes) building_.fields.emplace_back();
    else building_.fields.emplace_back(data ? data : "", data ? size : 0);
}

void csv_reader::on_record_end() {
    if (record_start_ == 0) start_record();
    building_.line = record_start_;
    building_.length = piece_end_ - building_.offset;
    if (!too_long_.empty()) {
        building_.problem = std::move(too_long_);
        building_.over_limit = true;
        too_long_.clear();
    }
    ready_.push_back(std::move(building_));
    building_ = {};
    record_start_ = 0;
}

void csv_reader::report_over_limit(const std::string& what) {
    too_long_.clear();
    report_broken_quoting(what);
    ready_.back().over_limit = true;
    ready_.back().fields.clear();
    ready_.back().long_value = 0;
}

// Like std::getline, but keeps at most max_record_bytes of the line and
// skips the rest to its end (`dropped` counts it): a 50 MB line costs 8 MB.
bool csv_reader::read_bounded_line(std::string& line, bool& has_newline, std::size_t& dropped) {
    line.clear();
    dropped = 0;
    has_newline = false;
    char chunk[64 * 1024];
    bool any = false;
    while (true) {
        in_.getline(chunk, sizeof chunk);
        auto n = static_cast<std::size_t>(in_.gcount());
        const bool full = in_.fail() && !in_.eof() && n == sizeof chunk - 1;
        if (!full && !in_.eof() && n > 0) {
            has_newline = true;
            --n;  // the line feed, extracted but not stored
        }
        any = any || n > 0 || has_newline;
        const std::size_t room = max_record_bytes - std::min(line.size(), max_record_bytes);
        line.append(chunk, std::min(n, room));
        dropped += n - std::min(n, room);
        if (full) {
            in_.clear();
            continue;
        }
        return any;
    }
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
    std::size_t dropped = 0;
    if (first_line_pending_) {
        line = std::move(pending_first_line_);
        has_newline = pending_first_has_newline_;
        dropped = pending_first_dropped_;
        first_line_pending_ = false;
        line_offset_ = first_line_offset_;
    } else {
        if (line_ >= max_lines) return false;
        if (!read_bounded_line(line, has_newline, dropped)) return false;
        line_offset_ = bytes_read_;
        bytes_read_ += line.size() + dropped + (has_newline ? 1 : 0);
    }
    if (dropped > 0) {
        line_end_ = line_offset_ + line.size() + dropped + (has_newline ? 1 : 0);
        piece_offset_ = line_offset_;
        piece_end_ = line_end_;
        ++line_;
        if (record_start_ == 0) start_record();
        report_over_limit("line " + std::to_string(line_) + " is " + std::to_string(line.size() + dropped) +
                          " bytes; a row may hold at most " + std::to_string(max_record_bytes));
        return true;
    }
    line_end_ = line_offset_ + line.size() + (has_newline ? 1 : 0);
    piece_offset_ = line_offset_;
    piece_end_ = line_end_;
    ++line_;
    if (record_start_ != 0 && line_end_ - building_.offset > max_record_bytes) {
        // A quoted value whose line breaks go on and on: the record is cut off here.
        report_over_limit("the row from line " + std::to_string(record_start_) + " is longer than " +
                          std::to_string(max_record_bytes) + " bytes, the most a row may hold");
        return true;
    }
    // A record starts on the first line that holds something of it.
    if (record_start_ == 0 && !is_blank(line) && building_.fields.empty()) start_record();
    if (has_newline) line.push_back('\n');
    // In pieces ending at each CR that is neither CRLF's nor the last byte: one piece, the
    // whole line, for a line with no CR inside it.
    for (std::size_t from = 0; from < line.size();) {
        const auto cr = line.find('\r', from);
        const bool inside = cr != std::string::npos && cr + 1 < line.size() && line[cr + 1] != '\n';
        const std::size_t to = inside ? cr + 1 : line.size();
        piece_offset_ = line_offset_ + from;
        piece_end_ = to == line.size() ? line_end_ : line_offset_ + to;
        // A record after a CR starts here, even when its first value (quoted) holds a CR itself.
        if (from > 0 && record_start_ == 0 && building_.fields.empty()) {
            auto rest = std::string_view(line).substr(from, to - from);
            if (!rest.empty() && rest.back() == '\n') rest.remove_suffix(1);
            if (!is_blank(rest)) start_record();
        }
        const auto used =
            csv_parse(parser_.get(), line.data() + from, to - from, field_callback, record_callback, this);
        if (used != to - from) {
            piece_end_ = line_end_;
            report_broken_quoting("a quote inside a field is not doubled, or a quoted field does not end where it should");
            break;
        }
        from = to;
    }
    piece_offset_ = line_offset_;
    piece_end_ = line_end_;
    return true;
}

void csv_reader::finish_input() {
    at_end_ = true;
    if (csv_fini(parser_.get(), field_callback, record_callback, this) != 0) {
        report_broken_quoting("a quoted field is never closed before the end of the file");
    }
}

bool record_values(std::string_view bytes, char separator, std::vector<std::string>& values) {
    struct parsed {
        std::vector<std::string>& values;
        int records = 0;
        bool more = false;  ///< a value after the first record's end
    } state{values};
    values.clear();
    ::csv_parser parser;
    if (csv_init(&parser, CSV_STRICT | CSV_STRICT_FINI) != 0) return false;
    csv_set_delim(&parser, static_cast<unsigned char>(separator));
    const auto on_value = [](void* data, std::size_t size, void* self) {
        auto& s = *static_cast<parsed*>(self);
        if (s.records > 0) s.more = true;
        else s.values.emplace_back(data ? static_cast<const char*>(data) : "", data ? size : 0);
    };
    const auto on_record = [](int /*terminator*/, void* self) { ++static_cast<parsed*>(self)->records; };
    bool whole = csv_parse(&parser, bytes.data(), bytes.size(), on_value, on_record, &state) == bytes.size();
    whole = csv_fini(&parser, on_value, on_record, &state) == 0 && whole;
    csv_free(&parser);
    return whole && state.records == 1 && !state.more;
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

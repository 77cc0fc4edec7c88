// SPDX-License-Identifier: MIT
// Streaming CSV records out of a CRM export with libcsv, each with the physical
// line it starts on, so a failed row can be found in the file.
#pragma once

#include <cstddef>
#include <deque>
#include <istream>
#include <memory>
#include <string>
#include <vector>

struct csv_parser;

namespace closeplan::batch {

/// What one export may hold (docs/cli.md, "Limits"). Past a limit the record
/// is reported (B713, `over_limit`) and its bytes are not kept, so memory stays
/// bounded by these numbers whatever the file holds.
/// A value: Salesforce's longest text field holds 131,072 characters.
inline constexpr std::size_t max_field_bytes = 128 * 1024;
/// A record (one line, or the lines of a quoted value with line breaks): room
/// for a header of 100,000 named columns.
inline constexpr std::size_t max_record_bytes = 8 * 1024 * 1024;
/// Physical lines in one export (line numbers are ints); the rest is not read.
inline constexpr int max_lines = 2'000'000'000;

/// One record as libcsv split it. `problem` is set (and `fields` may be
/// incomplete) when the quoting was broken; reading resumes on the next line.
struct csv_record {
    int line = 0;                     ///< 1-based physical line the record starts on
    std::vector<std::string> fields;  ///< raw bytes, spaces around unquoted fields trimmed
    std::string problem;
    bool over_limit = false;  ///< `problem` is a limit above, not broken quoting
    std::size_t long_value = 0;  ///< with over_limit: the 1-based value past max_field_bytes, 0 = the row as a whole
    std::size_t offset = 0;  ///< where its first line starts, in bytes from where the reader started
    std::size_t length = 0;  ///< bytes up to the end of its last line (line end included), to read it again
};

/// Where records come from: a CSV export, or a sheet of an .xlsx one (xlsx_reader.hpp).
class record_source {
public:
    virtual ~record_source() = default;
    /// The next record; false at the end of the input (or after a failure).
    virtual bool next(csv_record& out) = 0;
    /// Bytes consumed so far (for progress).
    [[nodiscard]] virtual std::size_t bytes_read() const = 0;
    /// Why reading stopped before the end (an .xlsx part malformed or over a
    /// limit); empty when it did not. A CSV export never fails as a whole.
    [[nodiscard]] virtual std::string failure() const { return {}; }
};

/// Reads records one at a time, holding at most one physical line and the
/// record being built, so memory does not grow with the length of the export.
/// Handles a UTF-8 byte-order mark, CRLF or LF, a missing final newline, an
/// Excel `sep=;` first line, and detects `;` (European spreadsheets) or tab
/// separators from the first line when `separator` is 0.
class csv_reader : public record_source {
public:
    explicit csv_reader(std::istream& in, char separator = 0);
    /// Reads a record again from its bytes (`offset`, `length`): a separator
    /// is given and the first line is data, never a BOM or `sep=` line.
    struct record_bytes_t {};
    static constexpr record_bytes_t record_bytes{};
    csv_reader(std::istream& in, char separator, record_bytes_t);
    ~csv_reader() override;
    csv_reader(const csv_reader&) = delete;
    csv_reader& operator=(const csv_reader&) = delete;

    /// The next record; false at the end of the input.
    bool next(csv_record& out) override;

    [[nodiscard]] char separator() const { return separator_; }
    [[nodiscard]] bool had_bom() const { return had_bom_; }
    /// Bytes consumed so far (for progress).
    [[nodiscard]] std::size_t bytes_read() const override { return bytes_read_; }

    // libcsv callbacks (public so the C trampolines can reach them).
    void on_field(const char* data, std::size_t size);
    void on_record_end();

private:
    bool feed_next_line();
    void start_parser();
    void finish_input();
    void report_broken_quoting(const std::string& what);
    void report_over_limit(const std::string& what);
    bool read_bounded_line(std::string& line, bool& has_newline, std::size_t& dropped);
    void start_record();

    std::istream& in_;
    std::unique_ptr<::csv_parser> parser_;
    char separator_ = ',';
    bool had_bom_ = false;
    bool at_end_ = false;
    bool first_line_pending_ = true;
    std::string pending_first_line_;
    bool pending_first_has_newline_ = false;
    std::size_t pending_first_dropped_ = 0;  ///< bytes of the first line past max_record_bytes
    std::size_t bytes_read_ = 0;
    std::size_t first_line_offset_ = 0;  ///< of the pending first line: after a BOM or a `sep=` line
    std::size_t line_offset_ = 0;        ///< where the line being parsed starts
    std::size_t line_end_ = 0;           ///< where it ends, its line end included
    /// The part of the line libcsv is reading: a line is handed over in pieces that end at
    /// each carriage return inside it, so that a record a bare CR ends (libcsv ends one there)
    /// ends at it, and the next starts after it: each record's bytes read back as it alone.
    std::size_t piece_offset_ = 0;
    std::size_t piece_end_ = 0;
    int line_ = 0;               ///< physical lines fed so far
    int record_start_ = 0;       ///< line the record being built starts on; 0 = none yet
    csv_record building_;
    std::string too_long_;       ///< why the record being built is over a limit (its values are dropped)
    std::deque<csv_record> ready_;
};

/// The values of one record read again from its bytes (`csv_record::offset`,
/// `length`, as csv_reader gave them), straight through libcsv: no stream and
/// no line buffer, since a batch reads each deal's contact rows again
/// (contacts.hpp). The same values csv_reader::next gave; false when the bytes
/// are not exactly one record with no problem (the file changed since).
bool record_values(std::string_view bytes, char separator, std::vector<std::string>& values);

/// The separator a header line uses: the most frequent of `,` `;` and tab
/// outside quotes; `,` when none occurs.
char detect_separator(std::string_view first_line);

}  // namespace closeplan::batch

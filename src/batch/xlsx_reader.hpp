// SPDX-License-Identifier: MIT
// An .xlsx export read as rows, like a CSV export: libzip opens the container,
// expat streams the XML parts. Shared strings, inline strings, numbers and
// dates (a number cell whose number format is a date, in the 1900 or 1904
// date system) become the same text a CSV export would hold, so the mapping,
// presets, column survey and rows work unchanged; a record's `line` is the
// sheet's row number, as Excel shows it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "batch/csv_reader.hpp"

namespace closeplan::batch {

/// What one .xlsx may hold (docs/cli.md, "Limits"); past one, the export is
/// refused (B721) before any output. Values and rows keep the CSV limits.
/// The file itself, read into memory to open it.
inline constexpr std::size_t max_xlsx_bytes = 256 * 1024 * 1024;
/// Entries in the zip container (a workbook has a few dozen).
inline constexpr std::int64_t max_xlsx_entries = 10'000;
/// One XML part, uncompressed (the sheet is streamed, never held).
inline constexpr std::uint64_t max_xlsx_part_bytes = 4ull * 1024 * 1024 * 1024;
/// The shared strings, uncompressed: they are held in memory.
inline constexpr std::uint64_t max_shared_strings_bytes = 256 * 1024 * 1024;
/// Uncompressed / compressed size of a part above 1 MiB: XML compresses about
/// 10 to 30 times, a zip bomb thousands of times.
inline constexpr std::uint64_t max_xlsx_ratio = 200;
/// Nesting of XML elements (a sheet needs 5).
inline constexpr int max_xml_depth = 64;
/// Excel's last column, XFD.
inline constexpr std::size_t max_xlsx_columns = 16384;

/// Whether these first bytes are a zip container's (`PK\3\4`).
bool looks_like_zip(std::string_view first_bytes);

/// `C` -> 2, `AA` -> 26: the 0-based column of a cell reference's letters.
std::optional<std::size_t> column_of_reference(std::string_view reference);
/// 2 -> `C`: the letters Excel shows for a 0-based column.
std::string column_letters(std::size_t column);

/// A date cell's serial number as text: `2026-06-30`, or `2026-06-30 08:30`
/// when it has a time of day. nullopt outside the years 1900 to 9999.
std::optional<std::string> serial_to_date_text(double serial, bool date1904);

/// Whether a number format shows a date (built-in ids 14-17, 22, 27-36,
/// 50-58; a custom code with d or y outside quotes and brackets).
bool is_date_format(int id, std::string_view code);

class xlsx_workbook {
public:
    /// Opens the container from its bytes; the reason when it cannot be read.
    static std::variant<std::unique_ptr<xlsx_workbook>, std::string> open(std::string bytes);
    ~xlsx_workbook();
    xlsx_workbook(const xlsx_workbook&) = delete;
    xlsx_workbook& operator=(const xlsx_workbook&) = delete;

    [[nodiscard]] const std::vector<std::string>& sheet_names() const { return sheet_names_; }
    /// The rows of sheet `index`, read from its start. Each call reads again.
    [[nodiscard]] std::unique_ptr<record_source> rows(std::size_t index) const;

    struct impl;

private:
    xlsx_workbook();
    std::unique_ptr<impl> impl_;
    std::vector<std::string> sheet_names_;
};

}  // namespace closeplan::batch

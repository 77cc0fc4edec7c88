// SPDX-License-Identifier: MIT
// Reading a sheet back for `closeplan apply`: an .xlsx through batch's
// xlsx_reader, a CSV through batch's csv_reader, the columns found by their
// headers (sheet_columns.hpp). Every row keeps the number a spreadsheet
// shows for it, so each problem names file, row, column and field.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "sheet/sheet_columns.hpp"

namespace closeplan::sheet {

/// The hidden sheet of an .xlsx holding its rows as `closeplan sheet` wrote them.
inline constexpr std::string_view as_written_sheet = "closeplan";

/// Rows a sheet may hold; past this it is refused (V272): a plan has dozens.
inline constexpr std::size_t max_sheet_rows = 10'000;

/// One data row: its cells by field (nullopt when the sheet has no such column).
struct sheet_line {
    int row = 0;  ///< as the spreadsheet counts rows: the header is row 1
    std::array<std::optional<std::string>, 7> cells;
    [[nodiscard]] const std::optional<std::string>& operator[](field key) const {
        return cells[static_cast<std::size_t>(key)];
    }
    [[nodiscard]] bool blank() const;
};

struct sheet_table {
    std::string file;
    bool csv = false;
    /// 0-based spreadsheet column of each field; nullopt when the sheet lacks it.
    std::array<std::optional<std::size_t>, 7> column;
    std::vector<sheet_line> lines;
    /// The rows as written (an .xlsx from `closeplan sheet`), by id: a cell
    /// still holding its value there was not edited, whatever the plan holds
    /// now. Empty for a CSV or a workbook without the hidden sheet.
    std::vector<sheet_line> as_written;
    [[nodiscard]] const sheet_line* written_row(std::string_view id) const;
};

/// Reads `bytes` (a whole .xlsx or CSV file; a zip container is read as
/// .xlsx, anything else as CSV) named `file` in messages. Nullopt after
/// reporting when it cannot be read as a sheet of milestones (V260, V261,
/// V272); never throws for bad input.
std::optional<sheet_table> read_sheet(std::string bytes, const std::string& file, diagnostic_sink& diags);

/// Where a cell is, for a diagnostic: file, row, column (1-based), the
/// milestone field's JSON Pointer when it is known.
source_location cell_location(const sheet_table& table, int row, field key, std::string pointer = {});
/// "row 5, column E (due)".
std::string cell_name(const sheet_table& table, int row, field key);

}  // namespace closeplan::sheet

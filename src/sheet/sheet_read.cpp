// SPDX-License-Identifier: MIT
#include "sheet/sheet_read.hpp"

#include <sstream>
#include <variant>

#include "batch/csv_reader.hpp"
#include "batch/xlsx_reader.hpp"
#include "load/control_chars.hpp"
#include "support/utf8.hpp"

namespace closeplan::sheet {

namespace {

std::string quoted(std::string_view text) {
    std::string shown = utf8::replace_invalid(text.substr(0, 60));
    if (text.size() > 60) shown += "…";
    return "\"" + shown + "\"";
}

/// Finds each field's column from the header row; false after reporting.
bool read_header(const batch::csv_record& header, sheet_table& table, diagnostic_sink& diags) {
    for (std::size_t col = 0; col < header.fields.size(); ++col) {
        const auto key = field_for_header(header.fields[col]);
        if (!key) continue;  // a column the champion added for themselves: not ours to read
        auto& slot = table.column[static_cast<std::size_t>(*key)];
        if (slot) {
            diags.error("V261",
                        "the column " + std::string(column_of(*key).header) + " appears twice (columns " +
                            batch::column_letters(*slot) + " and " + batch::column_letters(col) + ")",
                        {table.file, header.line, static_cast<int>(col) + 1, ""},
                        {"keep one of them: apply would not know which one holds the edit"});
            return false;
        }
        slot = col;
    }
    if (!table.column[static_cast<std::size_t>(field::id)]) {
        diags.error("V261", "the first row has no \"id\" column, so no row can be matched to its step",
                    {table.file, header.line > 0 ? header.line : 1, 1, ""},
                    {"write the sheet with `closeplan sheet PLAN -o FILE` and keep its first row (id, title, owner, "
                     "assignee, due, status, notes)"});
        return false;
    }
    return true;
}

/// Rows a spreadsheet shows before a CSV record: its first line, less the
/// line breaks inside the quoted values of the records before it.
class csv_rows {
public:
    int row_of(const batch::csv_record& record) {
        const int row = record.line - extra_;
        for (const auto& value : record.fields)
            for (const char c : value)
                if (c == '\n') ++extra_;
        return row;
    }

private:
    int extra_ = 0;
};

bool read_rows(batch::record_source& source, sheet_table& table, diagnostic_sink& diags) {
    batch::csv_record record;
    csv_rows rows;
    bool header_seen = false;
    while (source.next(record)) {
        const int row = table.csv ? rows.row_of(record) : record.line;
        if (!record.problem.empty()) {
            diags.error("V272", "row " + std::to_string(row) + " cannot be read: " + record.problem,
                        {table.file, row, 0, ""},
                        {"save the sheet again from the spreadsheet program, or fix the row by hand"});
            continue;
        }
        if (!header_seen) {
            header_seen = true;
            record.line = row;
            if (!read_header(record, table, diags)) return false;
            continue;
        }
        if (table.lines.size() >= max_sheet_rows) {
            diags.error("V272", "the sheet has more than " + std::to_string(max_sheet_rows) + " rows",
                        {table.file, row, 0, ""}, {"a plan has dozens of steps; check that this is the right file"});
            return false;
        }
        sheet_line line;
        line.row = row;
        for (std::size_t f = 0; f < table.column.size(); ++f) {
            if (!table.column[f]) continue;
            const auto col = *table.column[f];
            line.cells[f] = col < record.fields.size() ? record.fields[col] : std::string();
            // A cell that is not UTF-8 (a CSV saved in a legacy code page) would make the plan
            // unreadable; it is refused here, where its row and column are known.
            const auto key = static_cast<field>(f);
            if (!utf8::is_valid(*line.cells[f]))
                diags.error("V272", "the cell is not UTF-8 text", cell_location(table, row, key, ""),
                            {"save the sheet as .xlsx, or as CSV in UTF-8"});
            // As in a plan file: a control character (a NUL, an escape) becomes U+FFFD, with a warning here.
            else
                load::report_replaced_controls(diags, cell_location(table, row, key, ""),
                                               load::replace_control_characters(*line.cells[f]), cell_name(table, row, key));
        }
        if (!line.blank()) table.lines.push_back(std::move(line));
    }
    if (const auto failure = source.failure(); !failure.empty()) {
        diags.error("V260", "cannot read " + quoted(table.file) + " as a sheet: " + failure, {table.file, 0, 0, ""},
                    {"save it again as .xlsx or .csv from the spreadsheet program"});
        return false;
    }
    if (!header_seen) {
        diags.error("V260", "the sheet is empty: no header row, no steps", {table.file, 0, 0, ""},
                    {"write the sheet with `closeplan sheet PLAN -o FILE` and edit that file"});
        return false;
    }
    return !diags.has_errors();
}

}  // namespace

const sheet_line* sheet_table::written_row(std::string_view id) const {
    for (const auto& line : as_written)
        if (line[field::id] && *line[field::id] == id) return &line;
    return nullptr;
}

bool sheet_line::blank() const {
    for (const auto& cell : cells)
        if (cell && cell->find_first_not_of(" \t\r\n") != std::string::npos) return false;
    return true;
}

source_location cell_location(const sheet_table& table, int row, field key, std::string pointer) {
    const auto& col = table.column[static_cast<std::size_t>(key)];
    return {table.file, row, col ? static_cast<int>(*col) + 1 : 0, std::move(pointer)};
}

std::string cell_name(const sheet_table& table, int row, field key) {
    const auto& col = table.column[static_cast<std::size_t>(key)];
    return "row " + std::to_string(row) + (col ? ", column " + batch::column_letters(*col) : std::string()) + " (" +
           std::string(column_of(key).header) + ")";
}

std::optional<sheet_table> read_sheet(std::string bytes, const std::string& file, diagnostic_sink& diags) {
    sheet_table table;
    table.file = file;
    diagnostic_sink own;
    if (batch::looks_like_zip(std::string_view(bytes).substr(0, 4))) {
        auto opened = batch::xlsx_workbook::open(std::move(bytes));
        if (auto* reason = std::get_if<std::string>(&opened)) {
            diags.error("V260", "cannot read " + quoted(file) + " as an .xlsx workbook: " + *reason, {file, 0, 0, ""},
                        {"save it again as .xlsx (Excel Workbook) or .csv from the spreadsheet program"});
            return std::nullopt;
        }
        const auto& book = *std::get<std::unique_ptr<batch::xlsx_workbook>>(opened);
        std::size_t index = 0;
        for (std::size_t i = 0; i < book.sheet_names().size(); ++i)
            if (book.sheet_names()[i] == "Milestones") index = i;
        if (book.sheet_names().empty()) {
            diags.error("V260", "the workbook " + quoted(file) + " has no sheets", {file, 0, 0, ""},
                        {"write the sheet with `closeplan sheet PLAN -o FILE.xlsx` and edit that file"});
            return std::nullopt;
        }
        const auto source = book.rows(index);
        if (!read_rows(*source, table, own)) {
            diags.merge(own);
            return std::nullopt;
        }
        for (std::size_t i = 0; i < book.sheet_names().size(); ++i) {
            if (book.sheet_names()[i] != as_written_sheet || i == index) continue;
            // Best effort: a hidden sheet that cannot be read only loses the check for changes made since.
            sheet_table written;
            written.file = file;
            diagnostic_sink ignored;
            if (read_rows(*book.rows(i), written, ignored)) table.as_written = std::move(written.lines);
        }
    } else {
        table.csv = true;
        std::istringstream in(std::move(bytes));
        batch::csv_reader source(in);
        if (!read_rows(source, table, own)) {
            diags.merge(own);
            return std::nullopt;
        }
    }
    diags.merge(own);
    return table;
}

}  // namespace closeplan::sheet

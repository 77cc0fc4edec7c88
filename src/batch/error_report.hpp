// SPDX-License-Identifier: MIT
// The batch's error report: one line per problem, as CSV a spreadsheet can
// open without running anything, and as JSON.
#pragma once

#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

namespace closeplan::batch {

/// One problem with one row: where (physical line, column name), the value
/// as found, and what is wrong with it.
struct row_error {
    int line = 0;
    std::string column;  ///< header name; empty for the row as a whole
    std::string value;
    std::string code;    ///< B7xx or the pipeline's own code
    std::string message;
};

/// `=SUM(A1)` -> `'=SUM(A1)`: a value starting with = + - @ tab or CR gets a
/// leading apostrophe so spreadsheets show it as text instead of running it.
std::string neutralise_formula(std::string_view value);

/// One CSV field, quoted by libcsv (quotes doubled) after neutralising formulas
/// and replacing invalid UTF-8.
std::string csv_field(std::string_view value);

/// Which deal a problem belongs to, for the operator reading errors.csv.
struct deal_label {
    std::string_view id;
    std::string_view name;
    std::string_view owner;
    int sheet_row = 0;  ///< the deal's first row as a spreadsheet counts rows (the header is 1); 0 = unknown
};

/// The header line of errors.csv, with its line end:
/// row, column, value, code, message, deal_id, deal_name, owner, sheet_row.
std::string errors_csv_header();
/// One line of errors.csv, with its line end (CRLF, as RFC 4180 and Excel expect).
std::string errors_csv_line(const row_error& e, const deal_label& deal = {});

/// One JSON object for `--report json`: row, column, value, code, message.
nlohmann::ordered_json error_json_value(const row_error& e);
/// The same as compact JSON text (no trailing comma or newline).
std::string error_json(const row_error& e);
/// The inverse of error_json_value, for `closeplan batch-index`; throws
/// nlohmann::json::exception on a value of the wrong type.
row_error error_from_json(const nlohmann::json& value);
/// A JSON string literal, invalid UTF-8 replaced.
std::string json_string(std::string_view text);

}  // namespace closeplan::batch

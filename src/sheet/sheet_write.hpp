// SPDX-License-Identifier: MIT
// `closeplan sheet`: a plan's milestones as a sheet a champion edits in Excel
// or Google Sheets and sends back (`closeplan apply` reads it). Pure functions
// of the plan and as_of: the same input gives the same bytes.
#pragma once

#include <array>
#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "sheet/sheet_columns.hpp"

namespace closeplan::sheet {

/// One milestone as the sheet shows it: a text per column of columns(), the
/// due date also as a date (the .xlsx writes a date cell).
struct sheet_row {
    std::vector<std::string> cells;
    std::optional<model::date> due;
};

/// The milestones in plan order.
std::vector<sheet_row> rows_of(const model::plan& plan);

/// RFC 4180 CSV (CRLF, every field quoted), header first; a cell starting with
/// = + - @ tab or CR gets a leading apostrophe, so no spreadsheet runs plan text.
std::string write_csv(const model::plan& plan);

/// The .xlsx: sheet "Milestones" (bold frozen header, id column locked by sheet
/// protection without a password, the other cells open, due as date cells,
/// owner and status as lists to pick from, widths from the content) and sheet
/// "How to edit" (what each column is), and a hidden sheet of the rows as
/// written, so `apply` can tell the champion's edits from changes made to the
/// plan since (sheet_read.hpp). The document's created date is
/// `as_of`, so two runs give the same bytes. libxlsxwriter only writes files:
/// the workbook is built in a private temporary folder and read back; throws
/// closeplan::error (O520) when that fails.
std::string write_xlsx(const model::plan& plan, model::date as_of);

}  // namespace closeplan::sheet

// SPDX-License-Identifier: MIT
// Any export column into any plan field: the mapping's `plan:` section names
// plan fields by their path in the plan field table (validate/plan_fields.hpp,
// the table `closeplan schema` reads) and the columns that fill them:
//
//   plan:
//     outcome: Description
//     success_criteria[]: { column: Success Criteria, split: ";" }
//     risks[].title: { column: Risks, split: ";" }
//     risks[].severity: { value: high }
//     go_live: Go-Live Date
//     resources[].url: Proposal Link
//     resources[].title: { value: Proposal }
//
// `a.b` goes into a mapping, `a[]` is a list: a list of text takes one item
// per piece of the cell (split) or the whole cell; a list of mappings
// (`risks[].title`) takes item k from piece k of each of its columns, so the
// columns of one list zip. `{ value: ... }` is the same text for every row
// (on every item its list has). Each row's values are written as a plan tree
// at the row and column they came from, merged like an overlay (overlays.hpp)
// over the export's plan, and read by the plan validator: a bad URL or date
// in a cell is the plan file's V2xx error, located by row and column.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "batch/error_report.hpp"
#include "closeplan/diagnostics.hpp"
#include "load/raw_tree.hpp"
#include "model/plan.hpp"
#include "validate/plan_fields.hpp"

namespace closeplan::batch {

/// One `plan:` entry of a mapping.
struct plan_column {
    std::string path;                   ///< as written: "risks[].title"
    std::vector<std::string> keys;      ///< "risks", "title"
    std::optional<std::size_t> list_at; ///< index in `keys` of the one list (`[]`), if any
    std::vector<std::string> headers;   ///< candidate column names (the first present one is used)
    std::optional<std::string> value;   ///< `{ value: ... }`: the same text on every row
    std::string split;                  ///< cuts a cell into list items; empty: the whole cell
    validate::detail::field_kind kind = validate::detail::field_kind::text;  ///< of the leaf field
    source_location where;              ///< the entry in the mapping file
};

/// Reads a mapping's `plan:` section; problems are B701 errors at their place in the mapping.
std::vector<plan_column> read_plan_columns(const load::raw_node& node, diagnostic_sink& diags);

/// What a row gives one plan column: its cell (column index and text) or the mapping's value.
struct plan_cell {
    const plan_column* column = nullptr;
    std::optional<std::size_t> index;  ///< column of the export; unset for `{ value: ... }`
    std::string name;                  ///< the column as errors name it ("Risks", "Risks (column F)")
    std::string text;                  ///< cleaned; dates already YYYY-MM-DD when they could be read
};

/// Merges the cells over `plan` and validates the result as a plan file is.
/// On success `plan` is the merged plan; otherwise `errors` gets one row error
/// per problem, with the column's name and the cell for problems in a cell.
bool apply_plan_cells(model::plan& plan, const std::vector<plan_cell>& cells, const std::string& export_file,
                      int line, std::vector<row_error>& errors);

}  // namespace closeplan::batch

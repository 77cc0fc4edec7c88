// SPDX-License-Identifier: MIT
// A CRM row (or a deal's task rows) becomes a model::plan: the deal's fields
// from its columns, the milestones from a playbook scheduled backward from
// the close date, or from the task rows themselves.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "batch/error_report.hpp"
#include "batch/file_names.hpp"
#include "batch/mapping.hpp"
#include "model/plan.hpp"
#include "schedule/business_calendar.hpp"
#include "schedule/playbook.hpp"

namespace closeplan::batch {

/// One data row as read: its physical line and its values by column.
struct export_row {
    int line = 0;
    std::vector<std::string> values;
};

/// What every row needs to be read, shared read-only by all workers.
struct row_reader {
    const header_row* header = nullptr;
    resolved_columns columns;
    const column_mapping* mapping = nullptr;
    decimal_mark decimal = decimal_mark::point;
    /// How the close date and task due columns write dates, as their values
    /// settled it (column_survey.hpp); unset: the mapping's `dates`.
    std::optional<date_style> close_dates;
    std::optional<date_style> due_dates;
    /// Parallel to mapping->plan: how each mapped date column writes dates, as its values settled it.
    std::vector<std::optional<date_style>> plan_dates;
    std::string file_name;  ///< the export, as diagnostics name it
    /// An .xlsx export: columns are also named by their letters, as Excel shows them ("Close Date (column E)").
    bool sheet_columns = false;
    model::date as_of;
    std::string locale = "en-US";
    bool locale_forced = false;  ///< --locale: every plan in `locale`, whatever its region says
    std::vector<model::value_entry> value_map;  ///< --value-map entries added to every plan
    /// With --group-by: each row is one contact role of the deal (no task
    /// columns, contact columns present), so the deal is its first row with
    /// the playbook, and its rows give the stakeholders (contacts.hpp).
    bool contact_rows = false;
};

struct built_deal {
    std::optional<model::plan> plan;  ///< set when the row(s) had no error
    std::vector<row_error> errors;
    std::string id;    ///< as found, for the file name and the index
    std::string name;
    std::string owner;
    bool feasible = true;
    int business_days_missing = 0;
};

/// Problems with the row's text itself: invalid UTF-8 (B704) and values past
/// the last header column (B708).
std::vector<row_error> check_row_text(const export_row& row, const row_reader& reader);

/// The deal id and name of a row (for naming), cleaned, without checking the rest.
std::pair<std::string, std::string> deal_identity(const export_row& row, const row_reader& reader);

/// One deal field of a row, trimmed and cleaned ("" when the mapping has no such column).
std::string deal_value(const export_row& row, const row_reader& reader, deal_field field);

/// What names a row's files: its id and name, and its account and owner when `with_more` (the pattern reads them).
naming_fields deal_naming(const export_row& row, const row_reader& reader, bool with_more);

/// One row per deal: the playbook scheduled backward from the row's close date.
built_deal build_deal_from_row(const export_row& row, const row_reader& reader, const schedule::playbook& book,
                               const schedule::business_calendar& calendar);

/// One row per task, all rows of one deal (in file order): each task becomes a milestone.
built_deal build_deal_from_tasks(const std::vector<export_row>& rows, const row_reader& reader);

/// Control characters (C0 but tab and line feed, DEL, C1) replaced with U+FFFD
/// and CRLF made LF, so no terminal escape from a CRM field reaches a document.
std::string clean_text(std::string_view text);

}  // namespace closeplan::batch

// SPDX-License-Identifier: MIT
// How an export writes its dates and amounts, decided from all the values of
// each column before any row is rendered (docs/cli.md, "Dates and amounts").
//
// A first pass feeds every data record to a column_survey, which keeps, per
// date column, the first two values proving month-first and day-first, per
// amount column the first two proving a decimal point and a decimal comma,
// the floating-point noise it met, and the first byte that is not UTF-8.
// settle_columns() then turns that evidence into one style per column, or
// into ONE located error for the export (B715-B718, B720) so that nothing is
// written from a file whose columns contradict themselves or the flags.
#pragma once

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "batch/crm_dates.hpp"
#include "batch/csv_reader.hpp"
#include "batch/header.hpp"
#include "batch/money.hpp"
#include "closeplan/diagnostics.hpp"

namespace closeplan::batch {

/// A value that proves something about its column, where it is.
struct proving_value {
    int line = 0;
    std::string value;
};

/// The evidence of one column: up to two proving values for each of two readings
/// (dates: [0] month first, [1] day first; amounts: [0] point, [1] comma).
struct column_evidence {
    std::size_t column = 0;
    std::array<std::vector<proving_value>, 2> proofs;
    void add(std::size_t reading, int line, std::string_view value);
};

/// The first byte that is not UTF-8, located.
struct bad_byte {
    int line = 0;             ///< physical line it is on
    std::size_t column = 0;   ///< 0-based column of the export
    unsigned char byte = 0;
};

class column_survey {
public:
    /// `date_columns` and `amount_columns`: the export's columns to look at (0-based).
    column_survey(std::vector<std::size_t> date_columns, std::vector<std::size_t> amount_columns);

    /// Looks at one data record (records with broken quoting are skipped: they fail on their own).
    void observe(const csv_record& record);

    [[nodiscard]] const std::vector<column_evidence>& dates() const { return dates_; }
    [[nodiscard]] const std::vector<column_evidence>& amounts() const { return amounts_; }
    /// Amounts that look like floating-point noise (`48715.200000000004`), and the first of them.
    [[nodiscard]] std::size_t noisy_amounts() const { return noisy_; }
    [[nodiscard]] const std::optional<proving_value>& first_noisy() const { return first_noisy_; }
    /// The first byte that is not UTF-8, and whether any value held valid UTF-8 beyond ASCII.
    [[nodiscard]] const std::optional<bad_byte>& first_bad_byte() const { return bad_; }
    [[nodiscard]] bool saw_utf8() const { return saw_utf8_; }

private:
    void check_text(const csv_record& record);

    std::vector<column_evidence> dates_;
    std::vector<column_evidence> amounts_;
    std::size_t noisy_ = 0;
    std::optional<proving_value> first_noisy_;
    std::optional<bad_byte> bad_;
    bool saw_utf8_ = false;
};

/// What the command line and the mapping say, and what happens without them.
struct stated_styles {
    std::optional<date_style> dates;      ///< --date-format or the mapping's `dates:` (not `auto`)
    std::string dates_source;             ///< "--date-format M/D/YYYY", "`dates: D/M/YYYY` in the mapping"
    std::optional<decimal_mark> decimal;  ///< --decimal or the mapping's `decimal:`
    std::string decimal_source;
    decimal_mark default_decimal = decimal_mark::point;  ///< when nothing says (comma for `;` files)
    bool sheet = false;  ///< an .xlsx export: "row 12, column C" rather than "line 12, column 3"
};

/// How each surveyed column is read.
struct settled_columns {
    std::vector<std::pair<std::size_t, date_style>> dates;  ///< per surveyed date column
    decimal_mark decimal = decimal_mark::point;
    [[nodiscard]] std::optional<date_style> date_style_of(std::optional<std::size_t> column) const;
};

/// One style per column from the evidence, or nullopt after one error in
/// `diags` for the export: a column proving both readings (B715 dates, B717
/// amounts), a stated style its values contradict (B716, B718), or a file
/// that is not UTF-8 at all (B720). Float noise is one note (B719). A date
/// column nothing settles keeps the stated style (or none: its ambiguous
/// values then fail one by one, B706).
std::optional<settled_columns> settle_columns(const column_survey& survey, const header_row& header,
                                              const stated_styles& stated, const std::string& file_name,
                                              std::string_view default_currency, diagnostic_sink& diags);

/// The header row's first byte that is not UTF-8 (a header is never read
/// with a wrong encoding: the column names would not match).
std::optional<bad_byte> header_bad_byte(const csv_record& header);

/// B720 for a file that is not UTF-8, at its first bad byte.
void report_not_utf8(const bad_byte& bad, const header_row* header, const std::string& file_name,
                     diagnostic_sink& diags);

}  // namespace closeplan::batch

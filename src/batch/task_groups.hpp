// SPDX-License-Identifier: MIT
// One row per task without holding the export: a first pass notes where each
// deal's task rows end, a second pass notes where the rows of the deals that
// are open lie and, as soon as a deal's last row has been read, reads its
// rows again from there and hands the deal on.
//
// Memory: the first pass keeps one entry per deal (its id and one line
// number), the second 16 bytes per row of the deals begun but not finished.
// An export sorted or clustered by deal has one deal open at a time; a
// shuffled one has nearly every deal open, which costs 16 bytes a row
// rather than the rows' values.
#pragma once

#include <cstddef>
#include <cstdint>
#include <istream>
#include <limits>
#include <set>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "batch/column_survey.hpp"
#include "batch/deal_builder.hpp"
#include "batch/export_rows.hpp"

namespace closeplan::batch {

/// The value of the group-by column, or empty when the row is too short or
/// its quoting broke (such rows are reported on their own, never grouped).
std::string group_key_of(const csv_record& record, std::size_t key_column);

/// First pass: the line of each deal id's last task row.
class group_ends {
public:
    /// Reads the data rows left in `rows`, showing each to `survey` when given
    /// (the first pass is also the one that decides how columns are read).
    static group_ends scan(export_rows& rows, std::size_t key_column, column_survey* survey = nullptr);

    void note(const std::string& key, int line) { last_[key] = line; }
    /// The line of the last row of `key`; nullopt for an id the first pass never saw.
    [[nodiscard]] std::optional<int> last_line(const std::string& key) const;
    void forget(const std::string& key) { last_.erase(key); }
    [[nodiscard]] std::size_t size() const { return last_.size(); }

private:
    std::unordered_map<std::string, int> last_;
};

/// The most bytes one deal's task rows may hold together: they are read again
/// and rendered as one plan (docs/cli.md, "Limits"). Past it the deal fails (B713).
inline constexpr std::size_t max_deal_bytes = 64 * 1024 * 1024;

/// Where a row lies in the export, to read it again.
struct row_ref {
    std::size_t offset = 0;    ///< csv_record::offset
    std::uint32_t length = 0;  ///< csv_record::length
    int line = 0;
};

/// Reads rows again from their place in the export, putting the stream back
/// where it was, so the second pass reads on undisturbed.
class row_rereader {
public:
    /// `start`: where the reader whose offsets these are started; `separator`: its separator.
    row_rereader(std::istream& in, std::streampos start, char separator)
        : in_(in), start_(start), separator_(separator) {}
    /// The rows, in the order given; nullopt when their bytes no longer hold
    /// one whole record each (the file changed since it was read).
    std::optional<std::vector<export_row>> read(const std::vector<row_ref>& refs);

private:
    bool read_run(const row_ref* first, std::size_t count, std::vector<export_row>& out);

    std::istream& in_;
    std::streampos start_;
    char separator_;
    std::string bytes_;
};

/// Second pass: the deals begun and not yet finished, with where their rows are.
class open_groups {
public:
    static constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

    struct group {
        std::size_t order = none;   ///< the caller's number for it (first appearance); none = rows only counted
        std::string stem;           ///< the output name, claimed when the group opened
        int sheet_row = 0;          ///< its first row as a spreadsheet counts rows (the header is 1)
        std::size_t row_count = 0;
        std::vector<row_ref> rows;  ///< kept only when order != none
    };

    explicit open_groups(group_ends ends) : ends_(std::move(ends)) {}

    /// Whether `key` has a group open.
    [[nodiscard]] bool is_open(const std::string& key) const { return by_key_.count(key) != 0; }
    /// Opens the group of `key` (not open yet). With `order` == none its rows are counted, not kept.
    void open(const std::string& key, std::size_t order, std::string stem = {}, int sheet_row = 0);
    /// Adds a row to the open group of `key`; returns the group, finished,
    /// when the first pass saw no later row of it.
    std::optional<group> add(const std::string& key, const row_ref& row);
    /// Groups still open at the end of the input (only when it changed between
    /// the passes): those that keep rows by order, then the others.
    std::vector<group> close_all();

    /// The lowest order among open groups that keep their rows; none when there is none.
    [[nodiscard]] std::size_t lowest_open() const { return orders_.empty() ? none : *orders_.begin(); }
    [[nodiscard]] std::size_t size() const { return by_key_.size(); }

private:
    group_ends ends_;
    std::unordered_map<std::string, group> by_key_;
    std::set<std::size_t> orders_;  ///< the orders of the open groups that keep rows
};

}  // namespace closeplan::batch

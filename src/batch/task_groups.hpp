// SPDX-License-Identifier: MIT
// One row per task without holding the export: a first pass notes where each
// deal's task rows end, a second pass gathers the rows of the deals that are
// open and hands each deal on as soon as its last row has been read.
//
// Memory: the first pass keeps one entry per deal (its id and one line
// number), the second only the rows of deals begun but not finished. An
// export sorted or clustered by deal has one deal open at a time; a shuffled
// one holds the deals whose rows are still spread ahead.
#pragma once

#include <cstddef>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "batch/deal_builder.hpp"
#include "batch/export_rows.hpp"

namespace closeplan::batch {

/// The value of the group-by column, or empty when the row is too short or
/// its quoting broke (such rows are reported on their own, never grouped).
std::string group_key_of(const csv_record& record, std::size_t key_column);

/// First pass: the line of each deal id's last task row.
class group_ends {
public:
    /// Reads the data rows left in `rows`.
    static group_ends scan(export_rows& rows, std::size_t key_column);

    void note(const std::string& key, int line) { last_[key] = line; }
    /// The line of the last row of `key`; nullopt for an id the first pass never saw.
    [[nodiscard]] std::optional<int> last_line(const std::string& key) const;
    void forget(const std::string& key) { last_.erase(key); }
    [[nodiscard]] std::size_t size() const { return last_.size(); }

private:
    std::unordered_map<std::string, int> last_;
};

/// Second pass: the deals begun and not yet finished, with their rows.
class open_groups {
public:
    static constexpr std::size_t none = std::numeric_limits<std::size_t>::max();

    struct group {
        std::size_t order = none;  ///< the caller's number for it (first appearance); none = rows only counted
        std::string stem;              ///< the output name, claimed when the group opened
        std::size_t row_count = 0;
        std::vector<export_row> rows;  ///< kept only when order != none
    };

    explicit open_groups(group_ends ends) : ends_(std::move(ends)) {}

    /// Whether `key` has a group open.
    [[nodiscard]] bool is_open(const std::string& key) const { return by_key_.count(key) != 0; }
    /// Opens the group of `key` (not open yet). With `order` == none its rows are counted, not kept.
    void open(const std::string& key, std::size_t order, std::string stem = {});
    /// Adds a row to the open group of `key`; returns the group, finished,
    /// when the first pass saw no later row of it.
    std::optional<group> add(const std::string& key, export_row row);
    /// Groups still open at the end of the input (only when it changed between
    /// the passes): those that keep rows by order, then the others.
    std::vector<group> close_all();

    /// The lowest order among open groups that keep their rows; none when there is none.
    [[nodiscard]] std::size_t lowest_open() const { return orders_.empty() ? none : orders_.begin()->first; }
    [[nodiscard]] std::size_t size() const { return by_key_.size(); }

private:
    group_ends ends_;
    std::unordered_map<std::string, group> by_key_;
    std::map<std::size_t, std::string> orders_;  ///< open groups that keep rows, by order
};

}  // namespace closeplan::batch

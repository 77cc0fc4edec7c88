// SPDX-License-Identifier: MIT
// Where each deal's task rows end, and the deals open in between.
#include "batch/task_groups.hpp"

#include <algorithm>

namespace closeplan::batch {

std::string group_key_of(const csv_record& record, std::size_t key_column) {
    if (!record.problem.empty() || key_column >= record.fields.size()) return {};
    return record.fields[key_column];
}

group_ends group_ends::scan(export_rows& rows, std::size_t key_column) {
    group_ends ends;
    csv_record record;
    while (rows.next(record)) {
        const auto key = group_key_of(record, key_column);
        if (!key.empty()) ends.note(key, record.line);
    }
    return ends;
}

std::optional<int> group_ends::last_line(const std::string& key) const {
    const auto it = last_.find(key);
    if (it == last_.end()) return std::nullopt;
    return it->second;
}

void open_groups::open(const std::string& key, std::size_t order, std::string stem) {
    auto& g = by_key_[key];
    g.order = order;
    g.stem = std::move(stem);
    if (order != none) orders_.emplace(order, key);
}

std::optional<open_groups::group> open_groups::add(const std::string& key, export_row row) {
    const auto it = by_key_.find(key);
    if (it == by_key_.end()) return std::nullopt;
    auto& g = it->second;
    ++g.row_count;
    const int line = row.line;
    if (g.order != none) g.rows.push_back(std::move(row));
    // An id the first pass never saw (the file changed since) stays open until the end.
    const auto last = ends_.last_line(key);
    if (!last || line < *last) return std::nullopt;
    group done = std::move(g);
    if (done.order != none) orders_.erase(done.order);
    by_key_.erase(it);
    // A later row with this id (only if the file changed) starts a new deal.
    ends_.forget(key);
    return done;
}

std::vector<open_groups::group> open_groups::close_all() {
    std::vector<group> left;
    left.reserve(by_key_.size());
    for (auto& [key, g] : by_key_) left.push_back(std::move(g));
    by_key_.clear();
    orders_.clear();
    std::sort(left.begin(), left.end(), [](const group& a, const group& b) { return a.order < b.order; });
    return left;
}

}  // namespace closeplan::batch

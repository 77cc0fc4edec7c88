// SPDX-License-Identifier: MIT
// Where each deal's task rows end, and the deals open in between.
#include "batch/task_groups.hpp"

#include <algorithm>
#include <sstream>

namespace closeplan::batch {

std::string group_key_of(const csv_record& record, std::size_t key_column) {
    if (!record.problem.empty() || key_column >= record.fields.size()) return {};
    return record.fields[key_column];
}

group_ends group_ends::scan(export_rows& rows, std::size_t key_column, column_survey* survey) {
    group_ends ends;
    csv_record record;
    while (rows.next(record)) {
        if (survey) survey->observe(record);
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

void open_groups::open(const std::string& key, std::size_t order, std::string stem, int sheet_row) {
    auto& g = by_key_[key];
    g.order = order;
    g.stem = std::move(stem);
    g.sheet_row = sheet_row;
    if (order != none) orders_.insert(order);
}

std::optional<open_groups::group> open_groups::add(const std::string& key, const row_ref& row) {
    const auto it = by_key_.find(key);
    if (it == by_key_.end()) return std::nullopt;
    auto& g = it->second;
    ++g.row_count;
    const int line = row.line;
    if (g.order != none) g.rows.push_back(row);
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

std::optional<std::vector<export_row>> row_rereader::read(const std::vector<row_ref>& refs) {
    in_.clear();  // the second pass may be at the end already
    const auto here = in_.tellg();
    std::vector<export_row> rows;
    rows.reserve(refs.size());
    bool whole = here != std::streampos(-1);
    // Rows next to each other (an export sorted by deal) are read in one go.
    for (std::size_t i = 0; whole && i < refs.size();) {
        std::size_t n = 1;
        while (i + n < refs.size() && refs[i + n].offset == refs[i + n - 1].offset + refs[i + n - 1].length) ++n;
        whole = read_run(&refs[i], n, rows);
        i += n;
    }
    in_.clear();
    if (!in_.seekg(here)) whole = false;
    if (!whole) return std::nullopt;
    return rows;
}

bool row_rereader::read_run(const row_ref* first, std::size_t count, std::vector<export_row>& out) {
    const auto& last = first[count - 1];
    bytes_.resize(last.offset + last.length - first->offset);
    if (!in_.seekg(start_ + static_cast<std::streamoff>(first->offset))) return false;
    if (!in_.read(bytes_.data(), static_cast<std::streamsize>(bytes_.size()))) return false;
    std::istringstream run(bytes_);
    csv_reader again(run, separator_, csv_reader::record_bytes);
    csv_record record;
    for (std::size_t i = 0; i < count; ++i) {
        if (!again.next(record) || !record.problem.empty() || record.length != first[i].length) return false;
        out.push_back({first[i].line, std::move(record.fields)});
    }
    return !again.next(record);
}

}  // namespace closeplan::batch

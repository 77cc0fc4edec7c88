// SPDX-License-Identifier: MIT
#include "sheet/sheet_columns.hpp"

#include <array>
#include <string>

namespace closeplan::sheet {

namespace {

constexpr std::array table{
    column_info{field::id, "id", "The step's id: leave it as it is; empty on a new row (closeplan makes one)", 8, 24},
    column_info{field::title, "title", "What the step is", 24, 60},
    column_info{field::owner, "owner", "Who owns the step: one of the words in the cell's list", 8, 10},
    column_info{field::assignee, "assignee", "Who does it: a stakeholder id from the plan (or the person's name)", 10, 24},
    column_info{field::due, "due", "When it is due (a date); a moved date is kept as the step's earlier date", 12, 12},
    column_info{field::status, "status", "Where the step stands: one of the words in the cell's list", 12, 14},
    column_info{field::notes, "notes", "Notes (Markdown)", 20, 80},
};

std::string folded(std::string_view text) {
    const auto first = text.find_first_not_of(" \t\r\n");
    if (first == std::string_view::npos) return {};
    const auto last = text.find_last_not_of(" \t\r\n");
    std::string out(text.substr(first, last - first + 1));
    for (auto& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

}  // namespace

std::span<const column_info> columns() { return table; }

const column_info& column_of(field key) { return table[index_of(key)]; }

std::size_t index_of(field key) {
    for (std::size_t i = 0; i < table.size(); ++i)
        if (table[i].key == key) return i;
    return 0;
}

std::optional<field> field_for_header(std::string_view header) {
    const auto word = folded(header);
    for (const auto& c : table)
        if (c.header == word) return c.key;
    return std::nullopt;
}

}  // namespace closeplan::sheet

// SPDX-License-Identifier: MIT
// The milestones as rows of text, shared by the CSV and .xlsx writers.
#include "batch/error_report.hpp"
#include "model/dates.hpp"
#include "sheet/sheet_write.hpp"

namespace closeplan::sheet {

std::vector<sheet_row> rows_of(const model::plan& plan) {
    std::vector<sheet_row> rows;
    rows.reserve(plan.milestones.size());
    for (const auto& m : plan.milestones) {
        sheet_row row;
        row.cells.resize(columns().size());
        row.due = m.due;
        for (std::size_t i = 0; i < columns().size(); ++i) {
            auto& cell = row.cells[i];
            switch (columns()[i].key) {
                case field::id: cell = m.id; break;
                case field::title: cell = m.title; break;
                case field::owner: cell = std::string(model::to_string(m.owner)); break;
                case field::assignee: cell = m.assignee; break;
                case field::due: cell = m.due ? model::format_iso_date(*m.due) : std::string(); break;
                case field::status: cell = std::string(model::to_string(m.state)); break;
                case field::notes: cell = m.notes; break;
            }
        }
        rows.push_back(std::move(row));
    }
    return rows;
}

std::string write_csv(const model::plan& plan) {
    std::string out;
    const auto line = [&out](const std::vector<std::string>& cells) {
        for (std::size_t i = 0; i < cells.size(); ++i) {
            if (i > 0) out += ',';
            out += batch::csv_field(cells[i]);
        }
        out += "\r\n";
    };
    std::vector<std::string> header;
    for (const auto& c : columns()) header.emplace_back(c.header);
    line(header);
    for (const auto& row : rows_of(plan)) line(row.cells);
    return out;
}

}  // namespace closeplan::sheet

// SPDX-License-Identifier: MIT
// Entry points of validate/: read, cross-check, then report everything in file order.
#include "validate/validate_plan.hpp"

#include <algorithm>
#include <tuple>

#include "validate/plan_reader.hpp"
#include "validate/references.hpp"
#include "validate/value_map.hpp"

namespace closeplan::validate {

namespace {

// Checks run in passes (fields, then references, then cycles), but a reader fixes
// a file top to bottom, so the report follows the file. Diagnostics from a value
// map file named by the plan sit where the plan names it.
void append_in_file_order(const diagnostic_sink& own, const diagnostic_sink& nested,
                          const std::optional<source_location>& anchor, diagnostic_sink& into) {
    struct keyed {
        int line;
        int column;
        std::size_t rank;
        const diagnostic* item;
    };
    std::vector<keyed> items;
    std::size_t rank = 0;
    for (const auto& d : own.all()) items.push_back({d.where.line, d.where.column, rank++, &d});
    std::vector<const diagnostic*> inner;
    for (const auto& d : nested.all()) inner.push_back(&d);
    std::stable_sort(inner.begin(), inner.end(), [](const diagnostic* a, const diagnostic* b) {
        return std::tie(a->where.line, a->where.column) < std::tie(b->where.line, b->where.column);
    });
    const int anchor_line = anchor ? anchor->line : 0;
    const int anchor_column = anchor ? anchor->column : 0;
    for (const auto* d : inner) items.push_back({anchor_line, anchor_column, rank++, d});
    std::stable_sort(items.begin(), items.end(), [](const keyed& a, const keyed& b) {
        return std::tie(a.line, a.column, a.rank) < std::tie(b.line, b.column, b.rank);
    });
    for (const auto& k : items) into.report(*k.item);
}

}  // namespace

std::optional<model::plan> validate_plan(const load::raw_node& root, const validate_options& options,
                                         diagnostic_sink& diags) {
    diagnostic_sink own, from_files;
    detail::field_reader fields(own);
    detail::plan_reader reader(fields, options, from_files);
    model::plan plan;
    if (reader.read(root, plan)) {
        detail::check_references(fields, plan, reader.pending());
        detail::check_cycles(fields, plan, reader.pending());
    }
    append_in_file_order(own, from_files, reader.pending().value_map_file, diags);
    if (own.has_errors() || from_files.has_errors()) return std::nullopt;
    return plan;
}

std::optional<std::vector<model::value_entry>> validate_value_map(const load::raw_node& root, diagnostic_sink& diags) {
    diagnostic_sink own;
    detail::field_reader fields(own);
    auto entries = detail::read_value_map_file(fields, root);
    append_in_file_order(own, diagnostic_sink{}, std::nullopt, diags);
    if (own.has_errors()) return std::nullopt;
    return entries;
}

}  // namespace closeplan::validate

// SPDX-License-Identifier: MIT
// Entry points of validate/: read, cross-check, then report everything in file order.
#include "validate/validate_plan.hpp"

#include <algorithm>
#include <map>
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

void read_plan_members(const load::raw_node& root, const validate_options& options, model::plan& plan,
                       diagnostic_sink& diags) {
    diagnostic_sink from_files;  // a value map file is not among the members read
    detail::field_reader fields(diags);
    detail::plan_reader reader(fields, options, from_files);
    reader.read_members(root, plan);
}

bool check_plan_links(model::plan& plan) {
    // What plan_reader notes while reading, taken from the plan itself.
    detail::pending_checks pending;
    const auto ref = [](const std::string& id) { return detail::located_text{id, {}}; };
    std::map<std::string_view, int, std::less<>> ids;
    bool unique = true;
    const auto note = [&](const std::string& id) {
        if (!id.empty()) unique = ids.emplace(id, 0).second && unique;
    };
    for (const auto& s : plan.stakeholders) note(s.id);
    ids.clear();
    for (const auto& m : plan.milestones) {
        note(m.id);
        if (!m.assignee.empty()) pending.stakeholder_refs.push_back({ref(m.assignee), "assignee"});
        auto& depends = pending.depends_on.emplace_back();
        for (const auto& d : m.depends_on) depends.push_back(ref(d));
    }
    ids.clear();
    for (const auto& r : plan.resources) {
        note(r.id);
        for (const auto& id : r.for_ids) pending.stakeholder_refs.push_back({ref(id), "for"});
    }
    for (const auto& r : plan.risks) {
        if (!r.assignee.empty()) pending.stakeholder_refs.push_back({ref(r.assignee), "assignee"});
        if (!r.milestone_id.empty()) pending.milestone_refs.push_back({ref(r.milestone_id), "milestone"});
    }
    for (const auto& c : plan.commitments)
        if (!c.assignee.empty()) pending.stakeholder_refs.push_back({ref(c.assignee), "assignee"});
    if (plan.signatures.buyer && !plan.signatures.buyer->stakeholder_id.empty())
        pending.signers.push_back({true, ref(plan.signatures.buyer->stakeholder_id)});
    if (plan.signatures.seller && !plan.signatures.seller->stakeholder_id.empty())
        pending.signers.push_back({false, ref(plan.signatures.seller->stakeholder_id)});
    diagnostic_sink found;
    detail::field_reader fields(found);
    detail::check_references(fields, plan, pending);
    detail::check_cycles(fields, plan, pending);
    return unique && !found.has_errors();
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

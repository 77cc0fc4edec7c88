// SPDX-License-Identifier: MIT
// The value-map section: what each stakeholder cares about, the proof, and the milestones that deliver it.
#include <string_view>
#include <unordered_map>

#include "view/build_parts.hpp"

namespace closeplan::view::detail {

namespace {

bool is_resource_kind(std::string_view name) {
    for (auto kind : {model::resource_kind::roi, model::resource_kind::security, model::resource_kind::case_study,
                      model::resource_kind::legal, model::resource_kind::proposal,
                      model::resource_kind::implementation, model::resource_kind::reference,
                      model::resource_kind::other})
        if (model::to_string(kind) == name) return true;
    return false;
}

inlines stakeholder_cell(const model::stakeholder& person) {
    inlines cell{text_node(person.name.empty() ? person.id : person.name)};
    if (!person.title.empty()) {
        cell.push_back(inline_node{line_break{}});
        cell.push_back(muted(person.title));
    }
    return cell;
}

inlines cares_cell(const labels& words, const analyze::value_row& row) {
    std::string joined = join_listed(words, row.cares_about);
    return joined.empty() ? inlines{} : inlines{text_node(std::move(joined))};
}

inlines proof_cell(const build_context& ctx, const analyze::value_row& row) {
    inlines cell;
    auto separate = [&cell, separator = list_separator(ctx.words)] {
        if (!cell.empty()) append_text(cell, separator);
    };
    for (const auto& id : row.proof_resource_ids) {
        const auto* r = ctx.plan.find_resource(id);
        if (!r) continue;
        separate();
        const std::string title = r->title.empty() ? r->id : r->title;
        if (r->url.empty())
            append_text(cell, title);
        else
            cell.push_back(link_or_text(r->url, title));
    }
    // Proof the map asks for but the plan lacks stays visible as a gap.
    for (const auto& wanted : row.proof_unresolved) {
        separate();
        const std::string name = is_resource_kind(wanted) ? label_of(ctx.words, "kind", wanted) : wanted;
        cell.push_back(muted(fill(ctx.words.get("value.proof_missing"), {{"name", name}})));
    }
    return cell;
}

inlines delivered_cell(const build_context& ctx, const analyze::value_row& row) {
    inlines cell;
    for (const auto& id : row.milestone_ids) {
        const auto ref = milestone_ref(ctx, id);
        if (ref.empty()) continue;
        if (!cell.empty()) append_text(cell, list_separator(ctx.words));
        append_text(cell, ref);
    }
    return cell;
}

}  // namespace

blocks build_value_map(const build_context& ctx) {
    const auto& w = ctx.words;
    blocks content;
    data_table table;
    table.key = "value_map";
    table.caption = w.get("caption.value_map");
    table.columns = {{"stakeholder", w.get("column.stakeholder"), align::left},
                     {"cares_about", w.get("column.cares_about"), align::left},
                     {"proof", w.get("column.proof"), align::left},
                     {"delivered_by", w.get("column.delivered_by"), align::left}};
    int shown = 0;
    int covered = 0;
    // One value row per stakeholder: looked up by id through an index, not a
    // scan of the list each time (a plan may have 20,000 people). The first of
    // a repeated id wins, as with plan::find_stakeholder.
    std::unordered_map<std::string_view, const model::stakeholder*> people;
    people.reserve(ctx.plan.stakeholders.size());
    for (const auto& p : ctx.plan.stakeholders) people.emplace(p.id, &p);
    for (const auto& row : ctx.facts.value_rows) {
        const auto found = people.find(row.stakeholder_id);
        const auto* person = found == people.end() ? nullptr : found->second;
        if (!person || !row.relevant) continue;
        table_row cells;
        cells.cells.push_back(stakeholder_cell(*person));
        cells.cells.push_back(cares_cell(ctx.words, row));
        cells.cells.push_back(proof_cell(ctx, row));
        cells.cells.push_back(delivered_cell(ctx, row));
        cells.row_class = row.covered ? "covered" : "gap";
        table.rows.push_back(std::move(cells));
        ++shown;
        if (row.covered) ++covered;
    }
    if (shown == 0) {
        content.push_back(none_paragraph(w, "value_map.none"));
        return content;
    }
    content.push_back(block{std::move(table)});
    const std::string coverage_key =
        plural_key("value.coverage", shown, w.plurals().get(), [&](std::string_view k) { return w.has(k); });
    const std::string pattern = w.get(coverage_key);
    content.push_back(
        block{paragraph{{text_node(fill(pattern, {{"covered", std::to_string(covered)}, {"total", std::to_string(shown)}}))}},
              block_role::figure});
    return content;
}

}  // namespace closeplan::view::detail

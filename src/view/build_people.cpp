// SPDX-License-Identifier: MIT
// The stakeholders, resources and risks sections.
#include "view/build_parts.hpp"
#include "view/markdown_field.hpp"

namespace closeplan::view::detail {

namespace {

tone severity_tone(model::level l) {
    switch (l) {
        case model::level::high: return tone::bad;
        case model::level::medium: return tone::warn;
        case model::level::low: return tone::neutral;
    }
    return tone::neutral;
}

std::string file_name(std::string_view path) {
    const auto slash = path.find_last_of("/\\");
    return std::string(slash == std::string_view::npos ? path : path.substr(slash + 1));
}

std::string names_of(const model::plan& p, const labels& words, const std::vector<std::string>& ids) {
    std::vector<std::string> names;
    for (const auto& id : ids) names.push_back(person_name(p, id));
    return join_listed(words, names);
}

}  // namespace

blocks build_stakeholders(const build_context& ctx) {
    const auto& w = ctx.words;
    blocks content;
    if (ctx.plan.stakeholders.empty()) {
        content.push_back(none_paragraph(w, "stakeholders.none"));
        return content;
    }
    data_table table;
    table.key = "stakeholders";
    table.caption = w.get("caption.stakeholders");
    table.columns = {{"name", w.get("column.name"), align::left},         {"title", w.get("column.title"), align::left},
                     {"side", w.get("column.side"), align::left},         {"role", w.get("column.role"), align::left},
                     {"influence", w.get("column.influence"), align::left}, {"contact", w.get("column.contact"), align::left}};
    table.rows.reserve(ctx.plan.stakeholders.size());
    for (const auto& person : ctx.plan.stakeholders) {
        table_row row;
        row.cells.reserve(table.columns.size());
        row.cells.push_back(single(text_node(person.name.empty() ? person.id : person.name)));
        row.cells.push_back(person.title.empty() ? inlines{} : single(text_node(person.title)));
        const auto side_name = model::to_string(person.party_side);
        row.cells.push_back(single(badge_node(label_of(w, "side", side_name), side_tone(person.party_side))));
        row.cells.push_back(person.role_kind ? single(text_node(label_of(w, "role", model::to_string(*person.role_kind))))
                                             : inlines{});
        row.cells.push_back(person.influence
                                ? single(text_node(label_of(w, "influence", model::to_string(*person.influence))))
                                : inlines{});
        row.cells.push_back(person.email.empty() ? inlines{}
                                                 : single(link_or_text("mailto:" + person.email, person.email)));
        row.row_class = std::string(side_name);
        table.rows.push_back(std::move(row));
    }
    content.push_back(block{std::move(table)});
    return content;
}

blocks build_resources(const build_context& ctx) {
    const auto& w = ctx.words;
    blocks content;
    if (ctx.plan.resources.empty()) {
        content.push_back(none_paragraph(w, "resources.none"));
        return content;
    }
    bullet_list list;
    for (const auto& r : ctx.plan.resources) {
        inlines line;
        const std::string title = r.title.empty() ? r.id : r.title;
        if (!r.url.empty()) {
            line.push_back(link_or_text(r.url, title));
        } else {
            append_text(line, title);
            // A local file cannot be a link in a mailed page; its name tells the reader what to ask for.
            if (!r.path.empty()) append_text(line, " " + fill(w.get("resource.file"), {{"file", file_name(r.path)}}));
        }
        append_text(line, " \u2014 ");
        append_text(line, label_of(w, "kind", model::to_string(r.kind)));
        if (!r.for_ids.empty()) {
            append_text(line, " \u2014 ");
            append_text(line, fill(w.get("resource.for"), {{"names", names_of(ctx.plan, w, r.for_ids)}}));
        }
        blocks item;
        item.push_back(block{paragraph{std::move(line)}});
        list.items.push_back(list_item{std::nullopt, std::move(item)});
    }
    content.push_back(block{std::move(list)});
    return content;
}

blocks build_risks(const build_context& ctx) {
    const auto& w = ctx.words;
    blocks content;
    if (ctx.plan.risks.empty()) {
        content.push_back(none_paragraph(w, "risks.none"));
        return content;
    }
    data_table table;
    table.key = "risks";
    table.caption = w.get("caption.risks");
    table.columns = {{"risk", w.get("column.risk"), align::left},
                     {"severity", w.get("column.severity"), align::left},
                     {"owner", w.get("column.owner"), align::left},
                     {"mitigation", w.get("column.mitigation"), align::left},
                     {"milestone", w.get("column.related_milestone"), align::left}};
    for (const auto& r : ctx.plan.risks) {
        table_row row;
        row.cells.push_back({text_node(r.title)});
        const auto level_name = model::to_string(r.severity_level);
        row.cells.push_back({badge_node(label_of(w, "severity", level_name), severity_tone(r.severity_level))});
        row.cells.push_back(owner_cell(ctx, r.owner, r.assignee));
        row.cells.push_back(r.mitigation.empty()
                                ? inlines{}
                                : parse_markdown_inline(r.mitigation, field_where(ctx, r.where, "/mitigation"), ctx.diags));
        const auto ref = r.milestone_id.empty() ? std::string() : milestone_ref(ctx, r.milestone_id);
        row.cells.push_back(ref.empty() ? inlines{} : inlines{text_node(ref)});
        row.row_class = std::string(level_name);
        row.facts.severity = r.severity_level == model::level::high ? 2 : r.severity_level == model::level::medium ? 1 : 0;
        table.rows.push_back(std::move(row));
    }
    content.push_back(block{std::move(table)});
    return content;
}

}  // namespace closeplan::view::detail

// SPDX-License-Identifier: MIT
// The account Customer Success takes over: contract and what was bought, the buyer's environment,
// competition, red flags, the sign-off record and the plan's own `x-` fields ("More details").
#include "handoff/handoff_sections.hpp"

#include "view/markdown_field.hpp"

namespace closeplan::handoff::detail {

namespace {

using namespace view;
using namespace view::detail;
// The public API's closeplan::section (an enum, include/closeplan/options.hpp) is visible here too.
using view::section;

fact text_fact(std::string key, std::string label, std::string value) {
    return fact{std::move(key), std::move(label), {text_node(std::move(value))}};
}

bullet_list text_items(const std::vector<std::string>& items) {
    bullet_list list;
    for (const auto& item : items) list.items.push_back(list_item{std::nullopt, {block{paragraph{{text_node(item)}}}}});
    return list;
}

// An extension value on one line, in the language's punctuation: lists joined by punctuation.list
// (", "; Arabic "، "), mappings as "key: value" pairs joined by punctuation.series ("; "; Arabic "؛ ").
std::string flat_text(const model::extension_value& v, const labels& words) {
    using kind = model::extension_value::kind;
    std::string out;
    switch (v.type) {
        case kind::null: break;
        case kind::text: out = v.text; break;
        case kind::list:
            for (const auto& item : v.items) out += (out.empty() ? "" : list_separator(words)) + flat_text(item, words);
            break;
        case kind::map:
            for (const auto& [key, value] : v.members)
                out += (out.empty() ? "" : series_separator(words)) + key + ": " + flat_text(value, words);
            break;
    }
    return out;
}

// "/milestones/2/x-jira" -> the item the field belongs to, in the pack's words ("#3 Security review").
std::string owner_of_extension(const build_context& ctx, std::string_view pointer) {
    const auto& p = ctx.plan;
    auto index_after = [&](std::string_view prefix) -> std::optional<std::size_t> {
        if (!pointer.starts_with(prefix)) return std::nullopt;
        const auto rest = pointer.substr(prefix.size());
        std::size_t n = 0, used = 0;
        while (used < rest.size() && rest[used] >= '0' && rest[used] <= '9') n = n * 10 + static_cast<std::size_t>(rest[used++] - '0');
        if (used == 0 || used >= rest.size() || rest[used] != '/') return std::nullopt;
        return n;
    };
    if (auto i = index_after("/milestones/"); i && *i < p.milestones.size()) return milestone_ref(ctx, p.milestones[*i].id);
    if (auto i = index_after("/stakeholders/"); i && *i < p.stakeholders.size())
        return p.stakeholders[*i].name.empty() ? p.stakeholders[*i].id : p.stakeholders[*i].name;
    if (auto i = index_after("/risks/"); i && *i < p.risks.size()) return p.risks[*i].title;
    if (auto i = index_after("/resources/"); i && *i < p.resources.size()) return p.resources[*i].title;
    if (auto i = index_after("/commitments/"); i && *i < p.commitments.size()) return p.commitments[*i].title;
    if (auto i = index_after("/purchased/"); i && *i < p.purchased.size()) return p.purchased[*i].product;
    if (auto i = index_after("/competition/"); i && *i < p.competition.size()) return p.competition[*i].who;
    // Elsewhere (the deal, the contract...): the path without the field's own name.
    const auto slash = pointer.find_last_of('/');
    return slash == 0 || slash == std::string_view::npos ? std::string() : std::string(pointer.substr(1, slash - 1));
}

std::string signed_how(const labels& w, const model::signatory& who) {
    return who.how ? " " + label_of(w, "handoff.signoff.how", model::to_string(*who.how)) : std::string();
}

}  // namespace

section build_contract(const build_context& ctx) {
    const auto& p = ctx.plan;
    const auto& w = ctx.words;
    section s{"contract", w.get("handoff.section.contract"), {}};
    const auto& c = p.contract;
    if (!c.empty()) {
        fact_list facts{"contract", {}};
        if (c.start) facts.facts.push_back(text_fact("start", w.get("handoff.contract.start"), format_date(*c.start, w)));
        if (c.term_months)
            facts.facts.push_back(text_fact("term", w.get("handoff.contract.term"), count_text(w, "handoff.contract.months", *c.term_months)));
        if (const auto renews = p.contract_renewal()) {
            std::string text = format_date(*renews, w);
            if (!c.renewal_rule.empty()) text += " (" + c.renewal_rule + ")";
            facts.facts.push_back(text_fact("renewal", w.get("handoff.contract.renewal"), std::move(text)));
        } else if (!c.renewal_rule.empty()) {
            facts.facts.push_back(text_fact("renewal", w.get("handoff.contract.renewal"), c.renewal_rule));
        }
        if (c.notice_days) {
            std::string text = count_text(w, "handoff.timeline.days", *c.notice_days);
            if (const auto by = p.contract_notice_by())
                text = fill(w.get("handoff.contract.notice_by"), {{"period", text}, {"date", format_date(*by, w)}});
            facts.facts.push_back(text_fact("notice", w.get("handoff.contract.notice"), std::move(text)));
        }
        if (!c.billing.empty()) facts.facts.push_back(text_fact("billing", w.get("handoff.contract.billing"), c.billing));
        if (!c.notes.empty()) facts.facts.push_back(text_fact("notes", w.get("handoff.contract.notes"), c.notes));
        s.content.push_back(block{std::move(facts)});
    }
    if (!p.purchased.empty()) {
        data_table table;
        table.key = "purchased";
        table.caption = w.get("caption.purchased");
        table.columns = {{"product", w.get("column.product"), align::left}, {"quantity", w.get("column.quantity"), align::right},
                         {"unit", w.get("column.unit"), align::left}, {"note", w.get("column.note"), align::left}};
        for (const auto& item : p.purchased) {
            table_row r;
            r.cells.push_back({text_node(item.product)});
            r.cells.push_back(item.quantity.empty() ? inlines{} : inlines{text_node(format_amount(item.quantity, "", w))});
            r.cells.push_back(item.unit.empty() ? inlines{} : inlines{text_node(item.unit)});
            r.cells.push_back(item.note.empty() ? inlines{} : inlines{text_node(item.note)});
            table.rows.push_back(std::move(r));
        }
        s.content.push_back(block{heading{1, {text_node(w.get("handoff.contract.purchased"))}}});
        s.content.push_back(block{std::move(table)});
    }
    return s;
}

section build_environment(const build_context& ctx) {
    const auto& e = ctx.plan.environment;
    const auto& w = ctx.words;
    section s{"environment", w.get("handoff.section.environment"), {}};
    if (!e.systems.empty()) {
        s.content.push_back(block{heading{1, {text_node(w.get("handoff.environment.systems"))}}});
        s.content.push_back(block{text_items(e.systems)});
    }
    if (!e.integrations.empty()) {
        s.content.push_back(block{heading{1, {text_node(w.get("handoff.environment.integrations"))}}});
        s.content.push_back(block{text_items(e.integrations)});
    }
    if (!e.notes.empty()) s.content.push_back(block{paragraph{{text_node(e.notes)}}});
    return s;
}

section build_competition(const build_context& ctx) {
    const auto& w = ctx.words;
    section s{"competition", w.get("handoff.section.competition"), {}};
    if (ctx.plan.competition.empty()) return s;
    data_table table;
    table.key = "competition";
    table.caption = w.get("caption.competition");
    table.columns = {{"who", w.get("column.competitor"), align::left}, {"why_we_won", w.get("column.why_we_won"), align::left}};
    for (const auto& c : ctx.plan.competition) {
        table_row r;
        r.cells.push_back({text_node(c.who)});
        r.cells.push_back(c.why_we_won.empty() ? inlines{} : inlines{text_node(c.why_we_won)});
        table.rows.push_back(std::move(r));
    }
    s.content.push_back(block{std::move(table)});
    return s;
}

section build_red_flags(const build_context& ctx) {
    section s{"red_flags", ctx.words.get("handoff.section.red_flags"), {}};
    if (!ctx.plan.red_flags.empty()) s.content.push_back(block{text_items(ctx.plan.red_flags)});
    return s;
}

section build_signoff_record(const build_context& ctx) {
    const auto& p = ctx.plan;
    const auto& w = ctx.words;
    section s{"signoff", w.get("handoff.section.signoff"), {}};
    fact_list facts{"signoff", {}};
    auto add = [&](std::string key, const model::party& party, const std::optional<model::signatory>& who) {
        inlines value;
        if (who) {
            value.push_back(text_node(join_listed(w, {who->name, who->title})));
            append_text(value, ": ");
        }
        if (who && who->signed_on)
            append_text(value, fill(w.get("handoff.signoff.signed_on"), {{"date", format_date(*who->signed_on, w)}}) +
                                   signed_how(w, *who));
        else
            value.push_back(muted(fill(w.get("handoff.signoff.planned"), {{"date", format_date(p.target_close, w)}})));
        facts.facts.push_back(fact{std::move(key), fill(w.get("signoff.for"), {{"party", party.name}}), std::move(value)});
    };
    add("buyer", p.deal.buyer, p.signatures.buyer);
    add("seller", p.deal.seller, p.signatures.seller);
    s.content.push_back(block{std::move(facts)});
    return s;
}

section build_more_details(const build_context& ctx) {
    section s{"more", ctx.words.get("handoff.section.more"), {}};
    if (ctx.plan.extensions.empty()) return s;
    fact_list facts{"more", {}};
    for (const auto& x : ctx.plan.extensions) {
        const auto owner = owner_of_extension(ctx, x.pointer);
        facts.facts.push_back(text_fact("extension", owner.empty() ? x.key : owner + " › " + x.key, flat_text(x.value, ctx.words)));
    }
    s.content.push_back(block{std::move(facts)});
    return s;
}

}  // namespace closeplan::handoff::detail

// SPDX-License-Identifier: MIT
// The handoff's own sections: gaps, the deal at a glance, outcome, stakeholder value, commitments, scope.
#include "handoff/handoff_sections.hpp"

#include <algorithm>
#include <type_traits>
#include <variant>

#include "view/markdown_field.hpp"

namespace closeplan::handoff::detail {

namespace {

using namespace view;
using namespace view::detail;
// The public API's closeplan::section (an enum, include/closeplan/options.hpp) is visible here too.
using view::section;

source_location plan_field(const build_context& ctx, std::string pointer) {
    if (auto found = ctx.plan.field_locations.find(pointer); found != ctx.plan.field_locations.end())
        return found->second;
    return source_location{ctx.plan.source_file, 0, 0, std::move(pointer)};
}

fact text_fact(std::string key, std::string label, std::string value) {
    return fact{std::move(key), std::move(label), {text_node(std::move(value))}};
}

inlines not_set(const labels& w) { return {muted(w.get("handoff.fact.not_set"))}; }

// The signature date: the later of the two signed dates once both have signed; else the day the
// plan's last signature step was done; else the planned close.
std::string signature_text(const build_context& ctx) {
    const auto& s = ctx.plan.signatures;
    const auto signed_on = [&](model::date d) {
        return fill(ctx.words.get("handoff.signoff.signed_on"), {{"date", format_date(d, ctx.words)}});
    };
    if (s.buyer && s.buyer->signed_on && s.seller && s.seller->signed_on)
        return signed_on(std::max(*s.buyer->signed_on, *s.seller->signed_on));
    // The deal's signature is the plan's last signature step (a pilot's order form may come before it).
    const auto& steps = ctx.plan.milestones;
    const auto last = std::find_if(steps.rbegin(), steps.rend(), [](const model::milestone& m) { return m.workstream == "signature"; });
    if (last != steps.rend() && last->state == model::status::done && (last->completed || last->due))
        return signed_on(last->completed ? *last->completed : *last->due);
    return fill(ctx.words.get("handoff.fact.signature_planned"), {{"date", format_date(ctx.plan.target_close, ctx.words)}});
}

// Plain text of inlines, for matching promise words (never shown).
void plain_text(const inlines& in, std::string& out) {
    for (const auto& node : in)
        std::visit([&](const auto& v) {
            using T = std::decay_t<decltype(v)>;
            if constexpr (std::is_same_v<T, text> || std::is_same_v<T, code_span>) out += v.value;
            else if constexpr (std::is_same_v<T, emphasis> || std::is_same_v<T, strong> ||
                               std::is_same_v<T, strikethrough> || std::is_same_v<T, link>)
                plain_text(v.children, out);
            else if constexpr (std::is_same_v<T, badge>) out += v.label;
            else out += ' ';
        }, node.value);
}

std::string lower_ascii(std::string text) {
    for (char& c : text)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return text;
}

// The words that make a note a promise (`handoff.promise_words`, "|"-separated, in the plan's language).
std::vector<std::string> promise_words(const labels& w) {
    std::vector<std::string> out;
    const std::string all = lower_ascii(w.get("handoff.promise_words"));
    std::size_t start = 0;
    while (start <= all.size()) {
        const auto bar = all.find('|', start);
        auto word = all.substr(start, bar == std::string::npos ? std::string::npos : bar - start);
        if (!word.empty()) out.push_back(std::move(word));
        if (bar == std::string::npos) break;
        start = bar + 1;
    }
    return out;
}

bool is_word_start(const std::string& text, std::size_t at) {
    if (at == 0) return true;
    const auto c = static_cast<unsigned char>(text[at - 1]);
    return !((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80);
}

bool says_promise(const inlines& in, const std::vector<std::string>& words) {
    std::string flat;
    plain_text(in, flat);
    flat = lower_ascii(std::move(flat));
    for (const auto& word : words)
        for (auto at = flat.find(word); at != std::string::npos; at = flat.find(word, at + 1))
            if (is_word_start(flat, at)) return true;
    return false;
}

// Each paragraph of a note (list items included) that says a promise, as shown.
void promised_paragraphs(const blocks& content, const std::vector<std::string>& words, std::vector<inlines>& out) {
    for (const auto& b : content) {
        if (const auto* para = std::get_if<paragraph>(&b.value)) {
            if (says_promise(para->content, words)) out.push_back(para->content);
        } else if (const auto* list = std::get_if<bullet_list>(&b.value)) {
            for (const auto& item : list->items) promised_paragraphs(item.content, words, out);
        } else if (const auto* numbered = std::get_if<ordered_list>(&b.value)) {
            for (const auto& item : numbered->items) promised_paragraphs(item.content, words, out);
        } else if (const auto* quote = std::get_if<block_quote>(&b.value)) {
            promised_paragraphs(quote->content, words, out);
        }
    }
}

// Steps the seller (or both) still owe once the deal is signed: due after the close, or kickoff work.
bool owed_after_signature(const model::plan& p, const model::milestone& m) {
    if (m.owner == model::side::buyer || m.state == model::status::done) return false;
    return m.workstream == "kickoff" || (m.due && *m.due > p.target_close);
}

inlines contact_cell(const labels& words, const model::contact& who) {
    inlines cell{text_node(join_listed(words, {who.name, who.title}))};
    if (!who.email.empty()) {
        append_text(cell, " ");
        cell.push_back(link_or_text("mailto:" + who.email, who.email));
    }
    return cell;
}

inlines date_cell(const build_context& ctx, const std::optional<model::date>& d) {
    return d ? inlines{text_node(format_date(*d, ctx.words))} : not_set(ctx.words);
}

inlines joined_text(const labels& words, const std::vector<std::string>& items) {
    std::string joined = join_listed(words, items);
    return joined.empty() ? inlines{} : inlines{text_node(std::move(joined))};
}

inlines proof_of(const build_context& ctx, const analyze::value_row& row) {
    inlines cell;
    auto separate = [&, separator = list_separator(ctx.words)] { if (!cell.empty()) append_text(cell, separator); };
    for (const auto& id : row.proof_resource_ids) {
        const auto* r = ctx.plan.find_resource(id);
        if (!r) continue;
        separate();
        const std::string title = r->title.empty() ? r->id : r->title;
        cell.push_back(r->url.empty() ? text_node(title) : link_or_text(r->url, title));
    }
    for (const auto& wanted : row.proof_unresolved) {
        separate();
        const std::string key = "kind." + wanted;
        const std::string name = ctx.words.has(key) ? ctx.words.get(key) : wanted;
        cell.push_back(muted(fill(ctx.words.get("value.proof_missing"), {{"name", name}})));
    }
    return cell;
}

}  // namespace

section build_gaps(const build_context& ctx, const std::vector<gap>& gaps) {
    section s{"gaps", ctx.words.get("handoff.section.gaps"), {}};
    if (gaps.empty()) return s;
    s.content.push_back(block{paragraph{{text_node(ctx.words.get("handoff.gaps.intro"))}}});
    bullet_list list;
    for (const auto& g : gaps) {
        const auto wording = fill(ctx.words.get(g.label_key), {{"title", g.title}});
        list.items.push_back(list_item{std::nullopt, {block{paragraph{{badge_node(g.code, tone::warn), text_node(" " + wording)}}}}});
    }
    s.content.push_back(block{std::move(list)});
    return s;
}

section build_glance(const build_context& ctx) {
    const auto& p = ctx.plan;
    const auto& w = ctx.words;
    section s{"glance", w.get("handoff.section.glance"), {}};
    fact_list facts{"glance", {}};
    facts.facts.push_back(text_fact("buyer", w.get("handoff.fact.buyer"), p.deal.buyer.name));
    facts.facts.push_back(text_fact("seller", w.get("handoff.fact.seller"), p.deal.seller.name));
    if (!p.deal.amount.empty())
        facts.facts.push_back(text_fact("amount", w.get("fact.amount"), format_amount(p.deal.amount, p.deal.currency, w)));
    if (!p.deal.stage.empty()) facts.facts.push_back(text_fact("stage", w.get("fact.stage"), p.deal.stage));
    facts.facts.push_back(text_fact("signature", w.get("handoff.fact.signature"), signature_text(ctx)));
    facts.facts.push_back(fact{"go_live", w.get("fact.go_live"), date_cell(ctx, p.go_live)});
    facts.facts.push_back(fact{"kickoff", w.get("handoff.fact.kickoff"), date_cell(ctx, p.implementation.kickoff)});
    facts.facts.push_back(fact{"cs_owner", w.get("handoff.fact.cs_owner"),
                               p.implementation.cs_owner ? contact_cell(w, *p.implementation.cs_owner) : not_set(w)});
    facts.facts.push_back(text_fact("as_of", w.get("fact.as_of"), format_date(ctx.facts.as_of, w)));
    s.content.push_back(block{std::move(facts)});
    return s;
}

section build_outcome(const build_context& ctx) {
    const auto& w = ctx.words;
    section s{"outcome", w.get("handoff.section.outcome"), {}};
    if (!ctx.plan.outcome.empty()) {
        auto outcome = parse_markdown_field(ctx.plan.outcome, plan_field(ctx, "/outcome"), ctx.diags);
        if (!outcome.empty()) {
            for (auto& b : outcome)
                if (auto* h = std::get_if<heading>(&b.value)) h->level = std::min(h->level + 1, 6);
            s.content.push_back(block{heading{1, {text_node(w.get("handoff.outcome.heading"))}}});
            for (auto& b : outcome) s.content.push_back(std::move(b));
        }
    }
    if (!ctx.plan.success_criteria.empty()) {
        bullet_list list;
        for (std::size_t i = 0; i < ctx.plan.success_criteria.size(); ++i) {
            auto where = plan_field(ctx, "/success_criteria/" + std::to_string(i));
            list.items.push_back(list_item{std::nullopt, parse_markdown_field(ctx.plan.success_criteria[i], where, ctx.diags)});
        }
        s.content.push_back(block{heading{1, {text_node(w.get("summary.success_criteria"))}}});
        s.content.push_back(block{std::move(list)});
    }
    // What the buyer chose by is what CS will be measured against too.
    if (!ctx.plan.decision_criteria.empty()) {
        bullet_list list;
        for (std::size_t i = 0; i < ctx.plan.decision_criteria.size(); ++i) {
            auto where = plan_field(ctx, "/decision_criteria/" + std::to_string(i));
            list.items.push_back(list_item{std::nullopt, parse_markdown_field(ctx.plan.decision_criteria[i], where, ctx.diags)});
        }
        s.content.push_back(block{heading{1, {text_node(w.get("summary.decision_criteria"))}}});
        s.content.push_back(block{std::move(list)});
    }
    if (s.content.empty()) s.content.push_back(none_paragraph(w, "handoff.outcome.none"));
    return s;
}

section build_value(const build_context& ctx) {
    const auto& w = ctx.words;
    section s{"value", w.get("handoff.section.value"), {}};
    if (ctx.plan.stakeholders.empty()) {
        s.content.push_back(none_paragraph(w, "handoff.value.none"));
        return s;
    }
    data_table table;
    table.key = "handoff_value";
    table.caption = w.get("caption.handoff_value");
    table.columns = {{"name", w.get("column.stakeholder"), align::left}, {"role", w.get("column.role"), align::left},
                     {"influence", w.get("column.influence"), align::left}, {"contact", w.get("column.contact"), align::left},
                     {"cares_about", w.get("column.cares_about"), align::left}, {"proof", w.get("column.proof"), align::left}};
    for (std::size_t i = 0; i < ctx.plan.stakeholders.size(); ++i) {
        const auto& person = ctx.plan.stakeholders[i];
        const auto* row = i < ctx.facts.value_rows.size() ? &ctx.facts.value_rows[i] : nullptr;
        table_row r;
        inlines name{text_node(person.name.empty() ? person.id : person.name)};
        if (!person.title.empty()) {
            name.push_back(inline_node{line_break{}});
            name.push_back(muted(person.title));
        }
        r.cells.push_back(std::move(name));
        inlines role{badge_node(label_of(w, "side", model::to_string(person.party_side)), side_tone(person.party_side))};
        if (person.role_kind) append_text(role, " " + label_of(w, "role", model::to_string(*person.role_kind)));
        r.cells.push_back(std::move(role));
        r.cells.push_back(person.influence ? inlines{text_node(label_of(w, "influence", model::to_string(*person.influence)))}
                                           : inlines{});
        r.cells.push_back(person.email.empty() ? inlines{} : inlines{link_or_text("mailto:" + person.email, person.email)});
        r.cells.push_back(row ? joined_text(w, row->cares_about) : inlines{});
        r.cells.push_back(row ? proof_of(ctx, *row) : inlines{});
        r.row_class = std::string(model::to_string(person.party_side));
        table.rows.push_back(std::move(r));
    }
    s.content.push_back(block{std::move(table)});
    return s;
}

section build_commitments(const build_context& ctx) {
    const auto& w = ctx.words;
    section s{"commitments", w.get("handoff.section.commitments"), {}};
    data_table table;
    table.key = "commitments";
    table.caption = w.get("caption.commitments");
    table.columns = {{"number", w.get("column.number"), align::right}, {"commitment", w.get("column.commitment"), align::left},
                     {"owner", w.get("column.owner"), align::left}, {"due", w.get("column.due"), align::left},
                     {"source", w.get("column.source"), align::left}};
    int n = 0;
    for (const auto& c : ctx.plan.commitments) {
        table_row r;
        r.row_header_first = false;
        r.cells.push_back({text_node(std::to_string(++n))});
        r.cells.push_back({text_node(c.title)});
        auto owner = owner_cell(ctx, c.owner, c.assignee);
        r.cells.push_back(owner.empty() ? not_set(w) : std::move(owner));
        r.cells.push_back(date_cell(ctx, c.due));
        r.cells.push_back(c.source.empty() ? inlines{} : inlines{text_node(c.source)});
        r.row_class = (!c.due || (!c.owner && c.assignee.empty())) ? "gap" : "";
        table.rows.push_back(std::move(r));
    }
    // What the seller (or both) still owe under the plan once it is signed is a promise too.
    for (const auto& m : ctx.plan.milestones) {
        if (!owed_after_signature(ctx.plan, m)) continue;
        table_row r;
        r.row_header_first = false;
        r.cells.push_back({text_node(std::to_string(++n))});
        r.cells.push_back({text_node(m.title)});
        r.cells.push_back(owner_cell(ctx, m.owner, m.assignee));
        r.cells.push_back(date_cell(ctx, m.due));
        r.cells.push_back({text_node(fill(w.get("handoff.source.plan"), {{"ref", milestone_ref(ctx, m.id)}}))});
        table.rows.push_back(std::move(r));
    }
    // And what a step's notes say was promised, wherever the step stands. The
    // notes are parsed again here into a private sink: the timeline reports their problems.
    const auto words = promise_words(w);
    for (const auto& m : ctx.plan.milestones) {
        if (m.notes.empty()) continue;
        diagnostic_sink parsed_twice;
        std::vector<inlines> promised;
        promised_paragraphs(parse_markdown_field(m.notes, m.where, parsed_twice), words, promised);
        for (auto& said : promised) {
            table_row r;
            r.row_header_first = false;
            r.cells.push_back({text_node(std::to_string(++n))});
            r.cells.push_back(std::move(said));
            r.cells.push_back(owner_cell(ctx, m.owner, m.assignee));
            r.cells.push_back(m.due ? date_cell(ctx, m.due) : inlines{});
            r.cells.push_back({text_node(fill(w.get("handoff.source.note"), {{"ref", milestone_ref(ctx, m.id)}}))});
            table.rows.push_back(std::move(r));
        }
    }
    if (table.rows.empty())
        s.content.push_back(none_paragraph(w, "handoff.commitments.none"));
    else
        s.content.push_back(block{std::move(table)});
    return s;
}

section build_scope(const build_context& ctx) {
    const auto& w = ctx.words;
    section s{"scope", w.get("handoff.section.scope"), {}};
    auto add = [&](const std::vector<std::string>& items, std::string_view key) {
        if (items.empty()) return;
        bullet_list list;
        for (const auto& item : items) list.items.push_back(list_item{std::nullopt, {block{paragraph{{text_node(item)}}}}});
        s.content.push_back(block{heading{1, {text_node(w.get(key))}}});
        s.content.push_back(block{std::move(list)});
    };
    add(ctx.plan.scope_in, "handoff.scope.in");
    add(ctx.plan.scope_out, "handoff.scope.out");
    if (s.content.empty()) s.content.push_back(none_paragraph(w, "handoff.scope.none"));
    return s;
}

}  // namespace closeplan::handoff::detail

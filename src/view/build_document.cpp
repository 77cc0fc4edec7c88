// SPDX-License-Identifier: MIT
// The document as a whole: title block, summary, open items, sign-off, and every section of the section table in its order.
#include "view/build_document.hpp"

#include <algorithm>

#include "model/dates.hpp"
#include "view/build_parts.hpp"
#include "view/markdown_field.hpp"
#include "view/section_table.hpp"

namespace closeplan::view {

namespace {

using namespace detail;

fact make_fact(std::string key, const labels& words, std::string value) {
    return fact{key, words.get("fact." + key), {text_node(std::move(value))}};
}

std::string days_to_close_text(const labels& words, int days) {
    if (days > 0) return count_text(words, "days.left", days);
    if (days < 0) return count_text(words, "days.past", -days);
    return words.get("days.today");
}

fact_list title_facts(const build_context& ctx) {
    const auto& p = ctx.plan;
    const auto& w = ctx.words;
    fact_list facts{"title", {}};
    // A moved close keeps the first agreed date beside it; the year only when it differs.
    std::string close = format_date(p.target_close, w);
    if (p.target_close_baseline && *p.target_close_baseline != p.target_close) {
        const auto was = *p.target_close_baseline;
        close = fill(w.get("fact.target_close_moved"),
                     {{"date", close},
                      {"was", was.year() == p.target_close.year() ? format_day_month(was, w) : format_date(was, w)}});
    }
    facts.facts.push_back(make_fact("target_close", w, std::move(close)));
    facts.facts.push_back(make_fact("as_of", w, format_date(ctx.facts.as_of, w)));
    if (!p.deal.amount.empty())
        facts.facts.push_back(make_fact("amount", w, format_amount(p.deal.amount, p.deal.currency, w)));
    if (!p.deal.stage.empty()) facts.facts.push_back(make_fact("stage", w, p.deal.stage));
    facts.facts.push_back(make_fact("days_to_close", w, days_to_close_text(w, ctx.facts.days_to_close)));
    if (p.go_live) facts.facts.push_back(make_fact("go_live", w, format_date(*p.go_live, w)));
    return facts;
}

// The summary puts its own sub-headings at level 1, so headings written
// inside the outcome move one level down.
void demote_headings(blocks& content) {
    for (auto& b : content)
        if (auto* h = std::get_if<heading>(&b.value)) h->level = std::min(h->level + 1, 6);
}

source_location plan_field(const build_context& ctx, std::string pointer) {
    if (auto found = ctx.plan.field_locations.find(pointer); found != ctx.plan.field_locations.end())
        return found->second;
    return source_location{ctx.plan.source_file, 0, 0, std::move(pointer)};
}

void add_criteria(const build_context& ctx, blocks& out, const std::vector<std::string>& items,
                  std::string_view label_key, std::string_view pointer) {
    if (items.empty()) return;
    bullet_list list;
    for (std::size_t i = 0; i < items.size(); ++i) {
        auto where = plan_field(ctx, std::string(pointer) + "/" + std::to_string(i));
        list.items.push_back(list_item{std::nullopt, parse_markdown_field(items[i], where, ctx.diags)});
    }
    out.push_back(block{heading{1, {text_node(ctx.words.get(label_key))}}});
    out.push_back(block{std::move(list)});
}

std::string party_logo(const model::plan& p, const model::party& who) {
    if (who.logo.empty() || who.logo.front() == '/') return who.logo;
    // Relative to the plan file; validate/ already checked it stays inside the allowed folders.
    const auto slash = p.source_file.find_last_of('/');
    if (slash == std::string::npos) return who.logo;
    return p.source_file.substr(0, slash + 1) + who.logo;
}

}  // namespace

namespace detail {

blocks build_summary(const build_context& ctx) {
    blocks content;
    if (!ctx.plan.outcome.empty()) {
        auto outcome = parse_markdown_field(ctx.plan.outcome, plan_field(ctx, "/outcome"), ctx.diags);
        if (!outcome.empty()) {
            demote_headings(outcome);
            content.push_back(block{heading{1, {text_node(ctx.words.get("summary.outcome"))}}});
            for (auto& b : outcome) content.push_back(std::move(b));
        }
    }
    add_criteria(ctx, content, ctx.plan.success_criteria, "summary.success_criteria", "/success_criteria");
    add_criteria(ctx, content, ctx.plan.decision_criteria, "summary.decision_criteria", "/decision_criteria");
    if (content.empty()) content.push_back(none_paragraph(ctx.words, "summary.none"));
    return content;
}

blocks build_open_items(const build_context& ctx) {
    blocks content;
    if (!ctx.plan.notes.empty()) content = parse_markdown_field(ctx.plan.notes, plan_field(ctx, "/notes"), ctx.diags);
    if (content.empty()) content.push_back(none_paragraph(ctx.words, "open_items.none"));
    return content;
}

blocks build_signoff(const build_context& ctx) {
    blocks content;
    // The agreement sentence sums the sign-off up: the PDF sets it on the title's line.
    content.push_back(block{paragraph{{text_node(ctx.words.get("signoff.intro"))}}, block_role::figure});
    signature_block lines;
    auto add_line = [&](const model::party& party, const std::optional<model::signatory>& who) {
        signature line;
        line.side_label = fill(ctx.words.get("signoff.for"), {{"party", party.name}});
        line.date_label = ctx.words.get("signoff.date");
        if (who) {
            line.name = who->name;
            line.title = who->title;
            line.who = join_listed(ctx.words, {who->name, who->title});
            if (who->signed_on) line.date_value = format_date(*who->signed_on, ctx.words);
        }
        lines.lines.push_back(std::move(line));
    };
    add_line(ctx.plan.deal.buyer, ctx.plan.signatures.buyer);
    add_line(ctx.plan.deal.seller, ctx.plan.signatures.seller);
    content.push_back(block{std::move(lines)});
    return content;
}

}  // namespace detail

void keep_layout_words(document& doc, const labels& words) {
    for (const char* prefix : {"condense.", "page."})
        for (auto it = words.entries().lower_bound(std::string_view(prefix));
             it != words.entries().end() && it->first.starts_with(prefix); ++it)
            doc.layout_words.insert(*it);
    doc.plurals = words.plurals();
}

document build_document(const model::plan& input_plan, const analyze::analysis& facts, const labels& words,
                        diagnostic_sink& diags) {
    const build_context ctx{input_plan, facts, words, diags};
    document doc;
    doc.lang = input_plan.locale;
    doc.deal_name = input_plan.deal.name;
    doc.title = fill(words.get("document.title"), {{"deal", input_plan.deal.name}});
    doc.buyer = party_view{input_plan.deal.buyer.name, party_logo(input_plan, input_plan.deal.buyer)};
    doc.seller = party_view{input_plan.deal.seller.name, party_logo(input_plan, input_plan.deal.seller)};
    doc.title_facts = title_facts(ctx);
    keep_layout_words(doc, words);
    const auto sections = section_table();
    doc.sections.reserve(sections.size());
    for (const auto& entry : sections) doc.sections.push_back(build_section(entry, ctx));
    doc.schedule = build_timeline(ctx);
    doc.generator = "closeplan";
    return doc;
}

}  // namespace closeplan::view

// SPDX-License-Identifier: MIT
// Assembles the handoff pack: the handoff's own sections plus the buyer plan's risks, open items, resources and sign-off.
#include "handoff/handoff_document.hpp"

#include "handoff/handoff_sections.hpp"
#include "view/section_table.hpp"

namespace closeplan::handoff {

namespace {

std::string party_logo(const model::plan& p, const model::party& who) {
    if (who.logo.empty() || who.logo.front() == '/') return who.logo;
    // Relative to the plan file; validate/ already checked it stays inside the allowed folders.
    const auto slash = p.source_file.find_last_of('/');
    if (slash == std::string::npos) return who.logo;
    return p.source_file.substr(0, slash + 1) + who.logo;
}

// A section the buyer plan builds too (view/section_table.hpp), under the handoff's own title.
view::section from_buyer_plan(std::string_view key, const view::detail::build_context& ctx, std::string_view title_key) {
    auto s = view::build_section(*view::find_section_entry(key), ctx);
    s.title = ctx.words.get(title_key);
    return s;
}

}  // namespace

view::document build_handoff_document(const model::plan& p, const analyze::analysis& facts, const view::labels& words,
                                      const std::vector<gap>& gaps, diagnostic_sink& diags) {
    using namespace detail;
    const build_context ctx{p, facts, words, diags};
    view::document doc;
    doc.lang = p.locale;
    view::keep_layout_words(doc, words);
    doc.deal_name = p.deal.name;
    doc.title = view::detail::fill(words.get("handoff.title"), {{"deal", p.deal.name}});
    doc.buyer = view::party_view{p.deal.buyer.name, party_logo(p, p.deal.buyer)};
    doc.seller = view::party_view{p.deal.seller.name, party_logo(p, p.deal.seller)};
    if (!gaps.empty()) doc.sections.push_back(build_gaps(ctx, gaps));
    doc.sections.push_back(build_glance(ctx));
    doc.sections.push_back(build_outcome(ctx));
    doc.sections.push_back(build_value(ctx));
    doc.sections.push_back(build_commitments(ctx));
    doc.sections.push_back(build_contract(ctx));
    doc.sections.push_back(build_scope(ctx));
    doc.sections.push_back(build_environment(ctx));
    doc.sections.push_back(build_competition(ctx));
    doc.sections.push_back(from_buyer_plan("risks", ctx, "handoff.section.risks"));
    doc.sections.push_back(build_red_flags(ctx));
    doc.sections.push_back(from_buyer_plan("open_items", ctx, "handoff.section.open_items"));
    doc.sections.push_back(build_timeline_record(ctx));
    doc.sections.push_back(from_buyer_plan("resources", ctx, "handoff.section.resources"));
    doc.sections.push_back(build_signoff_record(ctx));
    doc.sections.push_back(build_more_details(ctx));
    doc.generator = "closeplan";
    return doc;
}

}  // namespace closeplan::handoff

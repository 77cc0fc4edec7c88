// SPDX-License-Identifier: MIT
// Choosing the font family: the standard Helvetica when all text is WinAnsi, else embedded TrueType.
#include <variant>

#include "layout/inline_flow.hpp"
#include "layout/layout_document.hpp"

namespace closeplan::layout {

namespace {

struct text_check {
    bool& fits;
    void check(std::string_view s) const { fits = fits && fits_standard_encoding(s); }
    // Each piece of text where it is (what plain_text would join; the spaces it adds
    // for breaks fit): joined, every document's text was copied once more per PDF.
    void inlines(const view::inlines& c) const {
        for (const auto& n : c) std::visit(*this, n.value);
    }
    void operator()(const view::text& t) const { check(t.value); }
    void operator()(const view::emphasis& e) const { inlines(e.children); }
    void operator()(const view::strong& e) const { inlines(e.children); }
    void operator()(const view::strikethrough& e) const { inlines(e.children); }
    void operator()(const view::code_span& c) const { check(c.value); }
    void operator()(const view::link& l) const { inlines(l.children); }
    void operator()(const view::soft_break&) const {}
    void operator()(const view::line_break&) const {}
    void operator()(const view::badge& b) const { check(b.label); }
    void blocks(const view::blocks& b) const {
        for (const auto& x : b) std::visit(*this, x.value);
    }
    void operator()(const view::paragraph& p) const { inlines(p.content); }
    void operator()(const view::heading& h) const { inlines(h.content); }
    void operator()(const view::bullet_list& l) const { items(l.items); }
    void operator()(const view::ordered_list& l) const { items(l.items); }
    void operator()(const view::code_block& c) const { check(c.code); }
    void operator()(const view::block_quote& q) const { blocks(q.content); }
    void operator()(const view::thematic_break&) const {}
    void operator()(const view::md_table& t) const {
        for (const auto& h : t.header) inlines(h);
        for (const auto& r : t.rows)
            for (const auto& c : r) inlines(c);
    }
    void operator()(const view::data_table& t) const {
        for (const auto& c : t.columns) check(c.label);
        for (const auto& r : t.rows)
            for (const auto& c : r.cells) inlines(c);
    }
    void operator()(const view::fact_list& f) const {
        for (const auto& x : f.facts) {
            check(x.label);
            inlines(x.value);
        }
    }
    void operator()(const view::signature_block& s) const {
        for (const auto& l : s.lines) {
            check(l.side_label);
            check(l.name);
            check(l.title);
            check(l.who);
            check(l.date_label);
            check(l.date_value);
        }
    }
    void items(const std::vector<view::list_item>& items) const {
        for (const auto& i : items) blocks(i.content);
    }
};

}  // namespace

std::unique_ptr<font_metrics> metrics_for(const view::document& doc, const font_request& fonts) {
    if (fonts.brand || fonts.always_embed) return embedded_metrics(fonts.paths, doc.lang);
    bool fits = true;
    const text_check c{fits};
    for (const auto* s : {&doc.title, &doc.deal_name, &doc.buyer.name, &doc.seller.name}) c.check(*s);
    c(doc.title_facts);
    for (const auto& s : doc.sections) {
        c.check(s.title);
        c.blocks(s.content);
    }
    if (fits) return standard_metrics();
    return embedded_metrics(fonts.paths, doc.lang);
}

}  // namespace closeplan::layout

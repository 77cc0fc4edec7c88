// SPDX-License-Identifier: MIT
// The title block: who and what, the logos, and the facts bar under an accent rule.
#include <algorithm>

#include "layout/image_size.hpp"
#include "layout/layout_parts.hpp"
#include "layout/structure_tags.hpp"
#include "layout/upper_case.hpp"

namespace closeplan::layout::detail {

namespace {

// Logos keep their aspect ratio inside a box `max_h` high and `max_w` wide.
std::vector<image> logos(const view::document& doc, double max_h, double max_w) {
    std::vector<image> out;
    for (const auto* party : {&doc.buyer, &doc.seller}) {
        if (party->logo_path.empty()) continue;
        const auto size = read_image_size(party->logo_path);
        if (!size) continue;  // the painter's own checks report a bad file
        double h = max_h, w = max_h * size->width / size->height;
        if (w > max_w) {
            w = max_w;
            h = max_w * size->height / size->width;
        }
        out.push_back(image{0, 0, w, h, party->logo_path});
    }
    return out;
}

}  // namespace

fragment title_block(const view::document& doc, double width, const context& ctx) {
    fragment f;
    const double logo_h = ctx.h1 * 2.2, gap = 8;
    auto marks = logos(doc, logo_h, width * 0.2);
    double logos_w = 0;
    for (const auto& m : marks) logos_w += m.width + gap;
    const double text_w = width - logos_w;

    const view::inlines buyer{view::inline_node{view::text{upper_case(doc.buyer.name)}}};
    const view::inlines times{view::inline_node{view::text{"\u00d7"}}};
    const view::inlines seller{view::inline_node{view::text{upper_case(doc.seller.name)}}};
    fragment parties = flow({{&buyer, {font_face::bold, ctx.style().tone_color(view::tone::buyer), false}, 0, false},
                                   {&times, {font_face::regular, ctx.style().muted, false}, ctx.small * 0.3, false},
                                   {&seller, {font_face::bold, ctx.style().tone_color(view::tone::seller), false}, ctx.small * 0.3, false}},
                                  text_w, {ctx.small, view::align::left}, ctx);
    tag(parties, tag_role::p);
    f.append(parties, 0, 0);
    const view::inlines title{view::inline_node{view::text{doc.title}}};
    fragment heading = flow(title, text_w, {ctx.h1, view::align::left}, ctx, {font_face::bold, ctx.style().text, false});
    tag(heading, tag_role::h1);
    f.append(heading, 0, parties.height);
    f.height = std::max(parties.height + heading.height, marks.empty() ? 0.0 : logo_h);

    double x = width;
    for (auto it = marks.rbegin(); it != marks.rend(); ++it) {
        x -= it->width;
        it->x = x;
        it->y = (f.height - it->height) / 2;
        // A Figure whose alternative text is its party's name (what the logo says).
        fragment logo;
        logo.items.push_back({*it});
        tag_figure(logo, it->path == doc.buyer.logo_path ? doc.buyer.name : doc.seller.name);
        f.items.push_back(std::move(logo.items.front()));
        x -= gap;
    }

    if (!doc.title_facts.facts.empty()) {
        const double pad_x = 5, pad_y = 2;
        fragment facts = layout_facts(doc.title_facts, width - 2 * pad_x, ctx.body, ctx);
        tag(facts, tag_role::p);
        const double top = f.height + 3;
        const double h = facts.height + 2 * pad_y + ctx.style().rule_thick;
        f.items.push_back({box{0, top, width, h, ctx.style().header_bg, std::nullopt, 0, 0}});
        const double ry = top + ctx.style().rule_thick / 2;
        f.items.push_back({rule{0, ry, width, ry, ctx.style().rule_thick, ctx.style().accent, false}});
        f.append(facts, pad_x, top + ctx.style().rule_thick + pad_y);
        f.height = top + h;
    }
    return f;
}

}  // namespace closeplan::layout::detail

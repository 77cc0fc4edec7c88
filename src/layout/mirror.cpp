// SPDX-License-Identifier: MIT
#include "layout/mirror.hpp"

#include <variant>

#include "layout/glyph_runs.hpp"

namespace closeplan::layout {

namespace {

struct mirror_item {
    double w;  ///< the page's width
    void operator()(text_run& t) const {
        t.x = w - t.x - t.width;
        if (t.area_right > t.area_left) {
            const double left = t.area_left;
            t.area_left = w - t.area_right;
            t.area_right = w - left;
        }
    }
    void operator()(rule& r) const {
        r.x1 = w - r.x1;
        r.x2 = w - r.x2;
    }
    void operator()(box& b) const { b.x = w - b.x - b.width; }
    void operator()(image& i) const { i.x = w - i.x - i.width; }
    void operator()(link_area& l) const { l.x = w - l.x - l.width; }
};

}  // namespace

void mirror_for_right_to_left(paged_document& doc) {
    if (!right_to_left_language(doc.lang)) return;
    for (auto& p : doc.pages)
        for (auto& it : p.items) std::visit(mirror_item{p.width}, it.value);
    for (auto& j : doc.jumps)
        if (j.page < doc.pages.size()) j.x = doc.pages[j.page].width - j.x - j.width;
}

}  // namespace closeplan::layout

// SPDX-License-Identifier: MIT
// Placing fragments on pages: PDF coordinates, page breaks, repeated table headers.
#include "layout/page_builder.hpp"

#include <algorithm>
#include <variant>

namespace closeplan::layout::detail {

namespace {

// Moves an item by (dx, dy) in fragment space (dy grows downwards).
struct mover {
    double dx, dy;
    void operator()(text_run& r) const {
        r.x += dx;
        r.y += dy;
        r.area_left += dx;
        r.area_right += dx;
    }
    void operator()(rule& r) const { r.x1 += dx; r.x2 += dx; r.y1 += dy; r.y2 += dy; }
    void operator()(box& b) const { b.x += dx; b.y += dy; }
    void operator()(image& i) const { i.x += dx; i.y += dy; }
    void operator()(link_area& l) const { l.x += dx; l.y += dy; }
};

// Fragment space (down from the fragment top) to PDF space (up from the page bottom).
struct to_page {
    double top;  // PDF y of the fragment's top
    void operator()(text_run& r) const { r.y = top - r.y; }
    void operator()(rule& r) const { r.y1 = top - r.y1; r.y2 = top - r.y2; }
    void operator()(box& b) const { b.y = top - b.y - b.height; }
    void operator()(image& i) const { i.y = top - i.y - i.height; }
    void operator()(link_area& l) const { l.y = top - l.y - l.height; }
};

// Room for `more` items, growing geometrically: a fragment is often appended to many times.
void make_room(std::vector<item>& items, std::size_t more) {
    if (items.capacity() - items.size() < more) items.reserve(std::max(items.size() + more, 2 * items.capacity()));
}

}  // namespace

void fragment::append(const fragment& other, double dx, double dy) {
    make_room(items, other.items.size());
    for (item it : other.items) {
        std::visit(mover{dx, dy}, it.value);
        items.push_back(std::move(it));
    }
}

void fragment::append(fragment&& other, double dx, double dy) {
    make_room(items, other.items.size());
    for (item& it : other.items) {
        std::visit(mover{dx, dy}, it.value);
        items.push_back(std::move(it));
    }
    other.items.clear();
}

namespace {

// Moves an item from fragment space to the page: `top_y` down from the page top.
void place_item(item& it, double left_x, double top_y, page& p) {
    std::visit(mover{left_x, 0}, it.value);
    std::visit(to_page{p.height - top_y}, it.value);
    p.items.push_back(std::move(it));
}

}  // namespace

void place(const fragment& f, double left_x, double top_y, page& p) {
    for (item it : f.items) place_item(it, left_x, top_y, p);
}

double stacked_height(const std::vector<fragment>& flow) {
    double h = 0;
    for (std::size_t i = 0; i < flow.size(); ++i) h += (i == 0 ? 0 : flow[i].space_before) + flow[i].height;
    return h;
}

std::vector<std::size_t> page_starts(const std::vector<fragment>& flow, const page_frame& frame) {
    std::vector<std::size_t> starts{0};
    const double limit = frame.height - frame.bottom - frame.footer;
    double y = frame.top;
    bool page_empty = true;
    for (std::size_t i = 0; i < flow.size(); ++i) {
        const fragment& f = flow[i];
        double need = (page_empty ? 0 : f.space_before) + f.height;
        // A heading takes the next fragment with it, so it never ends a page; a heading
        // over a table header takes the header and its first row (a chain of them).
        for (std::size_t j = i; flow[j].keep_with_next && j + 1 < flow.size(); ++j)
            need += flow[j + 1].space_before + flow[j + 1].height;
        if (!page_empty && y + need > limit + 0.01) {
            starts.push_back(i);
            y = frame.top + frame.running_head;
            page_empty = true;
            if (f.repeat_header) y += f.repeat_header->height;
        }
        if (!page_empty) y += f.space_before;
        y += f.height;
        page_empty = false;
    }
    return starts;
}

std::vector<page> paginate(std::vector<fragment> flow, const page_frame& frame) {
    const auto starts = page_starts(flow, frame);
    std::vector<page> pages;
    double y = 0;
    for (std::size_t i = 0, next = 0; i < flow.size() || pages.empty(); ++i) {
        if (next < starts.size() && starts[next] == i) {
            pages.push_back(page{frame.width, frame.height, {}});
            y = frame.top + (next > 0 ? frame.running_head : 0);
            if (next > 0 && flow[i].repeat_header) {
                place(*flow[i].repeat_header, frame.left, y, pages.back());
                y += flow[i].repeat_header->height;
            }
            ++next;
        } else if (i < flow.size()) {
            y += flow[i].space_before;
        }
        if (i >= flow.size()) break;
        for (item& it : flow[i].items) place_item(it, frame.left, y, pages.back());
        y += flow[i].height;
    }
    return pages;
}

}  // namespace closeplan::layout::detail

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

void fragment::move_items(std::size_t from, double dx, double dy) {
    for (std::size_t i = from; i < items.size(); ++i) std::visit(mover{dx, dy}, items[i].value);
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

namespace {

// Where a text run's line begins and ends, down from the fragment top: a cut
// between lines falls outside every such band.
struct band {
    double top, bottom;
};

// The lowest place at or above `limit` (and below `floor`) where no line of text is cut
// through; `limit` itself when a single line is taller than that.
double cut_between_lines(std::vector<band>& bands, double floor, double limit) {
    double cut = limit;
    // Walk the bands from the bottom up: a band the cut falls in moves it to the band's top.
    std::sort(bands.begin(), bands.end(), [](const band& a, const band& b) { return a.top > b.top; });
    for (const auto& b : bands)
        if (b.top < cut && b.bottom > cut) cut = b.top;
    return cut > floor + 1 ? cut : limit;
}

// The items of `f` above `cut` stay; the rest move to the returned fragment, `cut`
// higher. A box or rule that crosses the cut is split in two.
fragment cut_off(fragment& f, double cut) {
    fragment rest;
    std::vector<item> kept;
    auto below = [&](item it) {
        std::visit(mover{0, -cut}, it.value);
        rest.items.push_back(std::move(it));
    };
    for (auto& it : f.items) {
        bool above = true;
        // A line's middle, never its edge, says which side it is on: a cut falls between lines,
        // and a line's top may equal the cut to the last bit.
        if (auto* t = std::get_if<text_run>(&it.value)) above = t->y - t->size * 0.3 < cut;
        else if (auto* l = std::get_if<link_area>(&it.value)) above = l->y < cut;
        else if (auto* i = std::get_if<image>(&it.value)) above = i->y < cut;
        else if (auto* b = std::get_if<box>(&it.value)) {
            if (b->y < cut && b->y + b->height > cut) {
                item lower = it;
                auto& lb = std::get<box>(lower.value);
                lb.height = b->y + b->height - cut;
                lb.y = cut;
                b->height = cut - b->y;
                below(std::move(lower));
            }
            above = b->y < cut;
        } else if (auto* r = std::get_if<rule>(&it.value)) {
            const double top = std::min(r->y1, r->y2), bottom = std::max(r->y1, r->y2);
            if (top < cut && bottom > cut && r->x1 == r->x2) {
                item lower = it;
                auto& lr = std::get<rule>(lower.value);
                lr.y1 = cut;
                lr.y2 = bottom;
                r->y1 = top;
                r->y2 = cut;
                below(std::move(lower));
            }
            above = top < cut;
        }
        if (above) kept.push_back(std::move(it));
        else below(std::move(it));
    }
    f.items = std::move(kept);
    rest.height = f.height - cut;
    f.height = cut;
    return rest;
}

}  // namespace

std::vector<fragment> split_tall(std::vector<fragment> flow, const page_frame& frame) {
    const auto fits = [&](const fragment& f) {
        const double room = frame.content_height() - frame.running_head - (f.repeat_header ? f.repeat_header->height : 0);
        return f.height <= room + 0.01 || room <= 0;
    };
    // Most flows have nothing taller than a page: then they are the answer as they are.
    if (std::all_of(flow.begin(), flow.end(), fits)) return flow;
    std::vector<fragment> out;
    out.reserve(flow.size());
    for (auto& f : flow) {
        if (fits(f)) {
            out.push_back(std::move(f));
            continue;
        }
        const double room = frame.content_height() - frame.running_head - (f.repeat_header ? f.repeat_header->height : 0);
        std::vector<band> bands;
        for (const auto& it : f.items)
            if (const auto* t = std::get_if<text_run>(&it.value)) bands.push_back({t->y - t->size * 0.8, t->y + t->size * 0.25});
        const bool keep = f.keep_with_next;
        f.keep_with_next = false;
        while (f.height > room + 0.01) {
            const double cut = cut_between_lines(bands, 0, room);
            fragment rest = cut_off(f, cut);
            rest.repeat_header = f.repeat_header;
            for (auto& b : bands) b = {b.top - cut, b.bottom - cut};
            std::erase_if(bands, [](const band& b) { return b.bottom <= 0; });
            out.push_back(std::move(f));
            f = std::move(rest);
        }
        f.keep_with_next = keep;
        out.push_back(std::move(f));
    }
    return out;
}

std::vector<page> paginate(std::vector<fragment> flow, const page_frame& frame) {
    flow = split_tall(std::move(flow), frame);
    const auto starts = page_starts(flow, frame);
    std::vector<page> pages;
    double y = 0;
    for (std::size_t i = 0, next = 0; i < flow.size() || pages.empty(); ++i) {
        if (next < starts.size() && starts[next] == i) {
            pages.push_back(page{frame.width, frame.height, {}});
            // Room for the page's items at once (grown one by one, they were moved several
            // times), and a few for the running head and footer added later.
            const std::size_t end = next + 1 < starts.size() ? starts[next + 1] : flow.size();
            std::size_t count = 8 + (next > 0 && i < flow.size() && flow[i].repeat_header ? flow[i].repeat_header->items.size() : 0);
            for (std::size_t k = i; k < end; ++k) count += flow[k].items.size();
            pages.back().items.reserve(count);
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

// SPDX-License-Identifier: MIT
// Column widths from content (render/column_widths.hpp).
#include "render/column_widths.hpp"

#include <algorithm>
#include <numeric>
#include <variant>

namespace closeplan::render::detail {

namespace {

// The plain text of inlines as lines: hard breaks start a new line, soft
// breaks are spaces, badges and links keep their text.
struct line_collector {
    std::vector<std::string> lines{1};
    void write(const view::inlines& content) {
        for (const auto& node : content) std::visit(*this, node.value);
    }
    void operator()(const view::text& n) { lines.back() += n.value; }
    void operator()(const view::emphasis& n) { write(n.children); }
    void operator()(const view::strong& n) { write(n.children); }
    void operator()(const view::strikethrough& n) { write(n.children); }
    void operator()(const view::code_span& n) { lines.back() += n.value; }
    void operator()(const view::link& n) { n.children.empty() ? void(lines.back() += n.url) : write(n.children); }
    void operator()(const view::soft_break&) { lines.back() += ' '; }
    void operator()(const view::line_break&) { lines.emplace_back(); }
    // A badge is one box that never breaks: its spaces join like no-break ones.
    void operator()(const view::badge& n) {
        std::string label = n.label;
        std::string joined;
        for (char c : label) c == ' ' ? void(joined += "\xC2\xA0") : void(joined += c);
        lines.back() += " " + joined + " ";
    }
};

void add_line(column_need& need, std::string_view line, const std::function<double(std::string_view)>& measure) {
    need.max = std::max(need.max, measure(line));
    std::size_t start = 0;
    while (start < line.size()) {
        auto end = line.find_first_of(" \t\n", start);
        if (end == std::string_view::npos) end = line.size();
        if (end > start) need.min = std::max(need.min, measure(line.substr(start, end - start)));
        start = end + 1;
    }
}

}  // namespace

void add_content(column_need& need, const view::inlines& content, const std::function<double(std::string_view)>& measure) {
    line_collector collect;
    collect.write(content);
    for (const auto& line : collect.lines) add_line(need, line, measure);
}

void add_content(column_need& need, std::string_view plain, const std::function<double(std::string_view)>& measure) {
    std::size_t start = 0;
    while (start <= plain.size()) {
        auto nl = plain.find('\n', start);
        if (nl == std::string_view::npos) nl = plain.size();
        add_line(need, plain.substr(start, nl - start), measure);
        start = nl + 1;
    }
}

std::vector<double> share_width(const std::vector<column_need>& needs, double available) {
    std::vector<double> out(needs.size(), 0.0);
    if (needs.empty()) return out;
    double sum_min = 0, sum_max = 0;
    for (const auto& n : needs) {
        sum_min += n.min;
        sum_max += std::max(n.max, n.min);
    }
    const double equal = available / static_cast<double>(needs.size());
    for (std::size_t i = 0; i < needs.size(); ++i) {
        const double lo = needs[i].min, hi = std::max(needs[i].max, needs[i].min);
        if (sum_max <= 0) out[i] = equal;
        else if (sum_max <= available) out[i] = hi + (available - sum_max) * hi / sum_max;
        else if (sum_min >= available) out[i] = sum_min > 0 ? lo * available / sum_min : equal;
        else out[i] = lo + (available - sum_min) * (hi - lo) / (sum_max - sum_min);
    }
    return out;
}

}  // namespace closeplan::render::detail

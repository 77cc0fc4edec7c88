// SPDX-License-Identifier: MIT
// Test helpers for the view module: a plan builder, label files read from templates/labels/, and text collection.
#pragma once

#include <fstream>
#include <map>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>

#include "model/dates.hpp"
#include "model/plan.hpp"
#include "view/build_document.hpp"
#include "view/document.hpp"

namespace closeplan::test {

inline model::date day(std::string_view iso) {
    const auto parsed = model::parse_iso_date(iso);
    if (!parsed) throw std::invalid_argument("bad test date " + std::string(iso));
    return *parsed;
}

/// Builds a small valid plan in code; each adder returns the new item to tweak.
struct plan_builder {
    model::plan p;

    plan_builder() {
        p.deal.name = "Claims analytics platform";
        p.deal.buyer.name = "Northwind Health";
        p.deal.seller.name = "Acme Analytics";
        p.as_of = day("2026-05-04");
        p.target_close = day("2026-06-30");
        p.source_file = "plan.yaml";
    }

    model::milestone& milestone(std::string id, model::side owner, std::string_view due,
                                model::status state = model::status::not_started) {
        model::milestone m;
        m.id = id;
        m.title = "Step " + id;
        m.owner = owner;
        if (!due.empty()) m.due = day(due);
        m.state = state;
        m.where = source_location{"plan.yaml", 10 + static_cast<int>(p.milestones.size()), 5,
                                  "/milestones/" + std::to_string(p.milestones.size())};
        return p.milestones.emplace_back(std::move(m));
    }

    model::stakeholder& stakeholder(std::string id, std::string name, std::string title,
                                    model::side party = model::side::buyer,
                                    std::optional<model::role> role = std::nullopt) {
        model::stakeholder s;
        s.id = std::move(id);
        s.name = std::move(name);
        s.title = std::move(title);
        s.party_side = party;
        s.role_kind = role;
        return p.stakeholders.emplace_back(std::move(s));
    }

    model::resource& resource(std::string id, std::string title, model::resource_kind kind, std::string url = {}) {
        model::resource r;
        r.id = std::move(id);
        r.title = std::move(title);
        r.kind = kind;
        r.url = std::move(url);
        return p.resources.emplace_back(std::move(r));
    }

    model::value_entry& entry() { return p.value_map.emplace_back(); }
};

/// Reads a labels file written as one `key: "text"` per line (the format of templates/labels/).
inline std::map<std::string, std::string> read_label_file(const std::string& name) {
    std::ifstream in(std::string(CLOSEPLAN_SOURCE_DIR) + "/templates/labels/" + name + ".yaml");
    if (!in) throw std::runtime_error("cannot read labels " + name);
    std::map<std::string, std::string> entries;
    std::string line;
    while (std::getline(in, line)) {
        if (line.empty() || line.front() == '#') continue;
        const auto colon = line.find(": \"");
        if (colon == std::string::npos || line.back() != '"') throw std::runtime_error("bad label line: " + line);
        entries[line.substr(0, colon)] = line.substr(colon + 3, line.size() - colon - 4);
    }
    return entries;
}

/// The labels of a language the way the loader builds them: en.yaml, overlaid with the language's file.
inline view::labels load_labels(const std::string& lang) {
    auto entries = read_label_file("en");
    if (lang != "en")
        for (auto& [key, value] : read_label_file(lang)) entries[key] = value;
    return view::labels::in_language(std::move(entries), lang);
}

template <typename... F>
struct overloaded : F... {
    using F::operator()...;
};
template <typename... F>
overloaded(F...) -> overloaded<F...>;

/// Every visible string of some inlines, concatenated (badges in [brackets], links as text<url>).
inline std::string plain(const view::inlines& content);

inline std::string plain(const view::inline_node& node) {
    return std::visit(
        overloaded{
            [](const view::text& v) { return v.value; },
            [](const view::emphasis& v) { return plain(v.children); },
            [](const view::strong& v) { return plain(v.children); },
            [](const view::strikethrough& v) { return "~" + plain(v.children) + "~"; },
            [](const view::code_span& v) { return "`" + v.value + "`"; },
            [](const view::link& v) { return plain(v.children) + "<" + v.url + ">"; },
            [](const view::soft_break&) { return std::string("\n"); },
            [](const view::line_break&) { return std::string("\\\n"); },
            [](const view::badge& v) { return "[" + v.label + "]"; },
        },
        node.value);
}

inline std::string plain(const view::inlines& content) {
    std::string out;
    for (const auto& node : content) out += plain(node);
    return out;
}

inline std::string plain(const view::blocks& content);

inline std::string plain_items(const std::vector<view::list_item>& items) {
    std::string out;
    for (const auto& item : items) out += "* " + plain(item.content);
    return out;
}

inline std::string plain(const view::block& b) {
    return std::visit(
        overloaded{
            [](const view::paragraph& v) { return plain(v.content) + "\n"; },
            [](const view::heading& v) { return "# " + plain(v.content) + "\n"; },
            [](const view::bullet_list& v) { return plain_items(v.items); },
            [](const view::ordered_list& v) { return plain_items(v.items); },
            [](const view::code_block& v) { return "```" + v.code + "```\n"; },
            [](const view::block_quote& v) { return "> " + plain(v.content); },
            [](const view::thematic_break&) { return std::string("---\n"); },
            [](const view::md_table& v) {
                std::string out;
                for (const auto& cell : v.header) out += plain(cell) + "|";
                for (const auto& row : v.rows)
                    for (const auto& cell : row) out += plain(cell) + "|";
                return out + "\n";
            },
            [](const view::data_table& v) {
                std::string out = v.caption + "\n";
                for (const auto& c : v.columns) out += c.label + "|";
                for (const auto& row : v.rows)
                    for (const auto& cell : row.cells) out += plain(cell) + "|";
                return out + "\n";
            },
            [](const view::fact_list& v) {
                std::string out;
                for (const auto& f : v.facts) out += f.label + ": " + plain(f.value) + "\n";
                return out;
            },
            [](const view::signature_block& v) {
                std::string out;
                for (const auto& s : v.lines)
                    out += s.side_label + "|" + s.name + "|" + s.title + "|" + s.date_label + "|" + s.date_value + "\n";
                return out;
            },
        },
        b.value);
}

inline std::string plain(const view::blocks& content) {
    std::string out;
    for (const auto& b : content) out += plain(b);
    return out;
}

/// Every visible string of a document, sections included.
inline std::string plain(const view::document& doc) {
    std::string out = doc.title + "\n" + doc.deal_name + "\n";
    for (const auto& f : doc.title_facts.facts) out += f.label + ": " + plain(f.value) + "\n";
    for (const auto& s : doc.sections) out += "## " + s.title + "\n" + plain(s.content);
    return out;
}

}  // namespace closeplan::test

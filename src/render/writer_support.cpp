// SPDX-License-Identifier: MIT
// Pieces the HTML and Markdown writers share: plain text of inlines and the page template's context.
#include "render/writer_support.hpp"

#include <algorithm>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "render/template_check.hpp"
#include "view/locales.hpp"
#include "view/section_table.hpp"

namespace closeplan::render::detail {
namespace {

struct plain_text_writer {
    std::string& out;

    void write(const view::inlines& content) {
        for (const auto& node : content) std::visit(*this, node.value);
    }
    void operator()(const view::text& n) { out += n.value; }
    void operator()(const view::emphasis& n) { write(n.children); }
    void operator()(const view::strong& n) { write(n.children); }
    void operator()(const view::strikethrough& n) { write(n.children); }
    void operator()(const view::code_span& n) { out += n.value; }
    void operator()(const view::link& n) { n.children.empty() ? void(out += n.url) : write(n.children); }
    void operator()(const view::soft_break&) { out += ' '; }
    void operator()(const view::line_break&) { out += ' '; }
    void operator()(const view::badge& n) { out += n.label; }
};

}  // namespace

std::string plain_text(const view::inlines& content) {
    std::string out;
    plain_text_writer{out}.write(content);
    return out;
}

const std::vector<std::string_view>& known_section_keys() {
    static const std::vector<std::string_view> keys = [] {
        std::vector<std::string_view> out;
        for (const auto& entry : view::section_table()) out.push_back(entry.key);
        return out;
    }();
    return keys;
}

std::string template_name_for(std::string_view section_key) {
    // Copied once and changed in place: most keys ("open_items") keep every character.
    std::string name(section_key);
    for (char& c : name) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        if (!keep) c = (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : '_';
    }
    return name.empty() ? std::string("section") : name;
}

std::string chosen_sections_slot(const view::document& doc, std::string_view template_text) {
    if (!doc.sections_chosen) return {};
    const auto tags = scan_template_tags(template_text);
    const auto& keys = known_section_keys();
    for (const auto& tag : tags)
        if (tag.type == template_tag::kind::section && (tag.name == "sections" || tag.name == "page_rows")) return {};
    for (const auto& tag : tags) {
        const bool value = tag.type == template_tag::kind::variable || tag.type == template_tag::kind::unescaped;
        if (value && std::find(keys.begin(), keys.end(), tag.name) != keys.end()) return tag.name;
    }
    return {};
}

section_lists section_lists_used(std::string_view template_text) {
    struct seen {
        std::string text;
        section_lists lists;
    };
    thread_local std::vector<seen> cache;
    for (const auto& s : cache)
        if (s.text == template_text) return s.lists;
    section_lists lists{false, false};
    bool partials = false;
    std::vector<std::string_view> open;  // the sections open at each tag, innermost last
    for (const auto& tag : scan_template_tags(template_text)) {
        using k = template_tag::kind;
        if (tag.type == k::partial) partials = true;
        if (tag.type == k::section_end) {
            if (!open.empty()) open.pop_back();
            continue;
        }
        const bool in_rows = std::find(open.begin(), open.end(), "page_rows") != open.end();
        if (tag.name == "page_rows") lists.page_rows = true;
        else if (tag.name == "sections" && !in_rows) lists.sections = true;
        if (tag.type == k::section || tag.type == k::inverted) open.push_back(tag.name);
    }
    if (partials) lists = {};
    // A few templates per thread (page, fragment, handoff, in two formats).
    if (cache.size() >= 8) cache.clear();
    cache.push_back({std::string(template_text), lists});
    return lists;
}

namespace {

// Writes a page context into a template_value that may hold the context of
// an earlier page of the same shape: each member is found and its value
// overwritten, so a batch allocates no new nodes page after page. Members are
// set in the same order as into an empty value, which gives the same result.
struct context_writer {
    using kind = template_value::kind;

    static template_value& member(template_value& object, std::string_view name) {
        auto found = object.members.find(name);
        if (found == object.members.end()) found = object.members.emplace(std::string(name), template_value{}).first;
        return found->second;
    }
    static template_value& leaf(template_value& object, std::string_view name, kind type) {
        auto& m = member(object, name);
        m.type = type;
        m.on = false;
        m.items.clear();
        m.members.clear();
        return m;
    }
    static void text(template_value& object, std::string_view name, std::string_view value) {
        leaf(object, name, kind::text).value.assign(value);
    }
    static void fragment(template_value& object, std::string_view name, std::string_view value) {
        // The page CSS is the same page after page: kept, not copied again.
        auto& kept = leaf(object, name, kind::fragment).value;
        if (kept != value) kept.assign(value);
    }
    static void fragment(template_value& object, std::string_view name, std::string&& value) {
        leaf(object, name, kind::fragment).value = std::move(value);
    }
    static void flag(template_value& object, std::string_view name, bool on) {
        auto& m = leaf(object, name, kind::flag);
        m.value.clear();
        m.on = on;
    }
    /// A list of `count` objects; their members and the shape are the caller's to set.
    static template_value& list(template_value& object, std::string_view name, std::size_t count) {
        auto& m = member(object, name);
        m.type = kind::list;
        m.value.clear();
        m.on = false;
        m.items.resize(count);
        for (auto& item : m.items) {
            item.type = kind::object;
            item.value.clear();
        }
        return m;
    }
};

// The names a page context has before its sections are added (see page_context).
bool is_page_name(std::string_view name, bool with_css) {
    static constexpr std::string_view names[] = {"lang",   "dir",       "title",   "deal_name",  "buyer",
                                                 "seller", "generator", "density", "title_facts"};
    for (auto n : names)
        if (n == name) return true;
    return with_css && (name == "css" || name == "logos");
}

// What decides the members of a page context: whether it has the CSS, how
// many title facts, the sections' names in order and whether the caller chose
// them (which decides the page rows).
std::string context_shape(const view::document& doc, const std::vector<std::string>& section_names, bool with_css,
                          section_lists lists) {
    std::string shape = with_css ? "c" : "m";
    shape += doc.sections_chosen ? "s" : "d";
    shape += lists.sections ? "S" : "-";
    shape += lists.page_rows ? "R" : "-";
    shape += std::to_string(doc.title_facts.facts.size());
    for (const auto& name : section_names) {
        shape += '\n';
        shape += name;
    }
    return shape;
}

// The members every item of a list of sections has (the shape the template
// check sees on the list itself).
void section_item_shape(template_value& list) {
    context_writer::text(list, "key", {});
    context_writer::text(list, "title", {});
    context_writer::fragment(list, "content", std::string_view());
}

struct context_slot {
    std::string shape;
    template_value page;
    template_value has;  ///< the has object of the page before last, refilled next
};

}  // namespace

const template_value& page_context(const view::document& doc, page_parts&& parts, bool with_css) {
    using w = context_writer;
    // A few shapes per thread: the HTML and Markdown pages of a batch, a handoff pack.
    thread_local std::vector<context_slot> slots;
    std::vector<std::string> section_names;
    section_names.reserve(parts.sections.size());
    for (const auto& s : parts.sections) section_names.push_back(template_name_for(s.key));
    const std::string shape = context_shape(doc, section_names, with_css, parts.lists);
    context_slot* slot = nullptr;
    for (auto& candidate : slots)
        if (candidate.shape == shape) slot = &candidate;
    if (!slot) {
        if (slots.size() >= 4) slots.clear();
        slot = &slots.emplace_back(context_slot{shape, template_value::object(), template_value::object()});
    }
    template_value& page = slot->page;

    w::text(page, "lang", doc.lang);
    // ar, he...: the page mirrors (dir="rtl"; the CSS uses logical properties).
    w::text(page, "dir", view::direction_of(doc.lang) == view::text_direction::rtl ? "rtl" : "ltr");
    w::text(page, "title", doc.title);
    w::text(page, "deal_name", doc.deal_name);
    w::text(page, "buyer", doc.buyer.name);
    w::text(page, "seller", doc.seller.name);
    w::text(page, "generator", doc.generator);
    w::text(page, "density", parts.density);
    if (with_css) {
        w::fragment(page, "css", parts.css);
        w::fragment(page, "logos", std::move(parts.logos));
    }

    auto& facts = w::list(page, "title_facts", doc.title_facts.facts.size());
    w::text(facts, "key", {});
    w::text(facts, "label", {});
    w::fragment(facts, "value", std::string_view());
    for (std::size_t i = 0; i < doc.title_facts.facts.size(); ++i) {
        const auto& f = doc.title_facts.facts[i];
        auto& item = facts.items[i];
        w::text(item, "key", template_name_for(f.key));
        w::text(item, "label", f.label);
        w::fragment(item, "value", i < parts.fact_values.size() ? std::move(parts.fact_values[i]) : std::string());
    }

    // "has" joins the page last (a section may be named "has" too): it is
    // filled on the side, then swapped in.
    template_value& has = slot->has;
    has.type = template_value::kind::object;
    const auto& known = known_section_keys();
    for (auto key : known) {
        w::fragment(page, key, std::string_view());
        w::flag(has, key, false);
    }
    std::vector<std::string_view> added;  // section names set so far
    for (std::size_t i = 0; i < parts.sections.size(); ++i) {
        const auto& s = parts.sections[i];
        const std::string& name = section_names[i];
        // A section key that collides with a page name keeps the page name's meaning.
        const bool is_known = std::find(known.begin(), known.end(), name) != known.end();
        const bool taken = is_page_name(name, with_css) || std::find(added.begin(), added.end(), name) != added.end();
        if (is_known || !taken) {
            w::fragment(page, name, std::string_view(s.content));
            w::flag(has, name, !s.content.empty());
            added.push_back(name);
        }
    }
    if (!parts.chosen_slot.empty()) {
        std::string chosen;
        for (const auto& s : parts.sections)
            if (!s.content.empty()) chosen += (chosen.empty() ? "" : "\n") + s.content;
        for (auto key : known) w::fragment(page, key, std::string_view());
        w::fragment(page, parts.chosen_slot, std::move(chosen));
    }

    // The page rows (view::page_rows): each a list of one section, or of a pair
    // with `beside` set when the pair shares the row in columns. A row takes
    // its sections' text over unless the sections list below wants it too.
    const bool take = !parts.lists.sections;
    const auto rows = parts.lists.page_rows ? view::page_rows(doc) : std::vector<view::page_row>{};
    auto& page_rows = w::list(page, "page_rows", rows.size());
    w::flag(page_rows, "beside", false);
    section_item_shape(w::list(page_rows, "sections", 0));
    for (std::size_t r = 0; r < rows.size(); ++r) {
        const auto& row = rows[r];
        auto& item = page_rows.items[r];
        w::flag(item, "beside", row.pair == view::pairing::beside);
        // The checker reads the list's shape on page_rows itself; a row's own
        // list needs none (fewer values to compare and rewrite per page).
        auto& members = w::list(item, "sections", row.size());
        for (std::size_t k = 0; k < row.size(); ++k) {
            const auto i = static_cast<std::size_t>(row.sections[k] - doc.sections.data());
            const bool have = i < parts.sections.size();
            w::text(members.items[k], "key", have ? std::string_view(section_names[i]) : std::string_view());
            w::text(members.items[k], "title", have ? std::string_view(parts.sections[i].title) : std::string_view());
            if (!have) w::fragment(members.items[k], "content", std::string_view());
            else if (take) w::fragment(members.items[k], "content", std::move(parts.sections[i].content));
            else w::fragment(members.items[k], "content", std::string_view(parts.sections[i].content));
        }
    }

    auto& sections = w::list(page, "sections", parts.lists.sections ? parts.sections.size() : 0);
    section_item_shape(sections);
    for (std::size_t i = 0; i < sections.items.size(); ++i) {
        auto& s = parts.sections[i];
        auto& item = sections.items[i];
        w::text(item, "key", section_names[i]);
        w::text(item, "title", s.title);
        w::fragment(item, "content", std::move(s.content));
    }
    std::swap(w::member(page, "has"), slot->has);
    return page;
}

}  // namespace closeplan::render::detail

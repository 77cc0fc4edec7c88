// SPDX-License-Identifier: MIT
// Pieces the HTML and Markdown writers share: plain text of inlines and the page template's context.
#include "render/writer_support.hpp"

#include <algorithm>
#include <variant>

#include "render/template_check.hpp"

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
    static const std::vector<std::string_view> keys = {"summary",   "milestones", "value_map",  "stakeholders",
                                                        "resources", "risks",      "open_items", "signoff"};
    return keys;
}

std::string template_name_for(std::string_view section_key) {
    std::string name;
    for (char c : section_key) {
        const bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
        name += keep ? c : ((c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : '_');
    }
    return name.empty() ? std::string("section") : name;
}

std::string chosen_sections_slot(const view::document& doc, std::string_view template_text) {
    if (!doc.sections_chosen) return {};
    const auto tags = scan_template_tags(template_text);
    const auto& keys = known_section_keys();
    for (const auto& tag : tags)
        if (tag.type == template_tag::kind::section && tag.name == "sections") return {};
    for (const auto& tag : tags) {
        const bool value = tag.type == template_tag::kind::variable || tag.type == template_tag::kind::unescaped;
        if (value && std::find(keys.begin(), keys.end(), tag.name) != keys.end()) return tag.name;
    }
    return {};
}

template_value page_context(const view::document& doc, page_parts&& parts, bool with_css) {
    template_value page;
    page.set("lang", template_value::text(doc.lang))
        .set("title", template_value::text(doc.title))
        .set("deal_name", template_value::text(doc.deal_name))
        .set("buyer", template_value::text(doc.buyer.name))
        .set("seller", template_value::text(doc.seller.name))
        .set("generator", template_value::text(doc.generator))
        .set("density", template_value::text(std::move(parts.density)));
    if (with_css)
        page.set("css", template_value::fragment(std::move(parts.css)))
            .set("logos", template_value::fragment(std::move(parts.logos)));

    template_value fact_shape;
    fact_shape.set("key", template_value::text({}))
        .set("label", template_value::text({}))
        .set("value", template_value::fragment({}));
    template_value facts = template_value::list(fact_shape);
    for (std::size_t i = 0; i < doc.title_facts.facts.size(); ++i) {
        const auto& f = doc.title_facts.facts[i];
        template_value item;
        item.set("key", template_value::text(template_name_for(f.key)))
            .set("label", template_value::text(f.label))
            .set("value", template_value::fragment(i < parts.fact_values.size() ? std::move(parts.fact_values[i]) : std::string()));
        facts.items.push_back(std::move(item));
    }
    page.set("title_facts", std::move(facts));

    template_value section_shape;
    section_shape.set("key", template_value::text({}))
        .set("title", template_value::text({}))
        .set("content", template_value::fragment({}));
    template_value sections = template_value::list(section_shape);
    template_value has;
    for (auto key : known_section_keys()) {
        page.set(std::string(key), template_value::fragment({}));
        has.set(std::string(key), template_value::flag(false));
    }
    for (const auto& s : parts.sections) {
        const std::string name = template_name_for(s.key);
        template_value item;
        item.set("key", template_value::text(name))
            .set("title", template_value::text(s.title))
            .set("content", template_value::fragment(s.content));
        sections.items.push_back(std::move(item));
        // A section key that collides with a page name keeps the page name's meaning.
        const auto existing = page.members.find(name);
        const auto& known = known_section_keys();
        if (existing == page.members.end() || std::find(known.begin(), known.end(), name) != known.end()) {
            page.set(name, template_value::fragment(s.content));
            has.set(name, template_value::flag(!s.content.empty()));
        }
    }
    if (!parts.chosen_slot.empty()) {
        std::string chosen;
        for (const auto& s : parts.sections)
            if (!s.content.empty()) chosen += (chosen.empty() ? "" : "\n") + s.content;
        for (auto key : known_section_keys()) page.set(std::string(key), template_value::fragment({}));
        page.set(parts.chosen_slot, template_value::fragment(std::move(chosen)));
    }
    page.set("sections", std::move(sections));
    page.set("has", std::move(has));
    return page;
}

}  // namespace closeplan::render::detail

// SPDX-License-Identifier: MIT
// Pieces the HTML and Markdown writers share: section fragments, plain text of inlines, the page context.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "render/template_engine.hpp"
#include "view/document.hpp"

namespace closeplan::render::detail {

/// The text of inlines without any markup (badges keep their label, links their text).
std::string plain_text(const view::inlines& content);

/// Section keys every page template may use, whether or not the document has
/// them: the keys of the section table (view/section_table.hpp).
const std::vector<std::string_view>& known_section_keys();

/// A name usable in a template for a section key: [a-z0-9_], "value-map" -> "value_map".
std::string template_name_for(std::string_view section_key);

/// One section rendered by a writer, with its key and title.
struct rendered_section {
    std::string key;
    std::string title;
    std::string content;
};

/// Which lists of sections a page template reads. A context fills only those
/// (the other is an empty list, so its name still checks): each filled list
/// is a few dozen more values to rewrite and compare per page in a batch.
struct section_lists {
    bool sections = true;   ///< {{#sections}} at the top level (fragments)
    bool page_rows = true;  ///< {{#page_rows}} (the built-in pages)
};

/// The lists `template_text` reads, from its own tags (cached per thread by
/// text). `sections` inside {{#page_rows}} is the row's own list. A template
/// with partials reads both: their tags are not looked at here.
section_lists section_lists_used(std::string_view template_text);

/// Values of the title block and pre-rendered parts a page template fills in.
struct page_parts {
    std::vector<std::string> fact_values;  ///< one per doc.title_facts.facts, rendered
    std::vector<rendered_section> sections;  ///< doc.sections order
    std::string_view css;  ///< html only: the page CSS, alive until the page is rendered
    std::string logos;  ///< html only: rendered <img> elements
    std::string density;  ///< "roomy", "normal" or "compact": the print type size
    /// See chosen_sections_slot(); empty = every section in its own slot.
    std::string chosen_slot;
    section_lists lists;  ///< see section_lists_used()
};

/// With --sections (doc.sections_chosen), the first section slot the page
/// template places by name ({{{summary}}}, {{{milestones}}} ...): it then holds
/// every chosen section in the chosen order and the other slots stay empty, so
/// the caller's order holds in templates that place sections by name. Empty
/// when no order was chosen or the template iterates {{#sections}} or
/// {{#page_rows}} itself.
std::string chosen_sections_slot(const view::document& doc, std::string_view template_text);

/// The context of a page template (the names are listed in templates/buyer-plan.html.mustache):
/// lang, title, deal_name, buyer, seller, generator, title_facts[key,label,value],
/// sections[key,title,content], page_rows[beside, sections[key,title,content]]
/// (view::page_rows: the sections as the page places them), one fragment per
/// section key, has.<key> flags, density, and css for HTML.
/// Takes the parts' rendered text rather than copying it. The result is
/// this thread's, valid until its next call (it is rewritten in place).
const template_value& page_context(const view::document& doc, page_parts&& parts, bool with_css);

}  // namespace closeplan::render::detail

// SPDX-License-Identifier: MIT
// Which page template a text format (HTML, Markdown) renders with for a template name.
#include "render/page_template.hpp"

#include <string>

namespace closeplan::render {

std::shared_ptr<const resource_text> find_page_template(const template_set& templates, std::string_view name,
                                                        std::string_view suffix, diagnostic_sink& diags) {
    const std::string file = std::string(name) + std::string(suffix);
    if (auto found = templates.find_shared(file)) return found;
    if (name == full_template) {
        if (auto fallback = templates.find_shared(std::string(buyer_plan_template) + std::string(suffix))) {
            const std::string format = suffix.find(".md.") != std::string_view::npos ? "Markdown" : "HTML";
            diags.report({severity::note, "T409",
                          "no `" + file + "`; the " + format + " uses `" + fallback->name +
                              "`, which already shows every row (`full` is the PDF's layout)",
                          {fallback->origin, 0, 0, {}},
                          {"add " + file + " to a --template-dir folder to give the " + format + " a page of its own"}});
            return fallback;
        }
    }
    diags.error("T406", "no template `" + file + "`", {},
                {"add " + file + " to the template folder, or pick another template name"});
    return nullptr;
}

}  // namespace closeplan::render

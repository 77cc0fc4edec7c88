// SPDX-License-Identifier: MIT
// The one request: what a command's flags (src/cli/, bound straight in) or the
// library's options (api/option_checks.cpp, mapped in one place) ask for. The
// pipeline loads the plan it names and every writer reads its own settings
// from it through render_context: there is no second options struct.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"
#include "render/pdf_standard.hpp"

namespace closeplan::render {

struct plan_source {
    std::string path;                ///< as given by the user; "-" means standard input
    std::optional<std::string> text; ///< the file's bytes when already read (stdin, memory)
    std::string syntax;              ///< "yaml" or "json"; empty = from the file name (stdin: yaml)
};

struct render_request {
    plan_source plan;
    std::vector<std::string> formats = {"html", "md"};
    model::date today;                      ///< used when neither --as-of nor the file's as_of is set
    std::optional<model::date> as_of;       ///< --as-of: overrides the file's as_of
    std::string value_map_path;             ///< --value-map: merged after the plan's own value map
    std::string template_dir;               ///< --template-dir: replaces built-in templates by name
    std::string style_path;                 ///< --style
    std::string reference_docx;             ///< --reference-docx: a .docx whose styles.xml the DOCX takes (T415, T416)
    std::string template_name = "buyer-plan";  ///< page shell: templates/<name>.<format>.mustache
    std::string paper;                      ///< --paper: letter or a4 (PDF); empty = the style's page.size, else the locale's (render/paper.hpp)
    std::string fit = "two-pages";          ///< --fit: the PDF buyer plan's page budget, two-pages or one-page
    std::vector<std::string> asset_dirs;    ///< --assets: more folders local files may come from
    std::string locale;                     ///< --locale: overrides the plan's locale
    std::vector<std::string> sections;      ///< --sections: keep these, in this order; empty = all (O530 when unknown)
    /// --fragment: html, md and docx only, a piece for another document (O531):
    /// templates/<name>.fragment.<format>.mustache, HTML styled by
    /// fragment.css.mustache with every rule under .closeplan-plan.
    bool fragment = false;
    int heading_offset = 0;                 ///< --heading-offset: section titles at level 2 + offset
    render::pdf_standard pdf_standard;      ///< --pdf-standard: PDF/UA-1, PDF/A-2b or -2u claims (render/pdf_standard.hpp)
};

}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
/// @file
/// Rendering a loaded plan into memory buffers: HTML, Markdown, PDF, or
/// HTML, Markdown and DOCX fragments to put inside another document.
///
/// Output is a pure function of the plan, the options and `as_of`: the same
/// input gives byte-identical buffers. The library never reads the clock, so
/// a plan without its own `as_of` needs `render_options::as_of` (else O532).
///
/// Example:
/// ```cpp
/// #include <closeplan/closeplan.hpp>
///
/// closeplan::render_options options;
/// options.formats = {"pdf", "html"};
/// options.as_of = std::chrono::year_month_day{std::chrono::year{2026}, std::chrono::March, std::chrono::day{2}};
/// auto result = closeplan::render_plan(closeplan::plan::from_file("plan.yaml"), options);
/// if (!result.ok()) { for (const auto& d : result.diagnostics) std::cerr << closeplan::format_diagnostic(d) << '\n'; }
/// else write(result.outputs[0].bytes);  // the PDF, in memory
/// ```
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "closeplan/plan.hpp"

namespace closeplan {

/// How to render. The defaults give the buyer plan as one HTML page.
struct render_options {
    /// Output formats, in the order wanted: "html", "md", "pdf", "docx", "pdf-layout" (see output_formats()).
    std::vector<std::string> formats = {"html"};
    /// The plan's date of record; overrides the plan's own `as_of`.
    std::optional<std::chrono::year_month_day> as_of;
    /// HTML and Markdown only: a piece for another document (one scoped <div>,
    /// or a Markdown partial with no title block) instead of a page.
    bool fragment = false;
    /// Section titles at level 2 + heading_offset (0 to 4), so a fragment
    /// nests under the host document's own heading.
    int heading_offset = 0;
    /// Keep only these sections, in this order (see section_names()); empty = all.
    std::vector<std::string> sections;
    /// Page shell: templates/<name>.<format>.mustache.
    std::string template_name = "buyer-plan";
    /// A folder whose files replace the built-in templates of the same name; empty = built-in only.
    std::string template_dir;
    /// A style file (YAML) replacing the built-in colours, fonts and spacing; empty = built-in.
    std::string style_path;
    /// "letter" or "a4" for PDF; empty = the style's page size.
    std::string paper;
    /// The PDF buyer plan's page budget: "two-pages" (it takes a second page
    /// rather than hide an open step) or "one-page" (strict: completed and
    /// later steps are hidden first, never the signature); else O534.
    std::string fit = "two-pages";
};

/// One rendered document.
struct output {
    std::string format;     ///< as asked for: "pdf"
    std::string extension;  ///< file extension without the dot: "pdf", "layout.txt"
    std::string bytes;      ///< the whole document
};

/// What render_plan() produced: every output, or none at all when anything failed.
struct render_result {
    std::vector<output> outputs;          ///< one per requested format, in order; empty on error
    std::vector<diagnostic> diagnostics;  ///< the plan's own and those found while rendering
    [[nodiscard]] bool ok() const;        ///< no error diagnostic (so outputs are complete)
};

/// Renders a plan. Never throws for bad input, options or templates: an
/// invalid plan, an unknown format or section, a broken template or style
/// file or a missing font are error diagnostics and no outputs.
render_result render_plan(const plan& input, const render_options& options = {});

/// The output formats render_plan() knows: "html", "md", "pdf", "docx", "pdf-layout".
std::vector<std::string> output_formats();

/// The section names render_options::sections takes, in their default order.
std::vector<std::string> section_names();

}  // namespace closeplan

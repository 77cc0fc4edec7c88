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
/// options.formats = {closeplan::format::pdf, closeplan::format::html};
/// options.as_of = closeplan::date{2026, 3, 2};
/// auto result = closeplan::render_plan(closeplan::plan::from_file("plan.yaml"), options);
/// if (!result.ok()) { for (const auto& d : result.diagnostics) std::cerr << closeplan::format_diagnostic(d) << '\n'; }
/// else write(result.outputs[0].bytes);  // the PDF, in memory
/// ```
///
/// Thread-safety: render_plan() may run at once on any threads, on the same
/// plan or different ones; it shares only caches that are per thread or locked
/// (built-in labels and styles, parsed templates, fonts). Options and results
/// are plain values.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "closeplan/date.hpp"
#include "closeplan/diagnostics.hpp"
#include "closeplan/options.hpp"
#include "closeplan/plan.hpp"

namespace closeplan {
inline namespace v0 {

/// How to render. The defaults give the buyer plan as one HTML page. Every
/// member has a default, so C++20's designated initializers may name any of them:
/// `render_plan(plan, {.formats = {"md"}, .fragment = true})`.
/// The options mean what the `closeplan render` flags of the same name mean
/// (docs/cli.md); render_plan() checks them all before rendering and reports
/// every problem at once (docs/diagnostics.md: A100-A119, O530-O534).
struct render_options {
    /// Output formats, in the order wanted (see output_formats()); empty is A103.
    std::vector<format_choice> formats = {format::html};
    /// The plan's date of record, a real calendar date (else A100); overrides the plan's own `as_of`.
    std::optional<date> as_of = {};
    /// HTML, Markdown and DOCX only: a piece for another document (one scoped <div>,
    /// a Markdown partial with no title block, a DOCX body) instead of a page.
    bool fragment = false;
    /// Section titles at level 2 + heading_offset (0 to 4, else O533), so a
    /// fragment nests under the host document's own heading.
    int heading_offset = 0;
    /// Keep only these sections, in this order (see section_names(); else O530); empty = all.
    std::vector<section_choice> sections = {};
    /// Page shell: templates/<name>.<format>.mustache ("buyer-plan", "full"). The
    /// handoff pack is make_handoff()'s, not a template of the buyer plan (A104).
    std::string template_name = "buyer-plan";
    /// A folder whose files replace the built-in templates of the same name; empty = built-in only.
    std::string template_dir = {};
    /// A style file (YAML) replacing the built-in colours, fonts and spacing; empty = built-in.
    std::string style_path = {};
    /// Paper for PDF, paper::letter or paper::a4 (else A101); empty = the style's page size, else the locale's.
    paper_choice paper = {};
    /// The PDF buyer plan's page budget: fit::two_pages (it takes a second page
    /// rather than hide an open step) or fit::one_page; else O534.
    fit_choice fit = "two-pages";
    /// DOCX: a .docx whose styles replace closeplan's, as a proposal template's (T415, T416); empty = none.
    std::string reference_docx = {};
    /// PDF: standards to claim besides being tagged (ua-1, a-2b or a-2u, not both PDF/A; else A105).
    std::vector<pdf_standard_choice> pdf_standards = {};
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

}  // namespace v0
}  // namespace closeplan

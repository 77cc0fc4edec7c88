// SPDX-License-Identifier: MIT
// Laying out a document on pages: the phase between view/ and the PDF painter.
#pragma once

#include <map>
#include <string>

#include "closeplan/diagnostics.hpp"
#include "layout/fonts.hpp"
#include "layout/frame.hpp"
#include "view/document.hpp"

namespace closeplan::layout {

struct layout_options {
    std::string template_name = "buyer-plan";  ///< "buyer-plan" (one page, condensed when needed) or "full"
    std::string paper;                         ///< "letter" or "a4"; empty = the style's page.size
    /// The style tokens (render::style::tokens()): page size and margins,
    /// font sizes, colours, spacing. Keys as in styles/default.yaml.
    std::map<std::string, std::string> style;
};

/// Chooses the font family for a document: the style's brand family when it
/// names one; else the standard family when all of its text fits WinAnsi and
/// embedding is not forced; else the embedded TrueType family.
std::unique_ptr<font_metrics> metrics_for(const view::document& doc, const font_request& fonts = {});

/// Lays the document out. The buyer plan fits ONE page at no less than 8 pt:
/// when it cannot, stakeholders and the value map share one table; when that is
/// not enough, step gates and notes go, completed steps collapse into one line, later ones into
/// "+N more steps in the full plan", and a warning (O510) names what was condensed.
/// Characters the fonts cannot paint are replaced visibly and reported once (O511).
paged_document layout_document(const view::document& doc, const font_metrics& metrics,
                               const layout_options& options, diagnostic_sink& diags);

/// A stable text dump of the pages (positions rounded to 0.01 pt, font, size,
/// text, links) for golden files and review. With `text_bounds`, each text line
/// ends with ` width W area L R`: the run's measured width and the left and right
/// edges of the area it was laid out in (for the layout checks, tests/grid/).
std::string dump_pages(const paged_document& pages, bool text_bounds = false);

}  // namespace closeplan::layout

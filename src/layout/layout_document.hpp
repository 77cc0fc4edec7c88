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
    /// The buyer plan's page budget: "two-pages" (a second page before any open
    /// step is hidden) or "one-page" (strict: then completed and later steps go,
    /// never the signature). Not read by the full template.
    std::string fit = "two-pages";
    /// The style tokens held by the caller for the whole layout, read instead of
    /// `style` when set: a batch lays out thousands of deals in one style, and a
    /// copy of its tokens per deal showed in the profile.
    const std::map<std::string, std::string>* style_of_caller = nullptr;
    [[nodiscard]] const std::map<std::string, std::string>& style_tokens() const {
        return style_of_caller ? *style_of_caller : style;
    }
};

/// Chooses the font family for a document: the style's brand family when it
/// names one; else the standard family when all of its text fits WinAnsi and
/// embedding is not forced; else the embedded TrueType family.
std::unique_ptr<font_metrics> metrics_for(const view::document& doc, const font_request& fonts = {});

/// Lays the document out. The buyer plan fits one page at no less than 8 pt:
/// the type shrinks, then stakeholders and the value map share one table, then
/// the condensing policy (condense.cpp) gives up what a seller would give up
/// first, never an open, overdue or slipped step or the signature. When those
/// do not fit one page, the plan takes a second one (the title line atop it,
/// "page X of Y" on both), unless options.fit is "one-page". One warning (O510)
/// names every part condensed or moved; the page says so in the plan's language.
/// Characters the fonts cannot paint are replaced visibly and reported once (O511).
paged_document layout_document(const view::document& doc, const font_metrics& metrics,
                               const layout_options& options, diagnostic_sink& diags);

/// A stable text dump of the pages (positions rounded to 0.01 pt, font, size,
/// text, links) for golden files and review. With `text_bounds`, each text line
/// ends with ` width W area L R`: the run's measured width and the left and right
/// edges of the area it was laid out in (for the layout checks, tests/grid/).
std::string dump_pages(const paged_document& pages, bool text_bounds = false);

}  // namespace closeplan::layout

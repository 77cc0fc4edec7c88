// SPDX-License-Identifier: MIT
// Inline text (styled words, links, badges) flowed into lines of a given width.
#pragma once

#include <cstdint>
#include <list>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "layout/fonts.hpp"
#include "layout/page_builder.hpp"
#include "layout/style_tokens.hpp"
#include "view/document.hpp"

namespace closeplan::layout::detail {

/// Flowed text cut into measured words, kept for one layout: the one-page
/// fitter lays the same document out at several sizes, and words measured in
/// em units serve every size. Keyed by content (layout code also flows
/// short-lived inlines, which may reuse a freed address); the inlines of the
/// document given to the constructor, which outlives the cache, also by
/// address, which is cheaper. Not thread-safe: one per layout.
///
/// Words measured with metrics that say what they measure like
/// (font_metrics::measures_like) are also kept for the next layouts on the same
/// thread, up to a bound: a batch's deals share their step titles, owners,
/// statuses, headers and labels. `within_layout` keeps them for this layout only.
class token_cache {
public:
    enum class sharing : std::uint8_t { across_layouts, within_layout };
    explicit token_cache(sharing share = sharing::across_layouts);
    explicit token_cache(const view::document& doc, sharing share = sharing::across_layouts);
    ~token_cache();
    token_cache(const token_cache&) = delete;
    token_cache& operator=(const token_cache&) = delete;
    struct entries;
    [[nodiscard]] entries& get() const { return *entries_; }

private:
    std::unique_ptr<entries> entries_;
};

/// What every layout function needs: metrics, style and the current type sizes.
struct context {
    // Pointers, not references, so a context can be re-made for each fitting attempt.
    const font_metrics* metrics_ = nullptr;
    const page_style* style_ = nullptr;
    [[nodiscard]] const font_metrics& metrics() const { return *metrics_; }
    [[nodiscard]] const page_style& style() const { return *style_; }
    double body = 9, small = 8, h1 = 15, h2 = 9.5;
    double gap_scale = 1;  ///< vertical spacing shrinks with the type
    std::set<char32_t>* unpaintable = nullptr;  ///< code points replaced so far
    token_cache* words = nullptr;  ///< optional: reuse measured words across fitting attempts
    /// Fitting attempts need heights only: text is broken into lines but not emitted.
    bool measure_only = false;
    /// The tallest one flowed text may be (0: no limit). The one-page buyer plan
    /// sets a third of its page, so one overlong field (a 40,000-character name)
    /// cannot push the path to signature off the page: lines past it are cut and
    /// the last kept line ends with an ellipsis.
    double max_flow_height = 0;
    /// The first words of each text cut so, for the warning (may be null).
    std::set<std::string>* cut_texts = nullptr;

    [[nodiscard]] double leading(double size) const { return style().leading(size); }
    /// `utf8` with code points the fonts cannot paint replaced by a visible substitute.
    [[nodiscard]] std::string paintable(std::string_view utf8) const;
    /// Plain text (a label, a title) as inlines that stay put for the whole layout, so
    /// every fitting attempt finds its words by address: kept in the token cache, or
    /// in `keep` when there is none.
    [[nodiscard]] const view::inlines& text(std::string_view plain, std::list<view::inlines>& keep) const;
};

/// The style a stretch of inlines starts with.
struct span_style {
    font_face face = font_face::regular;
    color fill;
    bool upper = false;  ///< ASCII upper case (table headers, labels)
    bool breaks_as_dots = false;  ///< a line break reads " · " (table cells stay one line where they can)
    /// One unit (a label, a value): its words break apart only when it is wider than a line.
    bool unit = false;
};

/// One stretch of inlines in one base style; `gap` points of space before it.
struct flow_span {
    const view::inlines* content = nullptr;
    span_style style;
    double gap = 0;
    bool break_before = false;  ///< start on a new line
    /// Kept on the line of the span before (a fact's value after its label) unless
    /// the two are wider than a line.
    bool joined = false;
};

struct flow_options {
    double size = 9;
    view::align alignment = view::align::left;
};

/// Flows spans into lines no wider than `width`; the fragment starts at x = 0.
fragment flow(const std::vector<flow_span>& spans, double width, const flow_options& options, const context& ctx);
/// One span (a table cell, a paragraph), without building a vector of them.
fragment flow(const flow_span& span, double width, const flow_options& options, const context& ctx);
fragment flow(const view::inlines& content, double width, const flow_options& options, const context& ctx,
              span_style style = {});
/// One span flowed straight into `into` at (dx, dy): the same items as
/// `into.append(flow(span, ...), dx, dy)` without the fragment between (a table
/// flows every cell into its row so). Returns the flow's height.
double flow_into(fragment& into, double dx, double dy, const flow_span& span, double width,
                 const flow_options& options, const context& ctx);

/// The width of the spans on one line; of their widest stretch that breaks only
/// when it must (a word, a unit, an e-mail address); and of their widest stretch
/// that breaks nowhere but between grapheme clusters.
struct flow_widths {
    double natural = 0, minimum = 0, least = 0;
};
flow_widths measure(const std::vector<flow_span>& spans, const flow_options& options, const context& ctx);
flow_widths measure(const flow_span& span, const flow_options& options, const context& ctx);

/// Plain text of inlines (for one-line summaries).
std::string plain_text(const view::inlines& content);

}  // namespace closeplan::layout::detail

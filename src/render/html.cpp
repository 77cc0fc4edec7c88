// SPDX-License-Identifier: MIT
// Converts a document to one self-contained HTML page: sections rendered here, placed by the page template.
#include <algorithm>
#include <map>
#include <memory>
#include <mutex>
#include <vector>

#include "render/html_writer.hpp"
#include "render/render.hpp"
#include "render/style_context.hpp"
#include "render/template_check.hpp"
#include "render/template_engine.hpp"
#include "render/page_fit.hpp"
#include "render/page_template.hpp"
#include "render/writer_support.hpp"

namespace closeplan::render {

namespace detail {

namespace {

bool is_blank_line(std::string_view line) {
    for (char c : line)
        if (c != ' ' && c != '\t' && c != '\r') return false;
    return true;
}

// Whether the page before `upto` (the start of a line) leaves a <pre> open:
// what counts is the last of its `<pre` and `</pre>` tags. Each call scans on
// from where the last one stopped, so a page is scanned at most once, and
// only as far as its last empty line that could be dropped.
class open_pre_tracker {
public:
    explicit open_pre_tracker(std::string_view page) : page_(page) {}

    bool open_before(std::size_t upto) {
        while (scanned_ < upto) {
            const auto lt = page_.find('<', scanned_);
            if (lt == std::string_view::npos || lt >= upto) break;
            // Neither tag holds a line break, and `upto` follows one: a tag
            // that starts before `upto` ends before it.
            const std::string_view tag = page_.substr(lt);
            if (tag.starts_with("<pre")) open_ = true;
            else if (tag.starts_with("</pre>")) open_ = false;
            scanned_ = lt + 1;
        }
        scanned_ = std::max(scanned_, upto);
        return open_;
    }

private:
    std::string_view page_;
    std::size_t scanned_ = 0;
    bool open_ = false;
};

}  // namespace

std::string tidy_html(std::string text) {
    // Only an empty line after an empty line (or at the top) may be dropped,
    // and whether the line before was empty does not depend on <pre> (a line
    // kept inside <pre> is empty too). So <pre> is looked for only when such
    // a line turns up, and most pages are never searched for it at all.
    open_pre_tracker pre(text);
    bool blank_before = true;
    // Most pages drop no line: the page is kept as it is, with no copy. From
    // the first dropped line on, kept lines are copied a run at a time, from
    // `kept_from` up to the next dropped line.
    std::string out;
    bool copying = false;
    std::size_t kept_from = 0;
    std::size_t start = 0;
    while (start < text.size()) {
        auto nl = text.find('\n', start);
        if (nl == std::string::npos) nl = text.size();
        const std::string_view line = std::string_view(text).substr(start, nl - start);
        const std::size_t line_start = start;
        start = nl + 1;
        const bool blank = is_blank_line(line);
        if (blank && blank_before && !pre.open_before(line_start)) {
            if (!copying) out.reserve(text.size() + 1);
            copying = true;
            out.append(text, kept_from, line_start - kept_from);
            kept_from = std::min(start, text.size());
            continue;
        }
        blank_before = blank;
    }
    // The last run; a last line kept without its newline gets one.
    const bool last_line_open = kept_from < text.size() && text.back() != '\n';
    if (!copying) out = std::move(text);
    else if (kept_from < text.size()) out.append(text, kept_from);
    if (last_line_open) out += '\n';
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r' || out.back() == ' ')) out.pop_back();
    out += '\n';
    return out;
}

}  // namespace detail

namespace {

std::shared_ptr<const resource_text> require(const template_set& templates, const std::string& name,
                                             diagnostic_sink& diags) {
    auto found = templates.find_shared(name);
    if (!found)
        diags.error("T406", "no template `" + name + "`", {},
                    {"add " + name + " to the template folder, or pick another template name"});
    return found;
}

// The page CSS depends only on the style and the CSS template, never on the
// plan, and rendering the 11 KB template is a sizeable part of an HTML page.
// Only results that reported nothing are kept, so problems are reported on
// every render as before, and only from templates without partials, whose
// files could change behind the key.
// The key is the template (origin and text) and the style's tokens. Both are
// usually the very objects of the last page (the built-in template and a
// style's shared tokens are kept for the whole run), so a pointer check
// settles most lookups; otherwise they are compared by value, as before.
struct cached_css {
    std::shared_ptr<const resource_text> css_template;
    std::shared_ptr<const std::map<std::string, std::string>> tokens;
    std::shared_ptr<const std::string> css;
};

bool same_template(const cached_css& entry, const std::shared_ptr<const resource_text>& css_template) {
    return entry.css_template == css_template || (entry.css_template->text == css_template->text &&
                                                  entry.css_template->origin == css_template->origin);
}

bool same_tokens(const cached_css& entry, const style& look) {
    return entry.tokens == look.shared_tokens() || *entry.tokens == look.tokens();
}

// The CSS goes inside <style>: `</` or `<!--` there would end the element
// early (T402). Checked before a result is kept, so a kept one passed.
bool closes_style_early(const std::string& css, const resource_text& css_template, diagnostic_sink& diags) {
    if (css.find("</") == std::string::npos && css.find("<!--") == std::string::npos) return false;
    diags.error("T402", "the page CSS must not contain `</` or `<!--`", {css_template.origin, 0, 0, {}},
                {"these would end the <style> element early"});
    return true;
}

std::shared_ptr<const std::string> page_css(const std::shared_ptr<const resource_text>& css_template,
                                            const render_context& ctx, diagnostic_sink& diags) {
    static std::mutex mutex;
    static std::vector<cached_css> cache;
    {
        std::lock_guard lock(mutex);
        for (const auto& entry : cache)
            if (same_template(entry, css_template) && same_tokens(entry, ctx.look)) return entry.css;
    }
    const auto reported_before = diags.all().size();
    auto rendered =
        render_template(*css_template, template_format::css, detail::style_context(ctx.look), ctx.templates, diags);
    if (!rendered) return nullptr;
    auto css = std::make_shared<const std::string>(std::move(*rendered));
    if (closes_style_early(*css, *css_template, diags)) return nullptr;
    const auto tags = detail::scan_template_tags(css_template->text);
    const bool has_partials = std::any_of(tags.begin(), tags.end(), [](const detail::template_tag& t) {
        return t.type == detail::template_tag::kind::partial;
    });
    if (diags.all().size() == reported_before && !has_partials) {
        std::lock_guard lock(mutex);
        // Many styles or template folders in one long-lived process must not grow it without end.
        if (cache.size() >= 64) cache.clear();
        cache.push_back({css_template, ctx.look.shared_tokens(), css});
    }
    return css;
}

}  // namespace

std::string render_html(const view::document& doc, const render_context& ctx, diagnostic_sink& diags) {
    // A fragment lives inside someone else's page: its CSS is scoped under
    // .closeplan-plan and its ids are prefixed, so neither page restyles the other.
    const bool fragment = ctx.request.fragment;
    const auto css_template = require(ctx.templates, fragment ? "fragment.css.mustache" : "page.css.mustache", diags);
    const auto shell = find_page_template(ctx.templates, ctx.request.template_name,
                                          fragment ? ".fragment.html.mustache" : ".html.mustache", diags);
    if (!css_template || !shell) return {};

    detail::page_parts parts;
    parts.density = detail::density_name(doc, ctx);
    const auto css = page_css(css_template, ctx, diags);
    if (!css) return {};
    parts.css = *css;  // a view: `css` outlives the page context
    parts.logos = detail::html_logos(doc, diags);
    parts.chosen_slot = detail::chosen_sections_slot(doc, shell->text);
    parts.lists = detail::section_lists_used(shell->text);
    for (const auto& f : doc.title_facts.facts) parts.fact_values.push_back(detail::html_cell_inlines(f.value, diags));
    const int section_level = 2 + doc.heading_offset;
    const std::string_view id_prefix = fragment ? "closeplan-" : "";
    for (const auto& s : doc.sections)
        parts.sections.push_back({s.key, s.title, detail::html_section(s, diags, section_level, id_prefix)});

    auto page = render_template(*shell, template_format::html, detail::page_context(doc, std::move(parts), true),
                                ctx.templates, diags);
    return page ? detail::tidy_html(std::move(*page)) : std::string();
}

}  // namespace closeplan::render

// SPDX-License-Identifier: MIT
// The plan diff for people: what a champion pastes to the buyer, in the
// plan's language. Dates, sides and statuses go through the locale's labels
// (templates/labels/*.yaml, diff.* keys); ids and file names only with
// --verbose. The page is the template diff.md.mustache or diff.html.mustache,
// which escapes every value: plan text never becomes markup.
#include "diff/plan_diff.hpp"
#include "render/template_engine.hpp"
#include "view/build_parts.hpp"

namespace closeplan::diff {

namespace {

using render::template_value;
using view::detail::count_text;
using view::detail::fill;
using view::detail::label_of;

class people_text {
public:
    explicit people_text(const view::labels& words) : words_(words) {}

    [[nodiscard]] std::string date(const std::optional<model::date>& d) const {
        return d ? view::format_date(*d, words_) : words_.get("diff.no_date");
    }

    [[nodiscard]] std::string days(int n) const {
        return n >= 0 ? count_text(words_, "diff.days_later", n) : count_text(words_, "diff.days_earlier", -n);
    }

    [[nodiscard]] std::string owner(const std::optional<model::side>& side, const std::string& name) const {
        if (!side) return "";
        const auto side_word = label_of(words_, "side", model::to_string(*side));
        if (name.empty()) return side_word;
        return fill(words_.get("diff.owner_person"), {{"side", side_word}, {"name", name}});
    }

    [[nodiscard]] std::string status(const std::optional<model::status>& s) const {
        return s ? label_of(words_, "status", model::to_string(*s)) : "";
    }

    [[nodiscard]] std::string kind(change_kind k) const {
        switch (k) {
            case change_kind::added: return words_.get("diff.kind.added");
            case change_kind::removed: return words_.get("diff.kind.removed");
            case change_kind::reowned: return words_.get("diff.kind.reowned");
            case change_kind::redated: return words_.get("diff.kind.redated");
            case change_kind::status_changed: break;
        }
        return words_.get("diff.kind.status");
    }

    /// Before and after of one change.
    [[nodiscard]] std::pair<std::string, std::string> before_after(const step_change& c) const {
        switch (c.kind) {
            case change_kind::added:
                return {"", fill(words_.get("diff.added_detail"), {{"owner", owner(c.new_owner, c.new_assignee_name)},
                                                                     {"date", date(c.new_due)},
                                                                     {"status", status(c.new_status)}})};
            case change_kind::removed: return {words_.get("diff.in_plan"), words_.get("diff.removed")};
            case change_kind::reowned:
                return {owner(c.old_owner, c.old_assignee_name), owner(c.new_owner, c.new_assignee_name)};
            case change_kind::redated: {
                auto after = date(c.new_due);
                if (c.old_due && c.new_due) after = fill(words_.get("diff.moved"), {{"date", after}, {"days", days(c.days)}});
                return {date(c.old_due), after};
            }
            case change_kind::status_changed: break;
        }
        return {status(c.old_status), status(c.new_status)};
    }

    [[nodiscard]] std::string close(const plan_diff& result) const {
        if (result.close_moved_days == 0)
            return fill(words_.get("diff.close_unchanged"), {{"date", date(result.old_close)}});
        return fill(words_.get("diff.close_moved"), {{"old", date(result.old_close)},
                                                      {"new", date(result.new_close)},
                                                      {"days", days(result.close_moved_days)}});
    }

    [[nodiscard]] const view::labels& words() const { return words_; }

private:
    const view::labels& words_;
};

template_value fact(std::string label, std::string value) {
    return template_value::object().set("label", template_value::text(std::move(label))).set(
        "value", template_value::text(std::move(value)));
}

template_value context_of(const plan_diff& result, const view::labels& words, const people_options& options) {
    const people_text say(words);
    auto facts = template_value::list(fact("", ""));
    if (result.old_as_of || result.new_as_of)
        facts.items.push_back(fact(words.get("fact.as_of"),
                                   fill(words.get("diff.as_of"), {{"old", say.date(result.old_as_of)},
                                                                  {"new", say.date(result.new_as_of)}})));
    facts.items.push_back(fact(words.get("fact.target_close"), say.close(result)));

    const auto row_shape = template_value::object()
                               .set("change", template_value::text(""))
                               .set("step", template_value::text(""))
                               .set("id", template_value::text(""))
                               .set("show_id", template_value::flag(false))
                               .set("before", template_value::text(""))
                               .set("after", template_value::text(""));
    auto rows = template_value::list(row_shape);
    for (const auto& c : result.changes) {
        auto [before, after] = say.before_after(c);
        rows.items.push_back(template_value::object()
                                 .set("change", template_value::text(say.kind(c.kind)))
                                 .set("step", template_value::text(c.title))
                                 .set("id", template_value::text(c.milestone_id))
                                 .set("show_id", template_value::flag(options.verbose))
                                 .set("before", template_value::text(std::move(before)))
                                 .set("after", template_value::text(std::move(after))));
    }
    const auto count = static_cast<int>(result.changes.size());
    return template_value::object()
        .set("title", template_value::text(fill(words.get("diff.title"), {{"deal", result.deal_name}})))
        .set("lang", template_value::text(result.locale.empty() ? "en-US" : result.locale))
        .set("facts", std::move(facts))
        .set("verbose", template_value::flag(options.verbose))
        .set("versions_label", template_value::text(words.get("diff.versions")))
        .set("old_file", template_value::text(result.old_file))
        .set("new_file", template_value::text(result.new_file))
        .set("has_changes", template_value::flag(count > 0))
        .set("column_change", template_value::text(words.get("diff.column.change")))
        .set("column_step", template_value::text(words.get("column.milestone")))
        .set("column_before", template_value::text(words.get("diff.column.before")))
        .set("column_after", template_value::text(words.get("diff.column.after")))
        .set("rows", std::move(rows))
        .set("no_changes", template_value::text(words.get("diff.no_changes")))
        .set("summary", template_value::text(count_text(words, "diff.changes", count)));
}

std::optional<std::string> render_people(const plan_diff& result, const view::labels& words,
                                         const render::template_set& templates, const people_options& options,
                                         render::template_format format, diagnostic_sink& diags) {
    const std::string name = "diff." + std::string(render::template_extension(format)) + ".mustache";
    const auto source = templates.find(name);
    if (!source) {
        diags.error("T406", "no template `" + name + "`", {}, {"the built-in templates have it; a --template-dir only replaces files it holds"});
        return std::nullopt;
    }
    return render::render_template(*source, format, context_of(result, words, options), templates, diags);
}

// Sections that render nothing leave their line breaks behind; in Markdown a
// run of blank lines is one, so the page keeps one and ends in one newline.
std::string tidy_blank_lines(const std::string& text) {
    std::string out;
    for (const char c : text) {
        if (c == '\n' && out.ends_with("\n\n")) continue;
        out += c;
    }
    while (out.ends_with("\n\n")) out.pop_back();
    return out;
}

}  // namespace

std::optional<std::string> to_people_markdown(const plan_diff& result, const view::labels& words,
                                              const render::template_set& templates, const people_options& options,
                                              diagnostic_sink& diags) {
    auto md = render_people(result, words, templates, options, render::template_format::markdown, diags);
    if (md) *md = tidy_blank_lines(*md);
    return md;
}

std::optional<std::string> to_people_html(const plan_diff& result, const view::labels& words,
                                          const render::template_set& templates, const people_options& options,
                                          diagnostic_sink& diags) {
    return render_people(result, words, templates, options, render::template_format::html, diags);
}

}  // namespace closeplan::diff

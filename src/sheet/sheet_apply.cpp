// SPDX-License-Identifier: MIT
#include "sheet/sheet_apply.hpp"
#include "sheet/sheet_write.hpp"

#include <algorithm>
#include <map>

#include "batch/error_report.hpp"
#include "model/dates.hpp"
#include "support/utf8.hpp"
#include "validate/choices.hpp"
#include "validate/wording.hpp"

namespace closeplan::sheet {

namespace {

using validate::detail::choice_spec;

std::string trimmed(std::string_view text) { return std::string(validate::detail::trim(text)); }

std::string shown(std::string_view text) { return validate::detail::quote(text); }

/// Text the way the plan holds it for comparing: no trailing line ends or
/// spaces (a block scalar's final newline, a cell's stray space).
std::string comparable(std::string_view text) {
    const auto last = text.find_last_not_of(" \t\r\n");
    return last == std::string_view::npos ? std::string() : std::string(text.substr(0, last + 1));
}

/// A CSV cell that `closeplan sheet` neutralised (`'=x`) back to the plan's text.
std::string unneutralised(const sheet_table& table, std::string_view cell) {
    if (table.csv && cell.size() >= 2 && cell.front() == '\'' &&
        batch::neutralise_formula(cell.substr(1)) == cell)
        return std::string(cell.substr(1));
    return std::string(cell);
}

class row_reader {
public:
    row_reader(const model::plan& plan, const sheet_table& table, diagnostic_sink& diags)
        : plan_(plan), table_(table), diags_(diags) {}

    /// The name of `spec` the cell means: exactly, or the same word in other case and spacing.
    std::optional<std::string> choice(const sheet_line& line, field key, const choice_spec& spec,
                                      const std::string& code, const std::string& pointer) {
        const auto text = trimmed(*line[key]);
        for (const auto& name : spec.names)
            if (name == text || name == validate::detail::normalise_word(text)) return std::string(name);
        std::vector<std::string> hints;
        const auto word = validate::detail::normalise_word(text);
        for (const auto& [synonym, name] : spec.synonyms)
            if (synonym == word) hints.push_back(validate::detail::did_you_mean(name));
        if (hints.empty())
            if (auto near = validate::detail::closest(text, std::span<const std::string_view>(spec.names)))
                hints.push_back(validate::detail::did_you_mean(*near));
        hints.push_back(spec.rule);
        error(code, line, key, "unknown " + std::string(spec.field) + " " + shown(text), pointer, std::move(hints));
        return std::nullopt;
    }

    std::optional<model::date> date(const sheet_line& line, field key, const std::string& pointer) {
        auto text = trimmed(*line[key]);
        // An .xlsx date cell with a time of day reads as `2026-06-30 08:30`: the day is what counts.
        if (text.size() > 10 && text[10] == ' ') text.resize(10);
        const auto parsed = model::parse_iso_date(text);
        if (!parsed) {
            error("V264", line, key, shown(text) + " is not a date", pointer,
                  {"write the date as 2026-06-30, or make the cell a date cell in the spreadsheet program"});
            return std::nullopt;
        }
        if (auto problem = model::range_problem(*parsed)) {
            error("V264", line, key, "date " + shown(text) + " " + *problem, pointer, {"check the year"});
            return std::nullopt;
        }
        return parsed;
    }

    std::optional<std::string> assignee(const sheet_line& line, const std::string& pointer) {
        const auto text = trimmed(*line[field::assignee]);
        for (const auto& s : plan_.stakeholders)
            if (s.id == text) return s.id;
        for (const auto& s : plan_.stakeholders)
            if (!s.name.empty() && validate::detail::normalise_word(s.name) == validate::detail::normalise_word(text))
                return s.id;
        std::vector<std::string> ids;
        for (const auto& s : plan_.stakeholders) ids.push_back(s.id);
        std::vector<std::string> hints;
        if (auto near = validate::detail::closest(text, std::span<const std::string>(ids)))
            hints.push_back(validate::detail::did_you_mean(*near));
        hints.push_back(ids.empty() ? std::string("the plan has no stakeholders; add the person to the plan first")
                                    : "an assignee is one of the plan's stakeholders: " +
                                          validate::detail::join_capped(ids, 8));
        error("V267", line, field::assignee, "no stakeholder is " + shown(text), pointer, std::move(hints));
        return std::nullopt;
    }

    void error(const std::string& code, const sheet_line& line, field key, const std::string& what,
               const std::string& pointer, std::vector<std::string> hints) {
        diags_.error(code, cell_name(table_, line.row, key) + ": " + what, cell_location(table_, line.row, key, pointer),
                     std::move(hints));
    }

private:
    const model::plan& plan_;
    const sheet_table& table_;
    diagnostic_sink& diags_;
};

bool filled(const sheet_line& line, field key) { return line[key] && !trimmed(*line[key]).empty(); }

std::string pointer_of(std::size_t index, std::string_view key) {
    return "/milestones/" + std::to_string(index) + "/" + std::string(key);
}

/// Whether a cell asks for a change: not when it still holds the value the
/// sheet was written with (the plan may have moved on since: its value
/// stands); an error (V274) when both the cell and the plan changed it.
bool edited(const sheet_line& line, field key, const sheet_line* written, const std::vector<std::string>& now,
            row_reader& read, std::size_t index) {
    if (!line[key]) return false;
    if (written == nullptr || !(*written)[key]) return true;
    const auto cell = comparable(validate::detail::trim(*line[key]));
    const auto was = comparable(validate::detail::trim(*(*written)[key]));
    const auto plan_now = comparable(now[index_of(key)]);
    if (cell == was || cell == plan_now) return false;  // untouched, or already what the plan says
    if (plan_now != was) {
        read.error("V274", line, key,
                   "the sheet changes " + shown(was) + " to " + shown(cell) + ", but the plan has changed it to " +
                       shown(plan_now) + " since the sheet was written",
                   pointer_of(index, column_of(key).header),
                   {"write a new sheet from the plan as it is now (closeplan sheet), or make this change in the plan "
                    "by hand"});
        return false;
    }
    return true;
}

/// The edits of one row that names an existing step.
milestone_patch edit_of(const model::milestone& m, std::size_t index, const sheet_line& line, const sheet_table& table,
                        row_reader& read, const std::vector<std::string>& now) {
    const auto* written = table.written_row(m.id);
    const auto has = [&](field key) { return edited(line, key, written, now, read, index); };
    milestone_patch patch;
    patch.index = index;
    patch.id = m.id;
    const auto set = [&patch](std::string key, std::string value, value_style style, std::vector<std::string> after) {
        patch.values.push_back({std::move(key), std::move(value), style, std::move(after)});
    };
    if (has(field::title)) {
        const auto title = trimmed(unneutralised(table, *line[field::title]));
        if (title.empty())
            read.error("V268", line, field::title, "the title is empty", pointer_of(index, "title"),
                       {"every step needs a title; to remove the step, delete its row and apply with --allow-remove"});
        else if (title != comparable(m.title) && trimmed(*line[field::title]) != comparable(m.title))
            set("title", title, value_style::text, {"id"});
    }
    if (has(field::owner) && filled(line, field::owner)) {
        if (auto owner = read.choice(line, field::owner, validate::detail::owner_choices(), "V266", pointer_of(index, "owner"));
            owner && *owner != model::to_string(m.owner))
            set("owner", *owner, value_style::word, {"title", "id"});
    }
    if (has(field::assignee)) {
        if (!filled(line, field::assignee)) {
            if (!m.assignee.empty())
                read.error("V267", line, field::assignee, "the assignee is empty; the plan has " + shown(m.assignee),
                           pointer_of(index, "assignee"),
                           {"write a stakeholder id, or remove `assignee:` from the plan itself"});
        } else if (auto who = read.assignee(line, pointer_of(index, "assignee")); who && *who != m.assignee) {
            set("assignee", *who, value_style::word, {"owner", "title", "id"});
        }
    }
    if (has(field::due)) {
        if (!filled(line, field::due)) {
            if (m.due)
                read.error("V269", line, field::due,
                           "the due date is empty; the plan has " + model::format_iso_date(*m.due),
                           pointer_of(index, "due"), {"write the date the step is now due; a moved date is kept as "
                                                      "the step's earlier date"});
        } else if (auto due = read.date(line, field::due, pointer_of(index, "due")); due && due != m.due) {
            set("due", model::format_iso_date(*due), value_style::word, {"assignee", "owner", "title", "id"});
            // Never roll a date silently: the first agreed date stays as the baseline, later ones in history.
            if (m.due) {
                const auto old = model::format_iso_date(*m.due);
                if (!m.baseline)
                    set("baseline", old, value_style::word, {"due"});
                else if (*m.baseline != *m.due && (m.history.empty() || m.history.back() != *m.due))
                    patch.history_append = old;
            }
        }
    }
    if (has(field::status) && filled(line, field::status)) {
        if (auto state = read.choice(line, field::status, validate::detail::status_choices(), "V265",
                                     pointer_of(index, "status"));
            state && *state != model::to_string(m.state))
            set("status", *state, value_style::word, {"baseline", "due", "assignee", "owner", "title", "id"});
    }
    if (has(field::notes)) {
        const auto notes = comparable(unneutralised(table, *line[field::notes]));
        if (notes != comparable(m.notes) && comparable(*line[field::notes]) != comparable(m.notes)) {
            if (notes.empty() && !m.notes.empty())
                read.error("V268", line, field::notes, "the notes are empty; the plan has some",
                           pointer_of(index, "notes"), {"write the notes, or remove `notes:` from the plan itself"});
            else
                set("notes", notes, value_style::text, {"status", "due", "assignee", "owner", "title", "id"});
        }
    }
    return patch;
}

}  // namespace

std::string id_from_title(std::string_view title, const std::vector<std::string>& taken) {
    std::string slug;
    for (const char c : title) {
        const bool alnum = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        const bool upper = c >= 'A' && c <= 'Z';
        if (alnum || upper) {
            if (slug.size() >= 40) break;
            slug += upper ? static_cast<char>(c - 'A' + 'a') : c;
        } else if (!slug.empty() && slug.back() != '-') {
            slug += '-';
        }
    }
    while (!slug.empty() && slug.back() == '-') slug.pop_back();
    if (slug.empty()) slug = "step";
    const auto is_taken = [&taken](const std::string& id) {
        return std::find(taken.begin(), taken.end(), id) != taken.end();
    };
    if (!is_taken(slug)) return slug;
    for (int n = 2;; ++n) {
        auto candidate = slug + "-" + std::to_string(n);
        if (!is_taken(candidate)) return candidate;
    }
}

std::optional<plan_patch> changes_from_sheet(const model::plan& plan, const sheet_table& table,
                                             const apply_options& options, diagnostic_sink& diags) {
    diagnostic_sink own;
    row_reader read(plan, table, own);
    plan_patch patch;
    std::map<std::string, int> seen;  // id -> row
    std::vector<std::string> taken;
    for (const auto& m : plan.milestones) taken.push_back(m.id);
    const auto current = rows_of(plan);  // the plan's values as the sheet writes them, for V274

    for (const auto& line : table.lines) {
        const auto id = trimmed(line[field::id].value_or(""));
        if (id.empty()) {
            // A new step.
            const auto title = filled(line, field::title) ? trimmed(unneutralised(table, *line[field::title])) : "";
            const auto index = plan.milestones.size() + patch.added.size();
            if (title.empty()) {
                read.error("V268", line, field::title, "a new step (no id) has no title", pointer_of(index, "title"),
                           {"give the step a title; closeplan makes its id from it"});
                continue;
            }
            std::vector<set_value> step;
            const auto new_id = id_from_title(title, taken);
            taken.push_back(new_id);
            step.push_back({"id", new_id, value_style::word, {}});
            step.push_back({"title", title, value_style::text, {}});
            if (!filled(line, field::owner))
                read.error("V266", line, field::owner, "a new step has no owner", pointer_of(index, "owner"),
                           {validate::detail::owner_choices().rule});
            else if (auto owner = read.choice(line, field::owner, validate::detail::owner_choices(), "V266",
                                              pointer_of(index, "owner")))
                step.push_back({"owner", *owner, value_style::word, {}});
            if (filled(line, field::assignee))
                if (auto who = read.assignee(line, pointer_of(index, "assignee")))
                    step.push_back({"assignee", *who, value_style::word, {}});
            std::optional<std::string> state;
            if (filled(line, field::status))
                state = read.choice(line, field::status, validate::detail::status_choices(), "V265",
                                    pointer_of(index, "status"));
            if (filled(line, field::due)) {
                if (auto due = read.date(line, field::due, pointer_of(index, "due")))
                    step.push_back({"due", model::format_iso_date(*due), value_style::word, {}});
            } else if (state != "done") {
                read.error("V269", line, field::due, "a new step has no due date", pointer_of(index, "due"),
                           {"write the date the step is due (only a done step may go without one)"});
            }
            if (state) step.push_back({"status", *state, value_style::word, {}});
            if (filled(line, field::notes))
                step.push_back({"notes", comparable(unneutralised(table, *line[field::notes])), value_style::text, {}});
            patch.added.push_back(std::move(step));
            continue;
        }
        const auto found = std::find_if(plan.milestones.begin(), plan.milestones.end(),
                                        [&id](const model::milestone& m) { return m.id == id; });
        if (found == plan.milestones.end()) {
            std::vector<std::string> hints;
            if (auto near = validate::detail::closest(id, std::span<const std::string>(taken)))
                hints.push_back(validate::detail::did_you_mean(*near));
            hints.push_back("ids come from the plan and cannot be changed in the sheet; leave the id empty on a new step");
            read.error("V262", line, field::id, "no step has the id " + shown(id), {}, std::move(hints));
            continue;
        }
        if (const auto [at, first] = seen.emplace(id, line.row); !first) {
            read.error("V263", line, field::id, "the id " + shown(id) + " is also on row " + std::to_string(at->second),
                       {}, {"each step has one row; merge the two rows into one"});
            continue;
        }
        const auto index = static_cast<std::size_t>(found - plan.milestones.begin());
        auto edit = edit_of(*found, index, line, table, read, current[index].cells);
        if (!edit.values.empty() || edit.history_append) patch.edits.push_back(std::move(edit));
    }

    for (std::size_t i = 0; i < plan.milestones.size(); ++i) {
        const auto& m = plan.milestones[i];
        if (seen.contains(m.id)) continue;
        if (options.allow_remove) {
            patch.removed.push_back(i);
        } else {
            own.warning("V270", "the step " + shown(m.id) + " (" + shown(m.title) + ") has no row in the sheet; it is kept",
                        {table.file, 0, 0, ""},
                        {"pass --allow-remove to remove the steps whose rows were deleted"});
        }
    }
    const bool failed = own.has_errors();
    diags.merge(own);
    if (failed) return std::nullopt;
    return patch;
}

}  // namespace closeplan::sheet

// SPDX-License-Identifier: MIT
// The condensing policy of the buyer plan, built on what a mutual action plan is for:
// the path from here to signature, on both sides, dated, honest about slips.
//
// Never dropped (until the last resort): every milestone that is not done, the last
// milestone (the signature), every overdue or slipped row, the target close, the
// outcome and the sign-off. What goes first is what a seller would give up first.
// Rows are chosen by their view::row_facts (set by the view builders), never by
// their text or position; every line written here comes from the labels.
#include "layout/condense.hpp"

#include <algorithm>
#include <array>

#include "layout/inline_flow.hpp"
#include "view/section_table.hpp"

namespace closeplan::layout::detail {

namespace {

view::data_table* table_of(view::document& doc, std::string_view key) {
    for (auto& s : doc.sections)
        if (s.key == key)
            for (auto& b : s.content)
                if (auto* t = std::get_if<view::data_table>(&b.value)) return t;
    return nullptr;
}

const view::data_table* table_of(const view::document& doc, std::string_view key) {
    return table_of(const_cast<view::document&>(doc), key);
}

view::bullet_list* list_of(view::document& doc, std::string_view key) {
    for (auto& s : doc.sections)
        if (s.key == key)
            for (auto& b : s.content)
                if (auto* l = std::get_if<view::bullet_list>(&b.value)) return l;
    return nullptr;
}

std::size_t column_of(const view::data_table& t, std::string_view key) {
    for (std::size_t i = 0; i < t.columns.size(); ++i)
        if (t.columns[i].key == key) return i;
    return t.columns.size();
}

bool is_condensed(const view::table_row& r) { return r.row_class == "condensed"; }

// Rows of the plan, not the lines condensing added.
std::size_t real_rows(const view::data_table& t) {
    return static_cast<std::size_t>(std::count_if(t.rows.begin(), t.rows.end(), [](const auto& r) { return !is_condensed(r); }));
}

// The milestone's own title: the cell's text before its first line break (a gate follows).
std::string title_of(const view::inlines& cell) {
    view::inlines head;
    for (const auto& n : cell) {
        if (std::holds_alternative<view::line_break>(n.value)) break;
        head.push_back(n);
    }
    return plain_text(head);
}

view::inlines condensed_text(std::string text) {
    return {view::inline_node{view::emphasis{{view::inline_node{view::text{std::move(text)}}}}}};
}

// A line across the whole table saying what was condensed ("+3 lower-severity risks in the full plan").
view::table_row condensed_row(std::string text, std::size_t columns) {
    view::table_row row;
    row.row_class = "condensed";
    row.row_header_first = false;
    row.cells.assign(std::max<std::size_t>(columns, 1), {});
    row.cells.front() = condensed_text(std::move(text));
    return row;
}

std::string count_phrase(std::size_t n, const std::string& one, const std::string& many) {
    return std::to_string(n) + " " + (n == 1 ? one : many);
}

int as_int(std::size_t n) { return static_cast<int>(std::min<std::size_t>(n, 1u << 30)); }

// Removes a column (header and cells); true when any of its cells had content.
bool drop_column(view::data_table& t, std::string_view key) {
    const std::size_t c = column_of(t, key);
    if (c >= t.columns.size()) return false;
    bool had = false;
    for (auto& r : t.rows) {
        if (is_condensed(r) || c >= r.cells.size()) continue;
        had = had || !r.cells[c].empty();
        r.cells.erase(r.cells.begin() + static_cast<std::ptrdiff_t>(c));
    }
    t.columns.erase(t.columns.begin() + static_cast<std::ptrdiff_t>(c));
    for (auto& r : t.rows)
        if (is_condensed(r) && r.cells.size() > t.columns.size()) r.cells.resize(std::max<std::size_t>(t.columns.size(), 1));
    return had;
}

bool never_dropped_row(std::string_view section, const view::table_row& r);

// ---- What each step does to the document ----------------------------------------------------

struct step_context {
    view::document& doc;
    std::vector<std::string>& notes;
    std::string_view section;  ///< the section the step condenses (its row of view::section_table)
    bool fold_slipped_done = false;  ///< the last resort folds completed steps that slipped into their line
};

// Milestones: the rows that may be hidden as "later steps" in the last resort, furthest first.
// Never the signature, an overdue or a slipped step.
std::vector<std::size_t> later_rows(const view::data_table& t) {
    std::vector<std::size_t> rows;
    for (std::size_t i = 0; i < t.rows.size(); ++i) {
        const auto& f = t.rows[i].facts;
        if (!is_condensed(t.rows[i]) && !f.done && !f.last && !f.overdue && !f.slipped) rows.push_back(i);
    }
    // Undated steps first, then the furthest due; plan order breaks ties.
    std::stable_sort(rows.begin(), rows.end(), [&](std::size_t a, std::size_t b) {
        const auto& da = t.rows[a].facts.due_in_days;
        const auto& db = t.rows[b].facts.due_in_days;
        if (da.has_value() != db.has_value()) return !da.has_value();
        return da.has_value() && *da > *db;
    });
    return rows;
}

std::size_t later_rows_count(const view::document& doc, std::string_view section) {
    const auto* t = table_of(doc, section);
    return t ? later_rows(*t).size() : 0;
}

void drop_contacts(step_context& c, std::size_t) {
    auto* t = table_of(c.doc, c.section);
    if (!t || !drop_column(*t, "contact")) return;
    t->rows.push_back(condensed_row(view::layout_text(c.doc, "condense.contacts"), t->columns.size()));
    c.notes.push_back("stakeholders' contact details");
}

void drop_value_detail(step_context& c, std::size_t) {
    auto* t = table_of(c.doc, c.section);
    if (!t) return;
    const bool proof = drop_column(*t, "proof");
    const bool steps = drop_column(*t, "delivered_by");
    if (!proof && !steps) return;
    t->rows.push_back(condensed_row(view::layout_text(c.doc, "condense.value_detail"), t->columns.size()));
    c.notes.push_back("the value map's proof and delivering steps");
}

// How many rows or items a section keeps when it is cut (its row of the section table).
std::size_t kept_rows(std::string_view section) {
    const auto* entry = view::find_section_entry(section);
    return entry ? entry->condense.keep_rows : 0;
}

void trim_resources(step_context& c, std::size_t) {
    auto* l = list_of(c.doc, c.section);
    const std::size_t resources_kept = kept_rows(c.section);
    // Cutting one resource to say so in a line saves nothing.
    if (!l || l->items.size() <= resources_kept + 1) return;
    const std::size_t dropped = l->items.size() - resources_kept;
    l->items.resize(resources_kept);
    view::blocks line{view::block{view::paragraph{
        condensed_text(view::layout_text(c.doc, "condense.more_resources", as_int(dropped)))}}};
    l->items.push_back(view::list_item{std::nullopt, std::move(line)});
    c.notes.push_back(count_phrase(dropped, "resource", "resources") + " beyond the first " +
                      std::to_string(resources_kept));
}

// Level 1 hides low-severity risks, level 2 medium ones too: high risks stay.
void trim_risks(step_context& c, std::size_t level) {
    auto* t = table_of(c.doc, c.section);
    if (!t) return;
    const int below = static_cast<int>(std::min<std::size_t>(level, 2));
    std::vector<view::table_row> kept;
    std::size_t dropped = 0;
    for (auto& r : t->rows) {
        if (!is_condensed(r) && r.facts.severity < below) ++dropped;
        else kept.push_back(std::move(r));
    }
    t->rows = std::move(kept);
    if (dropped == 0) return;
    t->rows.push_back(condensed_row(view::layout_text(c.doc, "condense.lower_risks", as_int(dropped)), t->columns.size()));
    c.notes.push_back(count_phrase(dropped, below == 1 ? "low-severity risk" : "low- or medium-severity risk",
                                   below == 1 ? "low-severity risks" : "low- or medium-severity risks"));
}

// Completed steps into one line at the top. The completed steps that slipped stay rows
// (the header counts them) unless the last-resort step folds them in too.
void collapse_done(step_context& c) {
    auto* t = table_of(c.doc, c.section);
    if (!t) return;
    const std::size_t title = column_of(*t, "title");
    std::vector<std::string> done;
    std::vector<view::table_row> rest;
    std::size_t slipped = 0;
    for (auto& r : t->rows) {
        const auto& f = r.facts;
        const bool fold = !never_dropped_row(c.section, r) || (c.fold_slipped_done && f.done && !f.last);
        if (!is_condensed(r) && fold && title < r.cells.size()) {
            done.push_back(title_of(r.cells[title]));
            slipped += f.slipped ? 1 : 0;
        } else {
            rest.push_back(std::move(r));
        }
    }
    t->rows = std::move(rest);
    if (done.empty()) return;
    std::string titles;
    for (std::size_t i = 0; i < done.size(); ++i) titles += (i ? "; " : "") + done[i];
    t->rows.insert(t->rows.begin(), condensed_row(view::layout_text(c.doc, "condense.completed", as_int(done.size()),
                                                                    {{"titles", titles}}),
                                                  t->columns.size()));
    c.notes.push_back(count_phrase(done.size() - slipped, "completed step", "completed steps") + " in one line");
    if (slipped > 0)
        c.notes.push_back(count_phrase(slipped, "completed step that slipped", "completed steps that slipped") +
                          " folded into that line");
}

void collapse_completed(step_context& c, std::size_t) { collapse_done(c); }
// collapse_completed already folded them in when it ran (fold_slipped_done); else this makes the line.
void collapse_completed_slips(step_context& c, std::size_t) { collapse_done(c); }

// Gates and notes (what follows the title's first line break) of the steps that are not next;
// `next_too` takes the next step's as well.
void drop_details(step_context& c, bool next_too) {
    auto* t = table_of(c.doc, c.section);
    if (!t) return;
    const std::size_t title = column_of(*t, "title");
    std::size_t dropped = 0;
    for (auto& r : t->rows) {
        if (is_condensed(r) || title >= r.cells.size() || (r.facts.next && !next_too)) continue;
        auto& cell = r.cells[title];
        const auto cut = std::find_if(cell.begin(), cell.end(), [](const view::inline_node& n) {
            return std::holds_alternative<view::line_break>(n.value);
        });
        if (cut == cell.end()) continue;
        cell.erase(cut, cell.end());
        ++dropped;
    }
    if (dropped == 0) return;
    // One line for both steps: the later one replaces the earlier one's line.
    if (!next_too) t->rows.push_back(condensed_row(view::layout_text(c.doc, "condense.step_details"), t->columns.size()));
    c.notes.push_back(next_too ? "the next step's gate and notes"
                               : "gates and notes of " + count_phrase(dropped, "step", "steps") + " after the next one");
}

void drop_step_details(step_context& c, std::size_t) { drop_details(c, false); }
void drop_next_details(step_context& c, std::size_t) { drop_details(c, true); }

// Last resort: `level` open steps, furthest first, into "+N later steps" just above the signature.
void hide_later_steps(step_context& c, std::size_t level) {
    auto* t = table_of(c.doc, c.section);
    if (!t || level == 0) return;
    auto order = later_rows(*t);
    order.resize(std::min(order.size(), level));
    if (order.empty()) return;
    std::vector<bool> hide(t->rows.size(), false);
    for (auto i : order) hide[i] = true;
    std::vector<view::table_row> kept;
    for (std::size_t i = 0; i < t->rows.size(); ++i)
        if (!hide[i]) kept.push_back(std::move(t->rows[i]));
    // The line sits just above the signature, where the hidden steps would lead.
    auto at = std::find_if(kept.begin(), kept.end(), [](const view::table_row& r) { return r.facts.last; });
    kept.insert(at, condensed_row(view::layout_text(c.doc, "condense.later_steps", as_int(order.size())),
                                  t->columns.size()));
    t->rows = std::move(kept);
    c.notes.push_back(count_phrase(order.size(), "later open step", "later open steps") + " (furthest first)");
}

// Last resort: rows beyond the first few of a people table, in "+N more stakeholders".

std::size_t people_beyond(const view::document& doc, std::string_view key) {
    const auto* t = table_of(doc, key);
    if (!t) return 0;
    const auto n = real_rows(*t);
    return n > kept_rows(key) ? n - kept_rows(key) : 0;
}

void trim_people(step_context& c, std::string_view key, std::size_t level, const char* what) {
    auto* t = table_of(c.doc, key);
    if (!t || level == 0) return;
    const std::size_t dropped = std::min(level, people_beyond(c.doc, key));
    if (dropped == 0) return;
    const auto real = real_rows(*t);
    std::vector<view::table_row> kept, lines;
    std::size_t seen = 0;
    for (auto& r : t->rows) {
        if (is_condensed(r)) lines.push_back(std::move(r));
        else if (seen++ < real - dropped) kept.push_back(std::move(r));
    }
    kept.push_back(
        condensed_row(view::layout_text(c.doc, "condense.more_stakeholders", as_int(dropped)), t->columns.size()));
    for (auto& r : lines) kept.push_back(std::move(r));
    t->rows = std::move(kept);
    c.notes.push_back(count_phrase(dropped, what, std::string(what) + "s"));
}

// The warning names the rows by their section: "3 value map rows", "2 stakeholders rows".
void trim_people_rows(step_context& c, std::size_t level) {
    std::string what(c.section);
    std::replace(what.begin(), what.end(), '_', ' ');
    trim_people(c, c.section, level, (what + " row").c_str());
}

// How many times each step can be taken: 0 when it would change nothing, so no attempt is wasted.
template <class Pred>
std::size_t if_any_row(const view::document& doc, std::string_view key, Pred pred) {
    const auto* t = table_of(doc, key);
    if (!t) return 0;
    return std::any_of(t->rows.begin(), t->rows.end(), [&](const auto& r) { return !is_condensed(r) && pred(r); }) ? 1 : 0;
}

bool has_details(const view::data_table& t, const view::table_row& r) {
    const std::size_t title = column_of(t, "title");
    return title < r.cells.size() && std::any_of(r.cells[title].begin(), r.cells[title].end(), [](const auto& n) {
               return std::holds_alternative<view::line_break>(n.value);
           });
}

std::size_t contact_levels(const view::document& doc, std::string_view section) {
    const auto* t = table_of(doc, section);
    const std::size_t c = t ? column_of(*t, "contact") : 0;
    if (!t || c >= t->columns.size()) return 0;
    return if_any_row(doc, section, [c](const auto& r) { return c < r.cells.size() && !r.cells[c].empty(); });
}
std::size_t value_detail_levels(const view::document& doc, std::string_view section) {
    const auto* t = table_of(doc, section);
    return t && (column_of(*t, "proof") < t->columns.size() || column_of(*t, "delivered_by") < t->columns.size()) ? 1 : 0;
}
std::size_t resource_levels(const view::document& doc, std::string_view section) {
    auto* l = list_of(const_cast<view::document&>(doc), section);
    const std::size_t resources_kept = kept_rows(section);
    return l && l->items.size() > resources_kept + 1 ? 1 : 0;
}
std::size_t risk_levels(const view::document& doc, std::string_view section) {
    if (if_any_row(doc, section, [](const auto& r) { return r.facts.severity == 1; })) return 2;
    return if_any_row(doc, section, [](const auto& r) { return r.facts.severity == 0; });
}
std::size_t completed_levels(const view::document& doc, std::string_view section) {
    return if_any_row(doc, section, [](const auto& r) { return r.facts.done && !r.facts.last && !r.facts.slipped; });
}
std::size_t completed_slip_levels(const view::document& doc, std::string_view section) {
    return if_any_row(doc, section, [](const auto& r) { return r.facts.done && !r.facts.last && r.facts.slipped; });
}
std::size_t step_detail_levels(const view::document& doc, std::string_view section) {
    const auto* t = table_of(doc, section);
    return t ? if_any_row(doc, section, [t](const auto& r) { return !r.facts.next && has_details(*t, r); }) : 0;
}
std::size_t next_detail_levels(const view::document& doc, std::string_view section) {
    const auto* t = table_of(doc, section);
    return t ? if_any_row(doc, section, [t](const auto& r) { return r.facts.next && has_details(*t, r); }) : 0;
}
std::size_t people_levels(const view::document& doc, std::string_view section) { return people_beyond(doc, section); }

// ================================================================================================
// THE CONDENSING POLICY is data in the section table (view/section_table.cpp): each
// section's ways to condense, their order across the plan, which ways are a last
// resort, and which rows it keeps until then. Here each way is done to the section
// that names it; the policy is the table's steps sorted by order.
// ================================================================================================
using levels_fn = std::size_t (*)(const view::document&, std::string_view section);
using apply_fn = void (*)(step_context&, std::size_t level);

struct way_functions {
    levels_fn levels;  ///< how many times the way can be taken (0: it would change nothing)
    apply_fn apply;
};

way_functions functions_of(view::condensing way) {
    using view::condensing;
    switch (way) {
        case condensing::contact_details: return {contact_levels, drop_contacts};
        case condensing::value_detail: return {value_detail_levels, drop_value_detail};
        case condensing::items_beyond_kept: return {resource_levels, trim_resources};
        case condensing::lower_severity_rows: return {risk_levels, trim_risks};
        case condensing::completed_rows: return {completed_levels, collapse_completed};
        case condensing::step_details: return {step_detail_levels, drop_step_details};
        case condensing::completed_slipped_rows: return {completed_slip_levels, collapse_completed_slips};
        case condensing::later_open_rows: return {later_rows_count, hide_later_steps};
        case condensing::next_step_details: return {next_detail_levels, drop_next_details};
        case condensing::rows_beyond_kept: return {people_levels, trim_people_rows};
    }
    return {nullptr, nullptr};  // not reached: every way is handled above
}

struct policy_row {
    std::string_view section;  ///< the section it condenses
    bool last_resort;          ///< hides something never dropped (open, overdue or slipped steps, people)
    levels_fn levels;
    apply_fn apply;
};

const std::vector<policy_row>& policy_rows() {
    static const std::vector<policy_row> rows = [] {
        std::vector<std::pair<int, policy_row>> ordered;
        for (const auto& entry : view::section_table())
            for (const auto& step : entry.condense.steps) {
                const auto fns = functions_of(step.way);
                ordered.push_back({step.order, policy_row{entry.key, step.last_resort, fns.levels, fns.apply}});
            }
        std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::vector<policy_row> out;
        for (auto& [order, row] : ordered) out.push_back(row);
        return out;
    }();
    return rows;
}

bool never_dropped_row(std::string_view section, const view::table_row& r) {
    const auto* entry = view::find_section_entry(section);
    return entry && entry->condense.keeps_row && entry->condense.keeps_row(r);
}

}  // namespace

bool never_dropped(std::string_view section, const view::table_row& row) { return never_dropped_row(section, row); }

bool condense_state::next(const view::document& doc, bool last_resort) {
    const auto& policy = policy_rows();
    // No page shows more rows of one table than this at 8 pt, so a long run of
    // levels jumps straight there instead of being re-laid out once per row
    // (2,000 milestones would otherwise take minutes).
    constexpr std::size_t most_rows_on_a_page = 60;
    while (step < policy.size()) {
        const auto& row = policy[step];
        if (row.last_resort && !last_resort) return false;
        const std::size_t levels = row.levels(doc, row.section);
        if (level < levels) {
            level = std::max(level + 1, levels > most_rows_on_a_page ? levels - most_rows_on_a_page : 0);
            return true;
        }
        ++step;
        level = 0;
    }
    return false;
}

std::size_t condense_state::levels(const view::document& doc) const {
    const auto& policy = policy_rows();
    return step < policy.size() ? policy[step].levels(doc, policy[step].section) : 0;
}

bool condense_state::past_never_drop() const {
    const auto& policy = policy_rows();
    return step < policy.size() ? policy[step].last_resort && level > 0 : true;
}

std::vector<std::size_t> condense_state::taken_before(const view::document& doc) const {
    const auto& policy = policy_rows();
    std::vector<std::size_t> taken;
    for (std::size_t i = std::min(step, policy.size()); i-- > 0;)
        if (!(given_back >> i & 1u) && policy[i].levels(doc, policy[i].section) > 0) taken.push_back(i);
    return taken;
}

view::document condense(const view::document& doc, const condense_state& state, std::vector<std::string>& notes) {
    const auto& policy = policy_rows();
    view::document out = doc;
    step_context c{out, notes, {}};
    for (std::size_t i = 0; i < policy.size(); ++i)
        if (policy[i].apply == collapse_completed_slips)
            c.fold_slipped_done = !(state.given_back >> i & 1u) && (i < state.step || (i == state.step && state.level > 0));
    for (std::size_t i = 0; i < policy.size() && i <= state.step; ++i) {
        if (state.given_back >> i & 1u) continue;
        const std::size_t level = i < state.step ? policy[i].levels(doc, policy[i].section) : state.level;
        c.section = policy[i].section;
        if (level > 0) policy[i].apply(c, level);
    }
    return out;
}

}  // namespace closeplan::layout::detail

// SPDX-License-Identifier: MIT
// Comparing versions of one plan: what changed between two files
// (`closeplan diff old new`) and every date each step has had across a
// folder of versions (`closeplan diff --history DIR`, the slip ledger).
// Pure functions of validated plans; the CLI reads the files and prints.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "closeplan/diagnostics.hpp"
#include "model/plan.hpp"
#include "render/template_set.hpp"
#include "view/build_document.hpp"

namespace closeplan::diff {

enum class change_kind { added, removed, reowned, redated, status_changed };

/// One change to one step (a step changed in two ways gives two changes).
struct step_change {
    change_kind kind = change_kind::added;
    std::string milestone_id;
    std::string title;  ///< the new version's title (the old one for a removed step)
    // What it was and what it is; only the fields of `kind` are set.
    std::optional<model::side> old_owner, new_owner;
    std::string old_assignee, new_assignee;
    std::optional<model::date> old_due, new_due;
    std::optional<model::status> old_status, new_status;
    int days = 0;  ///< redated: new due - old due (negative = earlier)
    /// redated later with the earlier date kept nowhere: no baseline (the old
    /// due, or the old baseline kept) and the old due not in `history`.
    bool silent_roll = false;
    /// Display names of the assignees (the stakeholder's name; the id when unknown).
    std::string old_assignee_name, new_assignee_name;
    source_location where;  ///< in the new version (the old one for a removed step): the step, or its due
};

struct plan_diff {
    std::string old_file, new_file;
    std::string deal_name;  ///< the new version's
    std::optional<model::date> old_as_of, new_as_of;
    model::date old_close, new_close;
    int close_moved_days = 0;  ///< new close - old close
    /// The close moved later and target_close_baseline does not keep the earlier one.
    bool close_silent_roll = false;
    source_location close_where;  ///< target_close in the new version
    std::string locale;           ///< the new version's (after --locale)
    std::vector<step_change> changes;  ///< new version's step order; removed steps where they were
};

/// What changed from `before` to `after`, steps matched by id.
plan_diff compare(const model::plan& before, const model::plan& after);

/// One version in a history, in the order the ledger uses.
struct version {
    std::string file;
    std::optional<model::date> as_of;
};

/// One row of the slip ledger: a step and its due date in every version
/// (nullopt where the version does not have the step, or it has no date).
struct ledger_row {
    std::string milestone_id;  ///< empty for the target_close row
    std::string title;         ///< latest title
    std::vector<std::optional<model::date>> dates;  ///< one per version
    int moves = 0;             ///< times the date changed between versions that have one
    int net_days = 0;          ///< last date - first date (negative = earlier)
};

struct slip_ledger {
    std::vector<version> versions;  ///< oldest first
    ledger_row close;               ///< target_close across versions
    std::vector<ledger_row> steps;  ///< in order of first appearance
};

/// The plans must already be in version order (oldest first).
slip_ledger build_ledger(const std::vector<model::plan>& versions);

// Output: text for a terminal, Markdown of the slip ledger (plan text
// escaped), JSON for pipelines (docs/schemas/diff.schema.json,
// docs/schemas/diff-history.schema.json).
std::string to_text(const plan_diff& result);
std::string to_json(const plan_diff& result);
std::string to_text(const slip_ledger& ledger);
std::string to_markdown(const slip_ledger& ledger);
std::string to_json(const slip_ledger& ledger);

/// "re-dated", "status"...: the word text and JSON use for a kind.
std::string_view to_string(change_kind kind);

/// A warning for each silent roll (H834 a step, H835 the close), at the
/// moved date in the new version, with the line that keeps the earlier date.
void report_silent_rolls(const plan_diff& result, diagnostic_sink& diags);

/// For people (a buyer, a deal review): the diff in the plan's language,
/// dates, statuses and sides through `words` (the locale's labels), without
/// ids or file names unless `verbose`. Rendered with the templates
/// diff.md.mustache and diff.html.mustache of `templates` (a --template-dir
/// may replace them); nullopt after reporting a template error.
struct people_options {
    bool verbose = false;
};
std::optional<std::string> to_people_markdown(const plan_diff& result, const view::labels& words,
                                              const render::template_set& templates, const people_options& options,
                                              diagnostic_sink& diags);
std::optional<std::string> to_people_html(const plan_diff& result, const view::labels& words,
                                          const render::template_set& templates, const people_options& options,
                                          diagnostic_sink& diags);

}  // namespace closeplan::diff

// SPDX-License-Identifier: MIT
// Comparing versions of one plan: what changed between two files
// (`closeplan diff old new`) and every date each step has had across a
// folder of versions (`closeplan diff --history DIR`, the slip ledger).
// Pure functions of validated plans; the CLI reads the files and prints.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "model/plan.hpp"

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
};

struct plan_diff {
    std::string old_file, new_file;
    std::string deal_name;  ///< the new version's
    std::optional<model::date> old_as_of, new_as_of;
    model::date old_close, new_close;
    int close_moved_days = 0;  ///< new close - old close
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

// Output: text for a terminal, Markdown to paste into a deal review (plan
// text escaped), JSON for pipelines (docs/schemas/diff.schema.json,
// docs/schemas/diff-history.schema.json).
std::string to_text(const plan_diff& result);
std::string to_markdown(const plan_diff& result);
std::string to_json(const plan_diff& result);
std::string to_text(const slip_ledger& ledger);
std::string to_markdown(const slip_ledger& ledger);
std::string to_json(const slip_ledger& ledger);

/// "re-dated", "status"...: the word text and JSON use for a kind.
std::string_view to_string(change_kind kind);

}  // namespace closeplan::diff

// SPDX-License-Identifier: MIT
// compare() and build_ledger(): steps matched by id across versions.
#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

#include "diff/plan_diff.hpp"
#include "model/dates.hpp"

namespace closeplan::diff {

namespace {

step_change change_of(change_kind kind, const model::milestone& m) {
    step_change c;
    c.kind = kind;
    c.milestone_id = m.id;
    c.title = m.title;
    return c;
}

// Where a field of a step is in its plan: its own place when the CLI
// recorded it (plan.field_locations), else the step's.
source_location field_place(const model::plan& plan, const model::milestone& m, std::string_view field) {
    const auto pointer = m.where.pointer + "/" + std::string(field);
    if (const auto found = plan.field_locations.find(pointer); found != plan.field_locations.end())
        return found->second;
    auto where = m.where;
    if (where.file.empty()) where.file = plan.source_file;
    where.pointer = pointer;
    return where;
}

std::string person_name(const model::plan& plan, const std::string& id) {
    if (id.empty()) return {};
    const auto* person = plan.find_stakeholder(id);
    return person && !person->name.empty() ? person->name : id;
}

/// A later date keeps the earlier one when the new version's baseline is it
/// (or the earlier baseline, still the first agreed date) or history lists it.
bool earlier_date_kept(const model::milestone& was, const model::milestone& now) {
    if (!was.due) return true;
    if (now.baseline && (*now.baseline == *was.due || (was.baseline && *now.baseline == *was.baseline))) return true;
    return std::find(now.history.begin(), now.history.end(), *was.due) != now.history.end();
}

struct versions {
    const model::plan& before;
    const model::plan& after;
};

void compare_step(const versions& plans, const model::milestone& was, const model::milestone& now,
                  std::vector<step_change>& out) {
    if (was.owner != now.owner || was.assignee != now.assignee) {
        auto c = change_of(change_kind::reowned, now);
        c.old_owner = was.owner;
        c.new_owner = now.owner;
        c.old_assignee = was.assignee;
        c.new_assignee = now.assignee;
        c.old_assignee_name = person_name(plans.before, was.assignee);
        c.new_assignee_name = person_name(plans.after, now.assignee);
        c.where = field_place(plans.after, now, "owner");
        out.push_back(std::move(c));
    }
    if (was.due != now.due) {
        auto c = change_of(change_kind::redated, now);
        c.old_due = was.due;
        c.new_due = now.due;
        if (was.due && now.due) c.days = model::days_between(*was.due, *now.due);
        c.silent_roll = c.days > 0 && !earlier_date_kept(was, now);
        c.where = field_place(plans.after, now, "due");
        out.push_back(std::move(c));
    }
    if (was.state != now.state) {
        auto c = change_of(change_kind::status_changed, now);
        c.old_status = was.state;
        c.new_status = now.state;
        c.where = field_place(plans.after, now, "status");
        out.push_back(std::move(c));
    }
}

}  // namespace

std::string_view to_string(change_kind kind) {
    switch (kind) {
        case change_kind::added: return "added";
        case change_kind::removed: return "removed";
        case change_kind::reowned: return "re-owned";
        case change_kind::redated: return "re-dated";
        case change_kind::status_changed: break;
    }
    return "status";
}

namespace {

/// Milestone index by id: plans can hold thousands of steps, so no linear find per step.
std::unordered_map<std::string_view, std::size_t> index_by_id(const model::plan& plan) {
    std::unordered_map<std::string_view, std::size_t> index;
    for (std::size_t i = 0; i < plan.milestones.size(); ++i) index.emplace(plan.milestones[i].id, i);
    return index;
}

}  // namespace

plan_diff compare(const model::plan& before, const model::plan& after) {
    plan_diff result;
    const auto before_index = index_by_id(before);
    const auto after_index = index_by_id(after);
    result.old_file = before.source_file;
    result.new_file = after.source_file;
    result.deal_name = after.deal.name;
    result.old_as_of = before.as_of;
    result.new_as_of = after.as_of;
    result.old_close = before.target_close;
    result.new_close = after.target_close;
    result.close_moved_days = model::days_between(before.target_close, after.target_close);
    const auto& baseline = after.target_close_baseline;
    result.close_silent_roll = result.close_moved_days > 0 &&
                               !(baseline && (*baseline == before.target_close || baseline == before.target_close_baseline));
    if (const auto found = after.field_locations.find("/target_close"); found != after.field_locations.end())
        result.close_where = found->second;
    else
        result.close_where = {after.source_file, 0, 0, "/target_close"};
    result.locale = after.locale;
    const versions plans{before, after};

    // Walk the new order; a removed step is reported just before the first
    // surviving step that came after it in the old version.
    std::size_t old_index = 0;
    const auto flush_removed_until = [&](std::size_t stop) {
        for (; old_index < stop; ++old_index) {
            const auto& was = before.milestones[old_index];
            if (!after_index.count(was.id)) {
                auto c = change_of(change_kind::removed, was);
                c.where = field_place(before, was, "id");
                result.changes.push_back(std::move(c));
            }
        }
    };
    for (const auto& now : after.milestones) {
        const auto found = before_index.find(now.id);
        if (found == before_index.end()) {
            auto c = change_of(change_kind::added, now);
            c.new_owner = now.owner;
            c.new_assignee = now.assignee;
            c.new_assignee_name = person_name(after, now.assignee);
            c.new_due = now.due;
            c.new_status = now.state;
            c.where = field_place(after, now, "id");
            result.changes.push_back(std::move(c));
            continue;
        }
        const auto position = found->second;
        if (position >= old_index) flush_removed_until(position + 1);
        compare_step(plans, before.milestones[position], now, result.changes);
    }
    flush_removed_until(before.milestones.size());
    return result;
}

slip_ledger build_ledger(const std::vector<model::plan>& plans) {
    slip_ledger ledger;
    std::map<std::string, std::size_t> row_of;
    const auto count = plans.size();
    ledger.close.title = "target_close";
    for (std::size_t v = 0; v < count; ++v) {
        const auto& plan = plans[v];
        ledger.versions.push_back({plan.source_file, plan.as_of});
        ledger.close.dates.push_back(plan.target_close);
        for (const auto& m : plan.milestones) {
            auto [it, inserted] = row_of.emplace(m.id, ledger.steps.size());
            if (inserted) {
                ledger_row row;
                row.milestone_id = m.id;
                row.dates.assign(count, std::nullopt);
                ledger.steps.push_back(std::move(row));
            }
            auto& row = ledger.steps[it->second];
            row.title = m.title;
            row.dates[v] = m.due;
        }
    }
    const auto summarise = [](ledger_row& row) {
        std::optional<model::date> first, last;
        for (const auto& d : row.dates) {
            if (!d) continue;
            if (last && *d != *last) ++row.moves;
            if (!first) first = d;
            last = d;
        }
        if (first && last) row.net_days = model::days_between(*first, *last);
    };
    summarise(ledger.close);
    for (auto& row : ledger.steps) summarise(row);
    return ledger;
}

}  // namespace closeplan::diff

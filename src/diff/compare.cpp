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

void compare_step(const model::milestone& was, const model::milestone& now, std::vector<step_change>& out) {
    if (was.owner != now.owner || was.assignee != now.assignee) {
        auto c = change_of(change_kind::reowned, now);
        c.old_owner = was.owner;
        c.new_owner = now.owner;
        c.old_assignee = was.assignee;
        c.new_assignee = now.assignee;
        out.push_back(std::move(c));
    }
    if (was.due != now.due) {
        auto c = change_of(change_kind::redated, now);
        c.old_due = was.due;
        c.new_due = now.due;
        if (was.due && now.due) c.days = model::days_between(*was.due, *now.due);
        out.push_back(std::move(c));
    }
    if (was.state != now.state) {
        auto c = change_of(change_kind::status_changed, now);
        c.old_status = was.state;
        c.new_status = now.state;
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

    // Walk the new order; a removed step is reported just before the first
    // surviving step that came after it in the old version.
    std::size_t old_index = 0;
    const auto flush_removed_until = [&](std::size_t stop) {
        for (; old_index < stop; ++old_index) {
            const auto& was = before.milestones[old_index];
            if (!after_index.count(was.id)) result.changes.push_back(change_of(change_kind::removed, was));
        }
    };
    for (const auto& now : after.milestones) {
        const auto found = before_index.find(now.id);
        if (found == before_index.end()) {
            auto c = change_of(change_kind::added, now);
            c.new_owner = now.owner;
            c.new_assignee = now.assignee;
            c.new_due = now.due;
            c.new_status = now.state;
            result.changes.push_back(std::move(c));
            continue;
        }
        const auto position = found->second;
        if (position >= old_index) flush_removed_until(position + 1);
        compare_step(before.milestones[position], now, result.changes);
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

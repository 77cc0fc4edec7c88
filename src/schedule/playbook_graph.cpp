// SPDX-License-Identifier: MIT
// The dependency graph of a playbook, checked and flattened once so that
// scheduling a deal is a single pass over integer arrays.
#include <algorithm>
#include <map>
#include <string_view>
#include <unordered_map>

#include "schedule/playbook.hpp"
#include "schedule/playbook_codes.hpp"
#include "validate/plan_reader.hpp"
#include "validate/references.hpp"
#include "validate/wording.hpp"

namespace closeplan::schedule {

namespace {

using validate::detail::located_text;
using validate::detail::quote;

void report_duplicate_ids(const playbook& book, diagnostic_sink& diags) {
    std::map<std::string_view, const playbook_step*> first;
    for (const auto& step : book.steps) {
        if (step.id.empty()) continue;
        const auto [it, added] = first.emplace(step.id, &step);
        if (added) continue;
        const auto& earlier = it->second->id_where.line ? it->second->id_where : it->second->where;
        diags.error("P605", "duplicate milestone id " + quote(step.id), step.id_where.line ? step.id_where : step.where,
                    {"the first one is on line " + std::to_string(earlier.line) + "; give every step its own id"});
    }
}

/// Unknown ids (P606) and cycles (P607), found by the plan validator's own
/// checks on a plan holding just the steps' ids and dependencies.
void report_reference_problems(const playbook& book, diagnostic_sink& diags) {
    model::plan skeleton;
    validate::detail::pending_checks pending;
    for (const auto& step : book.steps) {
        model::milestone m;
        m.id = step.id;
        skeleton.milestones.push_back(std::move(m));
        auto& refs = pending.depends_on.emplace_back();
        for (std::size_t i = 0; i < step.depends_on.size(); ++i) {
            const auto& where = i < step.depends_on_where.size() ? step.depends_on_where[i] : step.where;
            refs.push_back(located_text{step.depends_on[i], where});
        }
    }
    diagnostic_sink plan_codes;
    validate::detail::field_reader fields(plan_codes);
    validate::detail::check_references(fields, skeleton, pending);
    validate::detail::check_cycles(fields, skeleton, pending);
    detail::forward_as_playbook_codes(plan_codes, diags);
}

/// Business days of the longest chain of steps, walked in the prepared order.
long longest_chain(const playbook& book) {
    std::vector<long> from_here(book.steps.size(), 0);  // days from a step's start to the end of its longest chain
    long longest = 0;
    for (const auto i : book.successors_first) {
        long after = 0;
        for (auto s = book.successor_begin[i]; s < book.successor_begin[i + 1]; ++s)
            after = std::max(after, from_here[book.successor_index[s]]);
        from_here[i] = book.steps[i].days + after;
        longest = std::max(longest, from_here[i]);
    }
    return longest;
}

/// Thousands of 1000-day steps in a row would schedule past the calendar's
/// years; no real deal has a chain of steps longer than a few years.
bool chain_fits_the_calendar(const playbook& book, diagnostic_sink& diags) {
    constexpr long max_chain_days = 10'000;  // about 38 years of business days
    const auto longest = longest_chain(book);
    if (longest <= max_chain_days) return true;
    const auto& where = book.steps.empty() ? source_location{book.source_file, 0, 0, ""} : book.steps.front().where;
    diags.error("P612",
                "the longest chain of steps takes " + std::to_string(longest) + " business days, more than " +
                    std::to_string(max_chain_days),
                where, {"a playbook describes one deal: split it, or shorten the steps that depend on each other"});
    return false;
}

}  // namespace

bool prepare_playbook(playbook& book, diagnostic_sink& diags) {
    diagnostic_sink problems;
    for (const auto& step : book.steps)
        if (step.days < 1)
            problems.error("P608", "\"days\" must be at least 1, found " + std::to_string(step.days), step.where);
    report_duplicate_ids(book, problems);
    report_reference_problems(book, problems);
    diags.merge(problems);
    if (problems.has_errors()) return false;

    const auto count = static_cast<std::uint32_t>(book.steps.size());
    std::unordered_map<std::string_view, std::uint32_t> index_of;
    index_of.reserve(count);
    for (std::uint32_t i = 0; i < count; ++i) index_of.emplace(book.steps[i].id, i);

    // Successor lists, flattened: successor_index[successor_begin[i] .. successor_begin[i + 1]).
    std::vector<std::uint32_t> successor_count(count, 0);
    for (const auto& step : book.steps)
        for (const auto& id : step.depends_on) ++successor_count[index_of.at(id)];
    book.successor_begin.assign(count + 1, 0);
    for (std::uint32_t i = 0; i < count; ++i) book.successor_begin[i + 1] = book.successor_begin[i] + successor_count[i];
    book.successor_index.assign(book.successor_begin[count], 0);
    std::vector<std::uint32_t> fill(book.successor_begin.begin(), book.successor_begin.end() - 1);
    for (std::uint32_t i = 0; i < count; ++i)
        for (const auto& id : book.steps[i].depends_on) book.successor_index[fill[index_of.at(id)]++] = i;

    // Kahn's algorithm on the reversed graph: a step is placed once every step
    // depending on it is. Ties go in file order, so the order is reproducible.
    book.successors_first.clear();
    book.successors_first.reserve(count);
    std::vector<std::uint32_t> waiting = successor_count;
    for (std::uint32_t i = 0; i < count; ++i)
        if (waiting[i] == 0) book.successors_first.push_back(i);
    for (std::size_t next = 0; next < book.successors_first.size(); ++next) {
        const auto& step = book.steps[book.successors_first[next]];
        for (const auto& id : step.depends_on) {
            const auto predecessor = index_of.at(id);
            if (--waiting[predecessor] == 0) book.successors_first.push_back(predecessor);
        }
    }
    // check_cycles above has reported any cycle; reaching here without a full order is a bug.
    if (book.successors_first.size() != count)
        throw std::logic_error("playbook order incomplete although no dependency cycle was reported");
    return chain_fits_the_calendar(book, diags);
}

}  // namespace closeplan::schedule

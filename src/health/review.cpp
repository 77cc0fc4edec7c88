// SPDX-License-Identifier: MIT
// health::review: runs every rule group and totals the findings.
#include <algorithm>
#include <cctype>

#include "health/review_context.hpp"

namespace closeplan::health {

namespace detail {

const rule_info* review_context::active(std::string_view id) const {
    const auto* rule = find_rule(id);
    return rule && settings.enabled(rule->id) ? rule : nullptr;
}

double review_context::value(std::string_view id, std::string_view key) const {
    const auto* rule = find_rule(id);
    return rule ? settings.value(*rule, key) : 0;
}

source_location review_context::locate(const std::string& pointer, const source_location* fallback) const {
    if (const auto found = plan.field_locations.find(pointer); found != plan.field_locations.end()) return found->second;
    source_location where;
    if (fallback) where = *fallback;
    if (where.file.empty()) where.file = plan.source_file;
    where.pointer = pointer;
    return where;
}

source_location review_context::milestone_field(std::size_t index, std::string_view field) const {
    const auto& m = plan.milestones[index];
    auto pointer = m.where.pointer.empty() ? "/milestones/" + std::to_string(index) : m.where.pointer;
    if (!field.empty()) pointer += "/" + std::string(field);
    return locate(pointer, &m.where);
}

void review_context::add(const rule_info& rule, std::string message, source_location where, std::string milestone_id,
                         std::optional<severity> level) {
    out.findings.push_back({std::string(rule.id), std::string(rule.name), level ? *level : settings.level(rule),
                            std::move(message), std::move(where), std::move(milestone_id)});
}

std::string lower(std::string_view text) {
    std::string out(text);
    std::transform(out.begin(), out.end(), out.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return out;
}

}  // namespace detail

report review(const model::plan& input_plan, const analyze::analysis& facts, const config& settings) {
    report out;
    out.as_of = facts.as_of;
    detail::review_context ctx{input_plan, facts, settings, out};
    detail::check_mutual(ctx);
    detail::check_length(ctx);
    detail::check_dates(ctx);
    detail::check_coverage(ctx);
    detail::check_progress(ctx);
    detail::check_people(ctx);
    detail::check_consistency(ctx);
    // Groups run in id order and each reports in plan order; keep that order
    // stable across groups whatever they do inside.
    std::stable_sort(out.findings.begin(), out.findings.end(),
                     [](const finding& a, const finding& b) { return a.rule_id < b.rule_id; });
    for (const auto& f : out.findings) {
        if (f.level == severity::error) ++out.errors;
        else if (f.level == severity::warning) ++out.warnings;
        else ++out.notes;
    }
    out.score = std::max(0, 100 - 10 * out.errors - 4 * out.warnings - out.notes);
    return out;
}

}  // namespace closeplan::health

// SPDX-License-Identifier: MIT
// What every rule check sees while a review runs, and how it reports.
#pragma once

#include <string>
#include <string_view>

#include "health/health.hpp"

namespace closeplan::health::detail {

struct review_context {
    const model::plan& plan;
    const analyze::analysis& facts;
    const config& settings;
    report& out;

    /// The rule, when the config leaves it on; nullptr when it is off.
    [[nodiscard]] const rule_info* active(std::string_view id) const;
    [[nodiscard]] double value(std::string_view id, std::string_view key) const;

    /// Where a JSON Pointer is: its own recorded location when the plan has
    /// one (plan.field_locations), else `fallback` with the pointer put in,
    /// else the plan file alone.
    [[nodiscard]] source_location locate(const std::string& pointer, const source_location* fallback = nullptr) const;
    /// A milestone's field, e.g. field_of(2, "due") -> /milestones/2/due.
    [[nodiscard]] source_location milestone_field(std::size_t index, std::string_view field) const;

    void add(const rule_info& rule, std::string message, source_location where, std::string milestone_id = {},
             std::optional<severity> level = std::nullopt);
};

/// Lower-case ASCII copy, for keyword matching.
std::string lower(std::string_view text);
/// True when a step is finished.
inline bool is_done(const model::milestone& m) { return m.state == model::status::done; }
/// Kickoff, implementation or onboarding work: after the sale, not part of buying.
bool is_post_sale(const model::milestone& m);
/// "step \"id\"": how messages name a milestone.
std::string step_name(const model::milestone& m);
/// The step that closes the deal (the signature) when it falls after
/// target_close: H832 reports it at target_close, so H807 leaves it out.
std::optional<std::size_t> close_step_after_close(const model::plan& plan);

// The rule groups, each in its own file.
void check_mutual(review_context& ctx);      // H801, H802
void check_length(review_context& ctx);      // H803, H804
void check_dates(review_context& ctx);       // H805-H809
void check_coverage(review_context& ctx);    // H810, H811
void check_progress(review_context& ctx);    // H812-H815
void check_people(review_context& ctx);      // H816-H821
void check_consistency(review_context& ctx); // H830-H833

}  // namespace closeplan::health::detail

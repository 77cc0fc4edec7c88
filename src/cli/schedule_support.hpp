// SPDX-License-Identifier: MIT
// What `closeplan schedule` and `closeplan init` share: the date and deal
// flags they check, and the read-back of the plan they write.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "closeplan/diagnostics.hpp"
#include "model/plan.hpp"
#include "schedule/schedule.hpp"

namespace closeplan::cli {

/// A YYYY-MM-DD flag in the years closeplan reads; prints why not and gives nullopt.
std::optional<model::date> date_flag(std::string_view flag, const std::string& text);
/// The deal flags end up in the plan file; refuse what the plan format refuses (printed).
bool deal_flags_ok(const schedule::deal_fields& deal);
/// The written plan read back through the plan validator: a plan that
/// `closeplan check` would refuse is a bug, never something to write.
bool plan_reads_back(const std::string& yaml, diagnostic_sink& diags);

}  // namespace closeplan::cli

// SPDX-License-Identifier: MIT
// Internal to handoff/: the section builders of the pack.
#pragma once

#include "handoff/handoff_document.hpp"
#include "view/build_parts.hpp"

namespace closeplan::handoff::detail {

using view::detail::build_context;

view::section build_gaps(const build_context& ctx, const std::vector<gap>& gaps);
view::section build_glance(const build_context& ctx);
view::section build_outcome(const build_context& ctx);
view::section build_value(const build_context& ctx);
view::section build_commitments(const build_context& ctx);
view::section build_scope(const build_context& ctx);
view::section build_timeline_record(const build_context& ctx);
// handoff_account.cpp: empty when the plan has none of it (the writers then leave the section out).
view::section build_contract(const build_context& ctx);
view::section build_environment(const build_context& ctx);
view::section build_competition(const build_context& ctx);
view::section build_red_flags(const build_context& ctx);
view::section build_signoff_record(const build_context& ctx);
view::section build_more_details(const build_context& ctx);

}  // namespace closeplan::handoff::detail

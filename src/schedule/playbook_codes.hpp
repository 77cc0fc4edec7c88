// SPDX-License-Identifier: MIT
// Playbooks and holiday files are read with the plan validator's field readers,
// whose codes name plan problems (V2xx, R3xx); here they become P6xx codes.
#pragma once

#include "closeplan/diagnostics.hpp"

namespace closeplan::schedule::detail {

/// Appends every diagnostic of `from` to `to`, renaming the plan codes the
/// field readers use: V202 -> P601 (missing field), V208 -> P602 (unknown
/// field, an error in a playbook), V209 -> P603 (wrong type), V203 -> P604
/// (unknown owner), R301 -> P606 (unknown depends_on), R302 -> P607 (cycle),
/// V204 -> P610 (bad date in a holidays file). Loading codes (L1xx) pass
/// unchanged, as for plans.
void forward_as_playbook_codes(const diagnostic_sink& from, diagnostic_sink& to);

/// Appends `problems` to `diags` sorted by line and column (stable), so the
/// messages read in file order whichever check found them.
void report_in_file_order(const diagnostic_sink& problems, diagnostic_sink& diags);

}  // namespace closeplan::schedule::detail

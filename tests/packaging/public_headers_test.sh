#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The public headers are C++17 (the library inside is C++20): each compiles on
# its own with nothing but the standard library, warning-free under
# -std=c++17 -Wall -Wextra -pedantic -Werror, and under C++20 and C++23 too;
# a C++17 program sets the options member by member, and a C++20 one names
# them with designated initializers, both without a warning.
#
#   public_headers_test.sh COMPILER INCLUDE_DIR GENERATED_INCLUDE_DIR
set -euo pipefail
cxx="$1"
include="$2"
generated="$3"
flags=(-fsyntax-only -Wall -Wextra -pedantic -Werror -I"$include" -I"$generated" -x c++ -)
fail=0
headers=("$include"/closeplan/*.hpp "$generated"/closeplan/version.hpp)
for std in c++17 c++20 c++23; do
  for header in "${headers[@]}"; do
    echo "#include <closeplan/$(basename "$header")>" | "$cxx" -std="$std" "${flags[@]}" ||
      { echo "FAIL: closeplan/$(basename "$header") does not compile alone as $std" >&2; fail=1; }
  done
done

# C++17: options set member by member, a date checked at compile time, choices compared both ways.
"$cxx" -std=c++17 "${flags[@]}" <<'CPP' || { echo "FAIL: the C++17 use of the options does not compile" >&2; fail=1; }
#include <closeplan/closeplan.hpp>
static_assert(closeplan::date{2024, 2, 29}.ok() && !closeplan::date{2026, 2, 30}.ok(), "");
static_assert(closeplan::date{2026, 3, 2} < closeplan::date{2026, 3, 10}, "");
int main() {
    closeplan::render_options options;
    options.formats = {closeplan::format::pdf, "md"};
    options.as_of = closeplan::date{2026, 3, 2};
    options.paper = closeplan::paper::a4;
    options.sections = {closeplan::section::milestones, "signoff"};
    closeplan::handoff_options handoff;
    handoff.as_of = options.as_of;
    closeplan::schedule_options schedule;
    schedule.close = closeplan::date{2026, 6, 30};
    const bool same = options.formats[0] == closeplan::format::pdf && closeplan::format::md == options.formats[1] &&
                      options.paper != closeplan::paper::letter && options.formats[0] != options.formats[1];
    return same && schedule.close > *handoff.as_of && CLOSEPLAN_VERSION_NUMBER >= 0 ? 0 : 1;
}
CPP

# C++20: the designated initializers docs/api.md mentions, warning-free under -Wextra.
"$cxx" -std=c++20 "${flags[@]}" <<'CPP' || { echo "FAIL: designated initializers warn or fail under C++20" >&2; fail=1; }
#include <closeplan/closeplan.hpp>
int main() {
    const auto plan = closeplan::plan::from_memory("closeplan: 1\n", "deal.yaml");
    const auto md = closeplan::render_plan(plan, {.formats = {"md"}, .fragment = true});
    const auto pdf = closeplan::render_plan(plan, {.formats = {closeplan::format::pdf},
                                                   .as_of = closeplan::date{2026, 3, 2},
                                                   .paper = closeplan::paper::a4});
    const auto health = closeplan::check_health(plan, {.as_of = closeplan::date{2026, 3, 2}});
    const auto pack = closeplan::make_handoff(plan, {.paper = "letter"});
    closeplan::schedule_options schedule{.close = {2026, 6, 30}, .as_of = {2026, 3, 2}, .deal_name = "Deal"};
    const auto diff = closeplan::diff_plans(plan, plan, {.format = closeplan::diff_format::md});
    return md.ok() + pdf.ok() + health.ok() + pack.ok() + diff.ok() + schedule.close.ok();
}
CPP
[ "$fail" = 0 ] && echo "ok: ${#headers[@]} public headers as C++17, C++20 and C++23; options used from C++17 and C++20"
exit "$fail"

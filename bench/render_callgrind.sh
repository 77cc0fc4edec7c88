#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Instructions of one `closeplan render examples/X/plan.* -f pdf` process per
# example (issue 17: a PDF at most 20% dearer than at the filing build),
# counted by callgrind from main on: unlike wall time, the count does not
# change with the load of a shared machine.
#
#   bench/render_callgrind.sh CLOSEPLAN [EXAMPLE...]
#   BASELINE=/work/wt-old17/build/closeplan bench/render_callgrind.sh build/closeplan
#
# BASELINE=OTHER_CLOSEPLAN also counts that binary on the same plans (run from
# this checkout's examples/, so both read the same files) and prints the change.
set -euo pipefail
closeplan="$(realpath "$1")"
shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
examples=("$@")
[ ${#examples[@]} -gt 0 ] || examples=(pilot northwind enterprise stadtwerke)
work="$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/render-callgrind.XXXXXX")"
trap 'rm -rf "$work"' EXIT

count() {  # BINARY PLAN -> instructions
    rm -rf "$work/out"
    (cd "$root" && valgrind --tool=callgrind --toggle-collect=main --callgrind-out-file="$work/cg.out" "$1" render "$2" \
        -f pdf --as-of 2026-06-01 -q -o "$work/out" 2>&1 | awk '/Collected/ {print $NF}')
}
printf '%-12s %14s %14s %8s\n' example instructions baseline change
for x in "${examples[@]}"; do
    plan="examples/$x/plan.yaml"
    [ -f "$root/$plan" ] || plan="examples/$x/plan.json"
    now=$(count "$closeplan" "$plan")
    if [ -n "${BASELINE:-}" ]; then
        base=$(count "$(realpath "$BASELINE")" "$plan")
        awk -v x="$x" -v n="$now" -v b="$base" 'BEGIN { printf "%-12s %14d %14d %+7.1f%%\n", x, n, b, 100 * (n - b) / b }'
    else
        printf '%-12s %14d\n' "$x" "$now"
    fi
done

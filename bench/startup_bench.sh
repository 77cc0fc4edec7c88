#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Whole-process cost of `closeplan render -q -f pdf,html,md` for each example
# plan: start-up, loading, rendering and exit, as a user waits for it.
# Prints one line per example: wall and CPU milliseconds per process (mean of
# RUNS, default 20) and, with valgrind installed, the instructions one process
# executes (callgrind; steady on a busy machine, where times are not).
#
#   bench/startup_bench.sh CLOSEPLAN [EXAMPLE...]
#   bench/startup_bench.sh build/closeplan pilot enterprise
#
# NO_CALLGRIND=1 skips the instruction counts.
set -euo pipefail
closeplan="$(realpath "$1")"
shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
examples=("$@")
[ ${#examples[@]} -eq 0 ] && examples=(pilot stadtwerke northwind enterprise)
runs="${RUNS:-20}"

work="$(mktemp -d "${TMPDIR:-/tmp}/startup-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
printf '%-12s %10s %10s %16s\n' example "wall ms" "CPU ms" instructions
for name in "${examples[@]}"; do
    plan="$root/examples/$name/plan.yaml"
    [ -f "$plan" ] || plan="$root/examples/$name/plan.json"
    run() { "$closeplan" render -q -f pdf,html,md -o "$work/out" "$plan"; }
    run  # warm the page cache
    # CPU time of the children, from bash's `times` (run in this shell, not a
    # subshell, which has no children), before and after.
    cpu_ms() { awk 'END { split($1, u, /[ms]/); split($2, s, /[ms]/); printf "%.0f", (u[1] * 60 + u[2] + s[1] * 60 + s[2]) * 1000 }' "$work/times"; }
    times > "$work/times"
    cpu_before=$(cpu_ms)
    start=$(date +%s%N)
    for _ in $(seq "$runs"); do run; done
    end=$(date +%s%N)
    times > "$work/times"
    cpu_after=$(cpu_ms)
    wall=$(awk -v ns=$((end - start)) -v n="$runs" 'BEGIN { printf "%.1f", ns / n / 1e6 }')
    cpu=$(awk -v ms=$((cpu_after - cpu_before)) -v n="$runs" 'BEGIN { printf "%.1f", ms / n }')
    instructions=-
    if [ -z "${NO_CALLGRIND:-}" ] && command -v valgrind > /dev/null; then
        instructions=$(valgrind --tool=callgrind --callgrind-out-file="$work/callgrind.out" \
            "$closeplan" render -q -f pdf,html,md -o "$work/out" "$plan" 2>&1 |
            sed -n 's/.*refs: *//p' | tr -d ',')
    fi
    printf '%-12s %10s %10s %16s\n' "$name" "$wall" "$cpu" "$instructions"
done

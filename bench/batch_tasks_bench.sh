#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Memory and speed of `closeplan batch --group-by` (one row per task) on
# synthetic task exports, ten tasks a deal on average. Prints one line per
# case: task rows, deals, row order, export size, peak RSS, deals/s. Peak RSS
# next to the export's size shows whether the batch holds the export: the
# two-pass stream keeps one deal open at a time for a sorted export, so its
# peak stays flat as the export grows; a shuffled one keeps nearly every deal
# open (the worst case). A figure to read, never a pass/fail threshold.
#
#   bench/batch_tasks_bench.sh CLOSEPLAN [ROWS...] [-- ORDERS...]
#   bench/batch_tasks_bench.sh build-tasks/closeplan 1000 10000 100000 200000 -- sorted due shuffled
#
# Defaults: 1000 10000 100000 rows; sorted and shuffled; -f md, 2 workers
# (FORMATS=html,md JOBS=1 to change). BENCH_DIR=/dev/shm measures without the disk.
#
# Peak RSS MB seen on the shared 2-core dev machine (-f md, -j 2):
#   rows     sorted        due           shuffled      (before: rows grouped in memory)
#   1000     10.0          10.1          10.1          (10.5  10.4  10.6)
#   10000    10.3          10.2          10.9          (16.1  16.1  16.1)
#   100000   10.9          13.8          21.5          (73.4  73.5  73.5)
#   200000   12.2          17.7          33.4          (137.6 137.6 137.7)
set -euo pipefail
closeplan="$(realpath "$1")"
shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows=()
orders=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do rows+=("$1"); shift; done
[ $# -gt 0 ] && shift
while [ $# -gt 0 ]; do orders+=("$1"); shift; done
[ ${#rows[@]} -eq 0 ] && rows=(1000 10000 100000)
[ ${#orders[@]} -eq 0 ] && orders=(sorted shuffled)
formats="${FORMATS:-md}"
jobs="${JOBS:-2}"

work="$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/batch-tasks-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
printf '%8s  %7s  %-8s  %9s  %12s  %8s\n' rows deals order "export MB" "peak RSS MB" deals/s
for n in "${rows[@]}"; do
    deals=$(( n / 10 > 0 ? n / 10 : 1 ))
    for order in "${orders[@]}"; do
        python3 "$root/bench/batch_generate_tasks.py" "$n" "$deals" "$order" > "$work/tasks.csv"
        size=$(stat -c %s "$work/tasks.csv")
        rm -rf "$work/out"
        /usr/bin/time -v -o "$work/time.txt" "$closeplan" batch "$work/tasks.csv" \
            --mapping "$root/tests/cli/fixtures/batch/tasks-mapping.yaml" --group-by "Opportunity ID" \
            --as-of 2026-06-01 -f "$formats" -j "$jobs" -o "$work/out" -q || [ $? -eq 7 ]
        wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
        rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
        awk -v n="$n" -v d="$deals" -v o="$order" -v size="$size" -v wall="$wall" -v rss="$rss" 'BEGIN {
            k = split(wall, p, ":"); s = 0; for (i = 1; i <= k; i++) s = s * 60 + p[i];
            printf "%8d  %7d  %-8s  %9.1f  %12.1f  %8.0f\n", n, d, o, size / 1048576, rss / 1024, d / s }'
    done
done

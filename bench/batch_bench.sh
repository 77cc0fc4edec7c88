#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Speed and memory of `closeplan batch` on synthetic Salesforce reports.
# Prints one line per case: rows, formats, workers, deals/s, ms/deal, peak RSS
# and the largest index page (index.html and its index-pN.html pages).
#
#   bench/batch_bench.sh CLOSEPLAN [ROWS...] [-- FORMAT_SETS...]
#   bench/batch_bench.sh build/closeplan 1000 10000 100000 -- pdf html,md html,md,pdf
#
# Defaults: 1000 10000 rows; pdf, html,md and html,md,pdf; 1 and 2 workers
# (JOBS="1 2" to change). Each case writes into a fresh temporary folder on
# the same disk, so file system time is part of the figure, as in real use;
# BENCH_DIR=/dev/shm measures without the disk. BENCH_ENRICH=1 joins a
# contacts export (three contacts a deal) and overlays (every 10th deal;
# BENCH_OVERLAY_EVERY=N) made by batch_generate_enrichment.py.
set -euo pipefail
closeplan="$(realpath "$1")"
shift
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows=()
formats=()
while [ $# -gt 0 ] && [ "$1" != "--" ]; do rows+=("$1"); shift; done
[ $# -gt 0 ] && shift
while [ $# -gt 0 ]; do formats+=("$1"); shift; done
[ ${#rows[@]} -eq 0 ] && rows=(1000 10000)
[ ${#formats[@]} -eq 0 ] && formats=(pdf html,md html,md,pdf)
jobs=(${JOBS:-1 2})

work="$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/batch-bench.XXXXXX")"
trap 'rm -rf "$work"' EXIT
printf '%8s  %-12s %4s  %10s  %9s  %12s  %13s\n' rows formats jobs deals/s ms/deal "peak RSS MB" "index max MB"
for n in "${rows[@]}"; do
    python3 "$root/bench/batch_generate_export.py" "$n" > "$work/export-$n.csv"
    enrich=()
    if [ -n "${BENCH_ENRICH:-}" ]; then
        rm -rf "$work/overlays"
        python3 "$root/bench/batch_generate_enrichment.py" "$n" "$work/contacts-$n.csv" "$work/overlays" \
            "${BENCH_OVERLAY_EVERY:-10}"
        enrich=(--contacts "$work/contacts-$n.csv" --overlays "$work/overlays")
    fi
    for f in "${formats[@]}"; do
        for j in "${jobs[@]}"; do
            rm -rf "$work/out"
            /usr/bin/time -v -o "$work/time.txt" "$closeplan" batch "$work/export-$n.csv" \
                --playbook "$root/tests/cli/fixtures/batch/mid-market.yaml" --as-of 2026-06-01 \
                --date-format M/D/YYYY -f "$f" -j "$j" -o "$work/out" -q ${enrich[@]+"${enrich[@]}"}
            wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$work/time.txt")
            rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
            index=$(find "$work/out" -maxdepth 1 -name 'index*.html' -printf '%s\n' | sort -n | tail -1)
            awk -v n="$n" -v f="$f" -v j="$j" -v wall="$wall" -v rss="$rss" -v page="${index:-0}" 'BEGIN {
                k = split(wall, p, ":"); s = 0; for (i = 1; i <= k; i++) s = s * 60 + p[i];
                printf "%8d  %-12s %4d  %10.0f  %9.3f  %12.1f  %13.2f\n", n, f, j, n / s, 1000 * s / n, rss / 1024,
                       page / 1048576 }'
        done
    done
done

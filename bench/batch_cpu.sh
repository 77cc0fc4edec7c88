#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# CPU seconds of `closeplan batch`, one worker, split by enrichment: plain,
# contacts joined, overlays, both (issue 14: the enriched run at no less than
# 80% of the filing build's plain deals/s). User seconds, the least of RUNS
# runs: on a shared machine the least is the run the others disturbed least,
# and unlike wall time it leaves out the file system. batch_callgrind.sh
# counts instructions, which do not change with the load, but a big memcpy
# or a cache miss costs far more time than its count says: use both.
#
#   bench/batch_cpu.sh CLOSEPLAN [ROWS] [FORMATS]
#   BASELINE=/work/wt-old17/build/closeplan BENCH_DIR=/dev/shm bench/batch_cpu.sh build/closeplan 20000 html,md
#
# Prints per case: user seconds, µs per deal, and deals/s as a share of the
# plain run's (and of BASELINE's plain run when it is given). RUNS=3 by default.
set -euo pipefail
closeplan="$(realpath "$1")"
rows="${2:-20000}"
formats="${3:-html,md}"
runs="${RUNS:-3}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/batch-cpu.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# shellcheck source=bench/batch_inputs.sh
source "$root/bench/batch_inputs.sh"
batch_inputs "$work" "$rows"
mapfile -t args < <(batch_args "$work" "$formats")

user_seconds() {  # BINARY EXTRA_ARGS... -> the least user seconds of $runs runs
    local binary="$1" best="" u
    shift
    for _ in $(seq "$runs"); do
        rm -rf "$work/out"
        /usr/bin/time -f %U -o "$work/time.txt" "$binary" batch "${args[@]}" "$@"
        u=$(cat "$work/time.txt")
        if [ -z "$best" ] || awk -v a="$u" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$u"; fi
    done
    echo "$best"
}

report() {  # LABEL SECONDS
    awk -v l="$1" -v s="$2" -v p="${plain:-$2}" -v b="${base:-}" -v n="$rows" 'BEGIN {
        printf "%-28s %8.2f %10.1f %9.1f%%", l, s, 1e6 * s / n, 100 * p / s
        if (b != "") printf " %12.1f%%", 100 * b / s
        printf "\n" }'
}

base=""
[ -n "${BASELINE:-}" ] && base=$(user_seconds "$(realpath "$BASELINE")")
printf '%-28s %8s %10s %10s %13s\n' "case ($rows deals, -j 1)" "user s" "µs/deal" "of plain" "of baseline"
[ -n "$base" ] && report "baseline plain $formats" "$base"
plain=$(user_seconds "$closeplan")
report "plain $formats" "$plain"
report "contacts $formats" "$(user_seconds "$closeplan" --contacts "$work/contacts.csv")"
report "overlays $formats" "$(user_seconds "$closeplan" --overlays "$work/overlays")"
report "contacts+overlays $formats" \
    "$(user_seconds "$closeplan" --contacts "$work/contacts.csv" --overlays "$work/overlays")"

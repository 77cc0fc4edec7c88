#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Instructions per deal of `closeplan batch`, plain and with contacts joined
# and overlays (issue 14: the enriched run at no less than 80% of the plain
# run's deals/s), counted by callgrind: unlike deals/s, the count does not
# change with the load of a shared machine. One worker, so the count is the
# whole cost of a deal.
#
#   bench/batch_callgrind.sh CLOSEPLAN [ROWS] [FORMATS]
#   bench/batch_callgrind.sh build/closeplan 2000 html,md
#
# Prints per case: instructions, instructions per deal, and the enriched
# case's deals/s as a share of the plain one's (the inverse ratio of the
# counts). BASELINE=OTHER_CLOSEPLAN also counts that binary's plain run and
# compares both with it.
set -euo pipefail
closeplan="$(realpath "$1")"
rows="${2:-2000}"
formats="${3:-html,md}"
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
work="$(mktemp -d "${BENCH_DIR:-${TMPDIR:-/tmp}}/batch-callgrind.XXXXXX")"
trap 'rm -rf "$work"' EXIT
# shellcheck source=bench/batch_inputs.sh
source "$root/bench/batch_inputs.sh"
batch_inputs "$work" "$rows"
mapfile -t args < <(batch_args "$work" "$formats")

count() {  # BINARY EXTRA_ARGS... -> instructions
    local binary="$1"
    shift
    rm -rf "$work/out"
    valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" "$binary" batch "${args[@]}" "$@" 2>&1 | awk '/Collected/ {print $NF}'
}
plain=$(count "$closeplan")
enriched=$(count "$closeplan" --contacts "$work/contacts.csv" --overlays "$work/overlays")
printf '%-28s %15s %12s\n' case instructions per-deal
printf '%-28s %15d %12d\n' "plain $formats" "$plain" $((plain / rows))
printf '%-28s %15d %12d\n' "contacts+overlays $formats" "$enriched" $((enriched / rows))
awk -v p="$plain" -v e="$enriched" 'BEGIN { printf "enriched deals/s = %.1f%% of plain\n", 100 * p / e }'
if [ -n "${BASELINE:-}" ]; then
    base=$(count "$(realpath "$BASELINE")")
    printf '%-28s %15d %12d\n' "baseline plain $formats" "$base" $((base / rows))
    awk -v b="$base" -v p="$plain" -v e="$enriched" 'BEGIN {
        printf "plain deals/s = %.1f%% of baseline; enriched = %.1f%% of baseline plain\n", 100 * b / p, 100 * b / e }'
fi

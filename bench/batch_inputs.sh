# SPDX-License-Identifier: MIT
# Sourced by batch_callgrind.sh and batch_cpu.sh: the one generated export
# (with its contacts and overlays) and the one batch command line they
# measure, so both scripts time the same work.

# batch_inputs WORK ROWS: WORK/export.csv, WORK/contacts.csv and WORK/overlays/
# (an overlay for every BENCH_OVERLAY_EVERY-th deal, 10 by default).
batch_inputs() {
    local work="$1" rows="$2" root
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    python3 "$root/bench/batch_generate_export.py" "$rows" > "$work/export.csv"
    python3 "$root/bench/batch_generate_enrichment.py" "$rows" "$work/contacts.csv" "$work/overlays" \
        "${BENCH_OVERLAY_EVERY:-10}"
}

# batch_args WORK FORMATS: the arguments after `closeplan batch`, one worker,
# output into WORK/out; add --contacts/--overlays for the enriched case.
batch_args() {
    local work="$1" formats="$2" root
    root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
    printf '%s\n' "$work/export.csv" --playbook "$root/tests/cli/fixtures/batch/mid-market.yaml" \
        --as-of 2026-06-01 --date-format M/D/YYYY -f "$formats" -j 1 -o "$work/out" -q
}

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A batch killed with SIGKILL midway, then resumed, ends with exactly the
# files a batch that was never interrupted writes, and no partial file.
#   kill_resume.sh CLOSEPLAN SOURCE_DIR [tasks]
# With `tasks`: one row per task (--group-by), each deal's rows spread through
# the export (sorted by due date), so deals finish out of their order.
set -euo pipefail
closeplan="$1"
source_dir="$2"
mode="${3:-deals}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

if [ "$mode" = tasks ]; then
    python3 "$source_dir/bench/batch_generate_tasks.py" 15000 1500 due > "$work/export.csv"
    args=(--mapping "$source_dir/tests/cli/fixtures/batch/tasks-mapping.yaml" --group-by "Opportunity ID"
          --as-of 2026-06-01 -f html,md -j 2)
else
    python3 "$source_dir/bench/batch_generate_export.py" 1500 > "$work/export.csv"
    args=(--playbook "$source_dir/tests/cli/fixtures/batch/mid-market.yaml" --as-of 2026-06-01 --date-format M/D/YYYY -f html,md -j 2)
fi

# Kill once some deals are written, while the rest are still being rendered.
"$closeplan" batch "$work/export.csv" "${args[@]}" -o "$work/killed" > /dev/null 2>&1 &
pid=$!
for _ in $(seq 1 600); do
    count=$( (find "$work/killed" -name '*.html' 2>/dev/null || true) | wc -l)
    [ "$count" -ge 200 ] && break
    sleep 0.05
done
kill -KILL "$pid" 2>/dev/null || true
wait "$pid" 2>/dev/null || true
written=$(find "$work/killed" -name '*.html' | wc -l)
echo "killed after $written HTML files"
if [ -e "$work/killed/index.html" ]; then
    echo "FAIL: the killed batch already had its index.html (it finished before the kill; raise the row count)"
    exit 1
fi
# Every visible document is whole: temp file + rename means none is cut short.
for f in "$work"/killed/*.html; do
    tail -c 8 "$f" | grep -q '</html>' || { echo "FAIL: partial file $f"; exit 1; }
done

"$closeplan" batch "$work/export.csv" "${args[@]}" -o "$work/killed" --resume > "$work/resume.out"
cat "$work/resume.out"
grep -q "skipped [1-9]" "$work/resume.out" || { echo "FAIL: resume rendered everything again"; exit 1; }
leftovers=$(find "$work/killed" -name '.*.tmp-*' | wc -l)
[ "$leftovers" -eq 0 ] || { echo "FAIL: $leftovers temporary files left"; exit 1; }

"$closeplan" batch "$work/export.csv" "${args[@]}" -o "$work/full" > "$work/full.out"
cat "$work/full.out"
diff -r --exclude='.closeplan-batch*' "$work/killed" "$work/full" > "$work/diff" || {
    head -20 "$work/diff"
    echo "FAIL: resumed output differs from an uninterrupted run"
    exit 1
}
echo "PASS: resumed output equals an uninterrupted run ($(ls "$work/full" | wc -l) files)"

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs the library's examples (examples/api/) and compares what they make with
# what the command makes from the same plan: the handoff pack's files, the
# health report's JSON, the refused options.
#   run_examples.sh SOURCE_DIR CLOSEPLAN_BINARY EXAMPLES_DIR
set -euo pipefail
src="$1"
cli="$2"
bin="$3"
tmp="$(mktemp -d "${TMPDIR:-/tmp}/closeplan-api-examples.XXXXXX")"
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*" >&2; exit 1; }

pilot="$src/examples/pilot/plan.yaml"
enterprise="$src/examples/enterprise/plan.yaml"

# render_fragment: the Markdown fragment is the command's, and a PDF is written.
mkdir "$tmp/render"
"$bin/api_example_render_fragment" "$pilot" "$tmp/render" >"$tmp/render/fragment.md"
"$cli" render "$pilot" -f md --fragment --heading-offset 1 -o - -q >"$tmp/render/cli.md"
cmp "$tmp/render/fragment.md" "$tmp/render/cli.md" || fail "render_fragment's Markdown differs from closeplan render"
head -c 5 "$tmp/render/plan.pdf" | grep -q '%PDF-' || fail "render_fragment wrote no PDF"
pdfinfo "$tmp/render/plan.pdf" | grep -q "^Page size:.*(A4)" ||
  fail "render_fragment's PDF is not on A4"

# handoff_pack: the files are the command's (the PDF and DOCX hold no date of making, so they compare too).
mkdir "$tmp/lib" "$tmp/cli"
"$bin/api_example_handoff_pack" "$enterprise" "$tmp/lib" ingrid >/dev/null
"$cli" handoff "$enterprise" -o "$tmp/cli" --paper letter -q
for f in handoff.pdf handoff.html handoff.md handoff.docx milestones.ics plan.json; do
  cmp "$tmp/lib/$f" "$tmp/cli/$f" || fail "make_handoff's $f differs from closeplan handoff"
done
grep -q '^BEGIN:VCALENDAR' "$tmp/lib/mine.ics" || fail "make_calendar wrote no calendar"

# health_report: the JSON is `closeplan check --format json`'s, byte for byte.
"$bin/api_example_health_report" "$enterprise" >"$tmp/health.json" 2>"$tmp/health.txt"
set +e
"$cli" check "$enterprise" --format json >"$tmp/check.json" 2>/dev/null
set -e
cmp "$tmp/health.json" "$tmp/check.json" || fail "check_health's JSON differs from closeplan check --format json"
grep -q 'warning\[H812\]' "$tmp/health.txt" || fail "check_health's findings are not printed as diagnostics"

# bad_options: February 30 and paper a5 refused together, nothing rendered.
"$bin/api_example_bad_options" "$pilot" >"$tmp/bad.txt" || fail "bad_options was not refused as it should be"
grep -q 'error\[A100\]: render_options::as_of 2026-02-30 is not a calendar date' "$tmp/bad.txt" || fail "no A100"
grep -q 'error\[A101\]: render_options::paper "a5"' "$tmp/bad.txt" || fail "no A101"

# schedule_and_diff: the close moved two weeks, and the diff for people says so.
"$bin/api_example_schedule_and_diff" "$src/examples/playbooks/mid-market.yaml" >"$tmp/diff.md"
grep -q '^### Plan changes: Northwind rollout' "$tmp/diff.md" || fail "schedule_and_diff printed no diff"
grep -q 'Target close:\*\* Jun.*→ Jul.*(14 days later)' "$tmp/diff.md" || fail "the diff does not show the close moving"
echo "ok: every example of docs/api.md"

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Export columns into plan fields, per-deal locale and holidays, and schedules
# that use the time there is (issue 14, parts 1, 4 and 8), end to end, from
# tests/batch/mapped/ (one export, one mapping with `plan:` and `regions:`):
# - a mapped outcome, success criteria, risks, go-live and resource reach the
#   plan in HTML, Markdown and PDF (pdftotext);
# - a bad cell (a javascript: link) fails its row with the plan file's V206,
#   located by row and column in errors.csv; an unknown region is B742 there;
# - the US deal is in English with US dates, the EMEA-DE deal in German with
#   German dates, scheduled around the German holidays of its region;
# - the deal closing ten months ahead spreads its steps (discovery is not in
#   its last weeks) and its own health check finds no H809.
#   mapped.sh CLOSEPLAN SOURCE_DIR
set -euo pipefail
closeplan="$1"
data="$2/tests/batch/mapped"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
# US dates hold no-break spaces ("Oct 29, 2027"). Piped into grep without -q:
# grep -q would stop reading early, and sed's SIGPIPE fail the pipe (pipefail).
plain() { sed 's/\xc2\xa0/ /g' "$1"; }

code=0
"$closeplan" batch "$data/deals.csv" --mapping "$data/mapping.yaml" --as-of 2026-12-07 -o "$work/out" \
    -f html,md,pdf --check --report json > "$work/stdout" 2> "$work/stderr" || code=$?
[ "$code" -eq 7 ] || { cat "$work/stdout" "$work/stderr"; fail "batch exited $code, want 7 (two rows fail)"; }
grep -q "rows read 4 = rendered 2 + failed 2" "$work/stdout" || fail "unexpected summary: $(cat "$work/stdout")"

us="$work/out/006M1-Claims-analytics"
pdftotext "$us.pdf" "$work/us.txt"
for f in "$us.html" "$us.md" "$work/us.txt"; do
    grep -q "Cut claims-processing time by 30% before open enrolment." "$f" || fail "the mapped outcome is not in $f"
    grep -q "Claims backlog under 2 days" "$f" || fail "the mapped success criteria are not in $f"
    grep -q "Security review queue is six weeks" "$f" || fail "the second piece of the risks cell is not a risk in $f"
    grep -q "Proposal" "$f" || fail "the mapped resource is not in $f"
    plain "$f" | grep "Jan 15, 2028" > /dev/null || fail "the mapped go-live (1/15/2028, a US date) is not in $f"
done
grep -q "\[Proposal\](https://example.com/proposals/006M1)" "$us.md" || fail "the resource's url is not the cell's"
grep -q 'href="https://example.com/proposals/006M1"' "$us.html" || fail "the resource's link is not in the HTML"
echo "PASS: mapped outcome, success criteria, risks, go-live and resource reach the plan in every format"

grep -q '^4,"Proposal Link","javascript:alert(1)","V206",.*plan field resources\[\]\.url.*,"006M3"' "$work/out/errors.csv" ||
    { cat "$work/out/errors.csv"; fail "the bad link is not V206 at row 4, column Proposal Link"; }
grep -q '^5,"Region","APAC","B742",' "$work/out/errors.csv" || fail "the unknown region is not B742 at row 5, column Region"
ls "$work/out"/006M3-* > /dev/null 2>&1 && fail "the deal with a bad cell was rendered"
echo "PASS: a bad cell and an unknown region fail their rows, located by row and column"

de="$work/out/006M2-Lagerlogistik"
pdftotext "$de.pdf" "$work/de.txt"
for f in "$de.md" "$work/de.txt"; do
    grep -q "Geplanter Abschluss" "$f" || fail "the EMEA-DE deal is not in German in $f"
    grep -q "Kommissionierfehler halbieren." "$f" || fail "the German deal's outcome is not in $f"
done
grep -q "Geplanter Abschluss:\*\* 31\\\\.03.2027" "$de.md" || fail "the German deal's dates are not in German style"
grep -q "Meilensteine" "$us.md" && fail "the US deal is in German"
plain "$us.md" | grep "Target close:\*\* Oct 29, 2027" > /dev/null || fail "the US deal's dates are not in US style"
# Its region's holidays: Good Friday 26.03 and Easter Monday 29.03 are no
# business days, so the security review, due four business days before the
# close on Wednesday 31.03, is due on Tuesday 23.03 (on the US calendar: 25.03).
grep -q "| IT security review | \*\*Kunde\*\* | 23\\\\.03.2027 |" "$de.md" || fail "the German deal is not scheduled around its region's holidays"
echo "PASS: one export gives a German plan on German holidays and a US plan"

python3 - "$work/out/batch-report.json" <<'PY' || fail "the far-ahead deal's plan has H809, or no health"
import json, sys
deals = {d["id"]: d for d in json.load(open(sys.argv[1]))["deals"]}
rules = deals["006M1"]["health"]["rules"]
sys.exit(1 if any(r.startswith("H809") for r in rules) else 0)
PY
plain "$us.md" | grep "| Discovery complete | \*\*Joint\*\* | Jul 8, 2027 |" > /dev/null || fail "discovery is not spread back from the close"
# With max_stretch: 1 the same deal is as late as possible: discovery in the close's last weeks, and H809.
cat > "$work/alap.yaml" <<'YAML'
closeplan-playbook: 1
name: As late as possible
max_stretch: 1
milestones:
  - { id: discovery, title: Discovery complete, owner: both, workstream: discovery, days: 5 }
  - { id: sec-review, title: IT security review, owner: buyer, workstream: security, days: 15, depends_on: [discovery] }
  - { id: signature, title: Contract execution, owner: both, workstream: signature, days: 1, depends_on: [sec-review] }
YAML
"$closeplan" batch "$data/deals.csv" --mapping "$data/mapping.yaml" --playbook "$work/alap.yaml" --as-of 2026-12-07 \
    -o "$work/alap" -f md --check --report json --where region=US -q 2> /dev/null || true
plain "$work/alap/006M1-Claims-analytics.md" | grep "| Discovery complete | \*\*Joint\*\* | Oct 7, 2027 |" > /dev/null || fail "max_stretch: 1 does not schedule as late as possible"
grep -q "H809" "$work/alap/batch-report.json" || fail "as late as possible, the far-ahead deal should trip H809"
ls "$work/alap"/006M2-* > /dev/null 2>&1 && fail "--where region=US rendered the EMEA-DE deal"
echo "PASS: a far-ahead deal spreads its steps and passes its own H809"

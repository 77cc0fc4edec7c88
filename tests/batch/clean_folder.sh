#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The output folder stays clean over nightly runs (issue 14, part 6):
# - the manifest has one line per deal after three --resume runs of the same export;
# - a deal renamed in the CRM keeps the file names it had (stable names from the id);
# - --prune removes the files of a deal that left the export, and of a format
#   no longer asked for, and nothing else (not a file batch did not write).
#   clean_folder.sh CLOSEPLAN SOURCE_DIR
set -euo pipefail
closeplan="$1"
source_dir="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

cat > "$work/export.csv" <<'CSV'
Opportunity ID,Opportunity Name,Account Name,Close Date,Amount,Stage
006A1,Northwind renewal,Northwind,2026-09-30,"$120,000.00",Proposal
006A2,Contoso expansion,Contoso,2026-10-15,"$80,000.00",Negotiation
006A3,Fabrikam pilot,Fabrikam,2026-11-20,"$45,000.00",Discovery
CSV
args=(--playbook "$source_dir/tests/cli/fixtures/batch/mid-market.yaml" --as-of 2026-06-01 -j 2 -q)
out="$work/out"
manifest="$out/.closeplan-batch.manifest"

"$closeplan" batch "$work/export.csv" "${args[@]}" -o "$out"
for run in 1 2 3; do "$closeplan" batch "$work/export.csv" "${args[@]}" -o "$out" --resume; done
lines=$(wc -l < "$manifest")
[ "$lines" -eq 3 ] || { cat "$manifest"; fail "manifest has $lines lines after three --resume runs of 3 deals"; }
[ ! -e "$manifest.part" ] || fail "a finished run left $manifest.part"
"$closeplan" batch "$work/export.csv" "${args[@]}" -o "$out" --resume > /dev/null
echo "PASS: one manifest line per deal after three --resume runs"

# Renamed in the CRM: the files keep the name the id first got.
sed -i 's/Contoso expansion/Contoso enterprise expansion/' "$work/export.csv"
"$closeplan" batch "$work/export.csv" "${args[@]}" -o "$out" --resume
[ -f "$out/006A2-Contoso-expansion.html" ] || fail "a renamed deal changed its file name"
[ ! -e "$out/006A2-Contoso-enterprise-expansion.html" ] || fail "a renamed deal got a second file"
grep -q "Contoso enterprise expansion" "$out/006A2-Contoso-expansion.html" || fail "the renamed deal was not rendered again"
echo "PASS: a renamed deal keeps its file names"

# A deal leaves the export, a file batch did not write sits in the folder, and md is no longer asked for.
echo "notes" > "$out/006A3-my-notes.html"
sed -i '/^006A3,/d' "$work/export.csv"
"$closeplan" batch "$work/export.csv" "${args[@]}" -o "$out" -f html
[ -f "$out/006A3-Fabrikam-pilot.html" ] || fail "without --prune a gone deal's files were removed"
[ -f "$out/006A1-Northwind-renewal.md" ] || fail "without --prune a format no longer asked for was removed"
lines=$(wc -l < "$manifest")
[ "$lines" -eq 3 ] || fail "without --prune the manifest forgot the files of a gone deal ($lines lines)"
summary=$("$closeplan" batch "$work/export.csv" --playbook "$source_dir/tests/cli/fixtures/batch/mid-market.yaml" \
          --as-of 2026-06-01 -j 2 -o "$out" -f html --prune)
echo "$summary"
for f in 006A3-Fabrikam-pilot.html 006A3-Fabrikam-pilot.md 006A1-Northwind-renewal.md 006A2-Contoso-expansion.md; do
    [ ! -e "$out/$f" ] || fail "--prune left $f"
done
for f in 006A1-Northwind-renewal.html 006A2-Contoso-expansion.html 006A3-my-notes.html index.html errors.csv; do
    [ -f "$out/$f" ] || fail "--prune removed $f"
done
echo "$summary" | grep -q "^pruned 4 files" || fail "the summary does not count 4 pruned files"
lines=$(wc -l < "$manifest")
[ "$lines" -eq 2 ] || fail "manifest has $lines lines for 2 deals after --prune"
echo "PASS: --prune removes only the files batch wrote for deals and formats no longer made"

# A run that fails or is killed never costs the manifest a line: a killed
# run's `.part` is folded in before the next run starts its own, and a run
# that stops before any deal (no export, no mapping, an unknown header) keeps it all.
before=$(sort "$manifest")
printf '%s\n' "$(head -1 "$manifest" | awk '{print "0123456789abcdef", $2, $3, $4}')" > "$manifest.part"
"$closeplan" batch "$work/missing.csv" "${args[@]}" -o "$out" 2> /dev/null && fail "a missing export did not fail"
"$closeplan" batch "$work/export.csv" --mapping "$work/no-such-mapping.yaml" -o "$out" -q 2> /dev/null && fail "a missing mapping did not fail"
printf 'Nothing,Here\n1,2\n' > "$work/unknown.csv"
"$closeplan" batch "$work/unknown.csv" "${args[@]}" -o "$out" 2> /dev/null && fail "an unknown header did not fail"
lines=$(wc -l < "$manifest")
[ "$lines" -eq 2 ] || { cat "$manifest"; fail "a failed run left the manifest with $lines lines, not 2"; }
grep -q "^0123456789abcdef " "$manifest" || fail "the killed run's newer line was lost by the failed run"
# The deals as a set: lines are ordered by their fingerprint, which the killed run's line changed.
[ "$(awk '{print $2}' "$manifest" | sort)" = "$(echo "$before" | awk '{print $2}' | sort)" ] || fail "a failed run changed which deals the manifest names"
"$closeplan" batch "$work/export.csv" "${args[@]}" -o "$out" -f html --resume
[ "$(wc -l < "$manifest")" -eq 2 ] || fail "the manifest is not one line per deal after a failed run"
echo "PASS: a failed run keeps every manifest line, a killed run's included"

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Batch plans a rep can send (issue 14, part 1), end to end:
# - a contact-roles export (one row per contact role, --group-by the deal id)
#   and a separate contacts export (--contacts) each give stakeholders with
#   mapped roles, the primary contact as the buyer's signer;
# - an overlay's outcome and risk appear in that deal's plan in every format
#   (HTML, Markdown, PDF through pdftotext), and a changed overlay renders
#   the deal again under --resume.
#   enrich.sh CLOSEPLAN SOURCE_DIR
set -euo pipefail
closeplan="$1"
data="$2/tests/batch/enrich"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$closeplan" batch "$data/roles.csv" --group-by "Opportunity ID" --as-of 2026-06-01 -o "$work/roles" -f md -q
md="$work/roles/006A1-Claims-analytics.md"
[ "$(ls "$work/roles"/*.md | wc -l)" -eq 2 ] || fail "4 contact-role rows of 2 deals did not give 2 plans"
grep -q "| Dana Ruiz | CFO | \*\*Buyer\*\* | Economic buyer | High |" "$md" || fail "Economic Buyer not mapped"
grep -q "| Lee Park | IT Director | \*\*Buyer\*\* | Technical evaluator |" "$md" || fail "Technical Buyer not mapped"
grep -q "| Sam Diaz | Ops Lead | \*\*Buyer\*\* | Champion |" "$md" || fail "Champion not mapped"
grep -q "^Dana Ruiz, CFO: _" "$md" || fail "the primary contact is not the buyer's signer"
grep -q "| Ana Lima | Controller | \*\*Buyer\*\* | Decision maker |" "$work/roles/006A2-AP-pilot.md" || fail "Decision Maker not mapped"
echo "PASS: a contact-roles export gives stakeholders with mapped roles"

"$closeplan" batch "$data/deals.csv" --contacts "$data/contacts.csv" --as-of 2026-06-01 -o "$work/joined" -f md > /dev/null 2> "$work/joined.err"
grep -q "| Priya Shah | VP Finance | \*\*Buyer\*\* | Economic buyer |" "$work/joined/D-9-Globex-renewal.md" || fail "BUDGET_HOLDER not joined"
grep -q "| Tom Berg |" "$work/joined/D-10-Globex-expansion.md" || fail "a contact of two deals not joined to the second"
grep -q "warning\[B735\]" "$work/joined.err" || fail "a contact without a deal id is not reported"
echo "PASS: a separate contacts export gives stakeholders with mapped roles"

cp -r "$data/overlays" "$work/overlays"
args=(--group-by "Opportunity ID" --as-of 2026-06-01 --overlays "$work/overlays" -o "$work/overlaid" -f html,md,pdf -q)
"$closeplan" batch "$data/roles.csv" "${args[@]}"
stem="$work/overlaid/006A1-Claims-analytics"
pdftotext "$stem.pdf" "$work/plan.txt"
for f in "$stem.html" "$stem.md" "$work/plan.txt"; do
    grep -q "Cut claims-processing time by 30%" "$f" || fail "the overlay's outcome is not in $f"
    grep -q "Security review queue is six weeks" "$f" || fail "the overlay's risk is not in $f"
done
grep -q "Security review queue" "$work/overlaid/006A2-AP-pilot.md" && fail "an overlay reached another deal"
sed -i 's/Security review queue is six weeks/Budget freeze until Q4/' "$work/overlays/006A1.yaml"
"$closeplan" batch "$data/roles.csv" "${args[@]}" --resume > /dev/null
grep -q "Budget freeze until Q4" "$stem.md" || fail "a changed overlay did not render its deal again under --resume"
echo "PASS: an overlay's outcome and risk appear in every format"

# Buyer-safe, closed deals left out, errors.csv naming the deal.
"$closeplan" batch "$data/closed.csv" --as-of 2026-06-01 -o "$work/closed" -f md > "$work/closed.out" 2> /dev/null || true
ls "$work/closed"/006B2-* "$work/closed"/006B3-* > /dev/null 2>&1 && fail "closed deals were rendered by default"
grep -q "filtered 2" "$work/closed.out" || fail "the summary does not count the 2 closed deals"
md="$work/closed/006B1-Open-deal.md"
for internal in "discount" "10,000" "Decision Makers"; do
    grep -q "$internal" "$md" && fail "internal CRM text \"$internal\" reached a buyer's page"
done
grep -q '^6,"Close Date","31/02/2026","B706",.*,"006B5","Broken deal","Sam Ortiz",6' "$work/closed/errors.csv" ||
    { cat "$work/closed/errors.csv"; fail "errors.csv does not name the deal id, name, owner and sheet row"; }
"$closeplan" batch "$data/closed.csv" --as-of 2026-06-01 -o "$work/closed-all" -f md --include-closed -q 2> /dev/null || true
[ -f "$work/closed-all/006B2-Won-deal.md" ] || fail "--include-closed did not render a closed deal"
echo "PASS: closed deals left out by default, internal fields kept off buyer pages, errors.csv names the deal"

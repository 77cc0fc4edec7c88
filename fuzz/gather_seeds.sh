#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Gathers seed inputs for every fuzz target from examples/ and tests/ into
# OUT/<target>/ (raw, not minimised). `scripts/fuzz.sh seed` runs this and then
# merges each folder into fuzz/corpus/<target>/ with libFuzzer's -merge=1,
# which keeps only the inputs that add coverage. Usage: fuzz/gather_seeds.sh OUT
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
out="$1"
cd "$root"
fixtures=tests/cli/fixtures

seed() {  # seed TARGET NAME < content
  mkdir -p "$out/$1"
  cat >"$out/$1/$2"
}
bundle() {  # bundle NAME=PATH...: prints the files in `head`'s multi-file format
  local pair
  for pair in "$@"; do
    printf '==> %s <==\n' "${pair%%=*}"
    sed -e '$a\' "${pair#*=}"  # a newline before the next header
  done
}

# Plans in YAML: the examples, the command-line fixtures, hostile inputs, health and handoff cases.
for file in examples/*/plan.yaml $fixtures/*.yaml $fixtures/handoff/*.yaml $fixtures/diff/*.yaml \
            tests/hostile/*.yaml tests/health/fixtures/*.yaml; do
  seed plan_yaml "$(echo "$file" | tr / _)" <"$file"
done
# Plans in JSON: the JSON examples and every YAML example converted.
for file in examples/*/plan.json $fixtures/*.json; do seed plan_json "$(echo "$file" | tr / _)" <"$file"; done
for file in examples/*/plan.yaml $fixtures/ok.yaml $fixtures/warnings.yaml; do
  python3 -c 'import json, sys, yaml; print(json.dumps(yaml.safe_load(open(sys.argv[1])), indent=1, default=str))' "$file" |
    seed plan_json "$(echo "$file" | tr / _).json"
done

seed value_map northwind.yaml <examples/northwind/value-map.yaml
seed value_map bad.yaml <$fixtures/bad-value-map.yaml

seed style default.yaml <styles/default.yaml
printf 'page:\n  size: a4\n  margin: { top: 20mm, left: 1in }\ncolors:\n  accent: "#123"\nfont:\n  family: Times-Roman\n  size: { body: 9pt }\n' |
  seed style small.yaml

bundle $(cd templates && for f in *.mustache labels/*.yaml; do echo "$f=templates/$f"; done) | seed templates built-in
bundle buyer-plan.html.mustache=$fixtures/broken-templates/buyer-plan.html.mustache | seed templates broken
bundle labels/de.yaml=templates/labels/de.yaml | seed templates labels-de
bundle custom.md.mustache=templates/buyer-plan.md.mustache custom.html.mustache=templates/buyer-plan.html.mustache |
  seed templates custom-name

for file in examples/northwind/logos/*.png examples/northwind/logos/*.jpg tests/unit/validate/fixtures/spec-example/logos/*.png; do
  seed logo "$(echo "$file" | tr / _)" <"$file"
done

# --reference-docx: pandoc's own reference.docx, and a zip holding only a styles part.
pandoc --print-default-data-file reference.docx | seed reference_docx pandoc-reference.docx
python3 -c 'import io, sys, zipfile
b = io.BytesIO()
with zipfile.ZipFile(b, "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("word/styles.xml", "<?xml version=\"1.0\"?><w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"/>")
sys.stdout.buffer.write(b.getvalue())' | seed reference_docx styles-only.docx

for file in examples/crm/*.csv $fixtures/batch/*.csv; do seed batch_csv "$(basename "$file")" <"$file"; done
bundle export.csv=$fixtures/batch/tasks.csv mapping.yaml=$fixtures/batch/tasks-mapping.yaml \
       options=<(printf 'group-by: Opportunity ID\ncheck: yes\n') | seed batch_csv tasks-grouped
bundle export.csv=examples/crm/opportunities.csv playbook.yaml=examples/playbooks/mid-market.yaml \
       holidays.yaml=examples/playbooks/holidays-us-2026.yaml options=<(printf 'preset: salesforce\n') |
  seed batch_csv playbook-holidays
bundle export.csv=$fixtures/batch/hubspot-semicolon.csv options=<(printf 'decimal: comma\ndate-format: D.M.YYYY\ncurrency: EUR\n') |
  seed batch_csv hubspot-options
bundle export.csv=$fixtures/batch/salesforce-report.csv mapping.yaml=$fixtures/batch/bad-mapping.yaml | seed batch_csv bad-mapping
bundle export.csv=tests/batch/mapped/deals.csv mapping.yaml=tests/batch/mapped/mapping.yaml \
       holidays-us.yaml=tests/batch/mapped/holidays-us.yaml holidays-de.yaml=tests/batch/mapped/holidays-de.yaml |
  seed batch_csv plan-fields-regions
# .xlsx: the small workbooks raw (the container), and inline-1904.xlsx's parts as a bundle (the XML).
for file in us-twin inline-1904 not-a-workbook deep doctype; do seed batch_xlsx "$file.xlsx" <"$fixtures/batch/$file.xlsx"; done
parts="$(mktemp -d)"
(cd "$parts" && python3 -c 'import sys, zipfile; zipfile.ZipFile(sys.argv[1]).extractall()' "$root/$fixtures/batch/inline-1904.xlsx")
bundle xl/workbook.xml="$parts/xl/workbook.xml" xl/_rels/workbook.xml.rels="$parts/xl/_rels/workbook.xml.rels" \
       xl/styles.xml="$parts/xl/styles.xml" xl/worksheets/sheet1.xml="$parts/xl/worksheets/sheet1.xml" \
       xl/worksheets/sheet2.xml="$parts/xl/worksheets/sheet2.xml" options=<(printf 'sheet: Deals\npreset: salesforce\n') |
  seed batch_xlsx inline-1904-parts
rm -rf "$parts"

for file in examples/playbooks/mid-market.yaml examples/playbooks/enterprise.yaml $fixtures/playbooks/*.yaml $fixtures/playbooks/*.json; do
  seed schedule "$(basename "$file")" <"$file"
done
bundle playbook.yaml=examples/playbooks/enterprise.yaml holidays.yaml=examples/playbooks/holidays-us-2026.yaml \
       dates=<(printf 'close: 2026-07-03\nas-of: 2026-05-04\n') | seed schedule holidays-us
bundle playbook.yaml=$fixtures/playbooks/short.yaml holidays.yaml=$fixtures/playbooks/holidays-june.yaml \
       dates=<(printf 'close: 2026-06-13\nas-of: 2026-06-01\n') | seed schedule holidays-june
bundle playbook.yaml=$fixtures/playbooks/short.yaml holidays.yaml=$fixtures/playbooks/holidays-bad.yaml | seed schedule holidays-bad

for file in $fixtures/health/*.yaml; do seed health_config "$(basename "$file")" <"$file"; done

bundle before.yaml=$fixtures/diff/v1.yaml after.yaml=$fixtures/diff/v2.yaml | seed diff v1-v2
bundle before.yaml=$fixtures/diff/history/b-first.yaml after.yaml=$fixtures/diff/history/a-latest.yaml | seed diff history
bundle before.yaml=$fixtures/ok.yaml after.json=$fixtures/ok.json | seed diff yaml-json
seed diff moved-twice.yaml <$fixtures/handoff/moved-twice.yaml

# Sheets brought back (`closeplan apply`): the round-trip fixture's edited CSV alone (against that plan),
# with the plan, and with another plan; an .xlsx the command wrote.
seed sheet_apply edits.csv <tests/cli/fixtures/sheet/edits.csv
bundle plan.yaml=tests/cli/fixtures/sheet/plan.yaml sheet.csv=tests/cli/fixtures/sheet/edits.csv | seed sheet_apply with-plan
bundle plan.yaml=$fixtures/handoff/moved-twice.yaml sheet.csv=tests/cli/fixtures/sheet/edits.csv | seed sheet_apply other-plan
if [[ -x build/closeplan ]]; then
  build/closeplan sheet tests/cli/fixtures/sheet/plan.yaml -o "$out/sheet-fixture.xlsx" -q
  seed sheet_apply sheet.xlsx <"$out/sheet-fixture.xlsx"
  rm "$out/sheet-fixture.xlsx"
fi
# A close date in year 1: the schedule reaches before year 1 (issue 13).
bundle playbook.yaml=examples/playbooks/mid-market.yaml dates=<(printf 'close: 0001-01-29\nas-of: 2026-05-04\n') | seed schedule close-year-1
# closeplan preview: a request path, a Host header, then a page and error text.
printf '/\n127.0.0.1:8040\n' | cat - examples/pilot/expected/plan.html | seed preview_request pilot-page
printf '/../../etc/passwd\nattacker.example:8040\n<script>alert(1)</script></body>\n' | seed preview_request traversal

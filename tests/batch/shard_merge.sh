#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `batch --shard K/N` run as N processes into one folder, then `batch-index`
# (docs/batch-scale.md): the merged index.html (and its pages) and
# batch-report.json list every deal exactly once and equal what one unsharded
# run writes; every index page stays far under 5 MB and its one script is the
# one its Content-Security-Policy allows; the merged errors.csv is the
# unsharded run's; a missing shard is an error.
#   shard_merge.sh CLOSEPLAN SOURCE_DIR
set -euo pipefail
closeplan="$1"
source_dir="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

# 2,500 deals: three index pages of 1,000 deals at most.
python3 "$source_dir/bench/batch_generate_export.py" 2500 > "$work/export.csv"
args=(--playbook "$source_dir/tests/cli/fixtures/batch/mid-market.yaml" --as-of 2026-06-01 --date-format M/D/YYYY
      -f md -j 1 -q --report json)

"$closeplan" batch "$work/export.csv" "${args[@]}" -o "$work/single"
pids=()
for k in 1 2 3; do
    "$closeplan" batch "$work/export.csv" "${args[@]}" --shard "$k/3" -o "$work/shards" &
    pids+=($!)
done
for pid in "${pids[@]}"; do wait "$pid" || fail "a shard failed"; done
"$closeplan" batch-index "$work/shards" > "$work/merge.out"
cat "$work/merge.out"
grep -q "^merged 3 shards: deals 2500 = rendered 2500 + failed 0 + skipped 0; rows read 2500 = " "$work/merge.out" \
    || fail "the merge does not count 2500 deals rendered"

python3 - "$work" <<'PY'
import base64, glob, hashlib, json, os, re, sys
work = sys.argv[1]

def no_duplicate_keys(pairs):
    keys = [k for k, _ in pairs]
    if len(keys) != len(set(keys)):
        sys.exit("FAIL: duplicate key in batch-report.json: %s" % keys)
    return dict(pairs)

report = json.load(open(os.path.join(work, "shards", "batch-report.json")), object_pairs_hook=no_duplicate_keys)
ids = [d["id"] for d in report["deals"]]
if len(ids) != 2500 or len(set(ids)) != 2500:
    sys.exit("FAIL: the merged report lists %d deals, %d distinct, not 2500 once each" % (len(ids), len(set(ids))))
rows = [d["sheet_row"] for d in report["deals"]]
if rows != sorted(rows):
    sys.exit("FAIL: the merged report is not in the export's order")
if report["deal_count"] != 2500 or report["deals_rendered"] != 2500 or report["skipped"] != 0:
    sys.exit("FAIL: merged totals %s" % {k: v for k, v in report.items() if k != "deals"})

pages = sorted(glob.glob(os.path.join(work, "shards", "index*.html")))
merged = [p for p in pages if "-of-" not in os.path.basename(p)]
names = [os.path.basename(p) for p in merged]
if names != ["index-p2.html", "index-p3.html", "index.html"]:
    sys.exit("FAIL: merged index pages %s" % names)
seen = {}
for page in merged:
    text = open(page, encoding="utf-8").read()
    size = os.path.getsize(page)
    if size >= 5 * 1024 * 1024:
        sys.exit("FAIL: %s is %d bytes" % (page, size))
    scripts = re.findall(r"<script>(.*?)</script>", text, re.S)
    allowed = re.search(r"script-src '(sha256-[^']+)'", text).group(1)
    digest = "sha256-" + base64.b64encode(hashlib.sha256(scripts[0].encode()).digest()).decode()
    if len(scripts) != 1 or digest != allowed:
        sys.exit("FAIL: %s: its script is not the one its CSP allows (%s, %s)" % (page, digest, allowed))
    for href in re.findall(r'<a href="([^"]+\.md)">', text):
        seen[href] = seen.get(href, 0) + 1
if len(seen) != 2500 or set(seen.values()) != {1}:
    sys.exit("FAIL: the merged index links %d deals, some more than once" % len(seen))
index = open(os.path.join(work, "shards", "index.html"), encoding="utf-8").read()
if index.find("<strong>2500 deals</strong>") > index.find("<table"):
    sys.exit("FAIL: the totals do not come first")
print("PASS: every deal once in the merged report and index (3 pages, largest %d bytes)" %
      max(os.path.getsize(p) for p in merged))
PY

# The same bytes as one unsharded run.
for f in index.html index-p2.html index-p3.html batch-report.json; do
    cmp -s "$work/single/$f" "$work/shards/$f" || { diff <(head -c 3000 "$work/single/$f") <(head -c 3000 "$work/shards/$f") | head; fail "merged $f differs from an unsharded run's"; }
done
echo "PASS: the merged index and report equal an unsharded run's"

# Failing rows in every shard: the merged errors.csv is the unsharded run's,
# row for row (each shard reads every row, so the row numbers agree).
python3 - "$work/export.csv" "$work/bad.csv" <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], newline="", encoding="utf-8")))
out = csv.writer(open(sys.argv[2], "w", newline="", encoding="utf-8"), quoting=csv.QUOTE_ALL, lineterminator="\n")
out.writerow(rows[0])
for i, row in enumerate(rows[1:301]):
    if i % 29 == 3: row[2] = ""            # Opportunity Name: B705
    if i % 31 == 5: row[5] = "-$5.00"      # Amount: B707 negative
    out.writerow(row)
PY
"$closeplan" batch "$work/bad.csv" "${args[@]}" -o "$work/bad-single" || [ $? -eq 7 ] || fail "the unsharded run with failing rows"
for k in 1 2 3; do
    "$closeplan" batch "$work/bad.csv" "${args[@]}" --shard "$k/3" -o "$work/bad-shards" || [ $? -eq 7 ] || fail "shard $k"
done
"$closeplan" batch-index -q "$work/bad-shards" || [ $? -eq 7 ] || fail "batch-index of the shards with failing rows"
python3 - "$work" <<'PY'
import csv, os, sys
work = sys.argv[1]
def rows(path):
    return list(csv.reader(open(path, newline="", encoding="utf-8")))
single = rows(os.path.join(work, "bad-single", "errors.csv"))
merged = rows(os.path.join(work, "bad-shards", "errors.csv"))
shard_rows = sum(len(rows(os.path.join(work, "bad-shards", "errors-%d-of-3.csv" % k))) - 1 for k in (1, 2, 3))
codes = sorted({r[3] for r in single[1:]})
if len(single) < 15 or codes != ["B705", "B707"]:
    sys.exit("FAIL: the unsharded run's errors.csv has %d rows, codes %s" % (len(single) - 1, codes))
if shard_rows != len(single) - 1 or any(os.path.getsize(os.path.join(work, "bad-shards", "errors-%d-of-3.csv" % k)) < 100 for k in (1, 2, 3)):
    sys.exit("FAIL: the shards' errors.csv hold %d rows, not %d spread over three" % (shard_rows, len(single) - 1))
if merged[0] != single[0]:
    sys.exit("FAIL: merged header %s" % merged[0])
PY
cmp -s "$work/bad-single/errors.csv" "$work/bad-shards/errors.csv" \
    || { diff "$work/bad-single/errors.csv" "$work/bad-shards/errors.csv" | head; fail "the merged errors.csv differs from an unsharded run's"; }
echo "PASS: the merged errors.csv equals an unsharded run's ($(($(wc -l < "$work/bad-single/errors.csv") - 1)) errors)"

# A shard missing: an error naming it, nothing written.
rm "$work/shards/batch-report-2-of-3.json" "$work/shards/index.html"
if "$closeplan" batch-index "$work/shards" 2> "$work/missing.err"; then fail "a missing shard was merged"; fi
grep -q "error\[B761\]: shard 2 of 3 has no report (batch-report-2-of-3.json)" "$work/missing.err" || { cat "$work/missing.err"; fail "no B761"; }
[ ! -e "$work/shards/index.html" ] || fail "an index was written without every shard"
rm "$work/shards/errors.csv"
"$closeplan" batch-index "$work/shards" 2> /dev/null && fail "a missing shard was merged"
[ ! -e "$work/shards/errors.csv" ] || fail "an errors.csv was written without every shard"
echo "PASS: a missing shard is B761"

#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# `batch --shard K/N` run as N processes into one folder, then `batch-index`
# (docs/batch-scale.md): the merged index.html (and its pages) and
# batch-report.json list every deal exactly once and equal what one unsharded
# run writes; every index page stays far under 5 MB and its one script is the
# one its Content-Security-Policy allows; a missing shard is an error.
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

# A shard missing: an error naming it, nothing written.
rm "$work/shards/batch-report-2-of-3.json" "$work/shards/index.html"
if "$closeplan" batch-index "$work/shards" 2> "$work/missing.err"; then fail "a missing shard was merged"; fi
grep -q "error\[B761\]: shard 2 of 3 has no report (batch-report-2-of-3.json)" "$work/missing.err" || { cat "$work/missing.err"; fail "no B761"; }
[ ! -e "$work/shards/index.html" ] || fail "an index was written without every shard"
echo "PASS: a missing shard is B761"

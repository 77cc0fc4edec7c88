#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Every JSON document closeplan writes parses with no key given twice.

    check_json_outputs.py CLOSEPLAN REPO_ROOT

JSON readers disagree on a duplicate key (jq, Python and Node keep the last
value, others the first or an error): batch-report.json once had "deals"
twice, the list and then the count, so most readers lost the list. This runs
every command that writes JSON - batch --report json (one row per deal, per
task with --check, rows that fail), check --format json, diff -f json,
diff --history -f json, handoff's plan.json - parses each document with a
hook that fails on a repeated key in any object, and checks the batch report
against docs/schemas/batch-report.schema.json (`deals` a list, its length
`deal_count`).
"""
import json
import os
import subprocess
import sys
import tempfile

import jsonschema


class DuplicateKey(ValueError):
    pass


def no_duplicates(pairs):
    seen = {}
    for key, value in pairs:
        if key in seen:
            raise DuplicateKey(f"key {key!r} appears twice in one object")
        seen[key] = value
    return seen


def parse(text):
    return json.loads(text, object_pairs_hook=no_duplicates)


def main() -> int:
    closeplan, root = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    fixtures = os.path.join(root, "tests", "cli", "fixtures")
    env = {**os.environ, "LC_ALL": "C", "TZ": "UTC"}
    failed = 0
    checked = 0

    def run(args, ok=(0,)):
        done = subprocess.run([closeplan, *args], cwd=fixtures, capture_output=True, text=True, env=env)
        if done.returncode not in ok:
            raise AssertionError(f"closeplan {' '.join(args)}: exit {done.returncode}\n{done.stderr}")
        return done.stdout

    def check(label, text, also=None):
        nonlocal failed, checked
        try:
            document = parse(text)
            if also:
                also(document)
            checked += 1
        except (DuplicateKey, json.JSONDecodeError, AssertionError, jsonschema.ValidationError) as e:
            print(f"FAIL {label}: {e}")
            failed += 1

    with open(os.path.join(root, "docs", "schemas", "batch-report.schema.json"), encoding="utf-8") as f:
        report_schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(report_schema)

    def batch_report_shape(document):
        jsonschema.validate(document, report_schema, cls=jsonschema.Draft202012Validator)
        assert isinstance(document["deals"], list), "`deals` is not a list"
        assert len(document["deals"]) == document["deal_count"] or document["skipped"], "deal_count != len(deals)"

    playbook = os.path.join("batch", "mid-market.yaml")
    batches = [
        ["batch/salesforce-report.csv", "--playbook", playbook, "-f", "html,md"],
        ["batch/salesforce-report.csv", "--playbook", playbook, "--check", "--date-format", "M/D/YYYY"],
        ["batch/tasks.csv", "--mapping", "batch/tasks-mapping.yaml", "--group-by", "Opportunity ID", "--check"],
        ["batch/hostile.csv", "--playbook", playbook],
    ]
    for args in batches:
        with tempfile.TemporaryDirectory() as out:
            run(["batch", *args, "--as-of", "2026-06-01", "-q", "--report", "json", "-o", out], ok=(0, 7))
            with open(os.path.join(out, "batch-report.json"), encoding="utf-8") as f:
                check("batch " + " ".join(args), f.read(), batch_report_shape)

    plans = ["ok.yaml", "warnings.yaml", "handoff/moved-twice.yaml", "handoff/hostile.yaml"]
    plans += [os.path.join(root, "examples", name, "plan.yaml") for name in sorted(os.listdir(os.path.join(root, "examples")))
              if os.path.exists(os.path.join(root, "examples", name, "plan.yaml"))]
    for plan in plans:
        check(f"check {plan} --format json", run(["check", plan, "--format", "json", "--as-of", "2026-06-01"], ok=(0, 8)))
        with tempfile.TemporaryDirectory() as out:
            run(["handoff", plan, "-o", out, "-q", "--as-of", "2026-06-01"])
            with open(os.path.join(out, "plan.json"), encoding="utf-8") as f:
                check(f"handoff {plan}: plan.json", f.read())

    check("diff -f json", run(["diff", "diff/v1.yaml", "diff/v2.yaml", "-f", "json"]))
    check("diff --history -f json", run(["diff", "--history", "diff/history", "-f", "json"]))

    # The hook must be able to fail.
    try:
        parse('{"deals": [], "deals": 0}')
        print("FAIL the duplicate-key hook accepted a repeated key")
        failed += 1
    except DuplicateKey:
        pass

    print(f"{checked} JSON documents checked, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

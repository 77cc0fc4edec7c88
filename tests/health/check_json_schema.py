#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Runs closeplan and checks its JSON output against a schema under docs/schemas/.

    check_json_schema.py CLOSEPLAN SCHEMA -- ARGS... [:: ARGS...]

Each ARGS group is one closeplan run (working directory: the repository root);
its standard output must be one JSON document valid under SCHEMA. Exit codes
0 (and 8 for a health gate) are accepted; anything else fails the test.
"""
import json
import os
import subprocess
import sys

import jsonschema


def main() -> int:
    closeplan, schema_path, sep, *rest = sys.argv[1:]
    assert sep == "--", "usage: check_json_schema.py CLOSEPLAN SCHEMA -- ARGS... [:: ARGS...]"
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    with open(schema_path, encoding="utf-8") as f:
        schema = json.load(f)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    runs, current = [], []
    for arg in rest:
        if arg == "::":
            runs.append(current)
            current = []
        else:
            current.append(arg)
    if current:
        runs.append(current)
    failed = 0
    for args in runs:
        done = subprocess.run([closeplan, *args], cwd=root, capture_output=True, text=True,
                              env={**os.environ, "LC_ALL": "C", "TZ": "UTC"})
        label = "closeplan " + " ".join(args)
        if done.returncode not in (0, 8):
            print(f"FAIL {label}: exit {done.returncode}\n{done.stderr}")
            failed += 1
            continue
        try:
            document = json.loads(done.stdout)
        except json.JSONDecodeError as e:
            print(f"FAIL {label}: not JSON: {e}")
            failed += 1
            continue
        # The schema must be able to fail: the document without its first key is invalid.
        if isinstance(document, dict) and document and validator.is_valid(dict(list(document.items())[1:])):
            print(f"FAIL {label}: the schema accepts the document with a required key removed")
            failed += 1
            continue
        errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
        for error in errors:
            print(f"FAIL {label}: {'/'.join(map(str, error.path))}: {error.message}")
        failed += 1 if errors else 0
        if not errors:
            print(f"ok   {label}")
    print(f"{len(runs) - failed} of {len(runs)} outputs valid under {os.path.basename(schema_path)}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())

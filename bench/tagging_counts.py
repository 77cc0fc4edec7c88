#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Instruction counts per case from `valgrind --tool=callgrind --collect-atstart=no
bench/tagging_bench 0` (one dump per case and mode, named by the case):

    cd /tmp/x && valgrind --tool=callgrind --collect-atstart=no BUILD/bench/tagging_bench 0
    bench/tagging_counts.py /tmp/x [/tmp/baseline]

Prints each case's instructions untagged and tagged and the difference; with a
second folder (the same bench run on another build), its untagged figure as
"before" and the differences to it.
"""
import glob
import os
import re
import sys


def counts(folder):
    found = {}
    for path in glob.glob(os.path.join(folder, "callgrind.out.*.*")):
        with open(path, encoding="latin-1") as f:
            text = f.read(4096)
        trigger = re.search(r"^desc: Trigger: Client Request: (\S+)$", text, re.M)
        total = re.search(r"^summary: (\d+)$", text, re.M)
        if not total:
            with open(path, encoding="latin-1") as f:
                total = re.search(r"^(?:summary|totals): (\d+)$", f.read(), re.M)
        if trigger and total:
            case, mode = trigger.group(1).rsplit(":", 1)
            found.setdefault(case, {})[mode] = int(total.group(1))
    return found


def percent(before, after):
    return f"{100.0 * (after - before) / before:+.0f}%"


def main():
    now = counts(sys.argv[1])
    base = counts(sys.argv[2]) if len(sys.argv) > 2 else {}
    head = f"{'case':24} {'untagged':>12} {'tagged':>12} {'':>6}"
    if base:
        head += f" {'before':>12} {'tagged/before':>13}"
    print(head)
    for case in sorted(now, key=lambda c: (c.split(":")[0], c)):
        u, t = now[case].get("untagged"), now[case].get("tagged")
        if u is None or t is None:
            continue
        line = f"{case:24} {u:>12,} {t:>12,} {percent(u, t):>6}"
        b = base.get(case, {}).get("untagged")
        if b:
            line += f" {b:>12,} {percent(b, t):>13}"
        print(line)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""How the cost of closeplan grows with the size of one input (issue 13: every
cost linear). For each case it makes the input at a quarter size and at full
size and prints the CPU seconds of each (user + system, the least of --reps
runs, so a busy machine's waiting does not count), their ratio, and with
--instructions the instructions callgrind counts (repeatable on a noisy
machine). A linear cost gives a ratio near 4; a quadratic one near 16. A figure
to read, never a pass/fail threshold.

    bench/input_costs.py build/closeplan [--reps 3] [--instructions] [CASE...]

Cases: csv-columns (a 2-line export of 25,000 and 100,000 columns), task-rows
(5,000 and 20,000 task rows of one deal under --group-by), stakeholders (a plan
of 5,000 and 20,000 stakeholders to PDF, and to Markdown for comparison),
long-token (a 10,000- and 40,000-character milestone title to PDF).
"""
import argparse
import csv
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile

PLAN_HEAD = """closeplan: 1
deal: { name: Accounts payable pilot, buyer: Copperleaf Coffee Roasters, seller: Tallyworks }
as_of: 2026-03-02
target_close: 2026-04-30
stakeholders:
  - { id: grace, name: Grace Liu, title: Controller, side: buyer, role: economic_buyer }
  - { id: nora, name: Nora Quinn, title: Account Executive, side: seller, role: account_executive }
"""
PLAN_TAIL = """milestones:
  - { id: review, title: TITLE, owner: buyer, assignee: grace, due: 2026-04-03 }
  - { id: signature, title: Annual subscription signed, owner: both, due: 2026-04-30, depends_on: [review] }
sign_off: { buyer: grace, seller: nora }
"""


def plan(people=0, title="Pilot results reviewed"):
    extra = "".join(
        f"  - {{ id: p{i}, name: Person {i}, title: Analyst, side: buyer, role: technical_evaluator }}\n"
        for i in range(people))
    return PLAN_HEAD + extra + PLAN_TAIL.replace("TITLE", title)


def write_columns(path, n):
    header = ["Opportunity ID", "Opportunity Name", "Account Name", "Close Date", "Amount", "Stage",
              "Opportunity Owner"] + [f"Custom {i}" for i in range(n - 7)]
    row = ["006A1", "Deal", "Acme", "9/30/2026", "$1,000.00", "Qualification", "Chris"] + ["x"] * (n - 7)
    with open(path, "w", newline="") as f:
        csv.writer(f).writerows([header, row])


def write_tasks(path, n):
    with open(path, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["Deal ID", "Deal Name", "Account", "Close Date", "Subject", "Due Date", "Assigned"])
        for i in range(n):
            w.writerow(["D1", "Deal", "Acme", "2026-09-30", f"Task {i}", f"2026-08-{1 + i % 28:02d}", "Chris"])


def cpu_seconds(cmd, out, reps):
    best = None
    for _ in range(reps):
        shutil.rmtree(out, ignore_errors=True)
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        t = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
        best = t if best is None else min(best, t)
    return best


def instructions(cmd, out, work):
    shutil.rmtree(out, ignore_errors=True)
    log = os.path.join(work, "callgrind.log")
    subprocess.run(["valgrind", "--tool=callgrind", f"--callgrind-out-file={work}/cg.out", f"--log-file={log}"] + cmd,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)
    m = re.search(r"refs:\s+([\d,]+)", open(log).read())
    return int(m.group(1).replace(",", "")) if m else 0


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("closeplan")
    ap.add_argument("cases", nargs="*", default=["csv-columns", "task-rows", "stakeholders", "long-token"])
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--instructions", action="store_true")
    args = ap.parse_args()
    exe = os.path.realpath(args.closeplan)
    work = tempfile.mkdtemp(prefix="input-costs.")
    out = os.path.join(work, "out")
    try:
        cases = []
        for case in args.cases:
            if case == "csv-columns":
                for n in (25000, 100000):
                    write_columns(f"{work}/cols{n}.csv", n)
                cases.append((case, "columns", 25000, 100000,
                              lambda n: [exe, "batch", f"{work}/cols{n}.csv", "-f", "md", "-o", out, "-j", "1",
                                         "--as-of", "2026-05-01"]))
            elif case == "task-rows":
                for n in (5000, 20000):
                    write_tasks(f"{work}/tasks{n}.csv", n)
                cases.append((case, "task rows", 5000, 20000,
                              lambda n: [exe, "batch", f"{work}/tasks{n}.csv", "--group-by", "Deal ID", "-f", "md",
                                         "-o", out, "-j", "1", "--as-of", "2026-05-01"]))
            elif case == "stakeholders":
                for n in (5000, 20000):
                    open(f"{work}/people{n}.yaml", "w").write(plan(people=n))
                for fmt in ("pdf", "md"):
                    cases.append((f"{case} -f {fmt}", "stakeholders", 5000, 20000,
                                  lambda n, fmt=fmt: [exe, "render", f"{work}/people{n}.yaml", "-f", fmt, "-o", out]))
            elif case == "long-token":
                for n in (10000, 40000):
                    open(f"{work}/title{n}.yaml", "w").write(plan(title="A" * n))
                cases.append((case, "characters", 10000, 40000,
                              lambda n: [exe, "render", f"{work}/title{n}.yaml", "-f", "pdf", "-o", out]))
            else:
                sys.exit(f"input_costs: unknown case {case}")
        print(f"{'case':<22} {'size':>17}  {'CPU s':>15}  {'ratio':>5}" + ("  instructions (ratio)" if args.instructions else ""))
        for name, unit, small, big, cmd in cases:
            a, b = cpu_seconds(cmd(small), out, args.reps), cpu_seconds(cmd(big), out, args.reps)
            line = f"{name:<22} {small:>7,} / {big:>7,}  {a:6.3f} / {b:6.3f}  {b / a:5.2f}"
            if args.instructions:
                ia, ib = instructions(cmd(small), out, work), instructions(cmd(big), out, work)
                line += f"  {ia / 1e6:,.0f}M / {ib / 1e6:,.0f}M ({ib / ia:.2f})"
            print(line + f"  [{unit}]", flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes a synthetic one-row-per-task CRM export for batch benchmarks and tests.

    bench/batch_generate_tasks.py ROWS DEALS [sorted|shuffled|due] > tasks.csv

Columns as tests/cli/fixtures/batch/tasks-mapping.yaml names them (run the
batch with `--mapping` that file and `--group-by "Opportunity ID"`). ROWS
task rows spread over DEALS deals (1 to 2*ROWS/DEALS-1 tasks each). Order:

    sorted    every deal's rows together (a report grouped by opportunity)
    shuffled  rows in a random order: nearly every deal open until the end,
              the worst case for memory
    due       sorted by due date, as a "my open tasks" report: a deal's rows
              spread over the file

Every 13th row or so has a line break in its subject. Deterministic: the
same arguments always give the same bytes. Close dates
fall 40 to 220 days after 2026-06-01; tasks are due 5 business-ish days
apart before the close; those due before 2026-06-01 are completed.
"""
import datetime
import random
import sys

ACCOUNTS = ["Northwind Health", "Copperleaf Coffee", "Globex", "Initech", "Umbrella Logistics",
            "Stadtwerke Nord", "Hafen AG", "Acme, Inc.", "Blue Sky \"Labs\"", "Wayne Enterprises"]
PRODUCTS = ["Claims analytics", "AP automation", "Renewal", "Expansion", "Pilot"]
TASKS = ["Discovery call", "Security questionnaire", "Legal review", "Pricing approval", "Reference call",
         "Technical deep dive", "Procurement onboarding", "Order form signature"]
SIDES = ["buyer", "seller", "both"]
PEOPLE = ["Nora Quinn", "Sam Ortiz", "Chris Park", "Dana Ruiz", "Lee Park", ""]
HEADER = ["Opportunity ID", "Opportunity Name", "Account Name", "Close Date", "Subject", "Owner Side", "Due Date",
          "Status", "Assigned To"]


def quoted(value):
    return '"' + value.replace('"', '""') + '"'


def task_counts(rows, deals):
    """Tasks per deal: varied, summing to exactly `rows`."""
    mean = rows / deals
    counts = [max(1, round(mean * (0.5 + (d * 7919 % 100) / 100))) for d in range(deals)]
    diff = rows - sum(counts)
    d = 0
    while diff != 0:
        step = 1 if diff > 0 else -1
        if counts[d % deals] + step >= 1:
            counts[d % deals] += step
            diff -= step
        d += 1
    return counts


def main():
    rows = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    deals = int(sys.argv[2]) if len(sys.argv) > 2 else max(1, rows // 10)
    order = sys.argv[3] if len(sys.argv) > 3 else "sorted"
    if order not in ("sorted", "shuffled", "due") or not 1 <= deals <= rows:
        sys.exit(__doc__)
    start = datetime.date(2026, 6, 1)
    records = []  # (due date, fields)
    for d, count in enumerate(task_counts(rows, deals)):
        close = start + datetime.timedelta(days=40 + (d * 37) % 180)
        account = ACCOUNTS[d % len(ACCOUNTS)]
        name = "{} {} #{}".format(account.split(",")[0].split(" ")[0], PRODUCTS[d % len(PRODUCTS)], d + 1)
        for t in range(count):
            due = close - datetime.timedelta(days=7 * (count - 1 - t))
            subject = TASKS[t % len(TASKS)] + ("" if t < len(TASKS) else " ({})".format(t // len(TASKS) + 1))
            if (d + t) % 13 == 0:
                subject += "\nthen the redlines"  # a quoted line break: one row over two lines
            status = "Completed" if due < start else ("In Progress" if t % 5 == 1 else "Not Started")
            records.append((due, [("006T{:010d}".format(d + 1)), name, account, close.isoformat(), subject,
                                  SIDES[(d + t) % 3], due.isoformat(), status, PEOPLE[(d + t) % len(PEOPLE)]]))
    if order == "shuffled":
        random.Random(20260601).shuffle(records)
    elif order == "due":
        records.sort(key=lambda r: r[0])  # stable: a deal's tasks keep their order
    out = sys.stdout
    out.write(",".join(quoted(h) for h in HEADER) + "\n")
    for _, fields in records:
        out.write(",".join(quoted(f) for f in fields) + "\n")


if __name__ == "__main__":
    main()

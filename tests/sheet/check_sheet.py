#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`closeplan sheet` and `closeplan apply` end to end, with openpyxl as the
spreadsheet program: the .xlsx's header, protection, date cells and lists;
the same bytes twice; the round trip (two dates moved, one status changed:
the new plan keeps the old dates as baselines, `check` reports the slips,
the comments survive); new and deleted rows; the CSV's neutralised formulas;
located errors for bad cells with nothing written."""
import csv
import datetime
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import openpyxl
import yaml

CLOSEPLAN = sys.argv[1]
FIXTURE = Path(sys.argv[2])
failures = []


def expect(condition, what):
    if not condition:
        failures.append(what)
        print("FAIL:", what)


def run(*args):
    return subprocess.run([CLOSEPLAN, *map(str, args)], capture_output=True, text=True)


def rows_by_id(ws):
    return {ws.cell(r, 1).value: r for r in range(2, ws.max_row + 1) if ws.cell(r, 1).value}


def check_workbook(work):
    sheet = work / "plan.xlsx"
    again = work / "again.xlsx"
    for target in (sheet, again):
        result = run("sheet", work / "plan.yaml", "-o", target)
        expect(result.returncode == 0, f"sheet exits 0: {result.stderr}")
    expect(sheet.read_bytes() == again.read_bytes(), "two runs give the same bytes")
    book = openpyxl.load_workbook(sheet)
    expect(book.sheetnames == ["Milestones", "How to edit", "closeplan"], f"sheets: {book.sheetnames}")
    expect(book["closeplan"].sheet_state == "hidden", "the rows as written are in a hidden sheet")
    ws = book["Milestones"]
    header = [c.value for c in ws[1]]
    expect(header == ["id", "title", "owner", "assignee", "due", "status", "notes"], f"header: {header}")
    expect(all(c.font.b for c in ws[1]), "header is bold")
    expect(ws.freeze_panes == "A2", f"header frozen: {ws.freeze_panes}")
    expect(ws.protection.sheet, "the sheet is protected")
    rows = rows_by_id(ws)
    expect(list(rows) == ["discovery", "sec-review", "business-case", "signature"], f"rows: {list(rows)}")
    r = rows["sec-review"]
    expect(ws.cell(r, 1).protection.locked, "the id cell is locked")
    expect(all(not ws.cell(r, c).protection.locked for c in range(2, 8) if ws.cell(r, c).value is not None),
           "the other cells are open")
    expect(not ws.column_dimensions["B"].width is None and ws.column_dimensions["B"].width > 20, "title column is wide")
    due = ws.cell(r, 5)
    expect(due.is_date and due.value == datetime.datetime(2026, 5, 22), f"due is a date cell: {due.value!r}")
    expect(ws.cell(rows["signature"], 2).data_type == "s", "plan text is a string cell, never a formula")
    lists = {str(dv.sqref): dv.formula1 for dv in ws.data_validations.dataValidation if dv.type == "list"}
    expect(lists.get("F2:F205") == '"not_started,scheduled,in_progress,done,blocked"', f"status list: {lists}")
    expect(lists.get("C2:C205") == '"buyer,seller,both"', f"owner list: {lists}")
    expect(lists.get("D2:D205") == '"dana,lee,sam"', f"assignee list: {lists}")
    return sheet


def check_round_trip(work, sheet):
    book = openpyxl.load_workbook(sheet)
    ws = book["Milestones"]
    rows = rows_by_id(ws)
    ws.cell(rows["sec-review"], 5).value = datetime.datetime(2026, 6, 5)
    ws.cell(rows["business-case"], 5).value = datetime.datetime(2026, 6, 12)
    ws.cell(rows["business-case"], 6).value = "in_progress"
    edited = work / "edited.xlsx"
    book.save(edited)
    result = run("apply", work / "plan.yaml", edited, "-o", work / "new.yaml")
    expect(result.returncode == 0, f"apply exits 0: {result.stderr}")
    expect("re-dated" in result.stdout and "in_progress" in result.stdout, f"apply prints the diff: {result.stdout}")
    text = (work / "new.yaml").read_text()
    original = (work / "plan.yaml").read_text()
    for line in original.splitlines():
        if line.strip().startswith("#") or " # " in line:
            expect(line in text.splitlines(), f"comment kept: {line}")
    new = yaml.safe_load(text)
    steps = {m["id"]: m for m in new["milestones"]}
    expect(str(steps["sec-review"]["due"]) == "2026-06-05", "sec-review moved")
    expect(str(steps["sec-review"].get("baseline")) == "2026-05-22", "sec-review keeps its old date as baseline")
    expect(str(steps["business-case"].get("baseline")) == "2026-05-29", "business-case keeps its old date as baseline")
    expect(steps["business-case"]["status"] == "in_progress", "status changed")
    expect(steps["signature"]["title"] == '=HYPERLINK("http://evil.example","click")', "other text untouched")
    check = run("check", work / "new.yaml", "--format", "json")
    report = json.loads(check.stdout)
    slips = {f.get("pointer") for f in report["findings"] if f["rule"] == "H814"}
    expect({"/milestones/1/due", "/milestones/2/due"} <= slips, f"check reports both slips: {slips}")
    # Nothing else moved: the diff of the two plans is these three changes.
    diff = run("diff", work / "plan.yaml", work / "new.yaml", "-f", "json")
    changes = json.loads(diff.stdout)["changes"]
    expect(len(changes) == 3, f"three changes: {changes}")


def check_rows_added_and_deleted(work, sheet):
    book = openpyxl.load_workbook(sheet)
    ws = book["Milestones"]
    rows = rows_by_id(ws)
    ws.delete_rows(rows["discovery"])
    ws.append([None, "Kickoff call booked", "seller", "sam", datetime.datetime(2026, 7, 6), "scheduled", None])
    edited = work / "rows.xlsx"
    book.save(edited)
    kept = run("apply", work / "plan.yaml", edited, "-o", work / "kept.yaml")
    expect(kept.returncode == 0 and "warning[V270]" in kept.stderr, f"a deleted row is reported: {kept.stderr}")
    steps = [m["id"] for m in yaml.safe_load((work / "kept.yaml").read_text())["milestones"]]
    expect(steps == ["discovery", "sec-review", "business-case", "signature", "kickoff-call-booked"],
           f"kept, and the new row added with an id from its title: {steps}")
    removed = run("apply", work / "plan.yaml", edited, "-o", work / "removed.yaml", "--allow-remove")
    # discovery is a dependency of sec-review: removing it breaks the plan, so nothing is written.
    expect(removed.returncode == 4 and "R301" in removed.stderr and "V273" in removed.stderr,
           f"a removal that breaks a reference is refused: {removed.stderr}")
    expect(not (work / "removed.yaml").exists(), "nothing written when the result does not validate")


def check_bad_cells(work, sheet):
    book = openpyxl.load_workbook(sheet)
    ws = book["Milestones"]
    rows = rows_by_id(ws)
    ws.cell(rows["sec-review"], 5).value = "soon"
    ws.cell(rows["business-case"], 6).value = "finished"
    ws.cell(rows["signature"], 4).value = "kim"
    edited = work / "bad.xlsx"
    book.save(edited)
    result = run("apply", work / "plan.yaml", edited, "-o", work / "bad.yaml")
    expect(result.returncode == 4, f"bad cells exit 4: {result.returncode}")
    for located in (f"bad.xlsx:{rows['sec-review']}:5: error[V264]: row {rows['sec-review']}, column E (due)",
                    f"bad.xlsx:{rows['business-case']}:6: error[V265]: row {rows['business-case']}, column F (status)",
                    f"bad.xlsx:{rows['signature']}:4: error[V267]: row {rows['signature']}, column D (assignee)"):
        expect(located in result.stderr, f"located: {located} in {result.stderr}")
    expect(not (work / "bad.yaml").exists(), "nothing written when a cell is bad")


def check_plan_changed_since(work, sheet):
    """The plan moves on after the sheet went out: what the champion did not
    touch keeps the plan's new value; a value both changed is an error."""
    later = work / "later.yaml"
    later.write_text((work / "plan.yaml").read_text()
                     .replace("due: '2026-05-22'", "due: '2026-05-27'")
                     .replace("due: 2026-05-29, status", "due: 2026-06-03, status"))
    book = openpyxl.load_workbook(sheet)
    ws = book["Milestones"]
    rows = rows_by_id(ws)
    ws.cell(rows["signature"], 6).value = "scheduled"
    untouched = work / "untouched.xlsx"
    book.save(untouched)
    result = run("apply", later, untouched, "-o", work / "later-new.yaml")
    expect(result.returncode == 0, f"apply over a plan changed since exits 0: {result.stderr}")
    steps = {m["id"]: m for m in yaml.safe_load((work / "later-new.yaml").read_text())["milestones"]}
    expect(str(steps["sec-review"]["due"]) == "2026-05-27" and "baseline" not in steps["sec-review"],
           "a date the champion did not touch keeps the plan's newer value")
    expect(steps["signature"]["status"] == "scheduled", "the champion's edit is applied")
    ws.cell(rows["sec-review"], 5).value = datetime.datetime(2026, 6, 5)
    both = work / "both.xlsx"
    book.save(both)
    result = run("apply", later, both, "-o", work / "both-new.yaml")
    expect(result.returncode == 4 and f"both.xlsx:{rows['sec-review']}:5: error[V274]" in result.stderr,
           f"a value both changed is located: {result.stderr}")


def check_csv(work):
    target = work / "plan.csv"
    result = run("sheet", work / "plan.yaml", "-o", target)
    expect(result.returncode == 0, f"sheet -o .csv exits 0: {result.stderr}")
    raw = target.read_bytes()
    expect(raw.count(b"\r\n") == 5, "CRLF line ends")
    cells = [cell for row in csv.reader(raw.decode().splitlines()) for cell in row]
    expect(not any(c[:1] in ("=", "+", "-", "@", "\t", "\r") for c in cells), f"no cell starts a formula: {cells}")
    expect("'=HYPERLINK(\"http://evil.example\",\"click\")" in cells, "the formula is neutralised, kept as text")
    same = run("apply", work / "plan.yaml", target, "-o", work / "same.yaml")
    expect(same.returncode == 0 and "no changes" in same.stderr, f"the CSV as written changes nothing: {same.stderr}")


def main():
    with tempfile.TemporaryDirectory(prefix="closeplan-sheet-") as tmp:
        work = Path(tmp)
        shutil.copy(FIXTURE, work / "plan.yaml")
        sheet = check_workbook(work)
        check_round_trip(work, sheet)
        check_rows_added_and_deleted(work, sheet)
        check_bad_cells(work, sheet)
        check_plan_changed_since(work, sheet)
        check_csv(work)
    if failures:
        print(f"{len(failures)} check(s) failed")
        return 1
    print("sheet and apply: all checks passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Renders grid plans and the examples to PDF and checks what a buyer needs from the page.

    check_grid.py --closeplan BIN --root SRC --work DIR [--grid DIR] [CASE ...]

CASE is a grid case name from the manifest (tests/grid/make_grid.py writes
it), `example:<name>@letter` or `example:<name>@a4`, each of them also with
`full:` in front (rendered with `--template full`); without a CASE every grid
case and every example on both papers is checked, in both templates. `--grid DIR` is a
folder make_grid.py wrote; without it the grid is generated into WORK/plans.

For each case, with the real binary (`closeplan render -f pdf,pdf-bounds`,
with `--paper` only where the plan's locale would not give the case's paper):
  - the render exits 0;
  - `qpdf --check` passes;
  - `pdfinfo`: at most 2 pages, of the case's paper;
  - `pdftotext`: the title of every milestone not done and of the last
    milestone (the signature) is in the text, whitespace and line breaks
    ignored (a title split over lines, or at a hyphen, still counts);
  - the layout dump (`pdf-bounds`: each text run with its measured width and
    the area it was laid out in): no text under 8 pt, no text outside its
    area (a table cell, a column) or outside the page margins;
  - `pdftotext -bbox`: no word of the PDF itself crosses the left or right margin.
With `full:` (every row on as many pages as it takes) the page limit is off and
the title of every milestone must be in the text.
Prints one PASS/FAIL line per case with the reasons, and exits 1 when any case fails.
"""
import argparse
import json
import os
import re
import subprocess
import sys
import unicodedata

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from poppler_reading import as_pdftotext_reads  # noqa: E402

MIN_SIZE = 8.0
# The dump rounds every number to 0.01 pt; a run's right edge adds two of them.
DUMP_SLACK = 0.02
# Poppler's word boxes come from the font's widths, as painted; a little rounding.
PDF_SLACK = 0.5
PAPER_SIZES = {"letter": (612.0, 792.0), "a4": (595.28, 841.89)}
MAX_PAGES = 2
MAX_LISTED = 8  # problems of one kind listed per case

TEXT_LINE = re.compile(
    r'^text (\S+) (\S+) (\S+) (\S+) (#[0-9a-f]{6}) "((?:[^"\\]|\\.)*)" width (\S+) area (\S+) (\S+)$')
PAGE_LINE = re.compile(r"^page (\d+) ([\d.]+)x([\d.]+)$")
WORD_BOX = re.compile(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>')
UNITS = {"pt": 1.0, "mm": 72 / 25.4, "cm": 72 / 2.54, "in": 72.0}


def style_margins(root):
    """The page margins of styles/default.yaml (page.margin.*), in points."""
    margins = {}
    in_margin = False
    with open(os.path.join(root, "styles", "default.yaml"), encoding="utf-8") as f:
        for line in f:
            if re.match(r"^\s+margin:\s*$", line):
                in_margin = True
                continue
            m = re.match(r"^\s+(top|right|bottom|left):\s*([\d.]+)(pt|mm|cm|in)\b", line)
            if in_margin and m:
                margins[m.group(1)] = float(m.group(2)) * UNITS[m.group(3)]
            elif in_margin and line.strip() and not line.strip().startswith("#"):
                in_margin = False
    if set(margins) != {"top", "right", "bottom", "left"}:
        raise SystemExit("check_grid: cannot read page.margin from styles/default.yaml")
    return margins


def squeeze(text):
    """Text with every kind of whitespace removed, in NFC, for finding titles across line breaks."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFC", text))


def run(cmd, cwd=None):
    return subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, encoding="utf-8", errors="replace")


def limited(problems):
    return problems[:MAX_LISTED] + (["... %d more" % (len(problems) - MAX_LISTED)] if len(problems) > MAX_LISTED else [])


def check_titles(pdf, must_show):
    texts = []
    for mode in ([], ["-raw"]):
        out = run(["pdftotext", "-enc", "UTF-8"] + mode + [pdf, "-"])
        if out.returncode != 0:
            return ["pdftotext %s failed: %s" % (" ".join(mode), out.stderr.strip())]
        texts.append(squeeze(out.stdout))
        # A line that ends in a hyphen the layout added would split a word; accept it joined too.
        texts.append(squeeze(re.sub(r"-\s*\n\s*", "", out.stdout)))
    missing = [t for t in must_show
               if not any(squeeze(t) in text or squeeze(as_pdftotext_reads(t)) in text for text in texts)]
    return ["milestone not in the PDF text: %r" % t for t in missing]


def check_dump(path, margins):
    problems = {"size": [], "area": [], "margin": []}
    pages = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            page = PAGE_LINE.match(line)
            if page:
                pages.append((float(page.group(2)), float(page.group(3))))
                continue
            if not line.startswith("text "):
                continue
            m = TEXT_LINE.match(line)
            if not m:
                problems["size"].append("unreadable dump line: %s" % line)
                continue
            x, y, size, width = float(m.group(1)), float(m.group(2)), float(m.group(4)), float(m.group(7))
            left, right = float(m.group(8)), float(m.group(9))
            text = m.group(6)
            page_w, page_h = pages[-1]
            where = "page %d %r at x %.2f" % (len(pages), text, x)
            if size < MIN_SIZE - 0.005:
                problems["size"].append("%.2f pt text: %s" % (size, where))
            if right > left and (x < left - DUMP_SLACK or x + width > right + DUMP_SLACK):
                problems["area"].append("text outside its area %.2f..%.2f (run %.2f..%.2f): %s"
                                        % (left, right, x, x + width, where))
            # Glyphs reach about 0.75 em above the baseline and 0.21 em below it.
            if (x < margins["left"] - DUMP_SLACK or x + width > page_w - margins["right"] + DUMP_SLACK
                    or y + 0.75 * size > page_h - margins["top"] + DUMP_SLACK
                    or y - 0.21 * size < margins["bottom"] - DUMP_SLACK):
                problems["margin"].append("text outside the margins (run %.2f..%.2f, baseline %.2f): %s"
                                          % (x, x + width, y, where))
    out = []
    for kind in ("size", "area", "margin"):
        out += limited(problems[kind])
    return out, len(pages)


def check_pdf_words(pdf, margins):
    out = run(["pdftotext", "-enc", "UTF-8", "-bbox", pdf, "-"])
    if out.returncode != 0:
        return ["pdftotext -bbox failed: %s" % out.stderr.strip()]
    problems = []
    page_w = None
    for line in out.stdout.splitlines():
        page = re.search(r'<page width="([\d.]+)"', line)
        if page:
            page_w = float(page.group(1))
            continue
        word = WORD_BOX.search(line)
        if not word or page_w is None:
            continue
        x_min, x_max = float(word.group(1)), float(word.group(3))
        if x_min < margins["left"] - PDF_SLACK or x_max > page_w - margins["right"] + PDF_SLACK:
            problems.append("PDF word %r at x %.2f..%.2f crosses the margins (%.2f..%.2f)"
                            % (word.group(5), x_min, x_max, margins["left"], page_w - margins["right"]))
    return limited(problems)


def check_pdfinfo(pdf, paper, dump_pages, max_pages):
    out = run(["pdfinfo", pdf])
    if out.returncode != 0:
        return ["pdfinfo failed: %s" % out.stderr.strip()]
    pages = int(re.search(r"^Pages:\s+(\d+)", out.stdout, re.M).group(1))
    problems = []
    if max_pages and pages > max_pages:
        problems.append("%d pages (at most %d)" % (pages, max_pages))
    if pages != dump_pages:
        problems.append("the PDF has %d pages, the layout dump %d" % (pages, dump_pages))
    size = re.search(r"^Page size:\s+([\d.]+) x ([\d.]+) pts", out.stdout, re.M)
    if paper and size:
        want = PAPER_SIZES[paper]
        got = (float(size.group(1)), float(size.group(2)))
        if abs(got[0] - want[0]) > 0.5 or abs(got[1] - want[1]) > 0.5:
            problems.append("page size %gx%g, not %s" % (got[0], got[1], paper))
    return problems


def example_must_show(closeplan, plan, work, every_title):
    """The titles of the example's milestones not done (or all of them), then its last one, as closeplan
    reads them (plan.json)."""
    pack = os.path.join(work, "handoff")
    out = run([closeplan, "handoff", plan, "-o", pack])
    if out.returncode != 0:
        raise RuntimeError("closeplan handoff exited %d: %s" % (out.returncode, out.stderr.strip()))
    with open(os.path.join(pack, "plan.json"), encoding="utf-8") as f:
        milestones = json.load(f)["milestones"]
    titles = [m["title"] for m in milestones if every_title or m["status"] != "done"]
    if milestones and milestones[-1]["title"] not in titles:
        titles.append(milestones[-1]["title"])
    return titles


def check_case(closeplan, plan, paper, must_show, work, margins, paper_flag=True, full=False):
    os.makedirs(work, exist_ok=True)
    cmd = [closeplan, "render", plan, "-f", "pdf,pdf-bounds", "-o", work] + (["--paper", paper] if paper_flag else [])
    cmd += ["--template", "full"] if full else []
    out = run(cmd)
    if out.returncode != 0:
        return ["`%s` exited %d: %s" % (" ".join(cmd), out.returncode, out.stderr.strip())]
    stem = os.path.splitext(os.path.basename(plan))[0]
    pdf = os.path.join(work, stem + ".pdf")
    problems = []
    qpdf = run(["qpdf", "--check", pdf])
    if qpdf.returncode != 0:
        problems.append("qpdf --check exited %d: %s" % (qpdf.returncode, (qpdf.stdout + qpdf.stderr).strip()))
    dump_problems, dump_pages = check_dump(os.path.join(work, stem + ".bounds.txt"), margins)
    problems += check_pdfinfo(pdf, paper, dump_pages, None if full else MAX_PAGES)
    problems += check_titles(pdf, must_show)
    problems += dump_problems
    problems += check_pdf_words(pdf, margins)
    return problems


def self_test(root, work):
    """The checks find what they must: a dump with one run of each fault, and the title matching."""
    os.makedirs(work, exist_ok=True)
    dump = os.path.join(work, "faults.bounds.txt")
    with open(dump, "w", encoding="utf-8") as f:
        f.write('document title="x" fonts=standard "Helvetica"\n'
                "page 1 612.00x792.00\n"
                'text 31.18 700.00 regular 8.00 #000000 "fine" width 20.00 area 31.18 100.00\n'
                'text 31.18 690.00 regular 7.99 #000000 "small" width 20.00 area 31.18 100.00\n'
                'text 80.03 680.00 regular 8.00 #000000 "over \\"its\\" cell" width 20.00 area 31.18 100.00\n'
                'text 560.85 670.00 regular 8.00 #000000 "past the margin" width 20.00 area 0.00 0.00\n'
                'text 40.00 28.00 regular 8.00 #000000 "under the margin" width 20.00 area 0.00 0.00\n')
    problems, pages = check_dump(dump, style_margins(root))
    expected = ["7.99 pt text", "outside its area", "past the margin", "under the margin"]
    found = [any(e in p for p in problems) for e in expected]
    if pages != 1 or not all(found) or len(problems) != len(expected) or any("'fine'" in p for p in problems):
        print("FAIL self-test of the dump checks:\n  " + "\n  ".join(problems))
        return 1
    squeezed = squeeze("Vertrag von beiden Parteien\nunterzeich-\nnet")
    if squeeze("Vertrag von beiden Parteien unterzeichnet") in squeezed:
        print("FAIL self-test: a hyphen added at a line break must not count without the joined reading")
        return 1
    print("PASS self-test of the checks")
    return 0


def examples(root):
    found = {}
    examples_dir = os.path.join(root, "examples")
    for name in sorted(os.listdir(examples_dir)):
        for file in ("plan.yaml", "plan.json"):
            path = os.path.join(examples_dir, name, file)
            if os.path.isfile(path):
                found[name] = path
    return found


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--closeplan", required=True)
    parser.add_argument("--root", required=True, help="the source tree (styles/, examples/)")
    parser.add_argument("--work", required=True, help="a folder for the rendered files")
    parser.add_argument("--grid", help="a folder make_grid.py wrote (default: generate into WORK/plans)")
    parser.add_argument("--self-test", action="store_true", help="check the checks on made-up faults, render nothing")
    parser.add_argument("cases", nargs="*")
    args = parser.parse_args(argv)
    if args.self_test:
        return self_test(args.root, args.work)
    closeplan = os.path.abspath(args.closeplan)
    margins = style_margins(args.root)

    grid = args.grid
    if not grid:
        grid = os.path.join(args.work, "plans")
        subprocess.run([sys.executable, os.path.join(os.path.dirname(os.path.abspath(__file__)), "make_grid.py"), grid],
                       check=True)
    with open(os.path.join(grid, "manifest.json"), encoding="utf-8") as f:
        manifest = {c["name"]: c for c in json.load(f)["cases"]}
    plans = examples(args.root)
    names = args.cases or [prefix + name for prefix in ("", "full:") for name in
                           list(manifest) + ["example:%s@%s" % (e, p) for e in plans for p in PAPER_SIZES]]

    failed = 0
    for name in names:
        work = os.path.join(os.path.abspath(args.work), re.sub(r"[^A-Za-z0-9_.@-]", "_", name))
        full = name.startswith("full:")
        case_name = name[len("full:"):] if full else name
        try:
            if case_name.startswith("example:"):
                example, _, paper = case_name[len("example:"):].partition("@")
                if example not in plans or paper not in PAPER_SIZES:
                    raise RuntimeError("no such example case (examples: %s)" % ", ".join(plans))
                must_show = example_must_show(closeplan, plans[example], work, full)
                problems = check_case(closeplan, plans[example], paper, must_show, work, margins, full=full)
            else:
                if case_name not in manifest:
                    raise RuntimeError("no such grid case")
                case = manifest[case_name]
                # The paper is named only when the locale would not give it (docs/cli.md, --paper),
                # so half the grid checks the paper that comes from the locale.
                problems = check_case(closeplan, os.path.join(grid, case["plan"]), case["paper"],
                                      case["titles"] if full else case["must_show"], work, margins,
                                      paper_flag=case["paper"] != case["locale_paper"], full=full)
        except (RuntimeError, OSError, ValueError) as e:
            problems = [str(e)]
        if problems:
            failed += 1
            print("FAIL %s" % name)
            for p in problems:
                print("  " + p)
        else:
            print("PASS %s" % name)
    print("%d of %d cases passed" % (len(names) - failed, len(names)))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

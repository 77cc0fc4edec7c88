#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`closeplan render -f docx` end to end, read back by python-docx and LibreOffice.

    check_docx.py --closeplan BIN --root REPO [--update] PART

PART is one of:
  golden   word/document.xml of every example, pretty-printed, against
           examples/<name>/expected/plan.docx.xml (--update rewrites them)
  onepage  the northwind buyer plan on Letter and on A4: python-docx opens it,
           LibreOffice makes a one-page PDF (pdfinfo) whose text (pdftotext)
           has every milestone title and both signers; the milestone table's
           columns are not all equal; the same bytes twice
  outputs  --template full, --fragment and the handoff pack's handoff.docx:
           python-docx opens each, LibreOffice converts each, the text is there
  hostile  tests/docx/hostile.yaml: markup, CDATA ends and javascript: links stay text
"""
import argparse
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import xml.dom.minidom
import zipfile

import docx  # python3-docx

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
failures = []


def check(ok, message):
    if not ok:
        failures.append(message)
        print("FAIL " + message)


def render(closeplan, plan, out, *args):
    subprocess.run([closeplan, "render", plan.name, "-o", str(out), "-q", *args], cwd=plan.parent, check=True)


def to_pdf(docx_files, out):
    """LibreOffice headless, with a profile of its own so parallel tests never share one."""
    profile = tempfile.mkdtemp(prefix="closeplan-lo-")
    try:
        subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                        "--outdir", str(out), *map(str, docx_files)], check=True, capture_output=True, timeout=600)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return [out / (f.stem + ".pdf") for f in docx_files]


def pages(pdf):
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True).stdout
    return int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))


def pdf_text(pdf):
    text = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True).stdout
    return " ".join(text.replace("\u00a0", " ").split())


def plan_names(plan):
    """Milestone titles and both signers, read from the plan itself (python3-yaml)."""
    import yaml
    data = yaml.safe_load(plan.read_text(encoding="utf-8"))
    titles = [m["title"] for m in data["milestones"]]
    people = {s["id"]: s["name"] for s in data.get("stakeholders", [])}
    signers = []
    for side in ("buyer", "seller"):
        signer = data["sign_off"][side]
        signers.append(signer["name"] if isinstance(signer, dict) else people[signer])
    return titles, signers


def squeeze(text):
    return "".join(text.split())


def milestone_grid(path):
    """Column widths of the DOCX's milestone table: the first table with a repeating header row."""
    with zipfile.ZipFile(path) as archive:
        body = archive.read("word/document.xml").decode("utf-8")
    from xml.etree import ElementTree as ET
    root = ET.fromstring(body)
    for tbl in root.iter(W + "tbl"):
        if tbl.find(f"{W}tr/{W}trPr/{W}tblHeader") is not None:
            return [int(c.get(W + "w")) for c in tbl.find(W + "tblGrid")]
    return []


def pretty_document(path):
    with zipfile.ZipFile(path) as archive:
        body = archive.read("word/document.xml")
        rels = archive.read("word/_rels/document.xml.rels")
    pretty = lambda b: xml.dom.minidom.parseString(b).toprettyxml(indent="  ")
    return pretty(body) + "\n<!-- word/_rels/document.xml.rels -->\n" + pretty(rels)


def examples(root):
    for folder in sorted((root / "examples").iterdir()):
        plan = next((folder / n for n in ("plan.yaml", "plan.json") if (folder / n).exists()), None)
        if plan:
            yield folder, plan


def part_golden(closeplan, root, update, work):
    for folder, plan in examples(root):
        out = work / folder.name
        render(closeplan, plan, out, "-f", "docx")
        produced = out / (plan.stem + ".docx")
        docx.Document(str(produced))  # opens, or raises
        actual = pretty_document(produced)
        golden = folder / "expected" / "plan.docx.xml"
        if update:
            if not golden.exists() or golden.read_text(encoding="utf-8") != actual:
                golden.write_text(actual, encoding="utf-8")
                print(f"updated {golden}")
            continue
        check(golden.exists() and golden.read_text(encoding="utf-8") == actual,
              f"{folder.name}: word/document.xml differs from {golden} (scripts/update-goldens.sh, then review)")


def part_onepage(closeplan, root, work):
    plan = root / "examples" / "northwind" / "plan.yaml"
    titles, signers = plan_names(plan)
    files = []
    for paper in ("letter", "a4"):
        out = work / paper
        render(closeplan, plan, out, "-f", "docx", "--paper", paper)
        produced = out / "plan.docx"
        target = work / f"northwind-{paper}.docx"
        shutil.copy(produced, target)
        files.append(target)
        opened = docx.Document(str(target))
        check(len(opened.tables) >= 5, f"{paper}: python-docx finds {len(opened.tables)} tables")
        names = {s.name for s in opened.styles}
        for style in ("closeplan Heading 1", "closeplan Table", "closeplan Status Done"):
            check(style in names, f"{paper}: no style {style!r}")
        widths = milestone_grid(target)
        check(len(widths) == 5 and len(set(widths)) > 1, f"{paper}: milestone columns {widths} are all equal")
        check(widths and max(widths) > 3 * min(widths), f"{paper}: milestone columns {widths}: '#' is not narrow")
        render(closeplan, plan, work / (paper + "-again"), "-f", "docx", "--paper", paper)
        check((work / (paper + "-again") / "plan.docx").read_bytes() == produced.read_bytes(),
              f"{paper}: two renders give different bytes")
    for pdf, paper in zip(to_pdf(files, work), ("letter", "a4")):
        check(pages(pdf) == 1, f"{paper}: LibreOffice makes {pages(pdf)} pages of the buyer plan, not one")
        text = squeeze(pdf_text(pdf))
        for name in titles + signers:
            check(squeeze(name) in text, f"{paper}: the PDF text lacks {name!r}")
        size = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        want = "612 x 792" if paper == "letter" else "595"
        check(want in size, f"{paper}: page size is not {paper}: {size}")
    if not failures:
        print("ok northwind: one page on Letter and A4, every milestone and both signers, unequal columns, same bytes")


def part_outputs(closeplan, root, work):
    plan = root / "examples" / "northwind" / "plan.yaml"
    titles, signers = plan_names(plan)
    render(closeplan, plan, work / "full", "-f", "docx", "--template", "full")
    render(closeplan, plan, work / "fragment", "-f", "docx", "--fragment", "--heading-offset", "1")
    subprocess.run([closeplan, "handoff", plan.name, "-o", str(work / "handoff"), "-q"], cwd=plan.parent, check=True)
    files = []
    for name, path in (("full", work / "full" / "plan.docx"), ("fragment", work / "fragment" / "plan.fragment.docx"),
                       ("handoff", work / "handoff" / "handoff.docx")):
        check(path.exists(), f"{name}: {path.name} was not written")
        target = work / f"{name}.docx"
        shutil.copy(path, target)
        files.append(target)
        opened = docx.Document(str(target))
        text = squeeze(" ".join(p.text for p in opened.paragraphs) + " ".join(
            c.text for t in opened.tables for r in t.rows for c in r.cells))
        for title in titles:
            check(squeeze(title) in text, f"{name}: python-docx does not find {title!r}")
        headings = [p.style.name for p in opened.paragraphs if p.style.name.startswith("closeplan Heading")]
        check(headings, f"{name}: no closeplan Heading paragraphs")
        if name == "fragment":
            check(not any(p.style.name == "closeplan Title" for p in opened.paragraphs), "fragment: has a title block")
            check(headings[0] == "closeplan Heading 2", f"fragment --heading-offset 1: first heading is {headings[0]}")
    for pdf in to_pdf(files, work):
        # A title wrapped inside a table cell comes out of pdftotext in pieces,
        # between the other cells' lines: every word of it must be there.
        words = set(pdf_text(pdf).split())
        for title in titles:
            missing = [w for w in title.split() if w not in words]
            check(not missing, f"{pdf.name}: LibreOffice's PDF lacks {missing} of {title!r}")
    if not failures:
        print("ok full, fragment and handoff DOCX open in python-docx and LibreOffice with every milestone")


def part_hostile(closeplan, root, work):
    plan = root / "tests" / "docx" / "hostile.yaml"
    render(closeplan, plan, work, "-f", "docx")
    produced = work / "hostile.docx"
    with zipfile.ZipFile(produced) as archive:
        for name in archive.namelist():
            if name.endswith(".xml") or name.endswith(".rels"):
                xml.dom.minidom.parseString(archive.read(name))  # well-formed, or raises
        rels = archive.read("word/_rels/document.xml.rels").decode("utf-8")
        body = archive.read("word/document.xml").decode("utf-8")
    check("javascript:" not in rels, "a javascript: link became a relationship")
    check("<w:p><w:r><w:t>injected" not in body, "a title's <w:p> became markup")
    opened = docx.Document(str(produced))
    text = " ".join(p.text for p in opened.paragraphs)
    check("<w:p><w:r><w:t>injected</w:t></w:r></w:p> ]]> &amp; deal" in text, "the title's markup is not kept as text")
    check("javascript:alert(1)" in text, "the javascript: autolink's text is lost")
    check(not any(ch in text for ch in "\x07\x0b\x1b\x7f"), "a control character reached the text")
    if not failures:
        print("ok hostile: markup, CDATA ends, control characters and javascript: links stay text")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--closeplan", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--update", action="store_true")
    parser.add_argument("part", choices=["golden", "onepage", "outputs", "hostile"])
    args = parser.parse_args()
    closeplan = str(pathlib.Path(args.closeplan).resolve())
    root = pathlib.Path(args.root).resolve()
    with tempfile.TemporaryDirectory(prefix="closeplan-docx-") as tmp:
        work = pathlib.Path(tmp)
        if args.part == "golden":
            part_golden(closeplan, root, args.update, work)
        elif args.part == "onepage":
            part_onepage(closeplan, root, work)
        elif args.part == "outputs":
            part_outputs(closeplan, root, work)
        else:
            part_hostile(closeplan, root, work)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Reads back the tagged PDF of an example and checks what a screen reader and an archive need.

    check_tagged.py --closeplan BIN --root SRC --work DIR CASE

CASE is `<example>:plan` (the buyer plan), `<example>:full` (`--template full`),
`<example>:handoff` (the handoff pack) or `<example>:archival` (the buyer plan with
`--pdf-standard ua-1,a-2b`, and the handoff pack with `--pdf-standard a-2u`: every font
embedded (`pdffonts`), XMP pdfaid part 2 with conformance B or U and pdfuaid part 1,
an sRGB OutputIntent, a trailer /ID, all of the above besides). With the real binary and real readers:
  - `pdfinfo`: Tagged: yes, PDF version 1.7; `qpdf --check` passes;
  - `pdfinfo -struct`: the tree has Document, H1, H2, Table, TH, TD, Link, Figure
    (and L, LI where the plan has a list);
  - `pdfinfo -struct-text`: the milestone titles the page shows, in the plan's order;
  - pikepdf over the file: /Lang is the plan's locale, /MarkInfo /Marked true,
    /ViewerPreferences /DisplayDocTitle true; every TH has /A << /Scope Column|Row >>;
    every Figure has /Alt (the timeline's names every dated milestone in order); every
    page has /StructParents and /Tabs /S; every painting operator of every content
    stream lies in marked content that is an Artifact or has an MCID whose ParentTree
    entry is an element holding that MCID; every annotation has /StructParent and
    its element is a Link holding an OBJR to it;
  - the XMP metadata parses as XML and its dc:title is the info dictionary's title;
  - the same input renders to the same bytes twice;
  - handoff: the bookmarks are kept;
  - `<example>:lang`: the plan with two stakeholders renamed in Japanese and Arabic has a
    Span /Lang ja and a Span /Lang ar holding those names (their text read from the
    content streams with pdfminer); the script plans' Latin words a Span /Lang en.
Examples are looked for in examples/, then in tests/cli/fixtures/scripts/ (the Japanese and
Arabic plans); their deal name and milestone titles must read in logical order.
Prints PASS or FAIL with the reasons; exits 1 on failure.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET

import pikepdf
import yaml

PAINTING = {"Tj", "TJ", "'", '"', "Do", "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh", "BI"}


def run(cmd):
    return subprocess.run(cmd, capture_output=True, text=True)


# Where a CASE's example is looked for: the examples, then the script plans waiting to become examples.
PLAN_FOLDERS = ("examples", os.path.join("tests", "cli", "fixtures", "scripts"))


def example_plan(root, example):
    for parent in PLAN_FOLDERS:
        folder = os.path.join(root, parent, example)
        for name in ("plan.yaml", "plan.json"):
            if os.path.exists(os.path.join(folder, name)):
                return os.path.join(folder, name)
    raise SystemExit(f"no plan for {example} in " + " or ".join(PLAN_FOLDERS))


# Words of the script plans that stand alone in another script than the plan's: the /Lang of their Span.
PLAN_SPANS = {"alkhaleej": [("TALLYWORKS", "en")], "sakura": [("TALLYWORKS", "en")]}

# The `lang` case: two stakeholders renamed into other scripts, and the /Lang their Span must say.
FOREIGN_NAMES = (("佐藤 ゆき", "ja"), ("ليلى حداد", "ar"))


def plan_with_foreign_names(plan, out):
    """The plan with its first two stakeholders' names in Japanese and Arabic, written beside `out`."""
    with open(plan, encoding="utf-8") as f:
        text = f.read()
    names = [s["name"] for s in yaml.safe_load(text).get("stakeholders", [])][:2]
    for old, (new, _) in zip(names, FOREIGN_NAMES):
        text = text.replace(old, new)
    os.makedirs(out, exist_ok=True)
    renamed = os.path.join(out, "plan" + os.path.splitext(plan)[1])
    with open(renamed, "w", encoding="utf-8") as f:
        f.write(text)
    # The logos and value map the plan names, beside it as in the example.
    for item in os.listdir(os.path.dirname(plan)):
        source, target = os.path.join(os.path.dirname(plan), item), os.path.join(out, item)
        if item in ("plan.yaml", "plan.json", "expected") or os.path.exists(target):
            continue
        if os.path.isdir(source):
            shutil.copytree(source, target)
        else:
            shutil.copyfile(source, target)
    return renamed


def render(binary, plan, kind, out, extra):
    if os.path.isdir(out):
        shutil.rmtree(out)
    os.makedirs(out)
    value_map = os.path.join(os.path.dirname(plan), "value-map.yaml")
    vm = ["--value-map", value_map] if os.path.exists(value_map) else []
    if kind == "handoff":
        r = run([binary, "handoff", plan, "-o", out, "-q"] + vm + extra)
        pdf = os.path.join(out, "handoff.pdf")
    else:
        template = ["--template", "full"] if kind == "full" else []
        r = run([binary, "render", plan, "-f", "pdf", "-o", out, "-q"] + vm + template + extra)
        pdf = os.path.join(out, "plan.pdf")
    if r.returncode != 0:
        raise AssertionError(f"render exited {r.returncode}: {r.stderr}")
    return pdf


def name(obj):
    return str(obj)[1:] if isinstance(obj, pikepdf.Name) else str(obj)


class Tree:
    """The structure tree read with pikepdf: elements in order, MCIDs per page, OBJRs."""

    def __init__(self, pdf):
        self.pdf = pdf
        self.elements = []  # (tag, element)
        self.mcids = {}     # (page objgen, mcid) -> element objgen
        self.objrs = {}     # annotation objgen -> element
        self.page_gens = [p.obj.objgen for p in pdf.pages]
        root = pdf.Root.StructTreeRoot
        kids = root.K if isinstance(root.K, pikepdf.Array) else [root.K]
        for k in kids:
            self.walk(k, None)

    def walk(self, el, page):
        tag = name(el.S)
        self.elements.append((tag, el))
        page = el.get("/Pg", page)
        kids = el.get("/K")
        if kids is None:
            return
        if not isinstance(kids, pikepdf.Array):
            kids = [kids]
        for k in kids:
            if isinstance(k, int) or (not isinstance(k, pikepdf.Dictionary) and int(k) == k):
                self.mcids[(page.objgen, int(k))] = el.objgen
            elif k.get("/Type") == "/MCR":
                self.mcids[(k.Pg.objgen, int(k.MCID))] = el.objgen
            elif k.get("/Type") == "/OBJR":
                self.objrs[k.Obj.objgen] = el
            else:
                self.walk(k, page)


def check_content(pdf, tree, problems):
    parent_tree = {}
    nums = pdf.Root.StructTreeRoot.ParentTree.Nums
    for i in range(0, len(nums), 2):
        parent_tree[int(nums[i])] = nums[i + 1]
    for number, page in enumerate(pdf.pages, 1):
        if "/StructParents" not in page.obj:
            problems.append(f"page {number} has no /StructParents")
            continue
        if page.obj.get("/Tabs") != "/S":
            problems.append(f"page {number}: /Tabs is not /S")
        entry = parent_tree.get(int(page.obj.StructParents))
        stack = []  # each open sequence: ("artifact"|"mcid"|"other")
        seen = set()
        for operands, op in pikepdf.parse_content_stream(page):
            op = str(op)
            if op == "BMC":
                stack.append("artifact" if name(operands[0]) == "Artifact" else "other")
            elif op == "BDC":
                tag, props = name(operands[0]), operands[1]
                if tag == "Artifact":
                    stack.append("artifact")
                elif isinstance(props, pikepdf.Dictionary) and "/MCID" in props:
                    mcid = int(props.MCID)
                    seen.add(mcid)
                    stack.append("mcid")
                    owner = tree.mcids.get((page.obj.objgen, mcid))
                    if owner is None:
                        problems.append(f"page {number}: MCID {mcid} ({tag}) is in no structure element")
                    elif entry is None or mcid >= len(entry) or entry[mcid].objgen != owner:
                        problems.append(f"page {number}: ParentTree entry of MCID {mcid} is not its element")
                else:
                    stack.append("other")
            elif op == "EMC":
                if not stack:
                    problems.append(f"page {number}: EMC without BDC")
                else:
                    stack.pop()
            elif op in PAINTING and not any(s in ("artifact", "mcid") for s in stack):
                problems.append(f"page {number}: {op} outside tagged or artifact content")
                break
        if stack:
            problems.append(f"page {number}: marked content left open")
        if entry is not None and len(entry) != len(seen):
            problems.append(f"page {number}: ParentTree has {len(entry)} MCIDs, the page {len(seen)}")
        for annot in page.obj.get("/Annots", []):
            if "/StructParent" not in annot:
                problems.append(f"page {number}: an annotation has no /StructParent")
                continue
            el = tree.objrs.get(annot.objgen)
            if el is None or name(el.S) != "Link":
                problems.append(f"page {number}: an annotation is not the OBJR of a Link")
            elif parent_tree.get(int(annot.StructParent)) is None or parent_tree[int(annot.StructParent)].objgen != el.objgen:
                problems.append(f"page {number}: an annotation's ParentTree entry is not its Link")
            if "/Contents" not in annot:
                problems.append(f"page {number}: an annotation has no /Contents")


def plan_data(plan):
    with open(plan, encoding="utf-8") as f:
        return yaml.safe_load(f)  # JSON is YAML


def milestone_titles(plan):
    return [m["title"] for m in plan_data(plan).get("milestones", [])]


def squash(text):
    return re.sub(r"\s+", "", text)


def check_archival(pdf_path, conformance, ua, problems):
    if run(["qpdf", "--check", pdf_path]).returncode != 0:
        problems.append(f"qpdf --check fails on {pdf_path}")
    fonts = run(["pdffonts", pdf_path]).stdout.splitlines()[2:]
    if not fonts:
        problems.append("pdffonts: no fonts")
    for line in fonts:
        # name type [type] encoding emb sub uni object ID: emb is the fifth field from the end.
        if line.split()[-5] != "yes":
            problems.append("pdffonts: not embedded: " + line)
    with pikepdf.open(pdf_path) as pdf:
        ns = {"pdfaid": "http://www.aiim.org/pdfa/ns/id/", "pdfuaid": "http://www.aiim.org/pdfua/ns/id/"}
        xmp = ET.fromstring(bytes(pdf.Root.Metadata.read_bytes()))
        part = xmp.find(".//pdfaid:part", ns)
        level = xmp.find(".//pdfaid:conformance", ns)
        if part is None or part.text != "2" or level is None or level.text != conformance:
            problems.append(f"XMP: not pdfaid part 2 conformance {conformance}")
        ua_part = xmp.find(".//pdfuaid:part", ns)
        if ua and (ua_part is None or ua_part.text != "1"):
            problems.append("XMP: no pdfuaid:part 1")
        intents = pdf.Root.get("/OutputIntents")
        if not intents or intents[0].get("/S") != "/GTS_PDFA1" or int(intents[0].DestOutputProfile.get("/N", 0)) != 3:
            problems.append("no sRGB PDF/A OutputIntent")
        ids = pdf.trailer.get("/ID")
        if ids is None or len(ids) != 2:
            problems.append("no trailer /ID")
        for page in pdf.pages:
            if "/Group" in page.obj:
                problems.append("a page has a transparency group")


def element_texts(pdf, tree):
    """Each element's own marked content as text, read from the content streams through the
    fonts' ToUnicode maps (pdfminer), keyed by the element's objgen: what a screen reader reads."""
    from pdfminer.high_level import extract_pages  # noqa: F401 (only to fail early when missing)
    from pdfminer.pdfinterp import PDFPageInterpreter, PDFResourceManager
    from pdfminer.pdfdevice import PDFDevice
    from pdfminer.pdfpage import PDFPage

    class Device(PDFDevice):
        def __init__(self, rsrcmgr):
            super().__init__(rsrcmgr)
            self.stack = []
            self.texts = {}  # mcid -> text

        def begin_tag(self, tag, props=None):
            mcid = props.get("MCID") if isinstance(props, dict) else None
            self.stack.append(mcid)

        def end_tag(self):
            if self.stack:
                self.stack.pop()

        def render_string(self, textstate, seq, ncs, graphicstate):
            mcid = next((m for m in reversed(self.stack) if m is not None), None)
            if mcid is None:
                return
            font = textstate.font
            out = self.texts.setdefault(mcid, [])
            for obj in seq:
                if isinstance(obj, bytes):
                    for cid in font.decode(obj):
                        try:
                            out.append(font.to_unichr(cid))
                        except Exception:  # a glyph with no text
                            pass

    texts = {}
    rsrc = PDFResourceManager()
    with open(pdf.filename, "rb") as f:
        for page, page_gen in zip(PDFPage.get_pages(f), tree.page_gens):
            device = Device(rsrc)
            PDFPageInterpreter(rsrc, device).process_page(page)
            for mcid, chars in device.texts.items():
                owner = tree.mcids.get((page_gen, mcid))
                if owner is not None:
                    texts[owner] = texts.get(owner, "") + "".join(chars)
    return texts


def check_languages(pdf, tree, lang_of_text, problems):
    """Every (text, lang) of `lang_of_text`: a Span with that /Lang holds the text."""
    texts = element_texts(pdf, tree)
    spans = [(str(el.get("/Lang", "")), squash(texts.get(el.objgen, ""))) for tag, el in tree.elements if tag == "Span"]
    for text, lang in lang_of_text:
        if not any(l == lang and squash(text) in t for l, t in spans):
            problems.append(f"no Span /Lang {lang} holds {text!r} (Spans: {spans[:8]})")


def check(args, case):
    example, kind = case.split(":")
    plan = example_plan(args.root, example)
    out = os.path.join(args.work, f"{example}.{kind}")
    problems = []
    if kind == "lang":
        # Text in another script than the document's is a Span with its own /Lang.
        plan = plan_with_foreign_names(plan, out + ".plan")
        pdf_path = render(args.closeplan, plan, "plan", out, [])
        with pikepdf.open(pdf_path) as pdf:
            check_languages(pdf, Tree(pdf), [(n, l) for n, l in FOREIGN_NAMES], problems)
        print(("FAIL " if problems else "PASS ") + case + "".join("\n  " + p for p in problems))
        return not problems
    if kind == "archival":
        extra = ["--pdf-standard", "ua-1,a-2b"]
        check_archival(render(args.closeplan, plan, "plan", out, extra), "B", True, problems)
        pdf_path = render(args.closeplan, plan, "handoff", out + ".handoff", ["--pdf-standard", "a-2u"])
        check_archival(pdf_path, "U", False, problems)
        print(("FAIL " if problems else "PASS ") + case + "".join("\n  " + p for p in problems))
        return not problems
    pdf_path = render(args.closeplan, plan, kind, out, [])

    info = run(["pdfinfo", pdf_path]).stdout
    if not re.search(r"^Tagged:\s+yes$", info, re.M):
        problems.append("pdfinfo: not Tagged: yes")
    if not re.search(r"^PDF version:\s+1\.7$", info, re.M):
        problems.append("pdfinfo: PDF version is not 1.7")
    checked = run(["qpdf", "--check", pdf_path])
    if checked.returncode != 0:
        problems.append("qpdf --check: " + checked.stdout + checked.stderr)

    struct = run(["pdfinfo", "-struct", pdf_path]).stdout
    tags = set(re.findall(r"^\s*(\w+)", struct, re.M))
    # The handoff pack has no timeline: a Figure only where the plan has logos.
    wanted = {"Document", "H1", "H2", "Table", "THead", "TBody", "TR", "TH", "TD", "Link"}
    if kind != "handoff":
        wanted |= {"Figure", "L", "LI", "LBody"}
    elif "logo" in open(plan, encoding="utf-8").read():
        wanted |= {"Figure"}
    missing = wanted - tags
    if missing:
        problems.append("pdfinfo -struct lacks " + ", ".join(sorted(missing)))

    # The milestone titles the page shows, in the plan's order, and the deal's name: right-to-left
    # text too reads in logical order (the content streams hold its glyphs in reading order).
    text = squash(run(["pdfinfo", "-struct-text", pdf_path]).stdout)
    deal_name = squash(plan_data(plan).get("deal", {}).get("name", ""))
    if kind != "handoff" and deal_name not in text:
        problems.append(f"-struct-text: the deal's name {deal_name!r} is missing or not in reading order")
    at = 0
    shown = 0
    for title in milestone_titles(plan):
        found = text.find(squash(title), at)
        if found < 0:
            if kind == "full":
                problems.append(f"-struct-text: milestone {title!r} missing or out of order")
            continue
        shown += 1
        at = found + 1
    if shown == 0:
        problems.append("-struct-text: no milestone title")

    with pikepdf.open(pdf_path) as pdf:
        root = pdf.Root
        lang = str(root.get("/Lang", ""))
        if not lang:
            problems.append("no /Lang")
        if not (root.get("/MarkInfo") and bool(root.MarkInfo.get("/Marked"))):
            problems.append("no /MarkInfo << /Marked true >>")
        if not (root.get("/ViewerPreferences") and bool(root.ViewerPreferences.get("/DisplayDocTitle"))):
            problems.append("no /ViewerPreferences << /DisplayDocTitle true >>")
        tree = Tree(pdf)
        for tag, el in tree.elements:
            if tag == "TH":
                scope = el.get("/A", {}).get("/Scope") if el.get("/A") is not None else None
                if scope not in ("/Column", "/Row"):
                    problems.append("a TH without /Scope")
                    break
        figures = [el for tag, el in tree.elements if tag == "Figure"]
        for el in figures:
            if not str(el.get("/Alt", "")).strip():
                problems.append("a Figure without /Alt")
        titles = milestone_titles(plan)
        timeline = [str(el.Alt) for el in figures if "#1 " in str(el.get("/Alt", ""))]
        if kind != "handoff" and timeline:
            alt = squash(timeline[0])
            pos = 0
            for t in titles:
                i = alt.find(squash(t), pos)
                if i >= 0:
                    pos = i + 1
                elif t in timeline[0]:
                    problems.append(f"timeline /Alt names {t!r} out of order")
        check_content(pdf, tree, problems)
        if kind == "plan" and example in PLAN_SPANS:
            check_languages(pdf, tree, PLAN_SPANS[example], problems)
        # XMP: parses, and says the info dictionary's title.
        try:
            xmp = ET.fromstring(bytes(root.Metadata.read_bytes()))
            ns = {"dc": "http://purl.org/dc/elements/1.1/", "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
            xmp_title = xmp.find(".//dc:title/rdf:Alt/rdf:li", ns)
            if xmp_title is None or xmp_title.text != str(pdf.docinfo.get("/Title", "")):
                problems.append("XMP dc:title is not the info title")
        except (ET.ParseError, AttributeError, KeyError) as e:
            problems.append(f"XMP metadata: {e}")
        if kind == "handoff" and len(list(pdf.open_outline().root)) == 0:
            problems.append("the handoff pack lost its bookmarks")

    again = render(args.closeplan, plan, kind, out + ".again", [])
    with open(pdf_path, "rb") as a, open(again, "rb") as b:
        if a.read() != b.read():
            problems.append("not deterministic: two renders differ")

    print(("FAIL " if problems else "PASS ") + case + "".join("\n  " + p for p in problems))
    return not problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--closeplan", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--work", required=True)
    parser.add_argument("cases", nargs="+")
    args = parser.parse_args()
    os.makedirs(args.work, exist_ok=True)
    ok = all([check(args, case) for case in args.cases])
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()

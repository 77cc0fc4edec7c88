#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The Markdown fragment inside a proposal, through Debian's pandoc.

For each example: `closeplan render --fragment -f md --heading-offset 1`,
placed under the proposal's own "## Mutual action plan" heading, then pandoc
to HTML and to DOCX. The milestone table must still be a table with every
milestone row (HTML <table>, DOCX w:tbl read with zipfile), the sections must
nest under the proposal's heading, and no title block may appear. The
separator's dash counts (display columns: a CJK character is two) size
pandoc's columns: the DOCX milestone table's columns must not all be equal,
and LibreOffice's rendering of the DOCX (to PDF, read by pdftotext) must
break no word of the milestone table inside it (between two CJK characters
is not inside a word: Japanese and Chinese lines break there).

    pandoc_roundtrip.py CLOSEPLAN EXAMPLE_DIR...
"""
import html.parser
import pathlib
import re
import shutil
import subprocess
import sys
import tempfile
import unicodedata
import xml.etree.ElementTree as ET
import zipfile

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def plain(text):
    """White space collapsed, and pandoc's smart quotes and dashes back to ASCII."""
    for fancy, ascii_ in (("\u2019", "'"), ("\u2018", "'"), ("\u201c", '"'), ("\u201d", '"'), ("\u2013", "--"),
                          ("\u2014", "---"), ("\u2026", "...")):
        text = text.replace(fancy, ascii_)
    return " ".join(text.split())


def wide(char):
    """An East Asian wide or fullwidth character (CJK ideographs, kana, Hangul, fullwidth forms)."""
    return unicodedata.east_asian_width(char) in ("W", "F")


def md_unescape(text):
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", text)


def milestone_rows(fragment):
    """Number and title of each row of the fragment's milestone table, as GFM pipe rows."""
    lines = fragment.splitlines()
    # The milestone table is the one whose first column is the row number "#" (in every language).
    start = next(i for i, line in enumerate(lines) if line.startswith("| \\# |"))
    rows = []
    for line in lines[start + 2:]:
        if not line.startswith("| "):
            break
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        title = md_unescape(cells[1].split(" / ")[0])
        title = re.sub(r"[*_`]", "", title)
        rows.append((cells[0], title))
    return rows


class TableText(html.parser.HTMLParser):
    """Rows of every <table>, and the headings in order."""

    def __init__(self):
        super().__init__()
        self.tables, self.headings = [], []
        self._row = None
        self._heading = None

    def handle_starttag(self, tag, attrs):
        if tag == "table":
            self.tables.append([])
        elif tag == "tr" and self.tables:
            self._row = ""
        elif re.fullmatch(r"h[1-6]", tag):
            self._heading = [tag, ""]

    def handle_endtag(self, tag):
        if tag == "tr" and self._row is not None:
            self.tables[-1].append(plain(self._row))
            self._row = None
        elif re.fullmatch(r"h[1-6]", tag) and self._heading:
            self.headings.append((self._heading[0], " ".join(self._heading[1].split())))
            self._heading = None

    def handle_data(self, data):
        if self._row is not None:
            self._row += data
        if self._heading is not None:
            self._heading[1] += data


def cell_words(fragment):
    """Every word of the fragment's milestone table, as plain text. (The other
    tables are not held to it: a six-column stakeholder table's longest words,
    an e-mail address among them, do not all fit a line of pandoc's 12 pt
    text, and long German compounds neither; docs/embedding.md says so.)"""
    words = set()
    lines = fragment.splitlines()
    start = next(i for i, line in enumerate(lines) if line.startswith("| \\# |"))
    for line in lines[start:]:
        if not line.startswith("| "):
            break
        if re.fullmatch(r"[|:\- ]+", line):
            continue
        text = md_unescape(re.sub(r"\[([^\]]*)\]\([^)]*\)", r"\1", line))
        text = re.sub(r"[*_`~|]", " ", text).replace("\u00a0", " ")
        words.update(w for w in text.split() if len(w) > 1)
    return words


def broken_words(name, docx, fragment, work):
    """Words of the milestone table that LibreOffice's rendering of pandoc's DOCX breaks inside."""
    profile = work / f"lo-profile-{name}"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(work), str(docx)], check=True, capture_output=True, timeout=300)
    shutil.rmtree(profile, ignore_errors=True)
    text = subprocess.run(["pdftotext", str(work / (docx.stem + ".pdf")), "-"], check=True, capture_output=True,
                          text=True).stdout
    words = cell_words(fragment)
    lines = [line.split() for line in text.splitlines() if line.split()]
    # Only the milestone table's stretch of the page: from its first row's
    # title to a little past its last row's (the cells after it on the row).
    rows = milestone_rows(fragment)
    first = " ".join(rows[0][1].split()[:2])
    last = " ".join(rows[-1][1].split()[:2])
    joined = [" ".join(line) for line in lines]
    start = next((i for i, line in enumerate(joined) if first in line), 0)
    end = next((i for i in range(len(joined) - 1, -1, -1) if last in joined[i]), len(joined) - 1)
    lines = lines[start:end + 12]
    broken = []
    for before, after in zip(lines, lines[1:]):
        head, tail = before[-1], after[0]
        # A break after a hyphen or a slash is a break between words; Japanese and
        # Chinese lines break between any two of their characters (kinsoku aside).
        if head.endswith(("-", "/")) or head in words or (wide(head[-1]) and wide(tail[0])):
            continue
        if head + tail in words or any(w.startswith(head + tail) for w in words if len(head) > 2):
            broken.append(head + " | " + tail)
    if broken:
        return [f"{name}: LibreOffice breaks words inside in pandoc's DOCX: {broken[:5]}"]
    return []


def check(closeplan, example, work):
    failures = []
    plan = next(p for p in (example / "plan.yaml", example / "plan.json") if p.exists())
    fragment = subprocess.run(
        [closeplan, "render", plan.name, "--fragment", "-f", "md", "--heading-offset", "1", "-o", "-", "-q"],
        cwd=example, check=True, capture_output=True, text=True).stdout
    rows = milestone_rows(fragment)
    if not rows:
        return [f"{example.name}: the fragment has no milestone rows"]
    proposal = work / f"{example.name}.md"
    proposal.write_text("# Proposal\n\nWhy us, in one paragraph.\n\n## Mutual action plan\n\n" + fragment
                        + "\n## Pricing\n\nAnnual subscription.\n", encoding="utf-8")

    page = subprocess.run(["pandoc", "-f", "markdown", "-t", "html", str(proposal)],
                          check=True, capture_output=True, text=True).stdout
    parsed = TableText()
    parsed.feed(page)
    # The first table holding the first milestone (risks name milestones too, further down).
    table = next((t for t in parsed.tables if any(rows[0][1] in r for r in t)), None)
    if table is None:
        failures.append(f"{example.name}: pandoc HTML has no table holding the first milestone")
    else:
        if len(table) != len(rows) + 1:
            failures.append(f"{example.name}: pandoc HTML milestone table has {len(table)} rows, expected {len(rows) + 1}")
        for number, title in rows:
            if not any(title in r for r in table):
                failures.append(f"{example.name}: milestone {number} \"{title}\" is not in the HTML table")
    levels = [h for h, _ in parsed.headings]
    if levels.count("h1") != 1:
        failures.append(f"{example.name}: the fragment added a title heading: {parsed.headings}")
    plan_heading = parsed.headings.index(("h2", "Mutual action plan"))
    pricing = parsed.headings.index(("h2", "Pricing"))
    inside = parsed.headings[plan_heading + 1:pricing]
    if not inside or any(h != "h3" and h not in ("h4", "h5", "h6") for h, _ in inside) or inside[0][0] != "h3":
        failures.append(f"{example.name}: plan sections do not nest under the proposal heading: {inside}")

    docx = work / f"{example.name}.docx"
    subprocess.run(["pandoc", "-f", "markdown", "-o", str(docx), str(proposal)], check=True)
    with zipfile.ZipFile(docx) as archive:
        body = ET.fromstring(archive.read("word/document.xml"))
    tables = body.iter(W + "tbl")
    found = False
    for tbl in tables:
        row_texts = [plain("".join(t.text or "" for t in tr.iter(W + "t"))) for tr in tbl.iter(W + "tr")]
        if not any(rows[0][1] in r for r in row_texts):
            continue
        found = True  # the first such table: risks name milestones too, further down
        grid = [int(c.get(W + "w")) for c in tbl.find(W + "tblGrid")]
        if len(set(grid)) < 2:
            failures.append(f"{example.name}: pandoc's DOCX gives the milestone columns equal widths {grid}")
        if len(row_texts) != len(rows) + 1:
            failures.append(f"{example.name}: DOCX milestone table has {len(row_texts)} rows, expected {len(rows) + 1}")
        for number, title in rows:
            if not any(title in r for r in row_texts):
                failures.append(f"{example.name}: milestone {number} \"{title}\" is not in the DOCX table")
        break
    if not found:
        failures.append(f"{example.name}: word/document.xml has no w:tbl holding the milestones")
    failures += broken_words(example.name, docx, fragment, work)
    if not failures:
        print(f"ok {example.name}: {len(rows)} milestone rows survive pandoc to HTML and DOCX")
    return failures


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    closeplan = str(pathlib.Path(sys.argv[1]).resolve())
    failures = []
    with tempfile.TemporaryDirectory(prefix="closeplan-pandoc-") as tmp:
        for example in sys.argv[2:]:
            failures += check(closeplan, pathlib.Path(example).resolve(), pathlib.Path(tmp))
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""closeplan diff -f md output read back as GFM (pandoc): plan text stays text.

    check_diff_markdown.py CLOSEPLAN ARGS...

The fixtures carry a title with emphasis, a pipe and an HTML tag
("Two-week *trial* | with <b>dispatch</b>"). Read back, the title must be
plain text (no <b>, no <em>), and every table row must keep its cells.
"""
import html
import os
import re
import subprocess
import sys


def main() -> int:
    closeplan, *args = sys.argv[1:]
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    md = subprocess.run([closeplan, *args, "-f", "md"], cwd=root, capture_output=True, text=True, check=True).stdout
    page = subprocess.run(["pandoc", "-f", "gfm", "-t", "html", "--wrap=none"], input=md, capture_output=True, text=True,
                          check=True).stdout
    problems = []
    if "<b>" in page or "<em>trial" in page:
        problems.append("plan text became markup")
    title = "Two-week *trial* | with <b>dispatch</b>"
    if html.escape(title, quote=False) not in page:
        problems.append("the title is not shown as written")
    header = re.search(r"<thead>.*?</thead>", page, re.S)
    columns = len(re.findall(r"<th", header.group(0))) if header else 0
    for row in re.findall(r"<tr>.*?</tr>", re.sub(r"<thead>.*?</thead>", "", page, flags=re.S), re.S):
        if len(re.findall(r"<td", row)) != columns:
            problems.append(f"a row lost its cells: {row!r}")
    for p in problems:
        print("FAIL", p)
    print("ok" if not problems else page)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())

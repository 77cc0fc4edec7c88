#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""docs/api.md shows each example of examples/api/ exactly as the file is.

Each example is introduced by `<!-- example: examples/api/NAME.cpp -->` and
followed by a ```cpp block holding the whole file; every file there is shown.
"""
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
doc = (root / "docs/api.md").read_text(encoding="utf-8")
shown = {}
for m in re.finditer(r"<!-- example: (examples/api/[\w.]+) -->\n```cpp\n(.*?)```\n", doc, re.S):
    shown[m.group(1)] = m.group(2)
files = {str(p.relative_to(root)) for p in (root / "examples/api").glob("*.cpp")}
problems = []
for name in sorted(files - shown.keys()):
    problems.append(f"{name} is not shown in docs/api.md")
for name in sorted(shown.keys() - files):
    problems.append(f"docs/api.md shows {name}, which does not exist")
for name in sorted(files & shown.keys()):
    if shown[name] != (root / name).read_text(encoding="utf-8"):
        problems.append(f"docs/api.md shows {name} other than it is")
for p in problems:
    print("FAIL:", p)
print(f"{len(shown)} examples checked")
sys.exit(1 if problems else 0)

# SPDX-License-Identifier: MIT
"""What poppler's pdftotext (22.12, Debian 12) gives for right-to-left text whose
font draws two letters as one glyph.

closeplan's PDF maps such a glyph (Arabic lam-alef, lam with alef maksura) to
its letters in logical order, as the PDF format and screen readers want
(`pdfinfo -struct-text` reads them so). pdftotext spreads a glyph's letters
across it left to right and then reads the right-to-left line from the right,
so it gives the two letters swapped. A check that finds a plan's Arabic text in
pdftotext's output accepts that reading too, and nothing else: every other
letter, word and the order of words must be as the plan wrote them.
"""
import re

_LAM_LIGATURE = re.compile("\u0644([\u0627\u0623\u0625\u0622\u0649])")


def as_pdftotext_reads(text):
    """`text` with each lam + alef (or alef maksura) pair swapped, as pdftotext reads it."""
    return _LAM_LIGATURE.sub(lambda m: m.group(1) + "\u0644", text)

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Writes a contacts export and overlays for the deals of batch_generate_export.py.

    bench/batch_generate_enrichment.py ROWS CONTACTS.csv OVERLAY_DIR [OVERLAY_EVERY]

Three contacts a deal (economic buyer, technical buyer as primary, champion),
in a HubSpot-style contacts export joined on `Associated Deal IDs`; an
overlay (outcome, success criteria, a risk on a playbook step) for every
OVERLAY_EVERY-th deal (default 10). Deterministic, like the export.
"""
import os
import sys

ROLES = [("Economic Buyer", "CFO", "0"), ("Technical Buyer", "IT Director", "1"), ("Champion", "Ops Lead", "0")]
FIRST = ["Dana", "Lee", "Sam", "Ana", "Priya", "Tom", "Rae", "Kim"]
LAST = ["Ruiz", "Park", "Diaz", "Lima", "Shah", "Berg", "Moss", "Cho"]


def main():
    rows = int(sys.argv[1])
    contacts_path, overlay_dir = sys.argv[2], sys.argv[3]
    every = int(sys.argv[4]) if len(sys.argv) > 4 else 10
    os.makedirs(overlay_dir, exist_ok=True)
    with open(contacts_path, "w", encoding="utf-8") as out:
        out.write("Record ID,First Name,Last Name,Job Title,Email,Buying Role,Primary,Associated Deal IDs\n")
        for i in range(rows):
            deal = "006{:012d}".format(i + 1)
            for k, (role, title, primary) in enumerate(ROLES):
                first, last = FIRST[(i + k) % len(FIRST)], LAST[(i * 3 + k) % len(LAST)]
                out.write("{},{},{},{},{}.{}@example.com,{},{},{}\n".format(
                    i * 3 + k + 1, first, last, title, first.lower(), last.lower(), role, primary, deal))
    for i in range(0, rows, every):
        with open(os.path.join(overlay_dir, "006{:012d}.yaml".format(i + 1)), "w", encoding="utf-8") as out:
            out.write("outcome: Cut claims-processing time by 30% before open enrolment.\n"
                      "success_criteria: [Claims backlog under 2 days by September]\n"
                      "risks:\n"
                      "  - {title: Security review queue is six weeks, severity: high, owner: buyer, milestone: sec-review}\n")


if __name__ == "__main__":
    main()

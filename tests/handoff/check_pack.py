#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""End-to-end checks of `closeplan handoff` and `closeplan ics` with the real binary.

  check_pack.py --closeplan BIN --root REPO [--update] golden|fixtures|hostile|calendar

golden    every example's pack against examples/<name>/expected/handoff/ (byte for
          byte; --update rewrites them), plus qpdf --check, pdfinfo, pdftotext,
          bookmarks and contents links in the PDF, and the calendar read back
fixtures  tests/cli/fixtures/handoff/: a step moved twice shows both moves; a
          plan with no commitments and no CS owner gets the C9xx warnings and
          still a pack (exit 3 with --strict)
hostile   HTML, Markdown, javascript: links, ICS control characters, long lines
          and emoji in every field come out inert in every file of the pack
calendar  `closeplan ics`: every event checked with python3-icalendar, --for,
          UIDs stable and SEQUENCE higher across a re-render where dates moved
promises  tests/cli/fixtures/handoff/promises.yaml: every promise (criteria, notes,
          gates, statuses, contract, purchased, environment, competition, red
          flags, x- fields, the dated sign-off) in the Markdown, the HTML's text
          and the PDF's text; x- fields in plan.json
"""
import argparse
import html as html_lib
import datetime
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "support"))
from poppler_reading import as_pdftotext_reads  # noqa: E402

from html.parser import HTMLParser

import icalendar
import jsonschema

PACK_FILES = ["handoff.layout.txt", "handoff.html", "handoff.md", "milestones.ics", "plan.json"]
failures = []


def fail(message):
    failures.append(message)
    print("FAIL: " + message, file=sys.stderr)


def check(condition, message):
    if not condition:
        fail(message)
    return condition


def run(args, binary, cwd=None):
    return subprocess.run([binary] + args, capture_output=True, cwd=cwd)


def make_pack(binary, plan, out_dir, *extra, cwd=None):
    return run(["handoff", plan, "-o", out_dir, "--layout-dump"] + list(extra), binary, cwd=cwd)


# ---------------------------------------------------------------- calendar

def check_ics_text(raw, where):
    """Raw RFC 5545 rules: CRLF line ends, no physical line over 75 octets, no split UTF-8."""
    check(raw.endswith(b"\r\n"), where + ": calendar does not end with CRLF")
    for number, line in enumerate(raw.split(b"\r\n")[:-1], 1):
        check(b"\n" not in line and b"\r" not in line, f"{where}:{number}: bare CR or LF inside a line")
        check(len(line) <= 75, f"{where}:{number}: line of {len(line)} octets (limit 75)")
        try:
            line.decode("utf-8")
        except UnicodeDecodeError:
            fail(f"{where}:{number}: folding split a UTF-8 sequence")


def expected_events(plan_json, for_id=None):
    """(uid prefix, date, summary-suffix, sequence) for every dated milestone and commitment and,
    without --for, the key dates (kickoff, go-live, contract renewal, notice), from plan.json."""
    out = []
    for m in plan_json["milestones"]:
        day = m["due"] or m["completed"]
        if day and (for_id is None or m["assignee"] == for_id):
            out.append(("milestone-", day, m["title"], m["analysis"]["moves"]))
    for c in plan_json["commitments"]:
        if c["due"] and (for_id is None or c["assignee"] == for_id):
            out.append(("commitment-", c["due"], c["title"], 0))
    if for_id is None:
        deal = plan_json["deal"]["name"]
        for uid, day in (("date-kickoff-", plan_json["implementation"]["kickoff"]), ("date-go-live-", plan_json["go_live"]),
                         ("date-renewal-", plan_json["contract"]["renews_on"]),
                         ("date-notice-", plan_json["contract"]["notice_by"])):
            if day:
                out.append((uid, day, deal, 0))
    return out


def check_calendar(raw, plan_json, where, for_id=None):
    check_ics_text(raw, where)
    try:
        cal = icalendar.Calendar.from_ical(raw)
    except Exception as e:  # noqa: BLE001 - any parser failure is a test failure
        fail(f"{where}: icalendar cannot parse it: {e}")
        return []
    check(str(cal.get("VERSION")) == "2.0", where + ": VERSION is not 2.0")
    check(cal.get("PRODID") is not None, where + ": no PRODID")
    events = list(cal.walk("VEVENT"))
    wanted = expected_events(plan_json, for_id)
    check(len(events) == len(wanted), f"{where}: {len(events)} events, expected {len(wanted)}")
    stamp = datetime.datetime.strptime(plan_json["as_of"], "%Y-%m-%d").replace(tzinfo=datetime.timezone.utc)
    uids = set()
    for event, (prefix, day, title, sequence) in zip(events, wanted):
        uid = str(event.get("UID"))
        check(uid.startswith(prefix) and uid.endswith("@closeplan"), f"{where}: UID {uid!r}")
        check(uid not in uids, f"{where}: duplicate UID {uid}")
        uids.add(uid)
        check(event.decoded("DTSTAMP") == stamp, f"{where}: DTSTAMP {event.decoded('DTSTAMP')} is not as_of")
        check(event.decoded("LAST-MODIFIED") == stamp, f"{where}: {uid} LAST-MODIFIED is not as_of")
        check(event.get("SEQUENCE") is not None and int(event.get("SEQUENCE")) == sequence,
              f"{where}: {uid} SEQUENCE {event.get('SEQUENCE')}, expected {sequence} (times the date moved)")
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND")
        check(type(start) is datetime.date, f"{where}: {uid} is not an all-day event")
        check(start.isoformat() == day, f"{where}: {uid} starts {start}, expected {day}")
        check(end - start == datetime.timedelta(days=1), f"{where}: {uid} is not one day long")
        summary = str(event.get("SUMMARY"))
        title = title.replace("\r\n", "\n").replace("\r", "\n")  # every line end is one TEXT newline
        check(summary == title or summary.endswith(": " + title), f"{where}: SUMMARY {summary!r} is not {title!r}")
        description = str(event.get("DESCRIPTION"))
        check(plan_json["deal"]["name"] in description, f"{where}: {uid} description lacks the deal")
    return sorted(uids)


# ---------------------------------------------------------------- plan.json

_validator = None


def load_plan_json(path, root, where):
    """plan.json parsed, checked against docs/schemas/plan-json.schema.json, keys in the schema's order."""
    global _validator
    if _validator is None:
        schema = json.load(open(os.path.join(root, "docs", "schemas", "plan-json.schema.json"), encoding="utf-8"))
        jsonschema.Draft202012Validator.check_schema(schema)
        _validator = jsonschema.Draft202012Validator(schema)
    text = open(path, encoding="utf-8").read()
    data = json.loads(text)
    for error in _validator.iter_errors(data):
        fail(f"{where}/plan.json: {'/'.join(map(str, error.absolute_path))}: {error.message}")
    order = list(_validator.schema["properties"].keys())
    check(list(data.keys()) == order, f"{where}/plan.json: keys not in the documented order")
    check(text.endswith("}\n"), f"{where}/plan.json: does not end with one newline")
    return data


# ---------------------------------------------------------------- PDF

def page_footer(locale):
    """The page.of label of the plan's language (templates/labels/<lang>.yaml, falling back like closeplan)."""
    here = os.path.dirname(os.path.abspath(__file__))
    labels = os.path.join(here, "..", "..", "templates", "labels")
    for name in (locale, locale.split("-")[0], "en"):
        path = os.path.join(labels, name + ".yaml")
        if not os.path.exists(path):
            continue
        for line in open(path, encoding="utf-8"):
            if line.startswith("page.of:"):
                return line.split(":", 1)[1].strip().strip('"')
    return "page {page} of {pages}"


def pdf_checks(pdf, where, plan_json):
    qpdf = subprocess.run(["qpdf", "--check", pdf], capture_output=True, text=True)
    check(qpdf.returncode == 0, f"{where}: qpdf --check failed: {qpdf.stdout[-400:]} {qpdf.stderr[-400:]}")
    info = subprocess.run(["pdfinfo", pdf], capture_output=True, text=True).stdout
    pages = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    check(pages >= 1, f"{where}: the pack PDF has no pages")
    check(re.search(r"^Title:\s+\S", info, re.M) is not None, f"{where}: PDF has no title")
    text = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    flat = " ".join(text.split())
    # Cells wrap and columns interleave: compare letters and digits only, in the reading order
    # and in the order painted (-raw keeps a wrapped cell's lines together).
    raw = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True, text=True).stdout
    letters = re.sub(r"[^A-Za-z0-9]", "", text) + "\n" + re.sub(r"[^A-Za-z0-9]", "", raw)
    for m in plan_json["milestones"]:
        start = re.sub(r"[^A-Za-z0-9]", "", m["title"])[:12]
        check(start in letters, f"{where}: pdftotext lacks milestone {m['title']!r}")
    footer = page_footer(plan_json["locale"]).replace("{page}", str(pages)).replace("{pages}", str(pages))
    # pdftotext wraps right-to-left pieces in bidi marks and moves their spaces: compare without either.
    bare = lambda t: re.sub(r"[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", t)
    check(bare(footer) in bare(flat), f"{where}: no {footer!r} footer (the page.of label of {plan_json['locale']})")
    # Bookmarks and internal links, read from an uncompressed copy.
    with tempfile.TemporaryDirectory() as tmp:
        plain = os.path.join(tmp, "plain.pdf")
        subprocess.run(["qpdf", "--qdf", "--object-streams=disable", pdf, plain], check=True)
        body = open(plain, "rb").read()
    check(b"/Outlines" in body, f"{where}: no bookmarks (/Outlines)")
    check(body.count(b"/Title") >= 3, f"{where}: too few bookmark titles")
    check(re.search(rb"/Subtype /Link", body) is not None and b"/Dest" in body,
          f"{where}: no internal links (Link annotations with /Dest) for the contents")
    check(b"/JavaScript" not in body and b"/JS" not in body, f"{where}: JavaScript in the PDF")
    for uri in re.findall(rb"/URI \((.*?)\)", body):
        check(re.match(rb"(https?:|mailto:)", uri, re.I) is not None, f"{where}: PDF link to {uri!r}")


# ---------------------------------------------------------------- what each format says

class _TextOf(HTMLParser):
    """The text a reader sees: everything outside <style>, <script> and <head>."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts, self.skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "head", "title"):
            self.skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script", "head", "title"):
            self.skip -= 1

    def handle_data(self, data):
        if not self.skip:
            self.parts.append(data)


def html_text(html):
    parser = _TextOf()
    parser.feed(html)
    return " ".join(parser.parts)


def letters(text):
    """Letters and digits only: cells wrap, columns interleave, Markdown escapes and no-break spaces differ."""
    return re.sub(r"[\W_]", "", text.replace("\u00a0", " "))


def markdown_source_text(md):
    """A Markdown field's words as any output shows them: link targets and emphasis marks dropped."""
    return re.sub(r"\]\([^)]*\)", "]", md)


def says_everywhere(strings, md, html, pdf_text, where):
    """Every string is in the Markdown, the HTML's text and the PDF's text."""
    for name, text in (("handoff.md", md), ("handoff.html text", html_text(html)), ("pdftotext", pdf_text)):
        flat = letters(text)
        for wanted in strings:
            seen = letters(wanted) in flat or (name == "pdftotext" and letters(as_pdftotext_reads(wanted)) in flat)
            check(seen, f"{where}: {name} lacks {wanted!r}")


def promised_strings(plan_json):
    """What the sale promised, as plan.json holds it: criteria, notes, gates, contract, purchase,
    environment, competition, red flags and x- fields."""
    out = list(plan_json["decision_criteria"]) + list(plan_json["success_criteria"])
    for m in plan_json["milestones"]:
        out += [markdown_source_text(m["notes"])] if m["notes"] else []
        out += [m["gate"]] if m["gate"] else []
    out += [c["title"] for c in plan_json["commitments"]]
    contract = plan_json["contract"]
    out += [contract[k] for k in ("renewal_rule", "billing", "notes") if contract[k]]
    for item in plan_json["purchased"]:
        out += [item[k] for k in ("product", "unit", "note") if item[k]]
    env = plan_json["environment"]
    out += env["systems"] + env["integrations"] + ([env["notes"]] if env["notes"] else [])
    for c in plan_json["competition"]:
        out += [c["who"]] + ([c["why_we_won"]] if c["why_we_won"] else [])
    out += plan_json["red_flags"]

    def values(v):
        if isinstance(v, dict):
            return [x for key, item in v.items() for x in [key] + values(item)]
        if isinstance(v, list):
            return [x for item in v for x in values(item)]
        return [v] if v else []
    for pointer, value in plan_json["extensions"].items():
        out += [pointer.rsplit("/", 1)[1]] + values(value)
    return [s for s in out if s]


def pdf_text(pdf):
    """pdftotext's reading order, then its painted order (-raw), so a wrapped table cell reads whole once."""
    return "\n".join(subprocess.run(["pdftotext"] + mode + [pdf, "-"], capture_output=True, text=True).stdout
                     for mode in ([], ["-raw"]))


def no_heading_last_on_page(layout, md, where):
    """On the layout dump: no page ends with a heading (the lowest line, the footer aside), nor with a
    section title and one line under it while the section goes on over the page. The headings are the
    Markdown's (#..###### lines); section titles are upper-cased as the PDF sets them."""
    headings, sections = set(), set()
    for line in md.splitlines():
        m = re.match(r"^(#{1,6}) (.*)$", line)
        if m:
            title = m.group(2).replace("\\", "").strip()
            headings.update({title, title.upper()})
            if len(m.group(1)) == 2:
                sections.add(title.upper())
    pages = []
    for page in layout.split("\npage ")[1:]:
        rows = {}
        for m in re.finditer(r'^text [0-9.]+ ([0-9.]+) \S+ ([0-9.]+) \S+ "(.*)"$', page, re.M):
            rows.setdefault(float(m.group(1)), []).append(m.group(3).replace('\\"', '"'))
        footer = min(rows) if rows else None
        pages.append([" ".join(rows[y]) for y in sorted(rows, reverse=True) if y != footer])
    for number, lines in enumerate(pages, 1):
        if not lines:
            continue
        check(lines[-1] not in headings, f"{where}: page {number} ends with the heading {lines[-1]!r}")
        goes_on = number < len(pages) and pages[number] and pages[number][0] not in sections
        if len(lines) >= 2 and lines[-2] in sections and goes_on:
            fail(f"{where}: page {number} ends with the heading {lines[-2]!r} and one line of its section")


# ---------------------------------------------------------------- HTML / Markdown safety

def html_is_inert(html, where):
    check("<script" not in html.lower(), where + ": <script in HTML")
    # The only images are the parties' logos, embedded: nothing is loaded from anywhere.
    for img in re.findall(r"<img[^>]*>", html, re.I):
        check(re.match(r'<img class="logo" src="data:image/(png|jpeg);base64,[A-Za-z0-9+/=]+"', img) is not None,
              f"{where}: {img[:80]!r} in HTML")
    for tag in ("<iframe", "<svg", "<a href='javascript", "<b>raw"):
        check(tag not in html.lower(), f"{where}: {tag} in HTML")
    for href in re.findall(r'href="([^"]*)"', html):
        check(re.match(r"(https?:|mailto:|#[a-z0-9_-]+$)", href, re.I) is not None, f"{where}: href {href!r}")


def markdown_is_inert(md, where):
    prose = re.sub(r"`[^`\n]*`", "", md)  # code spans show their text literally: inert
    check(re.search(r"(?<!\\)<script", prose, re.I) is None, where + ": raw <script in Markdown")
    check(re.search(r"(?<!\\)<img", prose, re.I) is None, where + ": raw <img in Markdown")
    check(re.search(r"(?<!\\)\]\(\s*javascript:", prose, re.I) is None, where + ": javascript: link in Markdown")


# ---------------------------------------------------------------- parts

def golden(args):
    examples = sorted(d for d in os.listdir(os.path.join(args.root, "examples"))
                      if os.path.isdir(os.path.join(args.root, "examples", d)))
    for name in examples:
        folder = os.path.join(args.root, "examples", name)
        plans = [p for p in ("plan.yaml", "plan.json") if os.path.exists(os.path.join(folder, p))]
        if len(plans) != 1:
            continue
        with tempfile.TemporaryDirectory() as out:
            # From the example's folder, so logo paths in the layout dump do not name this checkout.
            result = make_pack(os.path.abspath(args.closeplan), plans[0], out, cwd=folder)
            if not check(result.returncode == 0, f"{name}: exit {result.returncode}: {result.stderr.decode()[-600:]}"):
                continue
            expected_dir = os.path.join(folder, "expected", "handoff")
            for f in PACK_FILES:
                got = open(os.path.join(out, f), "rb").read()
                want_path = os.path.join(expected_dir, f)
                if args.update:
                    os.makedirs(expected_dir, exist_ok=True)
                    open(want_path, "wb").write(got)
                elif not os.path.exists(want_path):
                    fail(f"{name}: missing golden {want_path} (run with --update, then review)")
                elif open(want_path, "rb").read() != got:
                    fail(f"{name}: {f} differs from {want_path}")
            plan_json = load_plan_json(os.path.join(out, "plan.json"), args.root, name)
            pdf_checks(os.path.join(out, "handoff.pdf"), name, plan_json)
            check_calendar(open(os.path.join(out, "milestones.ics"), "rb").read(), plan_json, name + "/milestones.ics")
            html = open(os.path.join(out, "handoff.html"), encoding="utf-8").read()
            html_is_inert(html, name)
            check('<nav class="section contents"' in html, f"{name}: no table of contents in the HTML")
            for section_id in re.findall(r'<li><a href="#([a-z0-9_-]+)">', html):
                check(f'id="{section_id}"' in html, f"{name}: contents link #{section_id} has no target")
            md = open(os.path.join(out, "handoff.md"), encoding="utf-8").read()
            says_everywhere(promised_strings(plan_json) + status_labels(plan_json, args.root),
                            md, html, pdf_text(os.path.join(out, "handoff.pdf")), name)
            no_heading_last_on_page(open(os.path.join(out, "handoff.layout.txt"), encoding="utf-8").read(), md, name)
            # The pack names every milestone and stakeholder (Markdown escapes are backslashes).
            unescaped = md.replace("\\", "")
            for m in plan_json["milestones"]:
                check(m["title"] in unescaped, f"{name}: Markdown lacks milestone {m['title']!r}")
            for s in plan_json["stakeholders"]:
                check(s["name"] in html_lib.unescape(html), f"{name}: HTML lacks stakeholder {s['name']}")


def label(root, locale, key):
    """A label of the plan's language, falling back like closeplan (region, language, en)."""
    for name in (locale, locale.split("-")[0], "en"):
        path = os.path.join(root, "templates", "labels", name + ".yaml")
        if not os.path.exists(path):
            continue
        for line in open(path, encoding="utf-8"):
            if line.startswith(key + ":"):
                return json.loads(line.split(":", 1)[1].strip())
    raise KeyError(key)


def status_labels(plan_json, root):
    """Every milestone's status, as the timeline names it."""
    return [label(root, plan_json["locale"], "status." + m["status"]) for m in plan_json["milestones"]]


def promises(args):
    base = os.path.join(args.root, "tests", "cli", "fixtures", "handoff")
    plan = os.path.join(base, "promises.yaml")
    with tempfile.TemporaryDirectory() as out:
        result = make_pack(args.closeplan, plan, out)
        if not check(result.returncode == 0, f"promises: exit {result.returncode}: {result.stderr.decode()[-800:]}"):
            return
        err = result.stderr.decode()
        check("V208" not in err, f"promises: x- or new fields reported as unknown: {err}")
        check('warning[H822]' in err and "Otto Brandt" in err, "promises: no H822 for the stakeholder without email")
        plan_json = load_plan_json(os.path.join(out, "plan.json"), args.root, "promises")
        check(plan_json["extensions"] == {"/x-crm-id": "OPP-2026-0117", "/stakeholders/2/x-territory": "Midwest",
                                          "/milestones/1/x-jira": "LCU-42", "/contract/x-po-number": "PO-55120"},
              f"promises: plan.json extensions {plan_json['extensions']!r}")
        check(plan_json["contract"]["renews_on"] == "2029-07-01" and plan_json["contract"]["notice_by"] == "2029-04-02",
              f"promises: contract dates {plan_json['contract']!r}")
        check(plan_json["sign_off"]["buyer"]["signed_on"] == "2026-06-29" and plan_json["sign_off"]["buyer"]["how"] == "email",
              "promises: the buyer's dated sign-off is not in plan.json")
        md = open(os.path.join(out, "handoff.md"), encoding="utf-8").read()
        html = open(os.path.join(out, "handoff.html"), encoding="utf-8").read()
        text = pdf_text(os.path.join(out, "handoff.pdf"))
        wanted = promised_strings(plan_json) + status_labels(plan_json, args.root) + [
            "Connects to the Symitar core without custom code", "99.9% uptime SLA with service credits",
            "Needs a W-9 and a certificate of insurance from Portalworks", "Promised an offline mode demo before the pilot",
            "Gate: Gate - Go or no-go on the core connection", "Blocked", "In progress", "Scheduled", "Not started", "Done",
            "36 months", "Auto-renews for 12 months unless cancelled", "90 days, by Apr 2, 2029", "Annual in advance, net 45",
            "Member portal", "12,000", "members", "Tiered above 15000 members", "Identity verification add-on",
            "Symitar core banking", "Okta SAML single sign-on", "Changes freeze every quarter end",
            "Bluefin Digital", "Native Symitar connector", "The IT Director preferred Bluefin Digital",
            "More details", "x-crm-id", "OPP-2026-0117", "x-jira", "LCU-42", "x-territory", "Midwest", "PO-55120",
            "Signed on Jun 29, 2026 by email", "Signed on Jun 28, 2026 by signature",
            'Stakeholder "Otto Brandt" has no contact (email)', "Note on step #2 Core connection tested"]
        says_everywhere(wanted, md, html, text, "promises")
        no_heading_last_on_page(open(os.path.join(out, "handoff.layout.txt"), encoding="utf-8").read(), md, "promises")
        # The commitments: the explicit one, what the seller owes after signature, the promise in a note;
        # not the open joint step before signature ("Order form agreed").
        commitments = md.split("## Commitments made in the sale", 1)[1].split("\n## ", 1)[0]
        for title in ("Dedicated migration engineer for 90 days", "Kickoff workshop", "Branch staff trained", "offline mode"):
            check(title in commitments, f"promises: commitments lack {title!r}")
        for title in ("Order form agreed", "Core connection tested"):
            check(f"| {title} |" not in commitments, f"promises: commitments list the pre-signature step {title!r}")
        # The buyer plan never shows x- fields.
        buyer = run(["render", plan, "-f", "md", "-o", "-"], args.closeplan)
        check(buyer.returncode == 0 and b"OPP-2026-0117" not in buyer.stdout and b"x-jira" not in buyer.stdout,
              f"promises: the buyer plan shows x- fields (exit {buyer.returncode})")
    # Signed undated: the pack says planned for each side.
    undated = open(plan, encoding="utf-8").read().replace(", date: 2026-06-29, how: email", "").replace(
        ", date: 2026-06-28, how: signature", "")
    with tempfile.TemporaryDirectory() as out:
        moved = os.path.join(out, "undated.yaml")
        open(moved, "w", encoding="utf-8").write(undated)
        make_pack(args.closeplan, moved, out)
        md = open(os.path.join(out, "handoff.md"), encoding="utf-8").read().replace("\u00a0", " ")
        record = md.split("## Sign-off record", 1)[1].split("\n## ", 1)[0]
        check(record.count("Signature planned for Jun 30, 2026") == 2, "promises undated: no 'Signature planned for' per side")
        check("Signed on" not in record, "promises undated: the sign-off record says signed")
        # The deal at a glance still knows the order form was signed: the signature step is done.
        check("**Signature:** Signed on Jun 29, 2026" in md, "promises undated: the glance lost the signature step's date")


def fixtures(args):
    base = os.path.join(args.root, "tests", "cli", "fixtures", "handoff")
    with tempfile.TemporaryDirectory() as out:
        result = make_pack(args.closeplan, os.path.join(base, "moved-twice.yaml"), out)
        check(result.returncode == 0, f"moved-twice: exit {result.returncode}: {result.stderr.decode()}")
        check(b"warning[C9" not in result.stderr, "moved-twice: a complete plan got C9xx warnings")
        html = open(os.path.join(out, "handoff.html"), encoding="utf-8").read()
        md = open(os.path.join(out, "handoff.md"), encoding="utf-8").read()
        # The words the PDF paints, run after run (a date may start the next line of its cell).
        layout = " ".join(re.findall(r'^text .*? "(.*)"$', open(os.path.join(out, "handoff.layout.txt"), encoding="utf-8").read(),
                                     re.MULTILINE))
        plan_json = load_plan_json(os.path.join(out, "plan.json"), args.root, "moved-twice")
        security = plan_json["milestones"][0]
        check(security["history"] == ["2026-05-15"], "moved-twice: history not in plan.json")
        check(security["analysis"]["moves"] == 2, "moved-twice: plan.json does not count two moves")
        check(security["analysis"]["agreed"] == "2026-05-01", "moved-twice: agreed date is not the baseline")
        check(plan_json["milestones"][1]["analysis"]["moves"] == 1, "moved-twice: one move not counted once")
        for where, text in (("HTML", html), ("Markdown", md), ("PDF layout", layout)):
            # Both moves: agreed May 1, via May 15, now May 29.
            flat = " ".join(text.split())
            check("2 times" in flat, f"moved-twice: {where} does not say the step moved 2 times")
            check("via May 15," in flat, f"moved-twice: {where} lacks the intermediate date")
            check("May 1, 2026" in flat and "May 29, 2026" in flat, f"moved-twice: {where} lacks baseline or due")
        check(plan_json["analysis"]["total_slip_days"] == 36, "moved-twice: total slip days")
        check_calendar(open(os.path.join(out, "milestones.ics"), "rb").read(), plan_json, "moved-twice.ics")

    with tempfile.TemporaryDirectory() as out:
        result = make_pack(args.closeplan, os.path.join(base, "bare.yaml"), out)
        err = result.stderr.decode()
        check(result.returncode == 0, f"bare: exit {result.returncode}, expected 0 (warnings only)")
        for code in ("C901", "C902", "C903", "C906"):
            check(f"warning[{code}]" in err, f"bare: no {code} warning on stderr")
        for f in PACK_FILES + ["handoff.pdf"]:
            check(os.path.getsize(os.path.join(out, f)) > 0, f"bare: {f} not written")
        html = open(os.path.join(out, "handoff.html"), encoding="utf-8").read()
        check('id="gaps"' in html and "No Customer Success owner" in html, "bare: the pack does not list the gaps")
        md = open(os.path.join(out, "handoff.md"), encoding="utf-8").read()
        check("No commitments recorded" in md, "bare: Markdown does not say there are no commitments")
    with tempfile.TemporaryDirectory() as out:
        result = make_pack(args.closeplan, os.path.join(base, "bare.yaml"), out, "--strict")
        check(result.returncode == 3, f"bare --strict: exit {result.returncode}, expected 3")
        check(os.path.exists(os.path.join(out, "handoff.pdf")), "bare --strict: no pack written")


def pdf_words(pdf):
    """Each page's words as (text, xMin, yMin, xMax, yMax), from pdftotext -bbox."""
    out = subprocess.run(["pdftotext", "-bbox", pdf, "-"], capture_output=True, text=True).stdout
    pages = []
    for page in out.split("<page ")[1:]:
        pages.append([(html_lib.unescape(w[4]), float(w[0]), float(w[1]), float(w[2]), float(w[3]))
                      for w in re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*?)</word>',
                                          page)])
    return pages


def long_address(args):
    """An e-mail address wider than its column wraps only after "@ . / -" (layout/address_breaks.hpp),
    and no word of the stakeholder table (a wrapped column header either) overlaps another."""
    plan = os.path.join(args.root, "tests", "cli", "fixtures", "handoff", "long-address.yaml")
    address = "otto.brandt.informationtechnology.director@lakesidecommunitycreditunion.example"
    with tempfile.TemporaryDirectory() as out:
        result = make_pack(args.closeplan, plan, out)
        check(result.returncode == 0, f"long-address: exit {result.returncode}: {result.stderr.decode()}")
        pages = pdf_words(os.path.join(out, "handoff.pdf"))
        words = [w for page in pages for w in page]
        # The address's pieces, in painting order: each ends at a break point.
        joined = ""
        for w in words:
            if len(joined) < len(address) and address[len(joined):].startswith(w[0]) and (joined or w[0].startswith("otto.")):
                joined += w[0]
                if len(joined) < len(address):
                    check(w[0][-1] in "@./-", f"long-address: the PDF cuts the address after \"{joined}\", not after @ . / -")
        check(joined == address, f"long-address: the PDF does not paint the address whole ({joined!r})")
        for n, page in enumerate(pages, 1):
            for i, a in enumerate(page):
                for b in page[i + 1:]:
                    dx = min(a[3], b[3]) - max(a[1], b[1])
                    dy = min(a[4], b[4]) - max(a[2], b[2])
                    check(dx <= 0.5 or dy <= 0.5, f"long-address: page {n}: \"{a[0]}\" overlaps \"{b[0]}\"")


def hostile(args):
    plans = [os.path.join(args.root, "tests", "cli", "fixtures", "handoff", "hostile.yaml")]
    hostile_dir = os.path.join(args.root, "tests", "hostile")
    for name in sorted(os.listdir(hostile_dir)):
        path = os.path.join(hostile_dir, name)
        if name.endswith(".yaml") and open(path, encoding="utf-8", errors="replace").readline().startswith("# expect: ok"):
            plans.append(path)
    for plan in plans:
        where = os.path.basename(plan)
        with tempfile.TemporaryDirectory() as out:
            result = make_pack(args.closeplan, plan, out)
            if not check(result.returncode == 0, f"{where}: exit {result.returncode}: {result.stderr.decode()[-800:]}"):
                continue
            html = open(os.path.join(out, "handoff.html"), encoding="utf-8").read()
            md = open(os.path.join(out, "handoff.md"), encoding="utf-8").read()
            html_is_inert(html, where)
            markdown_is_inert(md, where)
            plan_json = load_plan_json(os.path.join(out, "plan.json"), args.root, where)
            check_calendar(open(os.path.join(out, "milestones.ics"), "rb").read(), plan_json, where + "/milestones.ics")
            pdf_checks(os.path.join(out, "handoff.pdf"), where, plan_json)
    # The hostile fixture's own titles survive the calendar exactly, control characters and all.
    with tempfile.TemporaryDirectory() as out:
        make_pack(args.closeplan, plans[0], out)
        raw = open(os.path.join(out, "milestones.ics"), "rb").read()
        lines = raw.split(b"\r\n")
        plan_json = load_plan_json(os.path.join(out, "plan.json"), args.root, "hostile")
        check(lines.count(b"BEGIN:VEVENT") == len(expected_events(plan_json)),
              "hostile: injected BEGIN:VEVENT created an event")
        check(lines.count(b"END:VCALENDAR") == 1 and lines[-2] == b"END:VCALENDAR", "hostile: injected END:VCALENDAR")
        cal = icalendar.Calendar.from_ical(raw)
        summaries = [str(e.get("SUMMARY")) for e in cal.walk("VEVENT")]
        title = plan_json["milestones"][0]["title"]
        check("\n" in title and ";" in title and "\\" in title and "\U0001F680" in title, "hostile: fixture lost its characters")
        # Every line end (CRLF, CR, LF) is one TEXT newline.
        check(summaries[0] == title.replace("\r\n", "\n"), f"hostile: SUMMARY did not round-trip: {summaries[0]!r}")
        commitment = [s for s in summaries if s.startswith("Commitment: ")]
        check(commitment == ["Commitment: " + plan_json["commitments"][0]["title"]], "hostile: commitment SUMMARY")


def calendar(args):
    base = os.path.join(args.root, "tests", "cli", "fixtures", "handoff")
    plan = os.path.join(base, "moved-twice.yaml")
    with tempfile.TemporaryDirectory() as out:
        result = run(["handoff", plan, "-o", out], args.closeplan)
        plan_json = load_plan_json(os.path.join(out, "plan.json"), args.root, "calendar")
        full = run(["ics", plan, "-o", "-"], args.closeplan)
        check(full.returncode == 0, f"ics: exit {full.returncode}: {full.stderr.decode()}")
        check(full.stdout == open(os.path.join(out, "milestones.ics"), "rb").read(),
              "ics: `closeplan ics` and the pack's milestones.ics differ")
        uids = check_calendar(full.stdout, plan_json, "ics")
        for person, person_id in (("ines", "ines"), ("Ines Ortega", "ines"), ("TOM REYES", "tom")):
            only = run(["ics", plan, "-o", "-", "--for", person], args.closeplan)
            check(only.returncode == 0, f"ics --for {person}: exit {only.returncode}")
            check_calendar(only.stdout, plan_json, f"ics --for {person}", for_id=person_id)
        unknown = run(["ics", plan, "-o", "-", "--for", "nobody"], args.closeplan)
        check(unknown.returncode == 4 and b"error[C907]" in unknown.stderr and unknown.stdout == b"",
              f"ics --for nobody: exit {unknown.returncode}, stderr {unknown.stderr.decode()!r}")
        # Dates move and steps are reordered: every UID stays, so calendars update in place.
        text = open(plan, encoding="utf-8").read()
        moved = text.replace("due: 2026-06-10", "due: 2026-06-17").replace("due: 2026-05-29", "due: 2026-06-05")
        moved_plan = os.path.join(out, "moved.yaml")
        open(moved_plan, "w", encoding="utf-8").write(moved)
        again = run(["ics", moved_plan, "-o", "-"], args.closeplan)
        check(again.stdout != full.stdout, "ics: moving dates did not change the calendar")
        check(check_calendar(again.stdout, pack_plan_json(moved_plan, args),
                             "ics moved") == uids, "ics: UIDs changed when dates moved")
        # Recorded as a move (the old date into history), the moved step's SEQUENCE goes up.
        recorded = text.replace("    assignee: tom\n    due: 2026-06-10",
                                "    assignee: tom\n    baseline: 2026-06-10\n    due: 2026-06-17")
        check(recorded != text, "ics: the fixture no longer has the step this test moves")
        recorded_plan = os.path.join(out, "recorded.yaml")
        open(recorded_plan, "w", encoding="utf-8").write(recorded)
        second = run(["ics", recorded_plan, "-o", "-"], args.closeplan)
        check_calendar(second.stdout, pack_plan_json(recorded_plan, args), "ics recorded")
        before = {str(e.get("UID")): int(e.get("SEQUENCE")) for e in icalendar.Calendar.from_ical(full.stdout).walk("VEVENT")}
        after = {str(e.get("UID")): int(e.get("SEQUENCE")) for e in icalendar.Calendar.from_ical(second.stdout).walk("VEVENT")}
        check(before.keys() == after.keys(), "ics: UIDs differ between the two versions")
        for uid in before:
            if uid.startswith("milestone-contract-"):
                check(after[uid] > before[uid], f"ics: SEQUENCE of the moved step {uid} did not grow")
            else:
                check(after[uid] == before[uid], f"ics: SEQUENCE of {uid} changed though its date did not move")
        check(any(u.startswith("date-go-live-") for u in after) and any(u.startswith("date-kickoff-") for u in after),
              "ics: go-live or kickoff is not an event")
        repeat = run(["ics", plan, "-o", "-"], args.closeplan)
        check(repeat.stdout == full.stdout, "ics: two runs differ")


def pack_plan_json(plan, args):
    """The plan.json the pack of `plan` holds."""
    with tempfile.TemporaryDirectory() as out:
        run(["handoff", plan, "-o", out], args.closeplan)
        return load_plan_json(os.path.join(out, "plan.json"), args.root, "moved")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--closeplan", required=True)
    parser.add_argument("--root", required=True)
    parser.add_argument("--update", action="store_true")
    parser.add_argument("part", choices=["golden", "fixtures", "hostile", "calendar", "promises", "long_address"])
    args = parser.parse_args()
    globals()[args.part](args)
    if failures:
        print(f"{len(failures)} failure(s)", file=sys.stderr)
        return 1
    print("ok")
    return 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""closeplan preview end to end, on a copy of examples/northwind.

    preview_test.py CLOSEPLAN EXAMPLE_DIR

Starts `closeplan preview plan.yaml --port P` and checks, over real HTTP:
the page and PDF are what `render` writes (the page plus the preview's block
only), it listens on 127.0.0.1 only, an edit of the title (saved in place and
by rename) is served within 2 s, a broken edit shows the located error over
the last good page, the route table answers nothing else (404), another Host
is refused, a second preview on the same port fails with O560 (exit 6), and
SIGTERM and SIGINT stop it with exit 0, and --listen 0.0.0.0 warns (O562).
Never opens a browser.
"""
import http.client
import os
import re
import select
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time

failures = []


def check(condition, what):
    if not condition:
        failures.append(what)
    return condition


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def start(closeplan, folder, *args):
    process = subprocess.Popen([closeplan, "preview", "plan.yaml", *args], cwd=folder, stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, env=dict(os.environ, DISPLAY="", BROWSER="false"))
    ready, _, _ = select.select([process.stdout], [], [], 30)
    if not ready:
        process.kill()
        raise SystemExit("preview printed no address within 30 s")
    line = process.stdout.readline()
    found = re.search(r"http://127\.0\.0\.1:(\d+)/", line)
    if not found:
        process.kill()
        raise SystemExit(f"no address in {line!r}; stderr: {process.stderr.read()}")
    return process, int(found.group(1))


def get(port, path, host=None):
    """A request with the path sent exactly as written (no normalising of ..)."""
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    connection.putrequest("GET", path, skip_host=True)
    connection.putheader("Host", host or f"127.0.0.1:{port}")
    connection.endheaders()
    response = connection.getresponse()
    body = response.read()
    connection.close()
    return response.status, body, response


def page(port):
    return get(port, "/")[1].decode("utf-8")


def wait_for(port, predicate, seconds):
    """Seconds until predicate(page) holds, or None after `seconds`."""
    start_time = time.monotonic()
    while time.monotonic() - start_time < seconds:
        if predicate(page(port)):
            return time.monotonic() - start_time
        time.sleep(0.05)
    return None


def listening_addresses(port):
    """Local addresses in LISTEN state on `port`, from /proc/net/tcp{,6}."""
    found = []
    for table, width in (("/proc/net/tcp", 8), ("/proc/net/tcp6", 32)):
        if not os.path.exists(table):
            continue
        with open(table) as rows:
            next(rows)
            for row in rows:
                fields = row.split()
                address, port_hex = fields[1].split(":")
                if fields[3] == "0A" and int(port_hex, 16) == port:
                    found.append(address)
    return found


def save_by_rename(path, text):
    temporary = path + ".tmp~"
    with open(temporary, "w") as out:
        out.write(text)
    os.replace(temporary, path)


def stop(process, signal_number, what):
    process.send_signal(signal_number)
    try:
        code = process.wait(timeout=10)
    except subprocess.TimeoutExpired:
        process.kill()
        failures.append(f"{what}: still running 10 s after the signal")
        return
    check(code == 0, f"{what}: exit {code}, expected 0; stderr: {process.stderr.read()}")


def main() -> int:
    closeplan, example = os.path.abspath(sys.argv[1]), sys.argv[2]
    with tempfile.TemporaryDirectory() as top:
        folder = os.path.join(top, "plan")
        shutil.copytree(example, folder, ignore=shutil.ignore_patterns("expected"))
        plan_path = os.path.join(folder, "plan.yaml")
        with open(plan_path) as source:
            original = source.read()

        # What render writes, to compare with what preview serves.
        subprocess.run([closeplan, "render", "plan.yaml", "-f", "html,pdf", "-o", os.path.join(top, "out"), "-q"],
                       cwd=folder, check=True)
        with open(os.path.join(top, "out", "plan.html"), encoding="utf-8") as rendered:
            rendered_html = rendered.read()
        with open(os.path.join(top, "out", "plan.pdf"), "rb") as rendered:
            rendered_pdf = rendered.read()
        check("closeplan-preview" not in rendered_html and "<script" not in rendered_html,
              "render's HTML holds the preview's block or a script")

        port = free_port()
        process, printed_port = start(closeplan, folder, "--port", str(port))
        try:
            check(printed_port == port, f"printed port {printed_port}, asked for {port}")
            status, body, response = get(port, "/")
            served = body.decode("utf-8")
            check(status == 200, f"GET / is {status}")
            check("<title>Mutual action plan: Claims analytics platform</title>" in served, "title not served")
            check("closeplan-preview" in served and "<script nonce=" in served, "no preview block in the page")
            check("script-src 'nonce-" in (response.getheader("Content-Security-Policy") or ""), "no CSP header")
            block = re.search(r'<div id="closeplan-preview".*?</script>\n</div>\n', served, re.S)
            check(block and served.replace(block.group(0), "") == rendered_html,
                  "the served page is not render's HTML plus the preview block")
            status, pdf, response = get(port, "/plan.pdf")
            check(status == 200 and pdf == rendered_pdf, "/plan.pdf is not the PDF render writes")

            addresses = listening_addresses(port)
            check(addresses == ["0100007F"], f"listening on {addresses}, expected 127.0.0.1 only")

            for path in ("/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
                         "/anything-else", "/plan.yaml", "/logos/acme.jpg", "/out/plan.html", "//etc/passwd"):
                status, body, _ = get(port, path)
                check(status == 404, f"GET {path} is {status}, expected 404")
                check(b"root:" not in body, f"GET {path} served a file")
            status, _, _ = get(port, "/", host=f"attacker.example:{port}")
            check(status == 404, f"a page under another Host name got {status}, expected 404")

            # The title edited, saved by rename (vim, VS Code) and then in place.
            save_by_rename(plan_path, original.replace("name: Claims analytics platform", "name: Claims renamed", 1))
            took = wait_for(port, lambda p: "<title>Mutual action plan: Claims renamed</title>" in p, 2.0)
            check(took is not None, "the new title (saved by rename) was not served within 2 s")
            print(f"new title (saved by rename) served after {took} s")
            with open(plan_path, "w") as out:
                out.write(original.replace("name: Claims analytics platform", "name: Claims in place", 1))
            took = wait_for(port, lambda p: "<title>Mutual action plan: Claims in place</title>" in p, 2.0)
            check(took is not None, "the new title (written in place) was not served within 2 s")
            print(f"new title (written in place) served after {took} s")

            # A broken edit: the located error over the last good page.
            save_by_rename(plan_path, original.replace("  name: Claims analytics platform\n",
                                                       "  name: Claims analytics platform\n  owner: [unclosed\n", 1))
            took = wait_for(port, lambda p: re.search(r"plan\.yaml:\d+:\d+: error\[L\d+\]", p) is not None, 2.0)
            check(took is not None, "the located error was not shown within 2 s")
            broken = page(port)
            check("Claims in place" in broken, "the last good page is gone under the error")
            check('id="closeplan-preview-errors"' in broken, "no error block")
            # A field-level error: located at the value, on the line it is on.
            vendor = original.replace("owner: seller", "owner: vendor", 1)
            line = vendor[:vendor.index("owner: vendor")].count("\n") + 1
            column = len(vendor[:vendor.index("owner: vendor")].rsplit("\n", 1)[-1]) + len("owner: ") + 1
            save_by_rename(plan_path, vendor)
            located = f"plan.yaml:{line}:{column}: error["
            took = wait_for(port, lambda p: located in p, 2.0)
            check(took is not None, f"the error at {located} was not shown within 2 s")
            save_by_rename(plan_path, original)
            took = wait_for(port, lambda p: 'id="closeplan-preview-errors"' not in p
                            and "Claims analytics platform" in p, 2.0)
            check(took is not None, "the fixed plan did not replace the error within 2 s")

            # The same port twice: O560, exit 6.
            try:
                second = subprocess.run([closeplan, "preview", "plan.yaml", "--port", str(port)], cwd=folder,
                                        capture_output=True, text=True, timeout=30)
                check(second.returncode == 6 and "O560" in second.stderr,
                      f"second preview on port {port}: exit {second.returncode}, stderr {second.stderr!r}")
            except subprocess.TimeoutExpired:
                failures.append(f"a second preview on port {port} is serving too")
        finally:
            if process.poll() is None:
                stop(process, signal.SIGTERM, "SIGTERM")

        # --port 0 picks a free port and prints it; Ctrl-C (SIGINT) stops it too.
        process, port = start(closeplan, folder, "--port", "0")
        try:
            check(get(port, "/")[0] == 200, "--port 0: the printed address does not answer")
        finally:
            stop(process, signal.SIGINT, "SIGINT")

        # Beyond loopback only when asked, and then with warning O562.
        process, port = start(closeplan, folder, "--port", "0", "--listen", "0.0.0.0")
        try:
            check(listening_addresses(port) == ["00000000"], "--listen 0.0.0.0 is not listening on 0.0.0.0")
        finally:
            process.send_signal(signal.SIGTERM)
            process.wait(timeout=10)
            check("warning[O562]" in process.stderr.read(), "--listen 0.0.0.0 gave no O562 warning")

    for failure in failures:
        print("FAIL:", failure)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())

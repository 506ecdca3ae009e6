#!/usr/bin/env python3
"""Opens each HTML golden in headless Chromium (Debian's `chromium`), as a reviewer would.

For every case in Fixtures/cases whose args ask for `--format html`:
- `--dump-dom`: every finding message of the case's JSON twin is in the rendered DOM, and the
  filters the inline script shows are visible (the script ran under the page's own CSP);
- `--log-net-log`: no request left the page (any URL the page's document asked for that is not
  file:); Chromium's own background traffic is told apart by its network isolation key, and
  host names resolve nowhere (`--host-resolver-rules`), so nothing could leave anyway;
- `--screenshot`: the PNG is not blank (its pixels, decompressed with zlib, take many values);
- the filters: a copy of the page with a script that picks "error" in the severity filter shows
  exactly the accounts and finding rows with errors.

Usage: Scripts/check-html-in-browser.py [CASES_DIR] [--screenshots DIR]
"""
import glob
import html.parser
import importlib.util
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile
import time
import zlib

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
spec = importlib.util.spec_from_file_location("validate", os.path.join(ROOT, "Scripts", "validate-reports.py"))

BROWSER = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--host-resolver-rules=MAP * ~NOTFOUND", "--hide-scrollbars",
]


def load_validator():
    """The validator's page parser and `visible` (its PyPI packages are installed before this runs)."""
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return vars(module)


def browser(args, profile, timeout=60):
    return subprocess.run(
        [BROWSER, *FLAGS, f"--user-data-dir={profile}", *args], capture_output=True, text=True, timeout=timeout)


def page_requests(netlog):
    """URLs the page's own document asked for (its network isolation key is file://)."""
    with open(netlog, encoding="utf-8") as handle:
        log = json.load(handle)
    urls = set()
    for event in log.get("events", []):
        params = event.get("params", {})
        key = str(params.get("network_isolation_key", ""))
        if "url" in params and key.startswith("file://") and not params["url"].startswith("file:"):
            urls.add(params["url"])
    return urls


class Filtered(html.parser.HTMLParser):
    """Each element the filters act on: its data-severities and whether it is hidden."""

    def __init__(self):
        super().__init__()
        self.elements = []

    def handle_starttag(self, tag, attrs):
        values = dict(attrs)
        if "data-f" in values and "data-severities" in values:
            self.elements.append((tag, values["data-severities"].split(), "hidden" in values))


PICK_ERRORS = (
    '<script>var s=document.querySelector(\'select[name="severities"]\');'
    's.value="error";s.dispatchEvent(new Event("change"));</script>\n</body>'
)


def check_filters(case, page, work):
    """Picks "error" in the severity filter and checks what the page hides."""
    with open(page, encoding="utf-8") as handle:
        text = handle.read()
    if '<option value="error">' not in text:
        return []
    picked = os.path.join(work, case + ".errors.html")
    with open(picked, "w", encoding="utf-8") as handle:
        handle.write(text.replace("</body>", PICK_ERRORS, 1))
    dom = browser(["--dump-dom", "file://" + picked], os.path.join(work, case + ".profile"))
    parsed = Filtered()
    parsed.feed(dom.stdout)
    wrong = [(tag, severities) for tag, severities, hidden in parsed.elements if hidden == ("error" in severities)]
    shown = sum(1 for tag, severities, hidden in parsed.elements if not hidden)
    if not parsed.elements or shown == 0 or wrong:
        return [f"{case}: the severity filter hid the wrong elements: {wrong[:3]} ({shown} shown)"]
    return []


def png_is_blank(path):
    """Whether the PNG is one flat colour: its filtered scanlines then take a handful of byte values."""
    with open(path, "rb") as handle:
        data = handle.read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        return True, "not a PNG"
    offset, idat = 8, b""
    width = height = 0
    while offset < len(data):
        length, kind = struct.unpack(">I4s", data[offset:offset + 8])
        body = data[offset + 8:offset + 8 + length]
        if kind == b"IHDR":
            width, height = struct.unpack(">II", body[:8])
        elif kind == b"IDAT":
            idat += body
        offset += 12 + length
    pixels = zlib.decompress(idat)
    values = len(set(pixels))
    return values < 32, f"{width}x{height}, {len(data)} bytes, {values} distinct byte values"


def main():
    cases = sys.argv[1] if len(sys.argv) > 1 and not sys.argv[1].startswith("--") else os.path.join(ROOT, "Fixtures", "cases")
    shots = sys.argv[sys.argv.index("--screenshots") + 1] if "--screenshots" in sys.argv else tempfile.mkdtemp()
    os.makedirs(shots, exist_ok=True)
    if not BROWSER:
        print("chromium is not installed", file=sys.stderr)
        sys.exit(1)
    validator = load_validator()
    problems = []
    checked = 0
    work = tempfile.mkdtemp()
    for case_dir in sorted(glob.glob(os.path.join(cases, "*"))):
        case = os.path.basename(case_dir)
        args_path = os.path.join(case_dir, "args")
        if not os.path.exists(args_path) or validator["case_format"](open(args_path).read()) != "html":
            continue
        page = os.path.join(work, case + ".html")
        shutil.copy(os.path.join(case_dir, "expected.stdout"), page)
        netlog = os.path.join(work, case + ".netlog.json")
        started = time.monotonic()
        dom = browser([f"--log-net-log={netlog}", "--dump-dom", "file://" + page], os.path.join(work, case + ".profile"))
        elapsed = time.monotonic() - started
        if dom.returncode != 0 or "</html>" not in dom.stdout:
            problems.append(f"{case}: chromium --dump-dom failed ({dom.returncode}): {dom.stderr[-300:]}")
            continue
        parsed = validator["Page"]()
        parsed.feed(dom.stdout)
        shown = "".join(parsed.text)
        twin = os.path.join(cases, case.replace("-html", "-json"), "expected.stdout")
        findings = json.load(open(twin, encoding="utf-8"))["findings"] if os.path.exists(twin) else []
        if not os.path.exists(twin):
            problems.append(f"{case}: no JSON twin to compare with")
        missing = [f["message"] for f in findings if validator["visible"](f["message"]) not in shown]
        for message in missing[:3]:
            problems.append(f"{case}: not in the rendered DOM: {message[:70]!r}")
        if '<form id="filters" role="search" aria-label="Filter accounts and findings" hidden' in dom.stdout:
            problems.append(f"{case}: the filters are still hidden: the inline script did not run")
        problems += check_filters(case, page, work)
        requests = page_requests(netlog)
        if requests:
            problems.append(f"{case}: the page made requests: {sorted(requests)[:3]}")
        shot = os.path.join(shots, case + ".png")
        result = browser(
            ["--window-size=1280,1600", f"--screenshot={shot}", "file://" + page], os.path.join(work, case + ".profile"))
        if result.returncode != 0 or not os.path.exists(shot):
            problems.append(f"{case}: chromium --screenshot failed: {result.stderr[-300:]}")
            continue
        blank, how = png_is_blank(shot)
        if blank:
            problems.append(f"{case}: the screenshot looks blank ({how})")
        checked += 1
        print(f"{case}: {len(findings)} findings in the DOM, no request, screenshot {how}; DOM in {elapsed:.1f} s")
    shutil.rmtree(work, ignore_errors=True)
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    if checked == 0:
        print("no html golden found")
        sys.exit(1)


if __name__ == "__main__":
    main()

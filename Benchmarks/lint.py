#!/usr/bin/env python3
"""Baseline for the benchmark (Benchmarks/run): scopelint's lint of a fleet, in plain Python.

    python3 Benchmarks/lint.py Benchmarks/policies.json FLEET.json > out.json

This is what one would write without scopelint: json.load the export, pick each account's policy
by name, compare levels, json.dump the report. It is a yardstick for scopelint's speed and memory,
NOT a replacement for it. It reads only the shape scopelint-fleet writes:

    {"format", "exported_at", "generator", "stores": [{"store_hash", "name", "accounts": [
        {"name", "type", "client_id", "scopes": {"<UI name>": "<level name>", ...}}]}]}

(scopes not listed are level 0). No other input shape, no JSON5, no aliases or misspellings, no
validation (an unknown scope or level stops it with a KeyError), no positions in findings, and
only the policies in policies.json (modern-retail, stone-edge, least-privilege for the rest);
an account is checked against the first integration policy its name matches.
Rules: missing-scope, excessive-scope, risky-scope and unmatched-account, with scopelint's
message texts, in scopelint's order (store, account, rule, scope in control-panel order).
The report has scopelint's JSON shape minus "location". Exit 1 if any finding is an error.
"""
import json
import re
import sys


def glob_regex(patterns):
    """applies_to account-name globs (`*` any run, `?` one character, case ignored) as one regex."""
    parts = [".*".join(".".join(re.escape(q) for q in p.split("?")) for p in glob.split("*")) for glob in patterns]
    return re.compile("(?:%s)\\Z" % "|".join(parts), re.IGNORECASE | re.DOTALL)


def load_policies(path):
    with open(path, encoding="utf-8") as handle:
        table = json.load(handle)
    scopes = table["scopes"]
    index = {scope["name"]: i for i, scope in enumerate(scopes)}
    ranks = [{name: rank for rank, name in enumerate(scope["levels"])} for scope in scopes]
    policies = []
    for entry in table["policies"]:
        risks = [[] for _ in scopes]  # per scope, rows by rising level
        for row in entry["risks"]:
            risks[index[row["scope"]]].append(row)
        for rows in risks:
            rows.sort(key=lambda row: row["level"])
        accepted = [None] * len(scopes)
        for acceptance in entry["accepts"]:
            accepted[index[acceptance["scope"]]] = acceptance["reason"]
        bounds = entry["bounds"]
        policies.append({
            "id": entry["id"], "title": entry["title"], "integration": entry["integration"],
            "names": glob_regex(entry["account_names"]) if entry["integration"] else None,
            "types": set(entry["types"]),
            "min": [b["min"] for b in bounds], "max": [b["max"] for b in bounds],
            # Only scopes with a minimum can be missing: checked for every account.
            "required": [i for i, b in enumerate(bounds) if b["min"] > 0],
            "risks": risks, "accepted": accepted,
            # Who a non-accepted risk message tells to justify the level.
            "who": entry["title"] if entry["integration"] else "the integration using this account",
        })
    fallback = next(p for p in policies if p["id"] == table["fallback"])
    integrations = [p for p in policies if p["integration"]]
    return scopes, index, ranks, integrations, fallback


def lint(table_path, fleet_path):
    scopes, index, ranks, integrations, fallback = load_policies(table_path)
    names = [scope["name"] for scope in scopes]
    levels_of = [scope["levels"] for scope in scopes]
    with open(fleet_path, encoding="utf-8") as handle:
        export = json.load(handle)

    findings = []
    add = findings.append
    store_count = account_count = 0
    for store in export["stores"]:
        store_count += 1
        label = store.get("store_hash") or store.get("name")
        for account in store["accounts"]:
            account_count += 1
            name = account["name"]
            kind = account.get("type", "store")
            policy = next((p for p in integrations if kind in p["types"] and p["names"].match(name)), None)
            matched = policy is not None
            if not matched:
                policy = fallback
            pid, title = policy["id"], policy["title"]

            # Levels by catalog index; only the granted (non-zero) ones matter past missing-scope.
            levels = [0] * len(scopes)
            for scope_name, level_name in account["scopes"].items():
                i = index[scope_name]
                levels[i] = ranks[i][level_name]
            granted = [i for i, level in enumerate(levels) if level]

            for i in policy["required"]:
                actual, minimum = levels[i], policy["min"][i]
                if actual < minimum:
                    scope, have, need = names[i], levels_of[i][actual], levels_of[i][minimum]
                    add({"rule": "missing-scope", "severity": "error", "store": label, "account": name,
                         "policy": pid, "scope": scope, "expected": need, "actual": have,
                         "message": f"{scope} is {have} but {title} needs {need}; without it the integration's {scope} calls fail with 403."})
            for i in granted:
                actual, maximum = levels[i], policy["max"][i]
                if actual > maximum:
                    scope, have, allowed = names[i], levels_of[i][actual], levels_of[i][maximum]
                    add({"rule": "excessive-scope", "severity": "error", "store": label, "account": name,
                         "policy": pid, "scope": scope, "expected": allowed, "actual": have,
                         "message": f"{scope} is {have} but {title} needs at most {allowed}; set {scope} to {allowed} in the replacement API account."})
            for i in granted:
                actual = levels[i]
                risk = None
                for row in policy["risks"][i]:  # the highest row at or below the level wins
                    if row["level"] <= actual:
                        risk = row
                if risk is None:
                    continue
                scope, have, reason = names[i], levels_of[i][actual], policy["accepted"][i]
                if reason is None:
                    severity = risk["severity"]
                    # The scope's lowest level: "standard" for Metafields Access, which has no none.
                    message = (f"{scope} at {have} {risk['harm']}. Set it to {levels_of[i][0]} unless {policy['who']} needs it; "
                               f"if it does, record why under \"accepts\" in its policy.")
                else:
                    severity = "note"
                    message = f"{scope} at {have} {risk['harm']}. Accepted by {pid}: {reason}"
                add({"rule": "risky-scope", "severity": severity, "store": label, "account": name,
                     "policy": pid, "scope": scope, "actual": have, "message": message})
            if not matched:
                add({"rule": "unmatched-account", "severity": "note", "store": label, "account": name,
                     "policy": pid,
                     "message": f"No integration policy matches '{name}'; only the least-privilege risk checks ran. "
                                "Pass --policy ID for the integration that uses it (scopelint policies list)."})

    counts = {"error": 0, "warning": 0, "note": 0}
    for finding in findings:
        counts[finding["severity"]] += 1
    return {
        "tool": {"name": "scopelint-baseline-python", "version": "0.1.0"},
        "findings": findings,
        "summary": {"errors": counts["error"], "warnings": counts["warning"], "notes": counts["note"],
                    "stores": store_count, "accounts": account_count},
    }


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: python3 Benchmarks/lint.py Benchmarks/policies.json FLEET.json > report.json")
    report = lint(sys.argv[1], sys.argv[2])
    json.dump(report, sys.stdout, indent=2)
    sys.stdout.write("\n")
    return 1 if report["summary"]["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())

#!/usr/bin/env python3
"""Tests Scripts/refresh-catalog on the tiny docs tree in Fixtures/docs-snapshot (run by .ci/run:
python3 Scripts/test_refresh_catalog.py). Standard library only."""
import json
import os
import subprocess
import sys
import tempfile
import unittest

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TOOL = os.path.join(ROOT, "Scripts", "refresh-catalog")
SNAPSHOT = os.path.join(ROOT, "Fixtures", "docs-snapshot")


def run(*extra):
    with tempfile.TemporaryDirectory() as folder:
        out = os.path.join(folder, "map.json")
        result = subprocess.run(
            [sys.executable, TOOL, SNAPSHOT, "--out", out, "--docs-commit", "abc123",
             "--scopes-output", os.path.join(SNAPSHOT, "scopes.txt"), *extra],
            capture_output=True, text=True)
        with open(out, encoding="utf-8") as handle:
            return result, json.load(handle)


def operation(document, method, path):
    rows = [o for o in document["operations"] if o["method"] == method and o["path"] == path]
    assert len(rows) == 1, (method, path, rows)
    return rows[0]


def scopes(row):
    return [(s["scope"], s["level"]) for s in row["any_of"]]


class RefreshCatalogTests(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.result, cls.map = run()

    def test_per_operation_not_per_spec(self):
        # One spec lists Customers and Stored Payment Instruments: each operation gets its own.
        base = "/stores/{store_hash}/v3"
        self.assertEqual(scopes(operation(self.map, "GET", base + "/customers")), [("Customers", "read-only")])
        self.assertEqual(scopes(operation(self.map, "DELETE", base + "/customers")), [("Customers", "modify")])
        stored = operation(self.map, "GET", base + "/customers/{customerId}/stored-instruments")
        self.assertEqual(scopes(stored), [("Stored Payment Instruments", "read-only")])
        self.assertEqual(stored["basis"], "path")
        self.assertEqual(stored["operation_id"], "getCustomerStoredInstruments")
        self.assertTrue(stored["file"].startswith("reference/customers.v3.yml:"))

    def test_operation_text_wins(self):
        base = "/stores/{store_hash}/v3"
        refund = operation(self.map, "POST", base + "/orders/{order_id}/payment_actions/refunds")
        self.assertEqual(refund["basis"], "operation")
        self.assertEqual(scopes(refund), [("Orders", "modify"), ("Order Transactions", "modify")])
        private = operation(self.map, "POST", base + "/storefront/api-token-private")
        self.assertEqual(scopes(private), [("Storefront API Tokens", "modify")])
        # A spec table whose permission cell holds backticks still counts.
        transactions = operation(self.map, "GET", base + "/orders/{order_id}/transactions")
        self.assertEqual(scopes(transactions), [("Order Transactions", "read-only")])

    def test_override_table(self):
        # orders.v3.yml's table lists Order Transactions alone; an order's metafields are orders.
        metafields = operation(self.map, "GET", "/stores/{store_hash}/v3/orders/{order_id}/metafields")
        self.assertEqual((scopes(metafields), metafields["basis"]), ([("Orders", "read-only")], "override"))

    def test_spec_note_and_default_scope(self):
        base = "/stores/{store_hash}/v3"
        analytics = operation(self.map, "GET", base + "/settings/analytics")
        self.assertEqual((scopes(analytics), analytics["basis"]), ([("Content", "read-only")], "spec note"))
        status = operation(self.map, "PUT", base + "/settings/storefront/status")
        self.assertEqual(scopes(status), [("Information & Settings", "modify")])
        hooks = operation(self.map, "GET", base + "/hooks")
        self.assertEqual((hooks["any_of"], hooks["basis"]), ([], "default scope (every token)"))
        self.assertEqual(operation(self.map, "GET", base + "/webhooks")["basis"], "none found")

    def test_header(self):
        self.assertEqual(self.map["format"], "scopelint-endpoint-scopes/1")
        self.assertEqual(self.map["docs_commit"], "abc123")
        self.assertEqual(self.result.returncode, 0, self.result.stderr)

    def test_comparison_printed(self):
        out = self.result.stdout
        self.assertIn("in the docs, not in the catalog: 1", out)
        self.assertIn("+ Brand New Scope | modify | store_brand_new  (Store resource scopes, api-accounts.mdx:", out)
        self.assertIn("in the catalog, not in api-accounts.mdx: 1", out)
        self.assertIn("- Old Gone Scope | modify | store_old_gone", out)
        self.assertIn("named differently: 0", out)
        # Deliberate label differences are listed, not counted as changes.
        self.assertIn("store_storefront_api: the docs call the level 'modify', the catalog 'manage'", out)
        self.assertIn("account_users_read: the docs call the level 'read-only', the catalog 'read'", out)

    def test_check_fails_on_a_change(self):
        result, _ = run("--check")
        self.assertEqual(result.returncode, 1)


if __name__ == "__main__":
    unittest.main(verbosity=1)

#!/usr/bin/env python3
"""Writes a seeded, realistic scopelint export of STORES x ACCOUNTS for benchmarks.

Usage: Scripts/generate-fleet.py STORES ACCOUNTS_PER_STORE OUT [--seed N]
Accounts mix the bundled integrations' names (so applies_to matching runs), scopes as
objects, arrays and strings, and some risky and unknown scopes, indented like a real export.
"""
import json
import random
import sys

NAMES = ["Modern Retail Integration", "Stone Edge Order Manager", "CSM Business Central",
         "Celigo integrator.io", "Reporting", "Zapier"]
PARAMS = ["store_v2_content", "store_v2_content_read_only", "store_content_checkout", "store_v2_customers",
          "store_v2_customers_read_only", "store_v2_customers_login", "store_v2_information_read_only",
          "store_v2_marketing", "store_v2_orders", "store_v2_orders_read_only", "store_v2_transactions",
          "store_payments_methods_read", "store_v2_products", "store_v2_products_read_only", "store_cart",
          "store_checkout", "store_storefront_api", "store_storefront_api_customer_impersonation",
          "store_locations_read_only", "store_inventory", "store_fulfillment_methods_manage",
          "store_order_fulfillment_manage", "store_webhooks_manage"]
UI = {"Customers": "modify", "Information & Settings": "read-only", "Marketing": "modify", "Orders": "modify",
      "Order Transactions": "modify", "Get Payment Methods": "read-only", "Products": "modify", "Carts": "modify",
      "Storefront API Tokens": "manage", "Storefront API Customer Impersonation Tokens": "manage"}


def account(rng, index):
    name = NAMES[index % len(NAMES)]
    shape = rng.randrange(3)
    picked = sorted(set(rng.sample(PARAMS, rng.randrange(3, 12))))
    if shape == 0:
        scopes = dict(UI)
    elif shape == 1:
        scopes = picked
    else:
        scopes = " ".join(picked)
    return {"name": f"{name}" if index < len(NAMES) else f"{name} {index}", "type": "store", "scopes": scopes}


def main():
    stores, per_store, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    seed = int(sys.argv[5]) if len(sys.argv) > 5 and sys.argv[4] == "--seed" else 1
    rng = random.Random(seed)
    export = {"format": "scopelint-export/1", "exported_at": "2026-11-20T10:00:00Z",
              "stores": [{"store_hash": f"s{n:06x}", "name": f"Store {n}",
                          "accounts": [account(rng, i) for i in range(per_store)]} for n in range(stores)]}
    with open(out, "w") as handle:
        json.dump(export, handle, indent=2)
        handle.write("\n")


if __name__ == "__main__":
    main()

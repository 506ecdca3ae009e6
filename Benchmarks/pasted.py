#!/usr/bin/env python3
"""Writes a seeded pasted input of about SIZE MiB for the benchmark: Benchmarks/pasted.py SIZE OUT.KIND,
KIND one of text (Account: lines and "- Scope: level" bullets), csv (Account,Scope,Level rows) or
callback (one auth-callback URL per line, 500 stores)."""
import random, sys
random.seed(1)
target = int(sys.argv[1]) << 20
out = sys.argv[2]
names = ["Orders", "Products", "Customers", "Content", "Marketing", "Carts", "Checkouts", "Information & Settings"]
params = ["store_v2_orders", "store_v2_products_read_only", "store_v2_customers", "store_v2_content_read_only", "store_cart"]
levels = ["none", "read-only", "modify"]
def text():
    parts, size, n = [], 0, 0
    while size < target:
        block = f"Account: Integration {n}\n" + "".join(f"- {s}: {random.choice(levels)}\n" for s in names)
        parts.append(block); size += len(block); n += 1
    return "".join(parts)
def csv():
    parts, size, n = ["Account,Scope,Level\n"], 0, 0
    while size < target:
        block = "".join(f"Integration {n},{s if ',' not in s else chr(34)+s+chr(34)},{random.choice(levels)}\n" for s in names)
        parts.append(block); size += len(block); n += 1
    return "".join(parts)
def callback():
    parts, size, n = [], 0, 0
    while size < target:
        line = f"https://app.example/auth?code=x{n}&scope={'+'.join(random.sample(params, 4))}&context=stores%2Fs{n % 500}\n"
        parts.append(line); size += len(line); n += 1
    return "".join(parts)
open(out, "w").write({"text": text, "csv": csv, "callback": callback}[out.split(".")[-1]]())

#!/usr/bin/env python3
"""Writes a seeded access log of about SIZE_MB MiB to stdout, for `policies generate`'s benchmark:
Benchmarks/usage.py SIZE_MB > usage.log

Combined log format, as a forward proxy in front of an integration writes it: absolute URLs to
the API (paths with ids and query strings, v2 and v3, with and without /stores/HASH), some CDN
and storefront hosts, the odd CONNECT tunnel, a "-" request and a TLS blob, and user agents
with bytes that are not UTF-8. Lines come from a seeded pool of 4096, so 1 GB is written at
disk speed; the reader's work per line does not depend on repeats."""
import random, sys

random.seed(16)
target = int(sys.argv[1]) << 20
api = "https://api.bigcommerce.com/stores/abc123"
templates = [
    ("GET", api + "/v3/catalog/products?limit=250&page={n}&include=variants,images"),
    ("GET", api + "/v3/catalog/products/{id}"),
    ("PUT", api + "/v3/catalog/products/{id}"),
    ("GET", api + "/v3/catalog/products/{id}/variants/{id2}/metafields"),
    ("POST", api + "/v3/catalog/products/{id}/images"),
    ("GET", api + "/v3/catalog/categories?parent_id:in={n}"),
    ("GET", api + "/v2/orders?status_id=11&min_date_modified=2026-11-{day}T00:00:00Z&page={n}"),
    ("GET", api + "/v2/orders/{id}/products"),
    ("PUT", api + "/v2/orders/{id}"),
    ("POST", api + "/v2/orders/{id}/shipments"),
    ("GET", api + "/v3/customers?email:in=user{n}%40example.com"),
    ("POST", api + "/v3/hooks"),
    ("GET", "https://api.bigcommerce.com/v3/orders/{id}/transactions"),
    ("GET", "https://cdn11.bigcommerce.com/s-abc123/images/stencil/1280x1280/products/{id}/{id2}/main.jpg?c=2"),
    ("GET", "https://store-abc123.mybigcommerce.com/api/storefront/carts?include=lineItems.physicalItems.options"),
]
agents = [b"acme-sync/2.3 (+https://acme.example)", b"Mozilla/5.0 (X11; Linux x86_64) Gecko/20100101 Firefox/120.0",
          b"curl/8.5.0", b"legacy-client/\xff\xfe latin-1 \xe9t\xe9"]

def line(i: int) -> bytes:
    when = f"[29/Nov/2026:{random.randint(0, 23):02d}:{random.randint(0, 59):02d}:{random.randint(0, 59):02d} +0000]"
    client = f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"
    roll = random.random()
    if roll < 0.002:
        request, status = "-", 408
    elif roll < 0.004:
        request, status = "\\x16\\x03\\x01\\x02\\x00\\x01\\x00\\x01\\xFC\\x03\\x03", 400
    elif roll < 0.02:
        request, status = "CONNECT api.bigcommerce.com:443 HTTP/1.1", 200
    else:
        method, url = random.choice(templates)
        url = url.format(n=random.randint(1, 400), id=random.randint(100, 99999), id2=random.randint(1, 999),
                         day=f"{random.randint(1, 28):02d}")
        request, status = f"{method} {url} HTTP/1.1", random.choice([200, 200, 200, 201, 204, 404, 429])
    head = f'{client} - - {when} "{request}" {status} {random.randint(0, 90000)} "-" "'.encode()
    return head + random.choice(agents) + b'"\n'

pool = [line(i) for i in range(4096)]
out = sys.stdout.buffer
written = 0
while written < target:
    batch = b"".join(random.choices(pool, k=512))
    out.write(batch)
    written += len(batch)

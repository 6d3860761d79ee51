"""Queries and bytes for each benchmarked page, measured inside Django (run as a script).

Usage: python -m bench.page_costs URL [URL ...] — prints JSON. The environment decides the
settings and the database (bench.run passes the production settings it serves with).
"""

import gzip
import json
import sys


def measure(paths: list[str]) -> dict:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for path in paths:
        client.get(path)  # warm per-process caches, as a running server has them
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        body = response.content if not getattr(response, "streaming", False) else b""
        results[path] = {
            "status": response.status_code,
            "queries": len(captured),
            "bytes": len(body),
            "gzip_bytes": len(gzip.compress(body, 6)),
        }
    return results


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1:])))

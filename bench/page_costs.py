"""Queries and bytes for each benchmarked page, measured inside Django (run as a script).

Usage: python -m bench.page_costs URL [URL ...] — prints JSON. The environment decides the
settings and the database (bench.run passes the production settings it serves with).

Two query counts per page: ``queries`` once the process has served the page in this cache
generation (what a server answers steadily with the page cache off), and ``cold_queries``
for the first request after a publication started a new generation, with nothing cached.
``cold_ms`` is the in-process time of that first request (the median of COLD_RUNS), the cost
a page pays once per publication; ``ms`` the median of RUNS requests as the process serves
them (with every cache off, DJANGO_CACHE=off, each one drawn from nothing).
"""

import gzip
import json
import statistics
import sys
import time

COLD_RUNS = 3
RUNS = 15


def measure(paths: list[str]) -> dict:
    import django

    django.setup()
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from pagecache.generational import process_copies
    from pagecache.store import new_generation

    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for path in paths:
        client.get(path)  # the process's own start-up work (templates, URL resolvers) done
        cold_ms = []
        for _ in range(COLD_RUNS):
            new_generation()  # as after a publication: nothing cached, anywhere
            process_copies.clear()
            started = time.perf_counter()
            with CaptureQueriesContext(connection) as cold:
                client.get(path)
            cold_ms.append((time.perf_counter() - started) * 1000)
            cold_queries = len(cold)
        with CaptureQueriesContext(connection) as captured:
            response = client.get(path)
        queries = len(captured)  # read now: the next request empties Django's query log
        steady_ms = []
        for _ in range(RUNS):
            started = time.perf_counter()
            client.get(path)
            steady_ms.append((time.perf_counter() - started) * 1000)
        body = response.content if not getattr(response, "streaming", False) else b""
        results[path] = {
            "status": response.status_code,
            "queries": queries,
            "cold_queries": cold_queries,
            "cold_ms": round(statistics.median(cold_ms), 1),
            "ms": round(statistics.median(steady_ms), 1),
            "bytes": len(body),
            "gzip_bytes": len(gzip.compress(body, 6)),
        }
    return results


if __name__ == "__main__":
    print(json.dumps(measure(sys.argv[1:])))

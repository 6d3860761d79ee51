"""`make bench-edge`: the site through Varnish, as readers reach it in the edge topology.

One run: Varnish (deploy/varnish/default.vcl) in front of two gunicorn app servers on
PostgreSQL and Redis (bench/edge_stack.py, ports 18600-18609), then wrk through Varnish on a
cached article, the home page and a section, and on a static file through the same Varnish.
Reported: each page's rate as a share of the static file's, and how many requests each app
server received for each URL during the run (at most one per URL per s-maxage: Varnish
answers the rest).

Bounded: BENCH_EDGE_SECONDS (default 5) per URL, everything on 127.0.0.1.
"""

import json
import os
import time

from bench.edge_stack import edge_stack
from bench.load import run_wrk
from bench.server import PROJECT_DIR

POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_EDGE_REDIS_URL", "redis://127.0.0.1:6379/6")
VARNISH_PORT, APP_PORTS = 18600, (18601, 18602)
SECONDS = int(os.environ.get("BENCH_EDGE_SECONDS", "5"))
S_MAXAGE = 60  # PAGE_CACHE_CONTROL's s-maxage
RESULTS = PROJECT_DIR / "bench" / "results" / "edge.json"
PAGES = {
    "article": "/ar/politics/morocco-counter-terrorism-regional-security/",
    "home": "/ar/",
    "section": "/ar/politics/",
}
STATIC = "/static/css/site.css"
HEADERS = {"Accept-Encoding": "gzip"}


def app_requests(stack, path: str) -> int:
    return sum(
        1
        for server in stack.app_servers
        for line in server.requested_paths()
        if line.split(" ", 1)[1].split("?")[0] == path
    )


def main() -> None:
    reuse = os.environ.get("BENCH_EDGE_REUSE") == "1"
    with edge_stack(
        postgres_url=POSTGRES,
        database="akhbar_edge_bench",
        redis_url=REDIS,
        varnish_port=VARNISH_PORT,
        app_ports=APP_PORTS,
        prepare=not reuse,
    ) as stack:
        static = run_wrk(stack.varnish_url + STATIC, SECONDS, HEADERS)
        rows = []
        for name, path in PAGES.items():
            before = app_requests(stack, path)
            started = time.monotonic()
            result = run_wrk(stack.varnish_url + path, SECONDS, HEADERS)
            elapsed = time.monotonic() - started
            time.sleep(0.5)  # gunicorn writes its access lines just after answering
            reached_app = app_requests(stack, path) - before
            allowed = 1 + int(elapsed // S_MAXAGE)
            rows.append(
                {
                    "page": name,
                    "path": path,
                    "requests_per_second": round(result.requests_per_second),
                    "share_of_static": round(
                        result.requests_per_second / static.requests_per_second, 3
                    ),
                    "p99_ms": result.p99_ms,
                    "requests": result.requests,
                    "errors": result.errors,
                    "app_requests": reached_app,
                    "app_requests_allowed": allowed,
                }
            )
    report = {
        "seconds_per_url": SECONDS,
        "static": {
            "path": STATIC,
            "requests_per_second": round(static.requests_per_second),
            "p99_ms": static.p99_ms,
        },
        "pages": rows,
    }
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps(report, indent=2))
    print(f"\nThrough Varnish, {SECONDS} s per URL (wrk, 2 threads, 8 connections, gzip):")
    print(f"  static file {STATIC}: {report['static']['requests_per_second']:,} req/s")
    print(f"  {'page':<8} {'req/s':>8} {'of static':>10} {'p99 ms':>8} {'app requests':>13}")
    for row in rows:
        print(
            f"  {row['page']:<8} {row['requests_per_second']:>8,} {row['share_of_static']:>9.0%}"
            f" {row['p99_ms']:>8.2f} {row['app_requests']:>6} (≤ {row['app_requests_allowed']})"
        )
    failures = [
        row["page"]
        for row in rows
        if row["share_of_static"] < 0.8 or row["app_requests"] > row["app_requests_allowed"]
    ]
    if failures:
        raise SystemExit(f"below target: {', '.join(failures)}")


if __name__ == "__main__":
    main()

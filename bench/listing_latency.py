"""Time and queries of each listing page, measured inside one Django process.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/akhbar_bench_100000 \\
        DJANGO_SETTINGS_MODULE=config.settings.production ... \\
        .venv/bin/python -m bench.listing_latency [--repeat 40]

A load test needs cores to itself; this needs one, so archives of different sizes can be
compared back to back on a shared machine. Each page is requested once to warm the process's
caches (as a running server has them), then ``--repeat`` times; the median and the 90th
percentile of the wall time of a whole request through Django's test client are printed with
the median CPU time of this process (steadier than wall time on a busy machine; it leaves out
the database server's own time) and the number of queries of the last request. Prints JSON,
one object per page.
"""

import argparse
import json
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def listing_paths() -> dict:
    """The benchmark's pages plus the sitemap's first and last page and a far section page."""
    from bench.run import benchmark_paths
    from core.sitemaps import TranslatedPagesSitemap

    paths = benchmark_paths()
    for name in ("article", "search", "static"):
        paths.pop(name, None)
    paths["section_last"] = paths["section"] + "?page=999999"
    home = paths["home"]
    # The benchmark's tag and author have a handful of articles; these have thousands at 100k.
    paths["tag_large"] = f"{home}tags/bench-tag-133/"
    paths["author_large"] = f"{home}authors/bench-author-10/"
    paths["author_large_deep"] = f"{home}authors/bench-author-10/?page=100"
    sitemap = TranslatedPagesSitemap()
    paths["sitemap_page"] = "/sitemap-pages.xml?p=1"
    paths["sitemap_last"] = f"/sitemap-pages.xml?p={max(1, sitemap_pages(sitemap))}"
    return paths


def sitemap_pages(sitemap) -> int:
    from django.test import RequestFactory

    sitemap.request = RequestFactory().get("/sitemap.xml", HTTP_HOST="127.0.0.1")
    return sitemap.paginator.num_pages


def measure(paths: dict, repeat: int) -> dict:
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    results = {}
    for name, path in paths.items():
        response = client.get(path)
        samples, cpu_samples = [], []
        for _ in range(repeat):
            with CaptureQueriesContext(connection) as captured:
                started, cpu_started = time.perf_counter(), time.process_time()
                response = client.get(path)
                if getattr(response, "streaming", False):
                    b"".join(response.streaming_content)
                samples.append((time.perf_counter() - started) * 1000)
                cpu_samples.append((time.process_time() - cpu_started) * 1000)
        samples.sort()
        results[name] = {
            "path": path,
            "status": response.status_code,
            "queries": len(captured),
            "median_ms": round(statistics.median(samples), 2),
            "p90_ms": round(samples[int(0.9 * (len(samples) - 1))], 2),
            "median_cpu_ms": round(statistics.median(cpu_samples), 2),
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=40)
    parser.add_argument("pages", nargs="*", help="page names (all when none)")
    options = parser.parse_args()

    import django

    django.setup()
    paths = listing_paths()
    if options.pages:
        paths = {name: paths[name] for name in options.pages}
    print(json.dumps(measure(paths, options.repeat)))


if __name__ == "__main__":
    main()

"""Search latency as the archive grows: loads synthetic Arabic articles and times searches.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/akhbar_search_bench \\
        .venv/bin/python bench/search_latency.py [--sizes 1000 10000 100000] [--repeat 5]

The database is migrated and given the demo newsroom first; articles are added in bulk
(``bench/synthetic_articles.py``) until each size is reached, then every query of QUERIES is
run ``--repeat`` times (after one warm-up run) at two levels: "search" is what the search page
does before rendering (the ranked entries, the first page's articles, their marked titles and
snippets: ``search.views.first_results``), "page" is the whole HTML response through Django's
test client. p50/p95 are over all runs of all queries; each query's median is kept too.

Settings are production's (DEBUG off, manifest static files, Redis when REDIS_URL is set)
unless DJANGO_SETTINGS_MODULE says otherwise; the anonymous page cache is always off here, so
every "page" sample is really rendered (a cached response would fail the run). The results are
printed as a table and written as JSON to bench/results/search_latency.json (``--output``).
Use a database of its own: the articles stay until it is dropped.
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import django

PROJECT_DIR = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT_DIR))
from bench.server import PRODUCTION_SETTINGS  # noqa: E402 (the project is on the path now)

for name, value in PRODUCTION_SETTINGS.items():
    os.environ.setdefault(name, value)
os.environ["DJANGO_PAGE_CACHE"] = "0"  # measure the search, never a cached copy of the page
DEFAULT_OUTPUT = PROJECT_DIR / "bench" / "results" / "search_latency.json"

QUERIES = [
    "الارهاب",
    "مكافحه الارهاب",
    "الأمن الإقليمي",
    "المغرب",
    "الاقتصاد الوطني",
    "المنتخب",
    "كرة القدم",
    "٢٠٢٤",
    '"البنك المركزي"',
    "الجفاف الفلاحة",
    "داعش",
    "نهج",
]


def percentile(samples: list[float], fraction: float) -> float:
    ordered = sorted(samples)
    index = min(round(fraction * (len(ordered) - 1)), len(ordered) - 1)
    return ordered[index]


def time_search(query: str) -> float:
    from search.query import SearchCriteria
    from search.views import first_results

    started = time.perf_counter()
    first_results(SearchCriteria(text=query, language_code="ar"), 1)
    return (time.perf_counter() - started) * 1000


def time_page(client, url: str, query: str) -> float:
    started = time.perf_counter()
    response = client.get(url, {"q": query}, HTTP_HOST="localhost")
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{query!r}: HTTP {response.status_code}")
    if response.has_header("X-Page-Cache"):
        raise RuntimeError(f"{query!r}: the page went through the page cache")
    return elapsed


def measure(repeat: int) -> dict:
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    from search.query import SearchCriteria, ranked_entries

    with translation.override("ar"):
        url = reverse("article_search")
    client = Client()
    samples = {"search": [], "page": []}
    per_query = {}
    for query in QUERIES:
        time_search(query)
        time_page(client, url, query)
        searched = [time_search(query) for _ in range(repeat)]
        paged = [time_page(client, url, query) for _ in range(repeat)]
        samples["search"] += searched
        samples["page"] += paged
        outcome = ranked_entries(SearchCriteria(text=query, language_code="ar"))
        per_query[query] = {
            "results": len(outcome.entries),
            "capped": outcome.capped,
            "phrase_window": outcome.phrase_window,
            "search_p50_ms": round(statistics.median(searched), 1),
            "page_p50_ms": round(statistics.median(paged), 1),
        }
    summary = {
        f"{level}_{name}_ms": round(value(samples[level]), 1)
        for level in ("search", "page")
        for name, value in (
            ("p50", statistics.median),
            ("p95", lambda values: percentile(values, 0.95)),
        )
    }
    return {**summary, "queries": per_query, "samples_ms": samples}


def environment() -> dict:
    from django.conf import settings
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT version()" if connection.vendor == "postgresql" else "SELECT 1")
        database_version = cursor.fetchone()[0]
    commit = subprocess.run(
        ["git", "rev-parse", "--short", "HEAD"], cwd=PROJECT_DIR, capture_output=True, text=True
    ).stdout.strip()
    return {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "commit": commit,
        "settings": os.environ["DJANGO_SETTINGS_MODULE"],
        "page_cache": settings.PAGE_CACHE_ENABLED,
        "database": f"{connection.vendor} {connection.settings_dict['NAME']}",
        "database_version": str(database_version),
        "cpus": os.cpu_count(),
        "load_average_at_start": os.getloadavg(),
        "python": platform.python_version(),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--output", type=Path, default=DEFAULT_OUTPUT)
    options = parser.parse_args()

    django.setup()
    from django.conf import settings
    from django.core.management import call_command

    from articles.models import ArticlePage
    from bench.archive import ensure_demo
    from bench.synthetic_articles import load_synthetic_articles

    call_command("migrate", verbosity=0)
    if "Manifest" in settings.STORAGES["staticfiles"]["BACKEND"]:
        call_command("collectstatic", interactive=False, verbosity=0)
    ensure_demo()  # built once: rebuilding would sync every article into the other languages
    report = {"environment": environment(), "queries": QUERIES, "repeat": options.repeat}
    report["sizes"] = []
    print(f"{report['environment']['database']}, {report['environment']['settings']}")
    columns = ["articles", "load s", "search p50", "search p95", "page p50", "page p95"]
    print(" ".join(f"{column:>11}" for column in columns), flush=True)
    for size in options.sizes:
        missing = size - ArticlePage.objects.count()
        started = time.perf_counter()
        if missing > 0:
            load_synthetic_articles(missing)
        loaded_in = time.perf_counter() - started
        result = {
            "articles": ArticlePage.objects.count(),
            "load_seconds": round(loaded_in, 1),
            **measure(options.repeat),
        }
        report["sizes"].append(result)
        print(
            f"{result['articles']:>11} {loaded_in:>11.1f}"
            + "".join(
                f" {result[f'{level}_{name}_ms']:>9.1f}ms"
                for level in ("search", "page")
                for name in ("p50", "p95")
            ),
            flush=True,
        )
        options.output.parent.mkdir(parents=True, exist_ok=True)
        options.output.write_text(json.dumps(report, ensure_ascii=False, indent=2) + "\n")
    print(f"\nMedian per query at {report['sizes'][-1]['articles']} articles (ms):")
    for query, figures in report["sizes"][-1]["queries"].items():
        note = " (capped)" if figures["capped"] else ""
        note += " (phrase window)" if figures["phrase_window"] else ""
        print(
            f"  {query:<22} search {figures['search_p50_ms']:>6.1f}"
            f"  page {figures['page_p50_ms']:>6.1f}  {figures['results']} results{note}"
        )
    print(f"\nwritten to {options.output}")


if __name__ == "__main__":
    main()

"""Search latency as the archive grows: loads synthetic Arabic articles and times searches.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/akhbar_search_bench \\
        .venv/bin/python bench/search_latency.py [--sizes 1000 10000 100000] [--repeat 5]

The database is migrated and given the demo newsroom first; articles are added until each size
is reached, then every query of QUERIES is run ``--repeat`` times (after one warm-up run) at two
levels: the search itself (count, first page of ranked entries, the articles, snippets and
highlighting) and the whole search page through Django's test client. p50/p95 are over all
runs of all queries. Use a database of its own: the articles stay until it is dropped.
"""

import argparse
import os
import statistics
import sys
import time
from pathlib import Path

import django

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")

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
    from django.core.paginator import Paginator

    from search.query import SearchCriteria, ranked_entries
    from search.views import RESULTS_PER_PAGE, results_for

    started = time.perf_counter()
    criteria = SearchCriteria(text=query, language_code="ar")
    page = Paginator(ranked_entries(criteria), RESULTS_PER_PAGE).get_page(1)
    results_for(page, criteria.terms)
    return (time.perf_counter() - started) * 1000


def time_page(client, url: str, query: str) -> float:
    started = time.perf_counter()
    response = client.get(url, {"q": query}, HTTP_HOST="localhost")
    elapsed = (time.perf_counter() - started) * 1000
    if response.status_code != 200:
        raise RuntimeError(f"{query!r}: HTTP {response.status_code}")
    return elapsed


def measure(repeat: int) -> dict[str, list[float]]:
    from django.test import Client
    from django.urls import reverse
    from django.utils import translation

    with translation.override("ar"):
        url = reverse("article_search")
    client = Client()
    samples = {"search": [], "page": []}
    for query in QUERIES:
        time_search(query)
        time_page(client, url, query)
        for _ in range(repeat):
            samples["search"].append(time_search(query))
            samples["page"].append(time_page(client, url, query))
    return samples


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument("--repeat", type=int, default=5)
    options = parser.parse_args()

    django.setup()
    from django.core.management import call_command
    from django.db import connection

    from articles.models import ArticlePage
    from bench.archive import ensure_demo
    from bench.synthetic_articles import load_synthetic_articles

    call_command("migrate", verbosity=0)
    ensure_demo()  # built once: rebuilding would sync every article into the other languages
    print(f"database: {connection.vendor} {connection.settings_dict['NAME']}")
    columns = ["articles", "load s", "search p50", "search p95", "page p50", "page p95"]
    print(" ".join(f"{column:>11}" for column in columns))
    for size in options.sizes:
        missing = size - ArticlePage.objects.count()
        started = time.perf_counter()
        if missing > 0:
            load_synthetic_articles(missing)
        loaded_in = time.perf_counter() - started
        samples = measure(options.repeat)
        print(
            f"{ArticlePage.objects.count():>11} {loaded_in:>11.1f}"
            f" {statistics.median(samples['search']):>9.1f}ms"
            f" {percentile(samples['search'], 0.95):>9.1f}ms"
            f" {statistics.median(samples['page']):>9.1f}ms"
            f" {percentile(samples['page'], 0.95):>9.1f}ms",
            flush=True,
        )


if __name__ == "__main__":
    main()

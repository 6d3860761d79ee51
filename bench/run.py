"""`make bench`: the site under load, on PostgreSQL with production settings.

    .venv/bin/python -m bench.run [--sizes 1000 100000] [--seconds 8]

For each archive size (the first is the main one) a PostgreSQL database of its own is filled
once (``akhbar_bench_<size>``, the prefix set by BENCH_DATABASE_PREFIX; reused by later runs),
the site is served exactly as the Docker image serves it (gunicorn, production settings, DEBUG
off, WEB_CONCURRENCY workers), and wrk (-t2 -c8) loads each page in turn: home, a section (first
and a deep page), the seed article, a tag page, an author page, search, the site feed, the
sitemap and a static file as the reference. At the main size the server runs three times:
without the page cache (every figure is a real render, from fragments kept for the cache
generation), with it (the cached article), and with every cache off (DJANGO_CACHE=off: the
article, home, section, tag and author pages drawn from nothing, each time). Each figure is
compared with the static file served by that same server run. Queries and bytes per page are
counted in a separate process with the same settings. Results: bench/results/
(results.json, report.md, chart.png); the table is printed too.
"""

import argparse
import json
import os
import subprocess
import sys
import time
from urllib.parse import quote

import psycopg

from bench.load import run_wrk
from bench.report import write_outputs
from bench.server import BIN_DIR, PROJECT_DIR, WORKERS, gunicorn, manage, production_environment

RESULTS = PROJECT_DIR / "bench" / "results"
POSTGRES = os.environ.get("BENCH_POSTGRES", "postgres://postgres@127.0.0.1:5432")
REDIS = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")
PORT = int(os.environ.get("BENCH_PORT", "8765"))
# Several branches benchmarked on one machine each keep their archive in a database of their own.
DATABASE_PREFIX = os.environ.get("BENCH_DATABASE_PREFIX", "akhbar_bench")
DEEP_PAGE = 500


def database_url(size: int) -> str:
    return f"{POSTGRES}/{DATABASE_PREFIX}_{size}"


def ensure_database(name: str) -> None:
    with psycopg.connect(f"{POSTGRES}/postgres", autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", (name,)
        ).fetchone()
        if not exists:
            connection.execute(f'CREATE DATABASE "{name}"')


def prepare(size: int, env: dict) -> dict:
    """Migrate, build the demo and grow the archive; return the paths to load."""
    ensure_database(f"{DATABASE_PREFIX}_{size}")
    manage(env, "migrate", "--noinput", "--verbosity", "0")
    script = (
        "import django, json; django.setup();"
        "from bench.archive import ensure_demo; ensure_demo();"
        f"from bench.archive import ensure_archive; ensure_archive({size});"
        "from bench.run import benchmark_paths; print(json.dumps(benchmark_paths()))"
    )
    started = time.monotonic()
    output = subprocess.run(
        [str(BIN_DIR / "python"), "-c", script],
        cwd=PROJECT_DIR,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    vacuum(f"{DATABASE_PREFIX}_{size}")
    print(f"  archive of {size:,} ready in {time.monotonic() - started:.0f} s", flush=True)
    return json.loads(output.strip().splitlines()[-1])


def vacuum(name: str) -> None:
    """Vacuum and analyze the database, as autovacuum keeps a production one.

    The archive is written in one transaction and autovacuum may be off (it is off on these
    machines), so nothing else would: the visibility map stays empty and every index-only scan
    reads each row's table page too (the related articles' candidates: 519 heap fetches).
    """
    with psycopg.connect(f"{POSTGRES}/{name}", autocommit=True) as connection:
        connection.execute("VACUUM ANALYZE")


def benchmark_paths() -> dict:
    """The URL path of each benchmarked page, found in the database (Django must be set up)."""
    from articles.models import ArticlePage, SectionPage
    from home.models import HomePage

    home = HomePage.objects.get(depth=2, locale__language_code="ar")
    section = SectionPage.objects.get(slug="politics", locale=home.locale)
    article = ArticlePage.objects.get(
        slug="morocco-counter-terrorism-regional-security", locale=home.locale
    )
    articles_in_section = ArticlePage.objects.live().child_of(section).count()
    pages = max(1, -(-articles_in_section // section.articles_per_page))
    tag = article.tags.order_by("pk").first()
    paths = {
        "home": home.url,
        "section": section.url,
        "section_deep": f"{section.url}?page={min(DEEP_PAGE, pages)}",
        "article": article.url,
        "author": home.url + home.reverse_subpage("author", args=("newsroom",)),
        "search": home.url + "search/?q=" + quote("الإرهاب"),
        "feed": home.url + home.reverse_subpage("feed"),
        "sitemap": "/sitemap.xml",
        "static": "/static/css/site.css",
    }
    if tag is not None:
        paths["tag"] = home.url + home.reverse_subpage("tag", args=(tag.slug,))
    return paths


# The pages loaded with every cache off: the ones a reader opens most, drawn from nothing.
CACHES_OFF_PAGES = ["home", "section", "article", "tag", "author"]


def page_costs(env: dict, paths: dict, names=None) -> dict:
    names = [name for name in (names or paths) if name != "static" and name in paths]
    output = subprocess.run(
        [str(BIN_DIR / "python"), "-m", "bench.page_costs", *[paths[n] for n in names]],
        cwd=PROJECT_DIR,
        env={**env, "DJANGO_PAGE_CACHE": "0"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    by_path = json.loads(output.strip().splitlines()[-1])
    return {name: by_path[paths[name]] for name in names}


def load_pages(base_url: str, paths: dict, names, seconds: int) -> dict:
    results = {}
    for name in names:
        results[name] = run_wrk(base_url + paths[name], seconds).as_dict()
        print(
            f"    {name:13} {results[name]['requests_per_second']:8.1f} req/s  "
            f"p50 {results[name]['p50_ms']:6.1f} ms  p99 {results[name]['p99_ms']:7.1f} ms",
            flush=True,
        )
    return results


def bench_size(size: int, seconds: int, main: bool) -> dict:
    print(f"archive of {size:,} articles", flush=True)
    env = production_environment(database_url(size), redis_url=REDIS, page_cache=False)
    paths = prepare(size, env)
    costs = page_costs(env, paths)
    uncached_names = [n for n in paths if n != "static"] + ["static"]
    with gunicorn(env, PORT) as base_url:
        print("  without the page cache", flush=True)
        for path in paths.values():  # warm each worker's per-process caches
            subprocess.run(["curl", "-s", "-o", "/dev/null", base_url + path], check=False)
        load = load_pages(base_url, paths, uncached_names, seconds)
    result = {"paths": paths, "costs": costs, "load": load}
    if main:
        cached_env = production_environment(database_url(size), redis_url=REDIS, page_cache=True)
        with gunicorn(cached_env, PORT) as base_url:
            print("  with the page cache", flush=True)
            cached = load_pages(base_url, paths, ["article", "static"], seconds)
        result["cached"] = cached
        # The cached figure is compared with the static file served in that same server run.
        result["load"]["article_cached"] = {
            **cached["article"],
            "requests_per_second": cached["article"]["requests_per_second"]
            * load["static"]["requests_per_second"]
            / cached["static"]["requests_per_second"],
            "measured_requests_per_second": cached["article"]["requests_per_second"],
            "static_same_run": cached["static"]["requests_per_second"],
        }
    # At every size: a page drawn from nothing pays for what its statements read, which the
    # fragments and the page cache hide (a plan that walked the whole page table cost the
    # home page 36 ms at 100,000 articles and nothing at 1,000).
    result["caches_off"] = bench_caches_off(size, paths, seconds)
    return result


def bench_caches_off(size: int, paths: dict, seconds: int) -> dict:
    """Every cache off (DJANGO_CACHE=off): each page drawn from nothing on every request."""
    env = production_environment(database_url(size), redis_url=None, page_cache=False, caches=False)
    names = [name for name in CACHES_OFF_PAGES if name in paths]
    costs = page_costs(env, paths, names)
    with gunicorn(env, PORT) as base_url:
        print("  with every cache off", flush=True)
        for name in names:  # each worker's start-up work (templates, URL resolvers) done
            subprocess.run(["curl", "-s", "-o", "/dev/null", base_url + paths[name]], check=False)
        load = load_pages(base_url, paths, [*names, "static"], seconds)
    return {"costs": costs, "load": load}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--seconds", type=int, default=8)
    args = parser.parse_args()

    manage(production_environment(database_url(args.sizes[0]), redis_url=None, page_cache=False),
           "collectstatic", "--noinput", "--verbosity", "0")  # fmt: skip
    run = {"seconds": args.seconds, "workers": WORKERS, "main_size": args.sizes[0], "sizes": {}}
    for index, size in enumerate(args.sizes):
        run["sizes"][str(size)] = bench_size(size, args.seconds, main=index == 0)
    if len(args.sizes) > 1:
        growth_pages = ["home", "section", "section_deep", "tag", "feed", "sitemap", "article"]
        run["growth"] = {
            "sizes": [str(s) for s in args.sizes],
            "p50_ms": {
                name: [run["sizes"][str(s)]["load"][name]["p50_ms"] for s in args.sizes]
                for name in growth_pages
                if all(name in run["sizes"][str(s)]["load"] for s in args.sizes)
            },
            "queries": {
                name: [run["sizes"][str(s)]["costs"][name]["queries"] for s in args.sizes]
                for name in growth_pages
                if all(name in run["sizes"][str(s)]["costs"] for s in args.sizes)
            },
        }
    outputs = write_outputs(run, RESULTS)
    print()
    print(outputs["table"])
    print(f"raw results: {outputs['json']}\nchart: {outputs['chart']}")


if __name__ == "__main__":
    sys.path.insert(0, str(PROJECT_DIR))
    main()

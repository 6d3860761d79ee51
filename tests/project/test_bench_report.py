"""The benchmark's arithmetic: what wrk printed, and the ratios the README's table shows."""

from bench.load import parse_wrk
from bench.report import markdown_table

WRK_OUTPUT = """Running 8s test @ http://127.0.0.1:8765/ar/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency     4.01ms    1.20ms  30.00ms   90.00%
  Latency Distribution
     50%    3.50ms
     75%    4.10ms
     90%    5.00ms
     99%    1.20s
  4000 requests in 8.00s, 80.00MB read
  Socket errors: connect 0, read 2, write 0, timeout 1
  Non-2xx or 3xx responses: 4
Requests/sec:    500.00
Transfer/sec:     10.00MB
"""


def test_wrk_output_is_read_with_units_and_errors():
    result = parse_wrk("http://x/", WRK_OUTPUT)
    assert result.requests_per_second == 500.0
    assert result.p50_ms == 3.5
    assert result.p99_ms == 1200.0
    assert result.requests == 4000
    assert result.errors == 7  # 4 non-2xx, 2 read errors, 1 timeout


def load(rps, p50, errors=0):
    return {"requests_per_second": rps, "p50_ms": p50, "p99_ms": p50 * 2, "errors": errors}


def bench_run(sizes: dict, **extra) -> dict:
    """A run of the benchmark at 1,000 articles first, as bench/run.py records it."""
    return {"main_size": 1000, "seconds": 8, "workers": 2, "sizes": sizes, **extra}


def test_the_table_gives_each_page_as_a_share_of_the_static_file_and_flags_stalls():
    run = bench_run(
        {
            "1000": {
                "load": {"static": load(4000, 1.0), "article": load(400, 10.0, errors=3)},
                "costs": {
                    "article": {
                        "queries": 1,
                        "cold_queries": 20,
                        "cold_ms": 42.0,
                        "bytes": 10,
                        "gzip_bytes": 5,
                    }
                },
            }
        },
        growth={
            "sizes": ["1000", "100000"],
            "p50_ms": {"sitemap": [10.0, 0.0], "home": [10.0, 12.0]},
        },
    )
    table = markdown_table(run)
    assert (
        "| seed article (uncached) | 400 | 10.0% | 10.0 | 20.0 | 3 | 1 (20) | 42.0 | 10 (5) |"
        in table
    )
    assert "| sitemap | 10.0 | stalled | — |" in table
    assert "| home page | 10.0 | 12.0 | 1.20x |" in table


def test_every_cache_off_is_compared_across_archive_sizes():
    def caches_off(static_rps, article_rps):
        return {
            "load": {"static": load(static_rps, 1.0), "article": load(article_rps, 50.0)},
            "costs": {"article": {"queries": 12, "ms": 30.0}},
        }

    run = bench_run(
        {
            "1000": {
                "load": {"static": load(3000, 1.0)},
                "costs": {},
                "caches_off": caches_off(3000, 60),
            },
            "100000": {
                "load": {"static": load(3200, 1.0)},
                "costs": {},
                "caches_off": caches_off(3200, 32),
            },
        }
    )
    table = markdown_table(run)
    assert (
        "| every cache off | req/s at 1,000 (% of static) | req/s at 100,000 (% of static) |"
        in table
    )
    assert "| seed article | 60 (2.0%) | 32 (1.0%) |" in table
    assert table.count("| seed article |") == 2  # the main size's own table, then this one

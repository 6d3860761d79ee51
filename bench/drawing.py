"""`make bench-drawing`: how much of a page drawn from nothing is the drawing of its HTML.

    .venv/bin/python -m bench.drawing [--size 1000] [--seconds 6] [--rounds 3]

With every cache off, a page does two kinds of work on each request: it *reads* what it shows
(the middleware, routing, the statements and the model objects made from their rows) and it
*draws* it (the templates, and the HTML that the comments, cards and head build in Python).
The two are interleaved: what a page reads is read lazily, when its template first asks for
it. So a profile cannot separate them, and "how fast would this page be with a faster
template engine?" had no measured answer.

This measures the drawing by what one more draw costs. The same server (gunicorn, production
settings, every cache off, as ``make bench`` runs it) serves each page with every template
response drawn once, twice and three times (``bench/redrawn.py``). The extra draws' HTML is
thrown away, and they read nothing: the first draw read it all. The time a request takes the
server (1,000 ms / requests per second) rises by the same step with each draw: that step is
the drawing, and the line through the three points, taken back to no draw at all, is
everything else. Rounds alternate between the three servers, so a slow minute of the machine
falls on all of them.

What it answers: the rate each page would reach if drawing cost nothing, as a share of the
static file served by the same servers. Results: bench/results/drawing.json and drawing.md.
"""

import argparse
import json
import statistics
import subprocess

from bench.load import run_wrk
from bench.run import CACHES_OFF_PAGES, RESULTS, database_url, prepare
from bench.server import gunicorn, manage, production_environment

DRAWS = (1, 2, 3)
PORT = 8767  # beside make bench's 8765, so the two never meet


def split_drawing(rates: dict[int, list[float]]) -> dict:
    """The drawing's and the rest's share of a request, from the rates at each number of draws.

    ``rates`` maps a number of draws to the requests per second measured with it (one per
    round). Each rate becomes the server's time per request, and a least-squares line through
    them gives the drawing (its slope) and everything else (its value at no draw at all).
    """
    points = [(draws, 1000.0 / rate) for draws, measured in rates.items() for rate in measured]
    mean_draws = statistics.fmean(draws for draws, _ in points)
    mean_ms = statistics.fmean(ms for _, ms in points)
    spread = sum((draws - mean_draws) ** 2 for draws, _ in points)
    drawing_ms = sum((draws - mean_draws) * (ms - mean_ms) for draws, ms in points) / spread
    rest_ms = mean_ms - drawing_ms * mean_draws
    return {
        "drawn_once_rps": statistics.fmean(rates[1]),
        "drawing_ms": drawing_ms,
        "rest_ms": rest_ms,
        "rps_without_drawing": 1000.0 / rest_ms if rest_ms > 0 else None,
    }


def markdown(results: dict, static_rps: float) -> str:
    def share(rps):
        return "—" if rps is None else f"{rps:,.0f} ({100 * rps / static_rps:.1f}%)"

    lines = [
        f"Static file: {static_rps:,.0f} requests/s (the median of every server's run). "
        f"4% of it is {0.04 * static_rps:,.0f} requests/s: "
        f"{1000 / (0.04 * static_rps):.1f} ms of the server a request.",
        "",
        "| every cache off | requests/s, drawn once (% of static) | drawing, ms a request "
        "| everything else, ms a request | requests/s if drawing cost nothing (% of static) |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for name, split in results.items():
        lines.append(
            f"| {name} | {share(split['drawn_once_rps'])} | {split['drawing_ms']:.1f} "
            f"| {split['rest_ms']:.1f} | {share(split['rps_without_drawing'])} |"
        )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--seconds", type=int, default=6)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    env = production_environment(
        database_url(args.size), redis_url=None, page_cache=False, caches=False
    )
    manage(env, "collectstatic", "--noinput", "--verbosity", "0")
    paths = prepare(args.size, env)
    names = [name for name in CACHES_OFF_PAGES if name in paths]
    rates: dict[str, dict[int, list[float]]] = {name: {d: [] for d in DRAWS} for name in names}
    static: list[float] = []
    for round_number in range(1, args.rounds + 1):
        for draws in DRAWS:
            app_env = {**env, "BENCH_DRAWS": str(draws)}
            with gunicorn(app_env, PORT, app="bench.redrawn:application") as base_url:
                for name in names:  # each worker's start-up work done before the load
                    for _ in range(2):
                        subprocess.run(
                            ["curl", "-s", "-o", "/dev/null", base_url + paths[name]], check=False
                        )
                static.append(run_wrk(base_url + paths["static"], args.seconds).requests_per_second)
                for name in names:
                    rate = run_wrk(base_url + paths[name], args.seconds).requests_per_second
                    rates[name][draws].append(rate)
                    print(f"  round {round_number}, drawn {draws}x: {name:8} {rate:7.1f} req/s")
    results = {name: split_drawing(rates[name]) for name in names}
    static_rps = statistics.median(static)
    table = markdown(results, static_rps)
    RESULTS.mkdir(parents=True, exist_ok=True)
    record = {"size": args.size, "static_rps": static, "rates": rates, "split": results}
    (RESULTS / "drawing.json").write_text(json.dumps(record, indent=2))
    (RESULTS / "drawing.md").write_text(table)
    print()
    print(table)


if __name__ == "__main__":
    main()

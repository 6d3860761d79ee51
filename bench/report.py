"""Turns a benchmark run's raw results into the README table and a PNG chart."""

import json
from pathlib import Path

PAGE_LABELS = {
    "static": "static file (reference)",
    "home": "home page",
    "section": "section, page 1",
    "section_deep": "section, deep page",
    "article": "seed article (uncached)",
    "article_cached": "seed article (cached)",
    "tag": "tag page",
    "author": "author page",
    "search": "search",
    "feed": "RSS feed",
    "sitemap": "sitemap",
}


def ratio(value: float, reference: float) -> float:
    return value / reference if reference else 0.0


def markdown_table(run: dict) -> str:
    size = run["main_size"]
    loads = run["sizes"][str(size)]["load"]
    costs = run["sizes"][str(size)]["costs"]
    static_rps = loads["static"]["requests_per_second"]
    lines = [
        f"Archive: {size:,} articles; wrk -t2 -c8, {run['seconds']} s a page; "
        f"gunicorn with {run['workers']} workers; PostgreSQL; DEBUG off.",
        "",
        "| page | requests/s | % of static | p50 ms | p99 ms | errors | queries (cold) "
        "| cold render ms | bytes (gzip) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, label in PAGE_LABELS.items():
        if name not in loads:
            continue
        load = loads[name]
        cost = costs.get(name, {})
        lines.append(
            f"| {label} | {load['requests_per_second']:.0f} | "
            f"{100 * ratio(load['requests_per_second'], static_rps):.1f}% | "
            f"{load['p50_ms']:.1f} | {load['p99_ms']:.1f} | {load.get('errors', 0)} | "
            f"{cost.get('queries', '—')}"
            f" ({cost.get('cold_queries', '—')}) | {cost.get('cold_ms', '—')} | "
            f"{cost.get('bytes', '—')} ({cost.get('gzip_bytes', '—')}) |"
        )
    lines += caches_off_table(run)
    growth = run.get("growth")
    if growth:
        lines += [
            "",
            "| page | "
            + " | ".join(f"p50 ms at {int(s):,}" for s in growth["sizes"])
            + " | ratio |",
            "| --- | " + " | ".join("---:" for _ in growth["sizes"]) + " | ---: |",
        ]
        for name, values in growth["p50_ms"].items():
            first, last = values[0], values[-1]
            # wrk reports no latency when not one request finished: the page stalled.
            cells = " | ".join(f"{value:.1f}" if value else "stalled" for value in values)
            change = f"{ratio(last, first):.2f}x" if first and last else "—"
            lines.append(f"| {PAGE_LABELS.get(name, name)} | {cells} | {change} |")
    lines += caches_off_growth_table(run)
    return "\n".join(lines) + "\n"


def caches_off_table(run: dict) -> list[str]:
    """Every cache off (DJANGO_CACHE=off), each page against the static file of that run."""
    caches_off = run["sizes"][str(run["main_size"])].get("caches_off")
    if not caches_off:
        return []
    loads, costs = caches_off["load"], caches_off["costs"]
    static_rps = loads["static"]["requests_per_second"]
    lines = [
        "",
        "Every cache off (DJANGO_CACHE=off: no page cache, no fragments, no cached values, "
        "dummy default and renditions caches); % of the static file served by the same run.",
        "",
        "| page | requests/s | % of static | p50 ms | p99 ms | errors | queries | render ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for name, label in PAGE_LABELS.items():
        if name not in loads:
            continue
        load, cost = loads[name], costs.get(name, {})
        if name == "article":
            label = "seed article"
        lines.append(
            f"| {label} | {load['requests_per_second']:.0f} | "
            f"{100 * ratio(load['requests_per_second'], static_rps):.1f}% | "
            f"{load['p50_ms']:.1f} | {load['p99_ms']:.1f} | {load.get('errors', 0)} | "
            f"{cost.get('queries', '—')} | {cost.get('ms', '—')} |"
        )
    return lines


def caches_off_growth_table(run: dict) -> list[str]:
    """Every cache off at each archive size, each page as a share of its run's static file."""
    sizes = [size for size, result in run["sizes"].items() if result.get("caches_off")]
    if len(sizes) < 2:
        return []
    lines = [
        "",
        "| every cache off | "
        + " | ".join(f"req/s at {int(size):,} (% of static)" for size in sizes)
        + " |",
        "| --- | " + " | ".join("---:" for _ in sizes) + " |",
    ]
    for name, label in PAGE_LABELS.items():
        loads = [run["sizes"][size]["caches_off"]["load"] for size in sizes]
        if name == "static" or not all(name in load for load in loads):
            continue
        rates = [
            (load[name]["requests_per_second"], load["static"]["requests_per_second"])
            for load in loads
        ]
        cells = [f"{rate:.0f} ({100 * ratio(rate, static):.1f}%)" for rate, static in rates]
        label = "seed article" if name == "article" else label
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    return lines


def draw_chart(run: dict, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    size = run["main_size"]
    loads = run["sizes"][str(size)]["load"]
    names = [name for name in PAGE_LABELS if name in loads]
    figure, (bars, lines) = plt.subplots(1, 2, figsize=(13, 5))
    values = [loads[name]["requests_per_second"] for name in names]
    bars.barh([PAGE_LABELS[name] for name in names], values, color="#a3122a")
    bars.set_xscale("log")
    bars.set_xlabel("requests per second (log scale)")
    bars.set_title(f"Throughput, {size:,} articles")
    bars.invert_yaxis()

    growth = run.get("growth")
    if growth:
        sizes = [int(s) for s in growth["sizes"]]
        for name, latencies in growth["p50_ms"].items():
            lines.plot(sizes, latencies, marker="o", label=PAGE_LABELS.get(name, name))
        lines.set_xscale("log")
        lines.set_xlabel("articles in the archive (log scale)")
        lines.set_ylabel("p50 latency, ms")
        lines.set_title("Latency as the archive grows")
        lines.legend(fontsize=8)
    else:
        lines.axis("off")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def write_outputs(run: dict, folder: Path) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "results.json").write_text(json.dumps(run, indent=2, ensure_ascii=False))
    table = markdown_table(run)
    (folder / "report.md").write_text(table)
    draw_chart(run, folder / "chart.png")
    return {"table": table, "json": folder / "results.json", "chart": folder / "chart.png"}

"""Prometheus metrics: request latency per view, page-cache hits, comments, the task queue.

Counters are kept with `prometheus_client` (installed with django-prometheus). Each request
costs one histogram observation and, for pages the page cache answered, one counter increment:
a few microseconds. Under gunicorn, set PROMETHEUS_MULTIPROC_DIR to an empty folder shared by
the workers (config/gunicorn.py clears a stopped worker's files) so that a scrape, whichever
worker answers it, reports the whole server.

The endpoint (`/metrics`, operations/views.py) is not public: it answers a staff account or a
request carrying `Authorization: Bearer <DJANGO_METRICS_TOKEN>`.
"""

import os
import time

from django.conf import settings
from django.db import DatabaseError
from django.db.models.signals import post_save
from django.dispatch import receiver
from prometheus_client import (
    REGISTRY,
    CollectorRegistry,
    Counter,
    Histogram,
    generate_latest,
    multiprocess,
)
from prometheus_client.core import GaugeMetricFamily

PAGE_CACHE_HEADER = "X-Page-Cache"

if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
    # Every process writes its counters there (the web, the worker, the scheduler).
    os.makedirs(os.environ["PROMETHEUS_MULTIPROC_DIR"], exist_ok=True)

request_latency = Histogram(
    "akhbar_request_latency_seconds",
    "Time from the request reaching Django to the response leaving it, by view and method.",
    ["view", "method"],
    buckets=(0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5),
)
page_cache_responses = Counter(
    "akhbar_page_cache_responses_total",
    "Pages the application's page cache answered (hit) or rendered and stored (miss).",
    ["result"],
)
reader_comments = Counter(
    "akhbar_reader_comments_total",
    "Reader comments received, by the status they were given on arrival.",
    ["status"],
)


def view_label(request, response) -> str:
    """A short, bounded name for what answered: the page cache, a page type or a URL name."""
    if response.get(PAGE_CACHE_HEADER) == "hit":
        return "page_cache"
    page_type = getattr(request, "metrics_page_type", None)
    if page_type:
        return f"page:{page_type}"
    match = getattr(request, "resolver_match", None)
    if match is None:
        return "unresolved"
    return match.view_name or match._func_path


class RequestMetricsMiddleware:
    """Near the top of MIDDLEWARE, so the page cache's hits are timed and counted too."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        response = self.get_response(request)
        request_latency.labels(view_label(request, response), request.method).observe(
            time.perf_counter() - started
        )
        result = response.get(PAGE_CACHE_HEADER)
        if result in ("hit", "miss"):
            page_cache_responses.labels(result).inc()
        return response


@receiver(post_save, dispatch_uid="operations.count_reader_comments")
def count_reader_comment(sender, instance, created=False, **kwargs):
    if created and sender._meta.label_lower == "comments.readercomment":
        reader_comments.labels(str(instance.status)).inc()


class TaskQueueCollector:
    """How many background tasks wait, run or have failed, read from the queue when scraped."""

    def collect(self):
        depth = GaugeMetricFamily(
            "akhbar_task_queue_depth",
            "Background tasks in the database queue, by status (READY waits for a worker).",
            labels=["status"],
        )
        for status, count in task_counts().items():
            depth.add_metric([status], count)
        yield depth


def task_counts() -> dict[str, int]:
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    if not backend.startswith("django_tasks_db."):
        return {}  # tasks run at once in the request: there is no queue
    from django.db.models import Count
    from django_tasks_db.models import DBTaskResult

    try:
        rows = DBTaskResult.objects.values_list("status").annotate(count=Count("id"))
        counts = {"READY": 0, "RUNNING": 0, "FAILED": 0}
        counts.update({status: count for status, count in rows if status in counts})
        return counts
    except DatabaseError:
        return {}


def exposition() -> bytes:
    """The text Prometheus scrapes: this server's counters, then the queue read just now."""
    if os.environ.get("PROMETHEUS_MULTIPROC_DIR"):
        registry = CollectorRegistry()
        multiprocess.MultiProcessCollector(registry)
    else:
        registry = REGISTRY
    queue = CollectorRegistry()
    queue.register(TaskQueueCollector())
    return generate_latest(registry) + generate_latest(queue)

"""Health probes for load balancers and orchestrators: `/healthz` and `/readyz`.

They are answered by the first middleware, before anything else runs: no host check (a probe
addresses the container by its IP), no HTTPS redirect (probes speak plain HTTP inside the
cluster), no session, no page cache, no access log line. Both say `no-store`, so no cache in
front keeps an answer that is only true for a moment.

- `/healthz`, liveness: the process answers. It touches nothing else, so a database outage never
  makes an orchestrator restart healthy app servers.
- `/readyz`, readiness: the database and the cache answer too; 503 otherwise, so a load balancer
  sends readers elsewhere until they are back.
"""

import json
import logging
import uuid

from django.core.cache import cache
from django.db import DatabaseError, connections
from django.http import HttpResponse

LIVENESS_PATH = "/healthz"
READINESS_PATH = "/readyz"
PROBE_PATHS = (LIVENESS_PATH, READINESS_PATH)

logger = logging.getLogger(__name__)


def probe_response(status: int, payload: dict) -> HttpResponse:
    response = HttpResponse(json.dumps(payload), status=status, content_type="application/json")
    response["Cache-Control"] = "no-store"
    return response


def database_reachable() -> bool:
    """The primary answers a trivial query (a replica down is not fatal: reads fall back)."""
    try:
        with connections["default"].cursor() as cursor:
            cursor.execute("SELECT 1")
            return cursor.fetchone() == (1,)
    except DatabaseError as error:
        logger.warning("Readiness: database unreachable (%s)", error)
        return False


def cache_reachable() -> bool:
    """A value written to the shared cache can be read back."""
    key = f"readyz:{uuid.uuid4().hex}"
    try:
        cache.set(key, "1", 10)
        reachable = cache.get(key) == "1"
        cache.delete(key)
    except Exception as error:  # any cache backend's failure means "not ready"
        logger.warning("Readiness: cache unreachable (%s)", error)
        return False
    if not reachable:
        logger.warning("Readiness: cache unreachable (a value written could not be read back)")
    return reachable


def readiness() -> HttpResponse:
    checks = {"database": database_reachable(), "cache": cache_reachable()}
    ready = all(checks.values())
    payload = {
        "status": "ok" if ready else "unavailable",
        "checks": {name: "ok" if ok else "unavailable" for name, ok in checks.items()},
    }
    return probe_response(200 if ready else 503, payload)


class HealthProbeMiddleware:
    """Must come first in MIDDLEWARE: the probes skip everything below it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info.rstrip("/") or "/"
        if path == LIVENESS_PATH:
            return probe_response(200, {"status": "ok"})
        if path == READINESS_PATH:
            return readiness()
        return self.get_response(request)

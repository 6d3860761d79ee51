"""Request ids and JSON log lines (DJANGO_LOG_FORMAT=json).

Every request gets an id: the one the proxy in front sent in `X-Request-ID` (Varnish sets it,
deploy/varnish/default.vcl), or a new one. It is returned in the response's `X-Request-ID` and
attached to every log record written while the request is handled, so one reader's problem can
be followed from the edge through the app server's lines. In JSON mode each request also
writes one access line (method, path, status, duration) through the `operations.access` logger;
the health probes never reach it (operations/probes.py answers them first).
"""

import json
import logging
import re
import time
import uuid
from contextvars import ContextVar

from django.core.signals import request_finished
from django.dispatch import receiver

REQUEST_ID_HEADER = "X-Request-ID"
_VALID_REQUEST_ID = re.compile(r"^[A-Za-z0-9._:-]{8,128}$")
_current_request_id: ContextVar[str] = ContextVar("request_id", default="")

access_logger = logging.getLogger("operations.access")

# LogRecord's own attributes: anything else on a record was passed in `extra=`.
_STANDARD_ATTRIBUTES = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


def current_request_id() -> str:
    return _current_request_id.get()


def request_id_for(request) -> str:
    """The proxy's id when it looks like one (never a reader's arbitrary text), else a new one."""
    given = request.headers.get(REQUEST_ID_HEADER, "")
    return given if _VALID_REQUEST_ID.match(given) else uuid.uuid4().hex


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request_id = request_id_for(request)
        request.request_id = request_id
        # Kept until the response is closed (below), not only while the middleware runs:
        # Django logs a 4xx or 5xx after the middleware has returned.
        _current_request_id.set(request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        response[REQUEST_ID_HEADER] = request_id
        if access_logger.isEnabledFor(logging.INFO):
            access_logger.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 2),
                },
            )
        return response


@receiver(request_finished, dispatch_uid="operations.logs.forget_request_id")
def forget_request_id(**kwargs):
    _current_request_id.set("")


class RequestIdFilter(logging.Filter):
    """Adds ``request_id`` to every record (empty outside a request: the worker, commands)."""

    def filter(self, record):
        if not getattr(record, "request_id", None):
            record.request_id = current_request_id()
        return True


class JsonFormatter(logging.Formatter):
    """One JSON object per line: time, level, logger, message, request id, extras, traceback."""

    def format(self, record):
        entry = {
            "time": self.formatTime(record, "%Y-%m-%dT%H:%M:%S%z"),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": getattr(record, "request_id", "") or current_request_id(),
        }
        for name, value in vars(record).items():
            if name not in _STANDARD_ATTRIBUTES and name not in entry:
                entry[name] = value if _is_plain(value) else str(value)
        if record.exc_info:
            entry["exception"] = self.formatException(record.exc_info)
        return json.dumps(entry, ensure_ascii=False)


def _is_plain(value) -> bool:
    return value is None or isinstance(value, str | int | float | bool)

"""A lost database answers 503 "try again" on every URL, never a 500 with a stack trace.

Two ways in. ``DatabaseOutageMiddleware`` (home/middleware.py) catches a view's failure. But a
request can also fail in a middleware after the view, for instance the redirects middleware
looking up a 404 (``/`` before its language redirect, ``/favicon.ico``): Django turns that into
its 500 handler, ``server_error`` below, which answers 503 when the cause is the database.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5
CONNECTION_PROBLEM_MARKERS = (
    "connection",
    "server closed",
    "terminating",
    "could not connect",
    "the database system is",
    "shutting down",
    "no connection",
    # SQLite's writer waited its full timeout: passing, so "try again" is the right answer.
    "database is locked",
    "database table is locked",
)


def is_database_outage(exception) -> bool:
    """A lost, refused or busy database; not a broken query (that stays a 500, to be fixed)."""
    if isinstance(exception, InterfaceError):
        return True
    if not isinstance(exception, OperationalError):
        return False
    text = str(exception).lower()
    return any(marker in text for marker in CONNECTION_PROBLEM_MARKERS)


def outage_response(exception) -> HttpResponse:
    """The "try again" page; it uses no database (no navigation, no site settings)."""
    logger.error("Database unavailable: %s", exception)
    response = HttpResponse(
        render_to_string("503.html", request=None), status=503, content_type="text/html"
    )
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


def server_error(request, template_name=defaults.ERROR_500_TEMPLATE_NAME):
    """Django's 500 view (``handler500``), or the outage page when the database is the cause."""
    exception = sys.exc_info()[1]
    if is_database_outage(exception):
        return outage_response(exception)
    return defaults.server_error(request, template_name)

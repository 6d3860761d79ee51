"""A database outage answers with a short "try again" page instead of an error trace."""

import logging

from django.db import DatabaseError, InterfaceError, OperationalError
from django.http import HttpResponse
from django.template.loader import render_to_string

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 5


class DatabaseOutageMiddleware:
    """Turns a lost database connection into 503 Service Unavailable with Retry-After.

    Django's health-checked persistent connections (CONN_HEALTH_CHECKS) reconnect by themselves
    once the server is back, so the site recovers without a restart. The page it shows uses no
    database (no navigation, no site settings) so it renders during the outage.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, OperationalError | InterfaceError):
            return None
        if isinstance(exception, DatabaseError) and not is_connection_problem(exception):
            return None
        logger.error("Database unavailable: %s", exception)
        response = HttpResponse(
            render_to_string("503.html", request=None), status=503, content_type="text/html"
        )
        response["Retry-After"] = str(RETRY_AFTER_SECONDS)
        response["Cache-Control"] = "no-store"
        return response


def is_connection_problem(exception) -> bool:
    if isinstance(exception, InterfaceError):
        return True
    text = str(exception).lower()
    markers = (
        "connection",
        "server closed",
        "terminating",
        "could not connect",
        "the database system is",
        "shutting down",
        "no connection",
    )
    return any(marker in text for marker in markers)

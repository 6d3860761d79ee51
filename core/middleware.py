"""A database outage answers with a short "try again" page instead of an error trace."""

from core.outage import is_database_outage, outage_response


class DatabaseOutageMiddleware:
    """Turns a lost database connection into 503 Service Unavailable with Retry-After.

    Django's health-checked persistent connections (CONN_HEALTH_CHECKS) reconnect by themselves
    once the server is back, so the site recovers without a restart. Failures outside a view
    (in a middleware) reach Django's 500 handler instead: core.outage.server_error.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not is_database_outage(exception):
            return None
        return outage_response(exception)

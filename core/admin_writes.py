"""Each write in the admin happens whole or not at all, and a busy database is waited out.

Wagtail's page editor creates a page in several steps (the page, its privacy setting, its first
revision, the author's subscription), outside any transaction. When one step failed (SQLite's
"database is locked" while the image chooser wrote a thumbnail, say), an autosave left a page
with no content that held the slug, and the writer's real save was refused. Here every
non-read request to the admin runs in one transaction, rolled back if the view fails or answers
with a server error; one that failed because the database was busy is run again (a few times,
after a short wait), so a passing lock never reaches the writer.
"""

import logging
import time

from django.db import OperationalError, transaction

logger = logging.getLogger(__name__)

ADMIN_PREFIX = "/admin/"  # config/urls.py
READ_METHODS = {"GET", "HEAD", "OPTIONS", "TRACE"}
BUSY_MESSAGES = ("database is locked", "database table is locked")
ATTEMPTS = 4
FIRST_WAIT_SECONDS = 0.2


def is_busy_database(error: Exception) -> bool:
    return isinstance(error, OperationalError) and any(
        message in str(error).lower() for message in BUSY_MESSAGES
    )


class AtomicAdminWritesMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method in READ_METHODS or not request.path.startswith(ADMIN_PREFIX):
            return None
        for attempt in range(1, ATTEMPTS + 1):
            try:
                with transaction.atomic():
                    response = view_func(request, *view_args, **view_kwargs)
                    if response.status_code >= 500:
                        transaction.set_rollback(True)
                return response
            except OperationalError as error:
                if not is_busy_database(error) or attempt == ATTEMPTS:
                    raise
                logger.warning("Database busy, trying %s again (%s)", request.path, attempt)
                time.sleep(FIRST_WAIT_SECONDS * 2 ** (attempt - 1))
        return None

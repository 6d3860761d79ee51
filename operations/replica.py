"""Reading anonymous pages from a PostgreSQL streaming replica (REPLICA_DATABASE_URL).

Only reads that cannot tell the difference go to the replica: a GET or HEAD from a reader with
no session (no editor, no signed-in reader), outside the admin and previews, while the replica
is streaming and less than REPLICA_MAX_LAG_SECONDS behind. Everything else reads the primary:

- writes, the admin, previews, signed-in users, the worker and management commands (the
  router's default is the primary; only this middleware switches a request to the replica);
- a reader's next requests after their own POST, for REPLICA_READ_YOUR_WRITES_SECONDS (a short
  cookie), so a reader sees the comment they just posted;
- every request for the same time after content changed (a publication, an approved comment):
  a page rendered from a replica that has not caught up would otherwise be cached as new;
- when the replica is down or lagging: checked at most every few seconds per process; a GET
  whose replica read fails mid-request is answered again from the primary, never with a 5xx.
"""

import contextlib
import logging
import threading
import time
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connections
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished, post_page_move

logger = logging.getLogger(__name__)

REPLICA = "replica"
PRIMARY = "default"
READ_YOUR_WRITES_COOKIE = "read_primary"
CONTENT_CHANGED_KEY = "replica:primary-until"
SAFE_METHODS = ("GET", "HEAD")

_reads_from: ContextVar[str] = ContextVar("reads_from", default=PRIMARY)

LAG_QUERY = """
    SELECT
        EXISTS (SELECT 1 FROM pg_stat_wal_receiver WHERE status = 'streaming'),
        CASE
            WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
            ELSE COALESCE(EXTRACT(EPOCH FROM now() - pg_last_xact_replay_timestamp()), 0)
        END
"""


def replica_configured() -> bool:
    return REPLICA in settings.DATABASES


class ReplicaRouter:
    """Reads go where the request's middleware said (the primary unless it chose the replica)."""

    def db_for_read(self, model, **hints):
        return _reads_from.get()

    def db_for_write(self, model, **hints):
        return PRIMARY

    def allow_relation(self, obj1, obj2, **hints):
        return True  # the same database, one a copy of the other

    def allow_migrate(self, db, app_label, **hints):
        return db == PRIMARY


class ReplicaHealth:
    """Whether the replica may serve reads: streaming and caught up, checked every few seconds."""

    def __init__(self):
        self._lock = threading.Lock()
        self._checked_at = float("-inf")
        self._usable = False

    def usable(self) -> bool:
        now = time.monotonic()
        if now - self._checked_at < settings.REPLICA_CHECK_SECONDS:
            return self._usable
        with self._lock:
            if now - self._checked_at >= settings.REPLICA_CHECK_SECONDS:
                self._usable = self.check()
                self._checked_at = time.monotonic()
        return self._usable

    def check(self) -> bool:
        try:
            with connections[REPLICA].cursor() as cursor:
                cursor.execute(LAG_QUERY)
                streaming, lag = cursor.fetchone()
        except DatabaseError as error:
            logger.warning("Replica unreachable, reading from the primary (%s)", error)
            close_replica_connection()
            return False
        if not streaming or float(lag) > settings.REPLICA_MAX_LAG_SECONDS:
            logger.warning(
                "Replica not usable (streaming: %s, lag: %ss); reading from the primary",
                streaming,
                lag,
            )
            return False
        return True

    def mark_down(self) -> None:
        with self._lock:
            self._usable = False
            self._checked_at = time.monotonic()


health = ReplicaHealth()


def close_replica_connection() -> None:
    with contextlib.suppress(DatabaseError):
        connections[REPLICA].close()


def content_changed_recently() -> bool:
    until = cache.get(CONTENT_CHANGED_KEY)
    return until is not None and until > time.time()


def may_read_replica(request) -> bool:
    if request.method not in SAFE_METHODS:
        return False
    if any(request.path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PATHS):
        return False  # the admin and its previews, documents' permission checks
    cookies = request.COOKIES
    if settings.SESSION_COOKIE_NAME in cookies or READ_YOUR_WRITES_COOKIE in cookies:
        return False
    return not content_changed_recently() and health.usable()


class ReplicaReadsMiddleware:
    """Chooses the database a request reads from (below the page cache: hits read nothing)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not replica_configured():
            return self.get_response(request)
        if not may_read_replica(request):
            response = self.get_response(request)
        else:
            token = _reads_from.set(REPLICA)
            try:
                response = self.get_response(request)
            finally:
                _reads_from.reset(token)
            if response.status_code >= 500 and not health.check():
                # The replica failed under this request: a GET is answered again, from the
                # primary, and the replica is left alone until its next check.
                health.mark_down()
                response = self.get_response(request)
        if request.method not in SAFE_METHODS:
            response.set_cookie(
                READ_YOUR_WRITES_COOKIE,
                "1",
                max_age=settings.REPLICA_READ_YOUR_WRITES_SECONDS,
                httponly=True,
                samesite="Lax",
                secure=settings.SESSION_COOKIE_SECURE,
            )
        return response


def note_content_change() -> None:
    """Every server reads the primary for a while: the replica may not have this change yet."""
    if replica_configured():
        cache.set(
            CONTENT_CHANGED_KEY,
            time.time() + settings.REPLICA_READ_YOUR_WRITES_SECONDS,
            settings.REPLICA_READ_YOUR_WRITES_SECONDS,
        )


@receiver(page_published, dispatch_uid="operations.replica.published")
@receiver(page_unpublished, dispatch_uid="operations.replica.unpublished")
@receiver(post_page_move, dispatch_uid="operations.replica.moved")
def page_changed(sender, **kwargs):
    note_content_change()


@receiver(post_save, dispatch_uid="operations.replica.saved")
@receiver(post_delete, dispatch_uid="operations.replica.deleted")
def shown_content_changed(sender, **kwargs):
    label = sender._meta.label_lower
    if label == "comments.readercomment" or label in settings.PAGE_CACHE_INVALIDATING_MODELS:
        note_content_change()

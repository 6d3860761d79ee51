"""The cache generation: what invalidates cached pages, page fragments and cached values at once.

Every cached page's key carries the current *generation* (so do fragments and the values in
pagecache/registry.py). Publishing, unpublishing, moving or deleting a page, approving a
comment, adding a view restriction or editing an author starts a new generation, so the next
request renders afresh everywhere it could have changed (the article, its section, the home
page, feeds and sitemaps) without having to know which listings showed it.

The generation never goes backwards. Its record is a number in PostgreSQL
(``CacheGeneration``), raised in the same transaction as the change, so a change made while
Redis was unreachable is not lost, and a Redis restarted from old saved data (RDB or AOF)
cannot bring back the pages of an older generation. Requests read a copy of it from the
shared cache (one Redis read, as before) and go to the database only when that copy may be
behind: it is missing, or the connection to Redis was made afresh since the last check
(every restart of Redis is seen that way), or Redis is unreachable. Where the cache is not
shared between processes (no Redis), every request reads the number from the database: one
single-row query that keeps every process's own cached values honest. docs/caching.md tells
the whole story.
"""

import hashlib
import time
import uuid
import weakref
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache, caches
from django.db import DatabaseError, connection, transaction

# Not the key earlier releases used for their random generations: during a rolling upgrade
# the old processes and the new ones each read their own.
GENERATION_KEY = "pagecache:recorded-generation"
KEYED_CHANGES_KEY = "pagecache:recorded-keyed-changes"
_UNKNOWN = object()
# The generation of every request when every cache is off: keys are built, nothing is kept.
UNCACHED = "uncached"
# One more than before, and at least the clock in microseconds (PostgreSQL, then SQLite).
RAISE_SQL_POSTGRESQL = (
    "UPDATE pagecache_cachegeneration SET number = GREATEST(number + 1, %s) "
    "WHERE id = 1 RETURNING number"
)
RAISE_SQL_SQLITE = (
    "UPDATE pagecache_cachegeneration SET number = MAX(number + 1, %s) "
    "WHERE id = 1 RETURNING number"
)

# The generation read once per request: the page cache, the site lookup, the menu, the
# restricted paths and every other value of the registry key on it.
_request_generation: ContextVar[dict | None] = ContextVar("pagecache_request", default=None)

# Per cache backend (one per thread): how many connections to Redis it had made when its copy
# of the generation was last checked against the database.
_connections_checked: "weakref.WeakKeyDictionary[object, int]" = weakref.WeakKeyDictionary()


# While `migrate` runs, the generation's table may not exist yet (Wagtail's first migration
# saves a Site before ours has run); one new generation follows the whole migration instead.
_migrating = False


def migration_started(**kwargs):
    global _migrating
    _migrating = True


def migration_finished(**kwargs):
    global _migrating
    _migrating = False
    if "pagecache_cachegeneration" in connection.introspection.table_names():
        new_generation()


@contextmanager
def request_scope():
    """Within it, the generation is read at most once."""
    # When it started, in µs: a key renewed after that may have been read before its change
    # committed (pagecache/keys.py: changed_during_request).
    token = _request_generation.set({"started": time.time_ns() // 1000})
    try:
        yield
    finally:
        _request_generation.reset(token)


def request_memo() -> dict | None:
    """What this request has read once already (None outside a request scope)."""
    return _request_generation.get()


def current_generation() -> str:
    memo = _request_generation.get()
    if memo is not None and "generation" in memo:
        return memo["generation"]
    generation = str(_read_generation())
    if memo is not None:
        memo["generation"] = generation
    return generation


def _read_generation():
    if not settings.CACHE_ENABLED:
        return UNCACHED  # nothing is kept (DJANGO_CACHE=off): no generation to read
    if not settings.CACHE_IS_SHARED:
        return _from_database(fallback=None)
    copy = _read_with_prefetched(GENERATION_KEY)
    if not isinstance(copy, int):
        copy = None  # none yet, or not a number (never written by this module)
    reconnected = _reconnected_since_last_check()  # asked every time: it records the check
    if copy is None or reconnected:
        return _reconcile(copy)
    return copy


def prefetch(cache_keys) -> None:
    """Read ``cache_keys`` in the same round trip as the generation (pagecache/keys.py)."""
    memo = _request_generation.get()
    if memo is not None and "generation" not in memo:
        memo["prefetch"] = list(cache_keys)


def _read_with_prefetched(key):
    """The generation's copy, and with it, in one ``get_many``, what was asked beforehand."""
    memo = _request_generation.get()
    wanted = memo.pop("prefetch", None) if memo is not None else None
    if not wanted:
        return cache.get(key)
    found = cache.get_many([key, *wanted])
    memo["prefetched"] = {name: found[name] for name in wanted if name in found}
    return found.get(key)


def _reconnected_since_last_check() -> bool:
    """Whether the backend made a new connection to Redis since this thread last checked.

    A Redis that restarted (from saved data or empty) can only be reached again through a new
    connection, so this is when its copy of the generation may be older than the truth.
    """
    backend = caches["default"]  # this thread's own backend
    made = getattr(backend, "connections_made", None)
    if made is None:  # a cache with no connections to count (memory)
        return False
    if _connections_checked.get(backend) == made:
        return False
    _connections_checked[backend] = made
    return True


def _reconcile(copy):
    """The database's number, which the shared copy is raised to if it was behind.

    If the shared cache's record of changes by key is behind the database's, it lost some of
    the key generations they raised (it restarted from older saved data, or was emptied):
    the whole site is renewed, since no one knows which keys those were.
    """
    number = _from_database(fallback=copy)
    if isinstance(number, int) and _keyed_changes_lost(copy):
        return int(new_generation())
    if isinstance(number, int) and (copy is None or number > copy):
        raise_shared_copy(number, known_copy=copy)
    return number


def _from_database(fallback):
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT number FROM pagecache_cachegeneration WHERE id = 1")
            row = cursor.fetchone()
    except DatabaseError:
        row = None  # the page itself will fail and answer 503 (core/middleware.py)
    if row is not None:
        return row[0]
    # Neither the database nor the cache knows: a generation of this request alone.
    return fallback if fallback is not None else f"x{uuid.uuid4().hex[:12]}"


def _keyed_changes_lost(generation_copy) -> bool:
    """Whether the shared cache lost key generations that changes raised.

    It did if its record of those changes is behind the database's. An emptied cache (no
    copy of the generation either) lost its cached values with them: nothing to renew.
    """
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT keyed_changes FROM pagecache_cachegeneration WHERE id = 1")
            row = cursor.fetchone()
    except DatabaseError:
        return False
    recorded = row[0] if row is not None else 0
    if not recorded:
        return False
    copy = cache.get(KEYED_CHANGES_KEY)
    if isinstance(copy, int) and copy >= recorded:
        return False
    raise_shared_copy(recorded, key=KEYED_CHANGES_KEY)
    return isinstance(copy, int) or generation_copy is not None


def record_keyed_change() -> None:
    """Count a change that renewed keys only, in the database and in the shared cache."""
    if _migrating:
        return
    raise_sql = RAISE_SQL_POSTGRESQL if connection.vendor == "postgresql" else RAISE_SQL_SQLITE
    raise_sql = raise_sql.replace("number", "keyed_changes")
    with connection.cursor() as cursor:
        cursor.execute(raise_sql, [time.time_ns() // 1000])
        row = cursor.fetchone()
    if row is None:  # the row is gone (a flushed database): renew everything, which makes it
        new_generation()
        return
    raise_shared_copy(row[0], key=KEYED_CHANGES_KEY)


def new_generation() -> str:
    """Start a new generation, in the same transaction as the change that calls for it.

    The number is raised now, so the change and its new generation commit together; the
    shared copy is raised at once (this process sees its own change) and, if a transaction is
    open, raised again once it commits: a reader who drew a page between the two saw the data
    from before the commit, and must not leave it under the generation that follows it.
    """
    if _migrating:
        return ""
    number = _raise_database_number()
    raise_shared_copy(number)
    if connection.in_atomic_block:
        transaction.on_commit(_after_commit, robust=True)
    return _remember_in_request(number)


def _after_commit():
    _remember_in_request(raise_shared_copy(_raise_database_number()))


def _remember_in_request(number) -> str:
    generation = str(number)
    memo = _request_generation.get()
    if memo is not None:
        memo["generation"] = generation  # a publish within this request is seen at once
    return generation


def _raise_database_number() -> int:
    """One more than before, and never less than the clock in microseconds.

    The clock keeps the number growing even if the row were ever lost or restored from an
    older backup: a later change still gets a larger number than any copy a cache holds.
    """
    now = time.time_ns() // 1000
    raise_number = RAISE_SQL_POSTGRESQL if connection.vendor == "postgresql" else RAISE_SQL_SQLITE
    with connection.cursor() as cursor:
        cursor.execute(raise_number, [now])
        row = cursor.fetchone()
        if row is None:  # the row is gone (a flushed database): start it again
            cursor.execute(
                "INSERT INTO pagecache_cachegeneration (id, number) VALUES (1, %s)", [now]
            )
            return now
    return row[0]


def raise_shared_copy(number: int, known_copy=_UNKNOWN, key=GENERATION_KEY) -> int:
    """Set the shared cache's copy to ``number`` unless it already holds a larger one."""
    raise_to = getattr(cache, "raise_to", None)
    if raise_to is not None:  # Redis: compared and set in one step, so two writers never lower it
        raise_to(key, number)
        return number
    # A memory cache belongs to this process alone: reading, then writing, is safe.
    copy = cache.get(key) if known_copy is _UNKNOWN else known_copy
    if not isinstance(copy, int) or copy < number:
        cache.set(key, number, None)
    return number


def content_query(request, content_parameters) -> list[str] | None:
    """The query parameters that choose what a page shows, as ``name=value``, in a fixed order.

    None when the request has any other parameter (apart from campaign identifiers, which
    never change a page): such a request is answered afresh, never from the cache.
    """
    ignored = settings.PAGE_CACHE_IGNORED_QUERY_PARAMETERS
    if any(name not in content_parameters and name not in ignored for name in request.GET):
        return None
    return [f"{name}={request.GET[name]}" for name in content_parameters if name in request.GET]


def etag_for(content: bytes) -> str:
    return '"' + hashlib.md5(content, usedforsecurity=False).hexdigest() + '"'

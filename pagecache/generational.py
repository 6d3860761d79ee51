"""How a value of the registry is kept: in the cache, and in each process's memory where allowed.

A key that holds the generation never names a different value: a change starts a new
generation, and so new keys. Once a server process has read such a value from the shared
cache it may therefore keep it in its own memory and serve later requests of the same
generation from there, with no round trip to Redis and no risk of staleness. A request then
costs one cache read (the generation itself) however many pieces of the page it reuses.

Those copies are only kept where the cache is shared (``CACHE_IS_SHARED``): without Redis
the cache is already each process's own memory, and keyed by the generation that every
request reads from the database (pagecache/store.py). They are bounded (least recently used
go first) and expire with the shared entry's timeout. Values are plain data (see
``is_plain``), so what a request gets is its own to read; rebuild objects from it per request.
"""

import dataclasses
import datetime
import decimal
import threading
import time
import uuid
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache

MISSING = object()

PLAIN_SCALARS = (
    str,
    bytes,
    int,
    float,
    bool,
    decimal.Decimal,
    datetime.date,
    datetime.time,
    datetime.timedelta,
    uuid.UUID,
    type(None),
)


class ProcessCopies:
    """A small least-recently-used map with expiry, safe to use from several threads."""

    def __init__(self, max_entries: int):
        self.max_entries = max_entries
        self._entries: OrderedDict[str, tuple[float, object]] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key: str, default=None):
        with self._lock:
            found = self._entries.get(key)
            if found is None:
                return default
            expires_at, value = found
            if expires_at < time.monotonic():
                del self._entries[key]
                return default
            self._entries.move_to_end(key)
            return value

    def set(self, key: str, value, timeout: float) -> None:
        with self._lock:
            self._entries[key] = (time.monotonic() + timeout, value)
            self._entries.move_to_end(key)
            while len(self._entries) > self.max_entries:
                self._entries.popitem(last=False)

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()


process_copies = ProcessCopies(max_entries=settings.PAGE_CACHE_LOCAL_ENTRIES)


def read(key: str, per_process: bool, default=None):
    """The value under a generation key: this process's copy, else the cache's."""
    keep_copy = per_process and settings.CACHE_IS_SHARED
    if keep_copy:
        value = process_copies.get(key, MISSING)
        if value is not MISSING:
            return value
    value = cache.get(key, MISSING)
    if value is MISSING:
        return default
    if keep_copy:
        process_copies.set(key, value, settings.PAGE_CACHE_SECONDS)
    return value


def write(key: str, value, per_process: bool, timeout: float | None = None) -> None:
    if settings.PAGE_CACHE_CHECK_VALUES and not is_plain(value):
        raise TypeError(f"{key}: a cached value must be plain data, not {value!r:.200}")
    timeout = settings.PAGE_CACHE_SECONDS if timeout is None else timeout
    cache.set(key, value, timeout)
    if per_process and settings.CACHE_IS_SHARED:
        process_copies.set(key, value, timeout)


def is_plain(value) -> bool:
    """Whether ``value`` is data only: no model instance, query, lazy object or other state.

    A model instance in the cache is shared by every request that reads it (through the
    process's copies) and each may write onto it; plain data cannot be changed by accident.
    """
    if isinstance(value, PLAIN_SCALARS):
        return True
    if isinstance(value, dict):
        return all(is_plain(k) and is_plain(v) for k, v in value.items())
    if isinstance(value, list | tuple | set | frozenset):
        return all(is_plain(item) for item in value)
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return all(is_plain(getattr(value, f.name)) for f in dataclasses.fields(value))
    return False

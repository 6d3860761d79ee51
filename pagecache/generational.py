"""Values kept under the current cache generation, with a copy in each process's memory.

A key that holds the generation never names a different value: publishing starts a new
generation, and so new keys. Once a server process has read such a value from the shared
cache it may therefore keep it in its own memory and serve later requests of the same
generation from there, with no round trip to Redis and no risk of staleness. A request then
costs one cache read (the generation itself) however many pieces of the page it reuses.

The process's copies are bounded (least recently used go first) and expire with the shared
entry's timeout. Values are shared between the requests of a process: callers must treat
what they get as read-only.
"""

import threading
import time
from collections import OrderedDict

from django.conf import settings
from django.core.cache import cache

from pagecache.store import current_generation

_MISSING = object()


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


def generation_key(name: str, *parts) -> str:
    """A cache key under the current generation: ``name:generation:part:part``."""
    return ":".join([name, current_generation(), *(str(part) for part in parts)])


def get(key: str, default=None):
    """The value under a generation key: this process's copy, else the shared cache's."""
    value = process_copies.get(key, _MISSING)
    if value is not _MISSING:
        return value
    value = cache.get(key, _MISSING)
    if value is _MISSING:
        return default
    process_copies.set(key, value, settings.PAGE_CACHE_SECONDS)
    return value


def set(key: str, value, timeout: float | None = None) -> None:
    timeout = settings.PAGE_CACHE_SECONDS if timeout is None else timeout
    cache.set(key, value, timeout)
    process_copies.set(key, value, timeout)


def get_or_compute(name: str, *parts, compute):
    """The value under ``name`` and ``parts`` in this generation, computed on first use."""
    key = generation_key(name, *parts)
    value = get(key, _MISSING)
    if value is _MISSING:
        value = compute()
        set(key, value)
    return value


def remember(key: str, compute):
    """``compute()``, kept for the generation only where every server process shares the cache.

    For values that must be right in every process the moment they change (the restricted
    pages, the counts and sections of listings): a memory cache private to each process would
    not hear of a publication made through another one, so there they are computed each time.
    """
    if not settings.CACHE_IS_SHARED:
        return compute()
    return get_or_compute("memo", key, compute=compute)

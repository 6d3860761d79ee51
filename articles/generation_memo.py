"""Values that change only when the cache generation does, computed once per generation.

A new generation (pagecache/) starts whenever a page is published, unpublished, moved or
deleted, or a view restriction changes: every count of a listing and every list of a home
page's sections stays true until then. Such a value is kept in the shared cache under the
generation, and in the process as well, so a request that needs it costs neither a query nor,
most of the time, a round trip to the cache.
"""

from django.conf import settings
from django.core.cache import cache

from pagecache.store import current_generation

KEPT_IN_PROCESS = 10_000  # values of the current generation; more are only in the cache

_current: dict = {"generation": None, "values": {}}


def remember(key: str, compute):
    """``compute()``, or the value it had earlier in the current generation."""
    # A memory cache private to each process would not hear of a publication made through
    # another process, so values are only kept when the cache is shared.
    if not settings.CACHE_IS_SHARED:
        return compute()
    generation = current_generation()
    if _current["generation"] != generation:
        _current.update(generation=generation, values={})
    values = _current["values"]
    if key in values:
        return values[key]
    cache_key = f"generation-memo:{generation}:{key}"
    value = cache.get(cache_key)
    if value is None:
        value = compute()
        cache.set(cache_key, value, settings.PAGE_CACHE_SECONDS)
    if len(values) < KEPT_IN_PROCESS:
        values[key] = value
    return value

"""The cache generation: what invalidates cached pages, page fragments and cached lists at once.

Every cached page's key carries the current *generation* (so do fragments and the lists kept
per generation: pagecache/generational.py). Publishing, unpublishing, moving or
deleting a page, approving a comment or editing an author starts a new generation, so the next
request renders afresh everywhere it could have changed (the article, its section, the home
page, feeds and sitemaps) without having to know which listings showed it. Entries also expire
on their own after PAGE_CACHE_SECONDS, which bounds staleness if a new generation could not be
recorded (the cache was down at that moment).
"""

import hashlib
import uuid
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "pagecache:generation"

# The generation read once per request: the page cache, the site lookup, the menu, the
# restricted paths and the article's onward reading all key on it.
_request_generation: ContextVar[dict | None] = ContextVar("pagecache_request", default=None)


@contextmanager
def request_scope():
    """Within it, the generation is read from the cache at most once."""
    token = _request_generation.set({})
    try:
        yield
    finally:
        _request_generation.reset(token)


def current_generation() -> str:
    memo = _request_generation.get()
    if memo is not None and "generation" in memo:
        return memo["generation"]
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = new_generation()
    if memo is not None:
        memo["generation"] = generation
    return generation


def new_generation() -> str:
    generation = uuid.uuid4().hex[:12]
    cache.set(GENERATION_KEY, generation, None)
    memo = _request_generation.get()
    if memo is not None:
        memo["generation"] = generation  # a publish within this request is seen at once
    return generation


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

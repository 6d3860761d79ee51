"""Whole pages kept for anonymous readers, and the generation that invalidates them all.

Every cached page's key carries the current *generation*. Publishing, unpublishing, moving or
deleting a page, approving a comment or editing an author starts a new generation, so the next
request renders afresh everywhere it could have changed (the article, its section, the home
page, feeds and sitemaps) without having to know which listings showed it. Entries also expire
on their own after PAGE_CACHE_SECONDS, which bounds staleness if a new generation could not be
recorded (the cache was down at that moment).
"""

import hashlib
import uuid

from django.conf import settings
from django.core.cache import cache

GENERATION_KEY = "pagecache:generation"


def current_generation() -> str:
    generation = cache.get(GENERATION_KEY)
    if generation is None:
        generation = new_generation()
    return generation


def new_generation() -> str:
    generation = uuid.uuid4().hex[:12]
    cache.set(GENERATION_KEY, generation, None)
    return generation


def page_key(generation: str, request) -> str:
    raw = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha1(raw.encode("utf-8"), usedforsecurity=False).hexdigest()
    return f"pagecache:{generation}:{digest}"


def store(key: str, response) -> None:
    entry = {
        "status": response.status_code,
        "headers": [(name, value) for name, value in response.items()],
        "content": response.content,
    }
    cache.set(key, entry, settings.PAGE_CACHE_SECONDS)


def fetch(key: str):
    return cache.get(key)


def etag_for(content: bytes) -> str:
    return '"' + hashlib.md5(content, usedforsecurity=False).hexdigest() + '"'

"""Serves whole pages to anonymous readers from the cache, before any other work is done.

It sits near the top of the middleware stack, so a hit skips sessions, authentication, the
locale machinery, routing and the database entirely. Only responses the site marked as public
(`mark_public`) are stored, and never one that sets a cookie or varies on one.
"""

import hashlib
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import patch_cache_control

from pagecache import generational, keys, store
from pagecache.client_address import client_ip
from pagecache.registry import cached_value

PAGES = cached_value("page")

# Page numbers: of a listing (?page=), of an article's conversation (?comments_page=) and of
# the sitemap (?p=, core/views.py).
PAGE_NUMBER_PARAMETERS = ("page", "comments_page", "p")
CACHEABLE_QUERY_PARAMETERS = PAGE_NUMBER_PARAMETERS
# The one spelling of a page number that is cached: "2", never "02", "+2", "2.0" or "٢".
CANONICAL_PAGE_NUMBER = re.compile(r"[1-9][0-9]{0,8}")
MARK = "_page_cache_public"
PAGES_SHOWN = "_page_cache_pages_shown"
ALLOWANCE_WINDOW_SECONDS = 60


def mark_public(response):
    """Declare a response the same for every anonymous reader, so it may be cached."""
    setattr(response, MARK, True)
    return response


def note_page_shown(request, parameter: str, number: int) -> None:
    """Records which page a listing or a conversation really showed for ``parameter``.

    A page number past the end shows the last page: that answer is served but not stored
    under the number asked for, so made-up numbers never fill the cache.
    """
    request.__dict__.setdefault(PAGES_SHOWN, {})[parameter] = number


def requested_page_numbers(request) -> dict[str, int] | None:
    """The page numbers asked for, or None if one is not spelled the canonical way."""
    numbers = {}
    for name in PAGE_NUMBER_PARAMETERS:
        values = request.GET.getlist(name)
        if not values:
            continue
        if len(values) > 1 or not CANONICAL_PAGE_NUMBER.fullmatch(values[0]):
            return None
        numbers[name] = int(values[0])
    return numbers


def showed_what_was_asked(request, numbers: dict[str, int]) -> bool:
    """True if every page number asked for was the page shown (and meant something here)."""
    shown = request.__dict__.get(PAGES_SHOWN, {})
    return all(shown.get(name) == number for name, number in numbers.items())


def page_numbers_settled(request) -> bool:
    """True when the request's page numbers are canonical and each is the page shown so far.

    Page fragments (pagecache/templatetags/fragment_cache.py) are kept only then: a fragment
    drawn for "?page=40" of a two-page listing, or for "?page=3" of an article, would be a
    new cache entry for a page that does not exist.
    """
    numbers = requested_page_numbers(request)
    return numbers is not None and showed_what_was_asked(request, numbers)


def within_visitor_allowance(request) -> bool:
    """Counts one new cache entry for this visitor; False once they have added their share.

    Past the allowance the visitor still gets every page, rendered afresh; it is only not
    kept. Someone walking through thousands of URLs then cannot push readers' pages out.
    """
    limit = settings.PAGE_CACHE_NEW_ENTRIES_PER_VISITOR
    if not limit:
        return True
    window = int(time.time() // ALLOWANCE_WINDOW_SECONDS)
    key = f"pagecache:allowance:{client_ip(request)}:{window}"
    cache.add(key, 0, timeout=ALLOWANCE_WINDOW_SECONDS + 5)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr: a new window
        cache.add(key, 1, timeout=ALLOWANCE_WINDOW_SECONDS + 5)
        count = 1
    return count is None or count <= limit


def is_cacheable_request(request) -> bool:
    if request.method not in ("GET", "HEAD"):
        return False
    if any(name in request.COOKIES for name in bypass_cookies()):
        # A signed-in editor, or a reader with a message waiting for them: always fresh.
        return False
    if any(request.path.startswith(prefix) for prefix in settings.PAGE_CACHE_EXCLUDED_PATHS):
        return False
    if requested_page_numbers(request) is None:
        return False  # "?page=02", "?page=abc": answered afresh, never a new cache entry
    return store.content_query(request, CACHEABLE_QUERY_PARAMETERS) is not None


def bypass_cookies() -> list[str]:
    return [settings.SESSION_COOKIE_NAME, *settings.PAGE_CACHE_BYPASS_COOKIES]


def is_cacheable_response(request, response) -> bool:
    if not getattr(response, MARK, False) or response.status_code != 200:
        return False
    if response.cookies or getattr(response, "streaming", False):
        return False
    # A page that embedded this reader's CSRF token belongs to this reader alone. ("Vary:
    # Cookie" alone is fine: requests with a session cookie never reach the cache.)
    return not request.META.get("CSRF_COOKIE_NEEDS_UPDATE")


def page_digest(request) -> str:
    query = "&".join(store.content_query(request, CACHEABLE_QUERY_PARAMETERS) or [])
    raw = f"{request.scheme}://{request.get_host()}{request.path}?{query}"
    return hashlib.sha1(raw.encode("utf-8"), usedforsecurity=False).hexdigest()


def page_key(request) -> str:
    return PAGES.key(page_digest(request))


# For each URL this process drew or served, the keys its page shows: read with the generation.
shown_keys_by_url = generational.ProcessCopies(max_entries=settings.PAGE_CACHE_LOCAL_ENTRIES)


def cache_entry(response) -> dict:
    return {
        "status": response.status_code,
        "headers": [(name, value) for name, value in response.items()],
        "content": response.content,
        # The keys the page showed, with their generations when it was drawn: the entry is
        # served only while they are all unchanged (pagecache/keys.py).
        "keys": keys.shown(),
    }


class AnonymousPageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with store.request_scope():
            return self.respond(request)

    def respond(self, request):
        if not settings.PAGE_CACHE_ENABLED or not is_cacheable_request(request):
            return self.get_response(request)

        digest = page_digest(request)
        keys.expect(shown_keys_by_url.get(digest, ()))
        key = PAGES.key(digest)
        entry = PAGES.read(key)  # a key holds the generation: processes keep copies
        if entry is not None:
            recorded = entry.get("keys", {})
            shown_keys_by_url.set(digest, tuple(recorded), settings.PAGE_CACHE_SECONDS)
            if keys.still_current(recorded):
                return self.from_cache(request, entry)

        response = self.get_response(request)
        if (
            is_cacheable_response(request, response)
            and showed_what_was_asked(request, requested_page_numbers(request))
            and within_visitor_allowance(request)
            and not keys.changed_during_request()
        ):
            response["ETag"] = store.etag_for(response.content)
            patch_cache_control(response, **settings.PAGE_CACHE_CONTROL)
            entry = cache_entry(response)
            PAGES.write(key, entry)
            shown_keys_by_url.set(digest, tuple(entry["keys"]), settings.PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    def from_cache(self, request, entry):
        headers = dict(entry["headers"])
        if request.headers.get("If-None-Match") == headers.get("ETag"):
            response = HttpResponseNotModified()
            for name in ("ETag", "Cache-Control", "Content-Language", "Vary"):
                if name in headers:
                    response[name] = headers[name]
        else:
            response = HttpResponse(entry["content"], status=entry["status"])
            for name, value in entry["headers"]:
                response[name] = value
        response["X-Page-Cache"] = "hit"
        return response

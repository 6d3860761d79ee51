"""The keys of what a page shows: one vocabulary for the app's caches and the edge cache.

A page being drawn declares, with one call (``shows()``), the keys of what it shows; a change
(a publication, an unpublication, a comment approved) names the keys it touches
(pagecache/signals.py). The app raises those keys' generations, and the edge cache (Varnish
with xkey, pagecache/edge.py) is told to drop every page filed under the same names, which
each public page sends in its ``xkey`` header (pagecache/surrogate_keys.py). The names:

- ``article:<id>``: the article's own page (its text, its comments);
- ``section:<id>``: a section's pages and its feed (and the neighbours and related articles
  at the end of its articles);
- ``home:<id>``: a language's front page and its feed;
- ``tag:<id>`` and ``author:<id>``: a tag's and an author's archive;
- ``sitemap`` and ``sitemap:<n>``: the sitemap's index and its *n*-th page (core/sitemaps.py);
- ``site``: every public page. It is the whole-site generation (pagecache/store.py), which
  still follows every change that could show anywhere (menus, site settings, a section
  renamed or moved, view restrictions, authors' names); the edge is then purged of ``site``.

Names are written ``kind:id``: no spaces or commas, which separate keys in an ``xkey`` header.

The generations: a page's declared keys are read together, once, when needed; the registry's
keyed values and every fragment then carry those keys' generations in their key
(``signature()``), and the whole-page cache entry records them, to be checked with one
``get_many`` when it is served. A generation is an integer in the shared cache, raised to at
least ``max(old + 1, the clock in µs)``. One that is missing (evicted, an emptied Redis) is
started at the clock: a number no cached value was stored under, so a lost key only ever
causes a miss. Changes made while Redis is unreachable, or lost when Redis comes back from old
saved data, renew the whole site instead (pagecache/store.py records them in the database).
Without a shared cache, each process's memory would hold its own key generations, so there
every change renews the whole site, as before; the edge still gets the keys.
"""

import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import cache

from pagecache import store

KEY_PREFIX = "pagecache:key:"

SITEMAP_INDEX = "sitemap"
SITE = "site"


def article(page_id: int) -> str:
    return f"article:{page_id}"


def section(page_id: int) -> str:
    return f"section:{page_id}"


def home(page_id: int) -> str:
    return f"home:{page_id}"


def tag(tag_id: int) -> str:
    return f"tag:{tag_id}"


def author(author_id: int) -> str:
    return f"author:{author_id}"


def sitemap(number: int) -> str:
    return f"sitemap:{number}"


def _now() -> int:
    return time.time_ns() // 1000


def enabled() -> bool:
    return settings.CACHE_IS_SHARED


def expect(keys) -> None:
    """Read these keys' generations with the site's generation, in one round trip.

    The page cache knows, from the last time this process drew or served a URL, which keys
    its page shows: a cached page then costs a single ``get_many``.
    """
    if enabled() and keys:
        store.prefetch([KEY_PREFIX + key for key in keys])


def shows(*keys: str) -> None:
    """Declare that the page being drawn shows ``keys``: for the app's caches and the edge's."""
    memo = store.request_memo()
    if memo is None:
        return
    memo.setdefault("keys", {})
    for key in keys:
        memo["keys"].setdefault(key, None)


def declared() -> list[str]:
    """The keys this request's page declared, in order (the edge's ``xkey``, before ``site``)."""
    memo = store.request_memo()
    return list(memo.get("keys", ())) if memo is not None else []


def generations(keys) -> dict[str, int]:
    """The current generation of each key, from one ``get_many``; missing ones are started."""
    keys = list(keys)
    if not keys:
        return {}
    memo = store.request_memo()
    prefetched = memo.pop("prefetched", {}) if memo is not None else {}
    missing = [KEY_PREFIX + key for key in keys if KEY_PREFIX + key not in prefetched]
    found = {**prefetched, **(cache.get_many(missing) if missing else {})}
    numbers = {}
    for key in keys:
        number = found.get(KEY_PREFIX + key)
        if not isinstance(number, int):
            number = _start(key)
            memo = store.request_memo()
            if memo is not None:  # started, not changed, during this request
                memo.setdefault("started_keys", set()).add(key)
        numbers[key] = number
    return numbers


def _start(key: str) -> int:
    """A missing key's generation: the clock, which names no value cached before."""
    now = _now()
    raise_to = getattr(cache, "raise_to", None)
    if raise_to is not None:
        number = raise_to(KEY_PREFIX + key, now)
        return number if isinstance(number, int) else now
    if cache.add(KEY_PREFIX + key, now, None):
        return now
    number = cache.get(KEY_PREFIX + key)
    return number if isinstance(number, int) else now


def shown() -> dict[str, int]:
    """The declared keys of this request and their generations (read once, on first need)."""
    memo = store.request_memo()
    if memo is None or not memo.get("keys") or not enabled():
        return {}
    numbers = memo["keys"]
    unread = [key for key, number in numbers.items() if number is None]
    if unread:
        numbers.update(generations(unread))
    return dict(numbers)


def changed_during_request() -> bool:
    """Whether a key this request shows was renewed after the request began.

    The request may then have read the article before its change committed, and must not
    keep what it drew under the new generation. (A generation is at least the clock when it
    was raised, and each change raises it again after its commit.)
    """
    memo = store.request_memo()
    started = memo.get("started") if memo is not None else None
    if started is None:
        return False
    numbers = shown()  # first: it may start missing keys, which are not changes
    fresh = memo.get("started_keys", ())
    return any(number >= started and key not in fresh for key, number in numbers.items())


def signature() -> str:
    """A short name for the generations of this request's keys ("" when it declared none)."""
    numbers = shown()
    if not numbers:
        return ""
    if changed_during_request():
        return f"fresh-{uuid.uuid4().hex}"  # never asked for again
    raw = ";".join(f"{key}={numbers[key]}" for key in sorted(numbers))
    return "k" + hashlib.sha1(raw.encode(), usedforsecurity=False).hexdigest()[:16]


def still_current(recorded: dict[str, int]) -> bool:
    """Whether every key a cached page recorded still has the generation it was drawn under."""
    if not recorded:
        return True
    now = generations(recorded)
    memo = store.request_memo()
    if memo is not None:
        memo.setdefault("keys", {}).update(now)
    return all(now[key] == number for key, number in recorded.items())


def renew(keys) -> bool:
    """Raise each key's generation; False if the shared cache could not record them all."""
    keys = sorted(set(keys))
    if not keys:
        return True
    bump = getattr(cache, "bump", None)
    ok = True
    for key in keys:
        if bump is not None:
            number = bump(KEY_PREFIX + key, _now())
            ok = ok and isinstance(number, int)
        else:  # a memory cache belongs to this process alone: reading, then writing, is safe
            old = cache.get(KEY_PREFIX + key)
            number = max(old + 1 if isinstance(old, int) else 0, _now())
            cache.set(KEY_PREFIX + key, number, None)
    memo = store.request_memo()
    if memo is not None and memo.get("keys"):
        for key in keys:
            if key in memo["keys"]:
                memo["keys"][key] = None  # read again: this request sees its own change
    return ok

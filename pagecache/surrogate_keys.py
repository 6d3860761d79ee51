"""Surrogate keys: names for what a public page shows, sent to the edge cache in `xkey`.

Varnish (with varnish-modules' xkey) files each cached page under the keys in its `xkey`
response header and, told one key, drops every page filed under it (pagecache/edge.py). The
vocabulary is small:

- ``page-<id>``: the page itself. Every page served through Wagtail carries its own; a routable
  page's sub-pages (a section's feed, the home page's tag and author archives) carry their
  page's too, so republishing a section or a home page refreshes all of them.
- ``home``: a front page (any language); ``feeds``: every feed.
- ``tag-<id>``, ``author-<id>``: a tag's or an author's archive.
- ``site``: every public page, for changes that show everywhere (menus, site settings).

Views name what they show with `add(request, ...)`; the middleware writes the header on
responses marked public, the only ones a cache may keep.
"""

from pagecache.middleware import MARK

HEADER = "xkey"
HOME = "home"
FEEDS = "feeds"
SITE = "site"
_REQUEST_ATTRIBUTE = "_surrogate_keys"


def page(page_id: int) -> str:
    return f"page-{page_id}"


def tag(tag_id: int) -> str:
    return f"tag-{tag_id}"


def author(author_id: int) -> str:
    return f"author-{author_id}"


def add(request, *keys: str) -> None:
    """Record that the response to ``request`` shows what ``keys`` name."""
    request.__dict__.setdefault(_REQUEST_ATTRIBUTE, []).extend(keys)


def for_request(request) -> list[str]:
    """The keys recorded for this request, in order, once each, ending with ``site``."""
    keys = [*request.__dict__.get(_REQUEST_ATTRIBUTE, ()), SITE]
    return list(dict.fromkeys(keys))


class SurrogateKeyMiddleware:
    """Writes `xkey` on public responses (below the page cache, so cached copies carry it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, MARK, False) and HEADER not in response:
            response[HEADER] = " ".join(for_request(request))
        return response

"""The edge cache's copy of a page's keys: the `xkey` header of public responses.

Varnish (with varnish-modules' xkey) files each cached page under the keys in its `xkey`
response header and, told one key, drops every page filed under it (pagecache/edge.py). The
keys are the ones the page declared for the app's own caches (pagecache/keys.py: ``shows``),
the same names, followed by ``site``, which every public page shows. The header is written on
responses marked public, the only ones a cache may keep, and is kept with them in the app's
page cache, so a page served from there carries it too.
"""

from pagecache import keys
from pagecache.middleware import MARK

HEADER = "xkey"


def for_request() -> list[str]:
    """The keys the page being answered declared, in order, once each, ending with ``site``."""
    return list(dict.fromkeys([*keys.declared(), keys.SITE]))


class SurrogateKeyMiddleware:
    """Writes `xkey` on public responses (below the page cache, so cached copies carry it)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(response, MARK, False) and HEADER not in response:
            response[HEADER] = " ".join(for_request())
        return response

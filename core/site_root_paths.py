"""The sites' root paths, worked out once per request however a page's URL is asked for.

Every page URL starts from ``Site.get_site_root_paths()``: the sites, their root pages and
the root pages' translations, two queries, kept in the default cache. Wagtail also keeps them
on the request, but only when the request is passed along (``pageurl`` in a template whose
context has it): ``page.url``, ``get_url()`` and tags without the request ask again, which
costs those two queries each time the cache cannot answer (DJANGO_CACHE=off, a cache just
emptied). Here ``Page._get_site_root_paths`` takes them, within a reader's request, from the site
directory the request has read already (core/site_directory.py), and keeps them in the
request's memo (pagecache/store.py: ``request_scope``) for every page object of the request,
specific or not. tests/upgrading/test_wagtail_site_root_paths.py guards the Wagtail method replaced.
"""

from wagtail.models import Page, Site

from core.site_directory import MEMO_KEY as DIRECTORY_MEMO_KEY
from pagecache.store import request_memo

MEMO_KEY = "site_root_paths"


def reader_root_paths(memo: dict):
    """From the site directory a reader's request has read (CurrentSiteMiddleware), else
    Wagtail's: the admin, which skips that middleware, sees drafts' root paths at once."""
    directory = memo.get(DIRECTORY_MEMO_KEY)
    return directory.root_paths() if directory is not None else Site.get_site_root_paths()


def site_root_paths_once_per_request(upstream):
    def _get_site_root_paths(self, cache_object=None):
        memo = request_memo()
        if memo is None:  # outside a request: Wagtail's own behaviour
            return upstream(self, cache_object)
        paths = memo.get(MEMO_KEY)
        if paths is None and cache_object is not None:
            paths = getattr(cache_object, "_wagtail_cached_site_root_paths", None)
        if paths is None:
            paths = reader_root_paths(memo)
        memo[MEMO_KEY] = paths
        if cache_object is not None:
            cache_object._wagtail_cached_site_root_paths = paths
        return paths

    _get_site_root_paths.upstream = upstream
    return _get_site_root_paths


def install() -> None:
    """Replace Wagtail's method once (core/apps.py)."""
    if not hasattr(Page._get_site_root_paths, "upstream"):
        Page._get_site_root_paths = site_root_paths_once_per_request(Page._get_site_root_paths)

"""Where a page sits in the tree, looked up once per request and shared by the page's chrome."""

from wagtail.models import Page, Site

from core.page_urls import url_below
from pagecache.registry import cached_value
from pagecache.snapshots import rebuild_all, snapshots

LIVE_ANCESTORS = cached_value("live-ancestors")


def live_ancestors(page: Page) -> list[Page]:
    """The page's live ancestors from the home page down (the tree's root excluded).

    The breadcrumb, the section navigation and the article's section link all need them;
    the result is kept on the page instance so one render asks the database once, and in the
    cache under the generation (pagecache/registry.py), which every publication, move or
    deletion renews: ancestors are found by the page's path, which only those change. The
    cache holds their field values; each request gets page objects of its own.
    """
    cached = getattr(page, "_live_ancestors", None)
    if cached is None:

        def load():
            return list(Page.objects.ancestor_of(page).filter(depth__gt=1).live())

        if page.depth is not None and page.depth <= 2:
            cached = []  # a home page (or the root): nothing between it and the tree's root
        elif page.pk is None or not page.path:
            cached = load()  # a new page in the editor's preview
        else:
            cached = rebuild_all(
                LIVE_ANCESTORS.get_or_compute(page.path, compute=lambda: snapshots(load()))
            )
        page._live_ancestors = cached
    return cached


def section_of(article, sections_by_path):
    """The section a listed article belongs to, from the listing's sections by path (no query)."""
    return (sections_by_path or {}).get(article.path[: -Page.steplen])


def section_url(section, request):
    """The section's URL, worked out once per request: every card of a listing links it."""
    if request is None:
        return section.get_url()
    urls = request.__dict__.setdefault("_section_urls", {})
    if section.pk not in urls:
        urls[section.pk] = section.get_url(request)
    return urls[section.pk]


def url_in_section(article, section, request):
    """The URL Wagtail's ``pageurl`` gives an article listed in ``section``.

    Below the section's URL, when the article is in that section's subtree: that URL followed
    by the rest of its path (core/page_urls.py), where Wagtail's ``get_url`` would look up the
    article's site and language home again for each link. Otherwise Wagtail's own.
    """
    if section is not None and article.url_path.startswith(section.url_path):
        base = section_url(section, request)
        if base is not None:
            return url_below(base, section.url_path, article.url_path)
    return article.get_url(request=request)


def home_for(page, request):
    """The home page of the tree the reader is in: the page's own, else the language's root."""
    if isinstance(page, Page) and page.depth >= 2:
        if page.depth == 2:
            return page
        ancestors = live_ancestors(page)
        return ancestors[0] if ancestors else None
    if request is None:
        return None
    cached = getattr(request, "_language_home", None)
    if cached is None:
        site = Site.find_for_request(request)
        cached = site.root_page.localized if site else None
        request._language_home = cached
    return cached

"""Addresses of the tag and author archives every language's home page serves.

The home page (home/models.py) routes these paths; articles and their bylines link to them
without importing the home app, which sits beside articles, not below it.
tests/home/test_archive_routes.py checks that the home page's routes and these paths agree.
"""

from urllib.parse import quote

ARCHIVE_PATHS = {"tag": "tags/{slug}/", "author": "authors/{slug}/"}


def archive_url(home, route: str, slug: str, request=None) -> str:
    """The URL of a tag or author archive under ``home`` (which need not be specific)."""
    # A listing links every byline to its author's archive: the home page's own URL is worked
    # out once per request, not once per link (and never stored on the shared page object).
    known = request.__dict__.setdefault("_home_urls", {}) if request is not None else {}
    if home.pk not in known:
        known[home.pk] = home.get_url(request)
    return known[home.pk] + ARCHIVE_PATHS[route].format(slug=quote(slug))

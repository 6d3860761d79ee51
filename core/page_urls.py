"""A page's URL worked out from the URL of a page above it, as Wagtail would give it.

Wagtail serves every page through one ``wagtail_serve`` pattern whose argument is the page's
path below its site's root, and ``reverse()`` quotes that argument character by character. So
below a page whose URL is known (worked out by Wagtail, for its site and language), a page's
URL is that URL followed by the rest of its URL path, quoted as ``reverse()`` quotes: no
reverse for each of the thousand pages of a sitemap (core/sitemaps.py) or each card of a
listing (articles/card_display.py). tests/reader/test_feeds_and_discovery.py and
tests/articles/test_article_card_markup.py check that the URLs agree with Wagtail's.
"""

from urllib.parse import quote

from django.utils.http import RFC3986_SUBDELIMS

# What reverse() leaves unquoted in a URL's path (django.urls.resolvers).
PATH_SAFE = RFC3986_SUBDELIMS + "/~:@"


def url_below(url: str, url_path: str, page_url_path: str) -> str:
    """The URL of the page at ``page_url_path``, below the page at ``url_path`` whose URL is
    ``url`` (Wagtail's ``url_path``: the tree path of slugs, each followed by a slash)."""
    return url + quote(page_url_path[len(url_path) :], safe=PATH_SAFE)

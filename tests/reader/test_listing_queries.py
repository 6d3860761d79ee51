"""Listings, feeds and the sitemap cost the same queries with 10 articles as with 200."""

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from core.archives import archive_url
from tests.factories import AuthorFactory, add_listed_articles, make_image, make_section


def queries_for(client, url):
    # Each measured from the same state: a publication renews only the keys that show it
    # (pagecache/keys.py), so values of the first round could otherwise serve the second.
    caches["default"].clear()
    client.get(url)  # warm per-process caches (site root paths) and create renditions
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(captured)


def listing_urls(home, section, author):
    return {
        "home": home.url,
        "section": section.url,
        "section, second page": section.url + "?page=2",
        "section, last page": section.url + "?page=99999",
        "tag": archive_url(home, "tag", "اقتصاد-وطني"),
        "author": archive_url(home, "author", author.slug),
        "author, last page": archive_url(home, "author", author.slug) + "?page=99999",
        "site feed": home.url + home.reverse_subpage("feed"),
        "section feed": section.url + section.reverse_subpage("feed"),
        "sitemap": "/sitemap.xml",
        "sitemap, first page": "/sitemap-pages.xml",
    }


@pytest.mark.slow  # builds 200 articles: the full suite runs it, make test-fast does not
@pytest.mark.django_db
def test_listing_queries_are_the_same_with_10_and_200_articles(client, demo_site, fragments_off):
    home = demo_site["home"]
    section = make_section(home, "اقتصاد وطني", "national-economy")
    author = AuthorFactory()
    image = make_image()
    add_listed_articles(section, 10, authors=[author], tags=["اقتصاد وطني"], image=image)
    urls = listing_urls(home, section, author)
    with_10 = {name: queries_for(client, url) for name, url in urls.items()}

    add_listed_articles(section, 190, authors=[author], tags=["اقتصاد وطني"], image=image)
    with_200 = {name: queries_for(client, url) for name, url in urls.items()}

    assert with_200 == with_10
    # And the pages stay cheap in absolute terms (issue #8: at most 10 for home and section).
    assert max(with_200.values()) <= 10, with_200

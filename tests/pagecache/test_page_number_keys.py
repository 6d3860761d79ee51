"""Issue 13, item 7: made-up page numbers never grow the cache, and no visitor can fill it.

Every distinct ``?page=`` or ``?comments_page=`` value used to be rendered and stored (200
requests, 2,000 keys). A number is now cached only when spelled the one canonical way and when
it is the page the listing or the conversation really showed.
"""

import pytest
from django.core.cache import caches
from wagtail.models import Page

from tests.factories import add_listed_articles

MADE_UP = [
    *[str(number) for number in range(3, 40)],  # past the end
    "0",
    "-1",
    "02",
    "+2",
    "2.0",
    "1e3",
    "٢",
    "abc",
    " 2",
    "99999999999999999999",
    "9" * 5000,
]


KEPT_CONTENT = (":pagecache:", ":fragment:", ":discussion:")


@pytest.mark.slow  # hundreds of requests: the full suite runs it, make test-fast does not
@pytest.mark.django_db
@pytest.mark.parametrize("parameter", ["page", "comments_page"])
def test_made_up_page_numbers_add_nothing_to_the_cache(client, demo_site, page_cache, parameter):
    section = demo_site["politics"]
    add_listed_articles(section, 13)  # two pages of articles
    urls = [section.url, demo_site["article"].url, demo_site["home"].url]
    for url in urls:
        client.get(url)
        client.get(f"{url}?{parameter}=1")
    if parameter == "page":
        assert client.get(f"{section.url}?page=2")["X-Page-Cache"] == "miss"
        assert client.get(f"{section.url}?page=2")["X-Page-Cache"] == "hit"
    keys_before = set(caches["default"]._cache)

    for url in urls:
        for value in MADE_UP:
            response = client.get(url, {parameter: value})
            assert response.status_code == 200, (url, value)
            assert response.get("X-Page-Cache") != "miss", (url, value)

    # No page, fragment or conversation was kept for them (only counters may be new: the
    # visitor's allowance).
    new_keys = set(caches["default"]._cache) - keys_before
    kept = [key for key in new_keys if any(kind in key for kind in KEPT_CONTENT)]
    assert kept == []
    assert len(new_keys) <= 3


@pytest.mark.django_db
def test_past_the_end_shows_the_last_page_without_storing_it(client, demo_site, page_cache):
    section = demo_site["politics"]
    add_listed_articles(section, 13)
    last = client.get(f"{section.url}?page=2")
    far = client.get(f"{section.url}?page=40")
    assert far.status_code == 200
    assert far.content == last.content
    assert "X-Page-Cache" not in far
    assert "X-Page-Cache" not in client.get(f"{section.url}?page=40")


def reader_pages():
    return [page.url for page in Page.objects.live().filter(depth__gte=2).specific()][:12]


@pytest.mark.django_db
def test_one_visitor_adds_no_more_than_their_allowance(client, demo_site, page_cache, settings):
    settings.PAGE_CACHE_NEW_ENTRIES_PER_VISITOR = 5
    urls = reader_pages()
    assert len(urls) >= 8
    stored = [client.get(url, REMOTE_ADDR="203.0.113.7").get("X-Page-Cache") for url in urls[:8]]
    assert stored == ["miss"] * 5 + [None] * 3
    # Every page was still served; another reader's visit stores it for everyone.
    assert client.get(urls[6], REMOTE_ADDR="198.51.100.1")["X-Page-Cache"] == "miss"
    assert client.get(urls[6], REMOTE_ADDR="203.0.113.7")["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_behind_a_proxy_the_allowance_is_per_visitor_not_per_proxy(
    client, demo_site, page_cache, settings
):
    settings.PAGE_CACHE_NEW_ENTRIES_PER_VISITOR = 2
    settings.TRUSTED_PROXY_COUNT = 1
    urls = reader_pages()

    def visit(url, visitor):
        return client.get(url, REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=visitor).get(
            "X-Page-Cache"
        )

    assert [visit(url, "203.0.113.7") for url in urls[:3]] == ["miss", "miss", None]
    assert visit(urls[3], "198.51.100.1") == "miss"

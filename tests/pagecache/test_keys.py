"""A publication renews the pages that show the article, and leaves the rest of the site warm.

The app's caches and the edge cache (Varnish, told through pagecache/edge.py) use the same
keys: a page's `xkey` header names the keys its cached copy in the app depends on, and a change
purges at the edge exactly the keys whose generations it raises in the app.
"""

import pytest
from django.core.cache import caches
from django.test import RequestFactory
from django.urls import reverse
from taggit.models import Tag

from articles.models import Author
from comments.models import CommentStatus, ReaderComment
from core.sitemaps import page_number_of
from pagecache import keys
from pagecache.edge import PURGE_HEADER, XkeyPurgeBackend
from pagecache.middleware import PAGES, page_digest
from pagecache.store import request_scope
from tests.factories import make_article, make_section
from tests.html import soup_of, text_of

pytestmark = pytest.mark.django_db

TITLE = "خبر جديد في السياسة"


@pytest.fixture
def newsroom(demo_site):
    """The seed article's section, another section with its own article, a tag and an author."""
    other_section = make_section(demo_site["home"], "اقتصاد تجريبي", "economy-test")
    other_article = make_article(other_section, title="خبر اقتصادي", slug="economy-news")
    tag = Tag.objects.create(name="انتخابات", slug="elections")
    author = Author.objects.create(name="مراسلة", slug="reporter")
    home_url = demo_site["home"].url
    return {
        **demo_site,
        "other_section": other_section,
        "other_article": other_article,
        "tag": tag,
        "author": author,
        "tag_url": f"{home_url}tags/{tag.slug}/",
        "author_url": f"{home_url}authors/{author.slug}/",
        "feed_url": f"{home_url}feed/",
        "section_feed_url": f"{demo_site['politics'].url}feed/",
    }


@pytest.fixture
def edge(settings, monkeypatch):
    """The keys of each purge the edge cache is sent, as Varnish would receive them."""
    purges = []

    def send(backend, url, headers):
        if PURGE_HEADER in headers:
            purges.append(set(headers[PURGE_HEADER].split()))

    settings.EDGE_CACHE_PURGE_URLS = ["http://varnish.invalid"]
    monkeypatch.setattr(XkeyPurgeBackend, "_send", send)
    return purges


def warm(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200
        assert client.get(url)["X-Page-Cache"] == "hit", url


def edge_keys(client, url) -> set[str]:
    """The keys Varnish files the page under: its `xkey` header (it is served from the cache)."""
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit", url
    return set(response["xkey"].split())


def app_keys(url) -> set[str]:
    """The keys the app's cached copy of the page depends on, as its cache entry records them."""
    request = RequestFactory().get(url)
    with request_scope():
        entry = PAGES.read(PAGES.key(page_digest(request)))
    assert entry is not None, url
    return set(entry["keys"])


def generations(names) -> dict[str, int]:
    with request_scope():
        return keys.generations(sorted(names))


def publish_in_politics(newsroom):
    article = make_article(
        newsroom["politics"],
        title=TITLE,
        slug="politics-news",
        authors=[newsroom["author"]],
        publish=False,
    )
    article.tags.add(newsroom["tag"])
    article.save_revision().publish()
    article.refresh_from_db()
    return article


def test_a_publication_leaves_another_sections_pages_warm(client, newsroom, page_cache):
    unrelated = [
        newsroom["other_section"].url,
        f"{newsroom['other_section'].url}feed/",
        newsroom["other_article"].url,
    ]
    showing = [
        newsroom["home"].url,
        newsroom["politics"].url,
        newsroom["article"].url,  # its neighbours at the end of the article
        newsroom["tag_url"],
        newsroom["author_url"],
        newsroom["feed_url"],
        newsroom["section_feed_url"],
    ]
    warm(client, unrelated + showing)

    article = publish_in_politics(newsroom)

    for url in unrelated:
        assert client.get(url)["X-Page-Cache"] == "hit", url  # served as cached, not drawn
    for url in showing:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert TITLE in response.content.decode(), url
    assert client.get(article.url).status_code == 200

    article.unpublish()
    for url in unrelated:
        assert client.get(url)["X-Page-Cache"] == "hit", url
    for url in showing:
        assert TITLE not in client.get(url).content.decode(), url
    assert client.get(article.url).status_code == 404


def test_the_edge_header_names_the_keys_the_app_cache_uses(client, newsroom, page_cache):
    article, politics = newsroom["article"], newsroom["politics"]
    sitemap_page = f"{reverse('sitemap_section', args=['pages'])}?p={page_number_of(article.pk)}"
    urls = [
        article.url,
        politics.url,
        newsroom["home"].url,
        newsroom["tag_url"],
        newsroom["author_url"],
        newsroom["feed_url"],
        newsroom["section_feed_url"],
        newsroom["other_article"].url,
        reverse("sitemap"),
        sitemap_page,
    ]
    warm(client, urls)
    for url in urls:
        assert edge_keys(client, url) == app_keys(url) | {"site"}, url

    tags = {f"tag:{tag.pk}" for tag in article.tags.all()}
    assert (
        edge_keys(client, article.url)
        == {f"article:{article.pk}", f"section:{politics.pk}"} | {"site"} | tags
    )
    assert edge_keys(client, politics.url) == {f"section:{politics.pk}", "site"}
    assert edge_keys(client, newsroom["home"].url) == {f"home:{newsroom['home'].pk}", "site"}
    assert edge_keys(client, newsroom["tag_url"]) == {f"tag:{newsroom['tag'].pk}", "site"}
    assert edge_keys(client, sitemap_page) == {f"sitemap:{page_number_of(article.pk)}", "site"}


def test_a_publication_purges_at_the_edge_the_keys_it_raises_in_the_app(
    client, newsroom, page_cache, edge, django_capture_on_commit_callbacks
):
    showing = [
        newsroom["home"].url,
        newsroom["politics"].url,
        newsroom["article"].url,
        newsroom["tag_url"],
        newsroom["author_url"],
        newsroom["feed_url"],
        newsroom["section_feed_url"],
        reverse("sitemap"),
    ]
    unrelated = [
        newsroom["other_section"].url,
        f"{newsroom['other_section'].url}feed/",
        newsroom["other_article"].url,
        newsroom["home"].get_translations().first().url,  # another language's front page
    ]
    warm(client, showing + unrelated)
    shown = {url: edge_keys(client, url) for url in showing + unrelated}

    with django_capture_on_commit_callbacks(execute=True):
        article = publish_in_politics(newsroom)

    assert len(edge) == 1  # one request to each Varnish
    purged = edge[0]
    assert purged >= {
        f"article:{article.pk}",
        f"section:{newsroom['politics'].pk}",
        f"home:{newsroom['home'].pk}",
        f"tag:{newsroom['tag'].pk}",
        f"author:{newsroom['author'].pk}",
        "sitemap",
        f"sitemap:{page_number_of(article.pk)}",
    }
    assert "site" not in purged
    for url in showing:
        assert shown[url] & purged, url
    for url in unrelated:
        assert not shown[url] & purged, url

    # The app raised exactly those keys: every other key any of these pages shows kept its
    # generation.
    everything = purged.union(*shown.values()) - {"site"}
    before = generations(everything)
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()  # republished: the same keys again
    after = generations(everything)
    assert {name for name in everything if after[name] != before[name]} == edge[1]
    assert edge[1] == purged


def test_the_sitemap_page_that_lists_an_article_is_renewed_by_its_publication(
    client, newsroom, page_cache
):
    draft = make_article(newsroom["politics"], title=TITLE, slug="sitemap-news", publish=False)
    index = reverse("sitemap")
    page = f"{reverse('sitemap_section', args=['pages'])}?p={page_number_of(draft.pk)}"
    warm(client, [index, newsroom["other_article"].url])
    if client.get(page).status_code == 200:  # a page of its own only once it is published
        assert client.get(page)["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in client.get(page.replace("?p=", "?p=0"))  # never stored

    draft.save_revision().publish()
    draft.refresh_from_db()

    response = client.get(page)
    assert response["X-Page-Cache"] == "miss"
    assert draft.full_url in response.content.decode()
    assert client.get(index)["X-Page-Cache"] == "miss"
    assert client.get(newsroom["other_article"].url)["X-Page-Cache"] == "hit"


def test_breaking_news_renews_every_page_in_the_app_and_at_the_edge(
    client, newsroom, page_cache, edge, django_capture_on_commit_callbacks
):
    url = newsroom["other_article"].url
    warm(client, [url])
    with django_capture_on_commit_callbacks(execute=True):
        make_article(newsroom["politics"], title=TITLE, slug="breaking", breaking_news=True)
    assert edge == [{"site"}]  # its banner is on every page
    response = client.get(url)
    assert response["X-Page-Cache"] == "miss"
    assert TITLE in response.content.decode()


def test_a_comment_approval_refreshes_that_article_only(
    client, newsroom, page_cache, edge, django_capture_on_commit_callbacks
):
    article_url = newsroom["article"].url
    others = [newsroom["home"].url, newsroom["politics"].url, newsroom["other_article"].url]
    warm(client, [article_url, *others])
    comment = ReaderComment.objects.create(
        page=newsroom["article"],
        author_name="قارئة",
        author_email="reader@example.com",
        body="تعليق ينتظر المراجعة",
        status=CommentStatus.PENDING,
    )
    assert client.get(article_url)["X-Page-Cache"] == "hit"  # waiting: nothing shows yet

    comment.status = CommentStatus.APPROVED
    with django_capture_on_commit_callbacks(execute=True):
        comment.save(update_fields=["status"])
    assert edge == [{f"article:{newsroom['article'].pk}"}]

    response = client.get(article_url)
    assert response["X-Page-Cache"] == "miss"
    assert "تعليق ينتظر المراجعة" in text_of(soup_of(response))
    for url in others:
        assert client.get(url)["X-Page-Cache"] == "hit", url


def test_a_section_renamed_refreshes_everything(
    client, newsroom, page_cache, edge, django_capture_on_commit_callbacks
):
    urls = [newsroom["other_article"].url, newsroom["other_section"].url, newsroom["home"].url]
    warm(client, urls)
    politics = newsroom["politics"]
    politics.title = "السياسة والعالم"
    with django_capture_on_commit_callbacks(execute=True):
        politics.save_revision().publish()
    assert edge == [{"site"}]  # the whole site's generation: every page at the edge too
    for url in urls:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "السياسة والعالم" in response.content.decode(), url  # the menu


def test_fragments_of_unrelated_pages_stay_cached_for_signed_in_readers(
    client, newsroom, page_cache, django_user_model
):
    """Without the page cache (a signed-in reader), the fragments follow the same keys."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(django_user_model.objects.create_user("reader", password="x"))
    other_url = newsroom["other_article"].url
    client.get(other_url)
    with CaptureQueriesContext(connection) as warm_queries:
        client.get(other_url)
    publish_in_politics(newsroom)
    with CaptureQueriesContext(connection) as after:
        client.get(other_url)
    assert len(after) == len(warm_queries)  # nothing of it was drawn again


def test_a_lost_key_generation_is_a_miss_never_a_stale_page(client, newsroom, page_cache):
    from pagecache import keys

    url = newsroom["politics"].url
    warm(client, [url])
    section_key = f"{keys.KEY_PREFIX}section:{newsroom['politics'].pk}"
    caches["default"].delete(section_key)  # evicted from Redis
    assert client.get(url)["X-Page-Cache"] == "miss"
    with request_scope():
        restarted = keys.generations([f"section:{newsroom['politics'].pk}"])
    assert client.get(url)["X-Page-Cache"] == "hit"
    with request_scope():
        assert keys.generations([f"section:{newsroom['politics'].pk}"]) == restarted


def test_a_cached_page_costs_one_round_trip_to_the_cache(client, newsroom, page_cache, monkeypatch):
    """The generation and the page's keys are read together, as the benchmark's one GET was."""
    from django.core.cache import cache

    url = newsroom["article"].url
    warm(client, [url])
    trips = []
    inside = []
    real_get, real_get_many = cache.get, cache.get_many

    def get(*args, **kwargs):
        if not inside:  # the memory cache's get_many asks get for each key: one trip still
            trips.append("get")
        return real_get(*args, **kwargs)

    def get_many(*args, **kwargs):
        trips.append("get_many")
        inside.append(True)
        try:
            return real_get_many(*args, **kwargs)
        finally:
            inside.pop()

    monkeypatch.setattr(cache, "get", get)
    monkeypatch.setattr(cache, "get_many", get_many)
    response = client.get(url)
    assert response["X-Page-Cache"] == "hit"
    assert trips == ["get_many"]


def test_without_a_shared_cache_the_edge_still_gets_the_articles_keys(
    client, newsroom, page_cache, edge, settings, django_capture_on_commit_callbacks
):
    """The app renews its whole site then (key generations would be per process), but the
    edge keeps no generations: it is purged of the article's keys, not of every page."""
    settings.CACHE_IS_SHARED = False
    url = newsroom["other_article"].url
    assert client.get(url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        article = publish_in_politics(newsroom)
    assert len(edge) == 1 and "site" not in edge[0]
    assert f"article:{article.pk}" in edge[0]
    response = client.get(url)
    assert f"article:{newsroom['other_article'].pk}" in response["xkey"].split()

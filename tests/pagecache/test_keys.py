"""A publication renews the pages that show the article, and leaves the rest of the site warm."""

import pytest
from django.core.cache import caches
from taggit.models import Tag

from articles.models import Author
from comments.models import CommentStatus, ReaderComment
from pagecache.store import request_scope
from tests.factories import make_article, make_section
from tests.html import soup_of, text_of

pytestmark = pytest.mark.django_db

TITLE = "خبر جديد في السياسة"


@pytest.fixture
def page_cache(settings):
    settings.PAGE_CACHE_ENABLED = True
    caches["default"].clear()
    yield
    caches["default"].clear()


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


def warm(client, urls):
    for url in urls:
        assert client.get(url).status_code == 200
        assert client.get(url)["X-Page-Cache"] == "hit", url


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
    unrelated = [newsroom["other_section"].url, newsroom["other_article"].url]
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


def test_a_comment_approval_refreshes_that_article_only(client, newsroom, page_cache):
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
    comment.save(update_fields=["status"])

    response = client.get(article_url)
    assert response["X-Page-Cache"] == "miss"
    assert "تعليق ينتظر المراجعة" in text_of(soup_of(response))
    for url in others:
        assert client.get(url)["X-Page-Cache"] == "hit", url


def test_a_section_renamed_refreshes_everything(client, newsroom, page_cache):
    urls = [newsroom["other_article"].url, newsroom["other_section"].url, newsroom["home"].url]
    warm(client, urls)
    politics = newsroom["politics"]
    politics.title = "السياسة والعالم"
    politics.save_revision().publish()
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

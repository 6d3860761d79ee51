"""Anonymous readers get cached pages; what editors publish shows on the very next request."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article
from tests.html import soup_of, text_of


def titles_on(client, url):
    return [text_of(h3) for h3 in soup_of(client.get(url)).select(".article-card__title")]


@pytest.mark.django_db
def test_second_anonymous_visit_is_served_from_the_cache_without_the_database(
    client, demo_site, page_cache
):
    url = demo_site["article"].url
    first = client.get(url)
    assert first["X-Page-Cache"] == "miss"
    with CaptureQueriesContext(connection) as queries:
        second = client.get(url)
    assert second["X-Page-Cache"] == "hit"
    assert len(queries) == 0
    assert second.content == first.content
    assert "public" in second["Cache-Control"]


@pytest.mark.django_db
def test_publishing_shows_on_home_and_section_on_the_next_request(client, demo_site, page_cache):
    home, section = demo_site["home"], demo_site["politics"]
    titles_on(client, home.url), titles_on(client, section.url)  # both now cached
    assert client.get(home.url)["X-Page-Cache"] == "hit"

    article = make_article(section, title="خبر عاجل جديد")

    assert titles_on(client, home.url)[0] == "خبر عاجل جديد"
    assert titles_on(client, section.url)[0] == "خبر عاجل جديد"
    assert client.get(article.url).status_code == 200

    article.unpublish()
    assert "خبر عاجل جديد" not in titles_on(client, home.url)
    assert client.get(article.url).status_code == 404


@pytest.mark.django_db
def test_editing_an_author_refreshes_the_bylines(client, demo_site, page_cache):
    url = demo_site["article"].url
    client.get(url)
    author = demo_site["article"].ordered_authors[0]
    author.name = "فريق التحرير"
    author.save()
    byline = text_of(soup_of(client.get(url)).select_one(".article__byline"))
    assert "فريق التحرير" in byline


@pytest.mark.django_db
def test_deleting_a_page_drops_it_from_cached_listings(client, demo_site, page_cache):
    home = demo_site["home"]
    article = make_article(demo_site["politics"], title="سيحذف")
    assert "سيحذف" in titles_on(client, home.url)
    article.delete()
    assert "سيحذف" not in titles_on(client, home.url)


@pytest.mark.django_db
def test_conditional_get_answers_not_modified(client, demo_site, page_cache):
    url = demo_site["article"].url
    etag = client.get(url)["ETag"]
    response = client.get(url, headers={"if-none-match": etag})
    assert response.status_code == 304
    assert response.content == b""


@pytest.mark.django_db
def test_signed_in_editors_always_get_a_fresh_private_page(
    client, demo_site, page_cache, django_user_model
):
    url = demo_site["article"].url
    client.get(url)
    editor = django_user_model.objects.create_superuser("editor", "e@example.com", "pw")
    client.force_login(editor)
    response = client.get(url)
    assert "X-Page-Cache" not in response
    # The editor's toolbar is in their page, and never reaches anonymous readers.
    client.logout()
    assert b"wagtail-userbar" not in client.get(url).content


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["?q=x", "?page=1&x=2"])
def test_unknown_query_parameters_bypass_the_cache(client, demo_site, page_cache, query):
    url = demo_site["politics"].url + query
    client.get(url)
    assert "X-Page-Cache" not in client.get(url)


@pytest.mark.django_db
def test_readers_arriving_from_campaign_links_get_the_cached_page(client, demo_site, page_cache):
    url = demo_site["article"].url
    first = client.get(url)
    shared = client.get(url + "?utm_source=facebook&utm_medium=social&fbclid=AbC123")
    assert shared["X-Page-Cache"] == "hit"
    assert shared.content == first.content
    assert b"AbC123" not in shared.content
    paged = client.get(demo_site["politics"].url + "?page=1&utm_campaign=newsletter")
    assert paged.status_code == 200
    assert client.get(demo_site["politics"].url + "?page=1")["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_pagination_pages_are_cached_separately(client, demo_site, page_cache):
    section = demo_site["politics"]
    for index in range(13):
        make_article(section, title=f"خبر {index}")
    first = client.get(section.url)
    second = client.get(section.url + "?page=2")
    assert first.content != second.content
    assert client.get(section.url + "?page=2")["X-Page-Cache"] == "hit"


@pytest.mark.django_db
def test_the_site_keeps_serving_when_redis_is_down(client, demo_site, settings):
    settings.PAGE_CACHE_ENABLED = True
    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens on the discard port
        }
    }
    from django.core.cache import cache

    for page in ("home", "politics", "article"):
        response = client.get(demo_site[page].url)
        assert response.status_code == 200
    assert cache.get("anything") is None
    assert cache.set("anything", 1) is None


@pytest.mark.django_db
def test_approving_a_comment_shows_it_on_the_next_request(client, demo_site, page_cache):
    from comments.models import ReaderComment

    article = demo_site["article"]
    client.get(article.url)
    comment = ReaderComment.objects.create(
        page=article,
        author_name="قارئ",
        author_email="reader@example.com",
        body="تعليق ينتظر الموافقة",
        status="pending",
    )
    assert client.get(article.url)["X-Page-Cache"] == "hit"  # a waiting comment changes nothing
    assert "تعليق ينتظر الموافقة" not in client.get(article.url).content.decode()

    comment.status = "approved"
    comment.save(update_fields=["status"])
    response = client.get(article.url)
    assert response["X-Page-Cache"] == "miss"
    assert "تعليق ينتظر الموافقة" in response.content.decode()


@pytest.mark.django_db
def test_publishing_shows_in_the_section_feed_on_the_next_request(client, demo_site, page_cache):
    section = demo_site["politics"]
    feed_url = section.url + section.reverse_subpage("feed")
    first = client.get(feed_url)
    assert first.status_code == 200
    make_article(section, title="خبر في الخلاصة")
    assert "خبر في الخلاصة" in client.get(feed_url).content.decode()


@pytest.mark.django_db
def test_comments_are_accepted_while_redis_is_down(client, demo_site, settings):
    from datetime import timedelta

    from django.urls import reverse
    from django.utils import timezone, translation
    from freezegun import freeze_time

    from comments.models import ReaderComment
    from comments.tickets import issue_ticket

    settings.CACHES = {
        "default": {
            "BACKEND": "config.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:9/0",  # nothing listens there
        }
    }
    article = demo_site["article"]
    with freeze_time(timezone.now() - timedelta(minutes=1)):
        ticket = issue_ticket(article.pk)  # served a minute ago: past the minimum writing time
    with translation.override("ar"):
        url = reverse("comments:post", args=(article.pk,))
    form = {"name": "قارئ", "email": "r@example.com", "body": "تعليق والذاكرة معطلة"}
    response = client.post(url, {**form, "ticket": ticket}, headers={"accept": "application/json"})
    assert response.status_code == 201
    assert ReaderComment.objects.filter(body="تعليق والذاكرة معطلة").count() == 1


@pytest.mark.django_db
def test_a_page_reads_the_cache_generation_once(client, demo_site, page_cache, monkeypatch):
    from django.core.cache import cache

    from pagecache.store import GENERATION_KEY

    reads = []
    real_get = cache.get

    def counting_get(key, *args, **kwargs):
        if key == GENERATION_KEY:
            reads.append(key)
        return real_get(key, *args, **kwargs)

    monkeypatch.setattr(cache, "get", counting_get)
    response = client.get(demo_site["article"].url)  # a miss: cache, site, menu, onward…
    assert response["X-Page-Cache"] == "miss"
    assert len(reads) == 1

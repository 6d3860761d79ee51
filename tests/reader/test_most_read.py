"""Most read: counted by the reader's browser after the page loads, through the page cache."""

from datetime import timedelta

import pytest
from django.db import DatabaseError
from django.test import Client
from django.utils import timezone

from articles.readership import ArticleDailyViews, prune_old_views
from home.models import HomePage
from tests.factories import make_article
from tests.html import soup_of, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("only_the_seed_article")]

BROWSER = "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 Chrome/131.0 Safari/537.36"


@pytest.fixture
def stories(demo_site):
    politics = demo_site["politics"]
    now = timezone.now()
    ArticleDailyViews.objects.all().delete()
    return {
        name: make_article(
            politics, title=title, slug=name, publication_date=now - timedelta(hours=1)
        )
        for name, title in [("first", "الأول"), ("second", "الثاني"), ("third", "الثالث")]
    }


def read(url, address, user_agent=BROWSER):
    """A reader opens the page and their browser sends the beacon the page asks for."""
    reader = Client(REMOTE_ADDR=address, HTTP_USER_AGENT=user_agent)
    response = reader.get(url)
    assert response.status_code == 200
    article = soup_of(response).select_one("[data-count-view]")
    beacon = reader.post(article["data-count-url"], {"article": article["data-count-view"]})
    assert beacon.status_code == 204
    assert not beacon.cookies  # counting sets no cookie
    return response


def views(article) -> int:
    return sum(ArticleDailyViews.objects.filter(article=article).values_list("views", flat=True))


def test_readers_through_the_page_cache_are_counted_once_each(demo_site, stories, page_cache):
    first, second = stories["first"], stories["second"]
    responses = [read(first.url, f"203.0.113.{n}") for n in range(1, 6)]
    responses += [read(second.url, f"198.51.100.{n}") for n in range(1, 3)]
    # The page came from the cache for all but the first reader of each article...
    assert [r["X-Page-Cache"] for r in responses].count("hit") == 5
    # ...and every reader was counted, once.
    assert (views(first), views(second), views(stories["third"])) == (5, 2, 0)
    assert ArticleDailyViews.objects.get(article=first).day == timezone.localdate()

    # A reload within the minute, or the beacon sent twice, is the same view.
    read(first.url, "203.0.113.1")
    assert views(first) == 5


def test_the_front_page_lists_the_most_read_in_its_language(client, demo_site, stories):
    for n in range(3):
        read(stories["second"].url, f"203.0.113.{n}")
    read(stories["third"].url, "203.0.113.9")
    page = soup_of(client.get(demo_site["home"].url))
    box = page.select_one(".most-read")
    assert text_of(box.h2) == "الأكثر قراءة"
    assert [text_of(a) for a in box.select("li a")] == ["الثاني", "الثالث"]
    assert box.select_one("li a")["href"] == stories["second"].url

    # French readers see the French site's most read: these Arabic stories are not in it.
    french_home = HomePage.objects.get(depth=2, locale__language_code="fr")
    french = soup_of(client.get(french_home.url))
    assert "الثاني" not in text_of(french.select_one("main"))


def test_only_the_last_two_days_count(client, demo_site, stories):
    today = timezone.localdate()
    ArticleDailyViews.objects.create(
        article=stories["first"], day=today - timedelta(days=2), views=900
    )
    ArticleDailyViews.objects.create(
        article=stories["second"], day=today - timedelta(days=1), views=3
    )
    ArticleDailyViews.objects.create(article=stories["third"], day=today, views=2)
    box = soup_of(client.get(demo_site["home"].url)).select_one(".most-read")
    assert [text_of(a) for a in box.select("li a")] == ["الثاني", "الثالث"]


def test_crawlers_and_editors_are_not_counted(client, demo_site, stories, django_user_model):
    article = stories["first"]
    read(article.url, "203.0.113.1", user_agent="Googlebot/2.1 (+http://www.google.com/bot.html)")
    read(article.url, "203.0.113.2", user_agent="Mozilla/5.0 HeadlessChrome/131.0")
    assert views(article) == 0

    editor = django_user_model.objects.create_superuser("chief", "chief@example.com", "pw")
    client.force_login(editor)
    response = client.post("/views/", {"article": article.pk}, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 204
    assert views(article) == 0


def test_bad_beacons_get_a_clear_answer_and_count_nothing(client, stories):
    assert client.get("/views/").status_code == 405
    response = client.post("/views/", {"article": "x"}, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 400
    assert "article" in response.content.decode().lower() or "مقال" in response.content.decode()
    draft = make_article(stories["first"].get_parent().specific, title="مسودة", publish=False)
    assert client.post("/views/", {"article": draft.pk}, HTTP_USER_AGENT=BROWSER).status_code == 204
    assert client.post("/views/", {"article": 10**9}, HTTP_USER_AGENT=BROWSER).status_code == 204
    assert ArticleDailyViews.objects.count() == 0


def test_a_flood_from_one_address_stops_counting(client, demo_site, stories):
    from articles.readership import BEACONS_PER_MINUTE

    reader = Client(REMOTE_ADDR="203.0.113.50", HTTP_USER_AGENT=BROWSER)
    extra = [
        make_article(demo_site["politics"], title=f"مقال {n}", slug=f"flood-{n}")
        for n in range(BEACONS_PER_MINUTE + 5)
    ]
    for article in extra:
        reader.post("/views/", {"article": article.pk})
    assert sum(views(article) for article in extra) == BEACONS_PER_MINUTE


def test_counts_older_than_thirty_days_are_deleted(stories):
    today = timezone.localdate()
    for days in (0, 29, 30, 31, 45):
        ArticleDailyViews.objects.create(
            article=stories["first"], day=today - timedelta(days=days), views=1
        )
    from django.core.management import call_command

    call_command("prune_article_views", verbosity=0)
    kept = sorted((today - row.day).days for row in ArticleDailyViews.objects.all())
    assert kept == [0, 29, 30]
    assert prune_old_views() == 0


def test_a_database_failure_while_counting_loses_the_count_not_the_request(
    client, stories, monkeypatch
):
    import articles.readership as readership

    def broken(*args, **kwargs):
        raise DatabaseError("the database went away")

    monkeypatch.setattr(readership, "add_view", broken)
    response = client.post("/views/", {"article": stories["first"].pk}, HTTP_USER_AGENT=BROWSER)
    assert response.status_code == 204


def test_counting_works_without_the_cache(client, stories, monkeypatch):
    """With Redis away (config/cache.py answers every call as a miss) views still count."""
    import articles.readership as readership

    class RedisDown:
        is_available = False

        def add(self, *args, **kwargs):
            return False

        def incr(self, *args, **kwargs):
            return None

    monkeypatch.setattr(readership, "cache", RedisDown())
    client.post("/views/", {"article": stories["first"].pk}, HTTP_USER_AGENT=BROWSER)
    assert views(stories["first"]) == 1

"""Breaking news: a strip on every page while the flagged article is recent."""

from datetime import timedelta

import pytest
from django.utils import timezone
from freezegun import freeze_time

from core.archives import archive_url
from tests.factories import make_article
from tests.html import soup_of, text_of


@pytest.fixture
def breaking(demo_site):
    return make_article(
        demo_site["politics"],
        title="عاجل: زلزال بقوة 5 درجات",
        breaking_news=True,
        publication_date=timezone.now() - timedelta(hours=1),
    )


def strip_of(client, url):
    return soup_of(client.get(url)).select_one(".breaking-news")


@pytest.mark.django_db
def test_the_strip_is_on_every_kind_of_page(client, demo_site, breaking):
    home = demo_site["home"]
    urls = [
        home.url,
        demo_site["politics"].url,
        demo_site["article"].url,
        breaking.url,
        archive_url(home, "tag", "المغرب"),
        archive_url(home, "author", "newsroom"),
        home.url + "no-such-page/",
    ]
    for url in urls:
        strip = strip_of(client, url)
        assert strip is not None, url
        link = strip.select_one("a")
        assert link["href"] == breaking.url
        assert text_of(link) == breaking.title
        assert "عاجل" in text_of(strip.select_one(".breaking-news__label"))


@pytest.mark.django_db
def test_the_strip_can_be_dismissed_in_the_browser_and_is_the_same_for_everyone(
    client, demo_site, breaking
):
    strip = strip_of(client, demo_site["home"].url)
    button = strip.select_one("button[data-dismiss-breaking-news]")
    assert button.has_attr("hidden")  # shown by site.js, which remembers the dismissal
    assert text_of(button.select_one(".visually-hidden")) == "إخفاء الخبر العاجل"
    assert strip["data-breaking-news"].startswith(f"{breaking.pk}-")
    # Nothing per reader in the HTML: two anonymous readers get the same bytes.
    first = client.get(demo_site["politics"].url).content
    client.cookies.clear()
    assert client.get(demo_site["politics"].url).content == first


@pytest.mark.django_db
def test_the_strip_goes_once_the_news_is_no_longer_recent(client, demo_site, breaking, settings):
    settings.BREAKING_NEWS_HOURS = 6
    assert strip_of(client, demo_site["home"].url) is not None
    with freeze_time(breaking.publication_date + timedelta(hours=5, minutes=50)):
        assert strip_of(client, demo_site["home"].url) is not None
    with freeze_time(breaking.publication_date + timedelta(hours=6, minutes=1)):
        assert strip_of(client, demo_site["home"].url) is None


@pytest.mark.django_db
def test_no_strip_without_a_breaking_article_or_once_it_is_unpublished(client, demo_site, breaking):
    breaking.unpublish()
    assert strip_of(client, demo_site["home"].url) is None
    make_article(demo_site["politics"], title="خبر عادي")
    assert strip_of(client, demo_site["home"].url) is None


@pytest.mark.django_db
def test_the_article_itself_is_flagged(client, breaking):
    page = soup_of(client.get(breaking.url))
    assert text_of(page.select_one(".article__flag")) == "عاجل"

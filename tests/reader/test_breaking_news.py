"""Breaking news: a strip on every page while the flagged article is recent."""

from datetime import timedelta

import pytest
from django.utils import timezone
from freezegun import freeze_time
from wagtail.models import Locale

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
def test_an_arabic_headline_on_the_french_site_is_marked_arabic(client, demo_site, breaking):
    """The French tree's untranslated copy of the article keeps its Arabic headline: read
    right to left, as Arabic, like any untranslated text on a French page."""
    french = Locale.objects.get(language_code="fr")
    # What the synchronised tree keeps in French until someone translates the article.
    breaking.create_alias(
        parent=demo_site["politics"].get_translation(french), update_locale=french
    )
    strip = strip_of(client, demo_site["home"].get_translation(french).url)
    link = strip.select_one("a")
    assert text_of(link) == breaking.title
    assert (link["lang"], link["dir"]) == ("ar", "rtl")
    arabic = strip_of(client, demo_site["home"].url).select_one("a")
    assert not arabic.has_attr("lang")  # Arabic on the Arabic site: the page's own language


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


@pytest.mark.django_db
def test_the_strip_is_looked_up_once_until_it_changes_not_every_minute(
    client, demo_site, breaking, settings
):
    """Pages drawn minutes apart ask the database for the strip once (query counts stay fixed),
    and afresh once the article shown stops being recent."""
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    settings.BREAKING_NEWS_HOURS = 6

    def strip_lookups(url):
        with CaptureQueriesContext(connection) as captured:
            strip = strip_of(client, url)
        # Listings read the column too; the strip's lookup is the one that filters on it.
        wheres = [q["sql"].partition(" WHERE ")[2] for q in captured.captured_queries]
        asked = [where for where in wheres if '"breaking_news"' in where]
        return strip, len(asked)

    section_url = demo_site["politics"].url
    start = breaking.publication_date + timedelta(minutes=5)
    with freeze_time(start):
        strip, lookups = strip_lookups(section_url)
        assert strip is not None and lookups == 1
    for minutes in (1, 2, 7):  # within the cache's own timeout (PAGE_CACHE_SECONDS)
        with freeze_time(start + timedelta(minutes=minutes)):
            strip, lookups = strip_lookups(section_url)
            assert strip is not None and lookups == 0, minutes
    with freeze_time(breaking.publication_date + timedelta(hours=6, minutes=1)):
        strip, lookups = strip_lookups(section_url)
        assert strip is None and lookups == 1

"""The demo newsroom is worth looking at: stories in every section, pictures, authors, pages."""

import pytest
from django.conf import settings
from wagtail.models import Site

from articles.models import ArticlePage, Author, SectionPage
from home.models import HomePage, InformationPage
from tests.html import soup_of, text_of

pytestmark = pytest.mark.django_db


def test_every_section_has_four_illustrated_arabic_stories(demo_site):
    home = demo_site["home"]
    for section in SectionPage.objects.child_of(home):
        articles = ArticlePage.objects.child_of(section).live()
        assert articles.count() >= 4, section.title
        for article in articles:
            assert article.lead_image is not None, article.title
            assert article.lead_image_alt_text, article.title
            assert article.tags.exists(), article.title
            assert len(article.body) >= 3, article.title


def test_the_seed_article_stays_the_politics_lead_and_the_front_page_lead(client, demo_site):
    page = soup_of(client.get(demo_site["home"].url))
    lead = page.select_one(".front-page__lead .article-card__title")
    assert text_of(lead) == demo_site["article"].title
    assert page.select_one(".front-page__lead img")["alt"] == ""  # the title says it all


def test_three_authors_with_photos_sign_the_stories(demo_site):
    authors = Author.objects.filter(slug__in=["salma-benali", "youssef-idrissi", "layla-hassani"])
    assert authors.count() == 3
    for author in authors:
        assert author.photo is not None
        assert author.article_links.exists()


def test_french_and_english_sites_have_translated_stories(demo_site):
    for code in ("fr", "en"):
        translated = ArticlePage.objects.filter(
            locale__language_code=code, alias_of__isnull=True, live=True
        )
        assert translated.count() >= 3, code


@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_four_information_pages_per_language_linked_from_the_footer(client, language):
    home = HomePage.objects.get(depth=2, locale__language_code=language)
    pages = InformationPage.objects.child_of(home).live()
    assert pages.filter(alias_of__isnull=True).count() == 4
    footer = soup_of(client.get(home.url)).select_one(".site-footer")
    links = {a["href"] for a in footer.select("a")}
    for page in pages:
        assert page.url in links


def test_the_privacy_page_says_what_comments_keep_and_for_how_long(client):
    home = HomePage.objects.get(depth=2, locale__language_code="en")
    privacy = InformationPage.objects.child_of(home).get(slug="privacy")
    text = text_of(soup_of(client.get(privacy.url)).select_one("main"))
    for kept in ("Name", "Email address", "IP address and browser", "Remember me", "cookie"):
        assert kept in text
    assert f"{settings.COMMENTS_PERSONAL_DATA_RETENTION_DAYS} days" in text
    arabic = InformationPage.objects.get(slug="privacy", locale__language_code="ar")
    arabic_text = text_of(soup_of(client.get(arabic.url)).select_one("main"))
    assert f"{settings.COMMENTS_PERSONAL_DATA_RETENTION_DAYS} يومًا" in arabic_text


def test_the_demo_site_answers_where_make_run_serves():
    site = Site.objects.get(is_default_site=True)
    assert (site.hostname, site.port) == ("127.0.0.1", 8000)
    assert site.root_url == "http://127.0.0.1:8000"

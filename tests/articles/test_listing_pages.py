"""Listings at any depth: which articles each page shows, its links, and what keeps it right.

Listings read ``ArticlePage.listed_in`` rather than the page tree (articles/listing.py), so
these tests also check that the field follows every way an article enters or leaves a
listing: publishing, unpublishing (also through Wagtail's generic page class, as scheduled
expiry does), moving, copying, untranslated copies and view restrictions.
"""

import pytest
from wagtail.models import Locale, Page, PageViewRestriction

from articles.models import ArticlePage, SectionPage
from core.archives import archive_url
from home.models import HomePage
from tests.factories import AuthorFactory, add_listed_articles, make_article, make_section
from tests.html import soup_of, text_of

PER_PAGE = 3


def card_titles(page):
    return [text_of(title) for title in page.select(".article-card__title")]


def card_links(page):
    return [link["href"] for link in page.select(".article-card__title a")]


@pytest.fixture
def economy(demo_site, monkeypatch):
    """A section of eight articles, three to a page: pages of 3, 3 and 2 (the oldest)."""
    monkeypatch.setattr(SectionPage, "articles_per_page", PER_PAGE)
    monkeypatch.setattr(HomePage, "articles_per_page", PER_PAGE)
    section = make_section(demo_site["home"], "اقتصاد وطني", "national-economy")
    articles = add_listed_articles(section, 8, authors=[AuthorFactory()], tags=["اقتصاد"])
    return {"section": section, "articles": articles, **demo_site}


def newest_first(articles):
    return [article.title for article in reversed(articles)]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("number", "expected"),
    [
        ("1", slice(0, 3)),
        ("2", slice(3, 6)),  # past the middle: read from the oldest end of the index
        ("3", slice(6, 8)),
        ("99999", slice(6, 8)),  # past the end: the last page
        ("abc", slice(0, 3)),  # not a number: the first page
        ("-2", slice(0, 3)),
        ("0", slice(0, 3)),
    ],
)
def test_every_section_page_lists_the_right_articles(client, economy, number, expected):
    response = client.get(economy["section"].url, {"page": number})
    assert response.status_code == 200
    page = soup_of(response)
    shown = newest_first(economy["articles"])[expected]
    assert card_titles(page) == shown
    by_title = {article.title: article.url for article in economy["articles"]}
    assert card_links(page) == [by_title[title] for title in shown]


@pytest.mark.django_db
def test_pages_link_to_each_other_and_say_where_the_reader_is(client, economy):
    section = economy["section"]
    first = soup_of(client.get(section.url))
    assert first.select_one("a[rel=prev]") is None
    assert first.select_one("a[rel=next]")["href"] == "?page=2"
    middle = soup_of(client.get(section.url, {"page": 2}))
    assert middle.select_one("a[rel=prev]")["href"] == "?page=1"
    assert middle.select_one("a[rel=next]")["href"] == "?page=3"
    assert text_of(middle.select_one(".pagination__status")) == "الصفحة 2 من 3"
    last = soup_of(client.get(section.url, {"page": 3}))
    assert last.select_one("a[rel=next]") is None
    assert text_of(last.select_one(".pagination__status")) == "الصفحة 3 من 3"


@pytest.mark.django_db
def test_the_page_count_follows_publication_at_once(client, economy):
    section = economy["section"]
    assert soup_of(client.get(section.url, {"page": 3})).select_one("a[rel=next]") is None
    make_article(section, title="خبر جديد")  # nine articles: the third page is now full
    add_listed_articles(section, 1)  # ten: a fourth page
    page = soup_of(client.get(section.url, {"page": 3}))
    assert page.select_one("a[rel=next]")["href"] == "?page=4"


@pytest.mark.django_db
def test_tag_and_author_archives_paginate_the_same_way(client, economy):
    home = economy["home"]
    author = economy["articles"][0].ordered_authors[0]
    for url in (
        archive_url(home, "tag", "اقتصاد"),
        archive_url(home, "author", author.slug),
    ):
        for number, expected in (("1", slice(0, 3)), ("2", slice(3, 6)), ("9", slice(6, 8))):
            page = soup_of(client.get(url, {"page": number}))
            assert card_titles(page) == newest_first(economy["articles"])[expected], url


@pytest.mark.django_db
def test_an_article_leaves_its_listings_when_unpublished_and_comes_back_when_republished(
    client, economy
):
    article = economy["articles"][-1]  # the newest
    assert article.listed_in_id == economy["section"].pk
    article.unpublish()
    article.refresh_from_db()
    assert article.listed_in_id is None
    assert article.title not in card_titles(soup_of(client.get(economy["section"].url)))
    assert article.title not in card_titles(soup_of(client.get(economy["home"].url)))

    article.save_revision().publish()
    article.refresh_from_db()
    assert article.listed_in_id == economy["section"].pk
    assert card_titles(soup_of(client.get(economy["section"].url)))[0] == article.title


@pytest.mark.django_db
def test_unpublishing_through_the_generic_page_class_unlists_the_article(economy):
    """``publish_scheduled`` expires plain ``Page`` objects: ArticlePage.save() does not run."""
    article = economy["articles"][0]
    Page.objects.get(pk=article.pk).unpublish(set_expired=True)
    assert ArticlePage.objects.get(pk=article.pk).listed_in_id is None


@pytest.mark.django_db
def test_a_moved_article_is_listed_in_its_new_section(client, economy):
    article = economy["articles"][-1]
    politics = economy["politics"]
    article.move(politics, pos="last-child")
    assert ArticlePage.objects.get(pk=article.pk).listed_in_id == politics.pk
    assert article.title in card_titles(soup_of(client.get(politics.url)))
    assert article.title not in card_titles(soup_of(client.get(economy["section"].url)))


@pytest.mark.django_db
def test_a_copy_is_listed_in_the_section_it_was_copied_to(economy):
    article = economy["articles"][0]
    copy = article.copy(to=economy["politics"], update_attrs={"slug": "copied-article"})
    assert ArticlePage.objects.get(pk=copy.pk).listed_in_id == economy["politics"].pk


@pytest.mark.django_db
def test_untranslated_copies_are_not_listed_until_translated(demo_site):
    """The synchronised trees hold aliases of Arabic articles: only a translation is listed."""
    english = Locale.objects.get(language_code="en")
    alias = ArticlePage.objects.get(
        translation_key=demo_site["article"].translation_key, locale=english
    )
    assert alias.alias_of_id is not None
    assert alias.listed_in_id is None
    # Turning the copy into a page of its own (as a translation does) lists it.
    plain = Page.objects.get(pk=alias.pk)
    plain.alias_of_id = None
    plain.save(update_fields=["alias_of_id"], clean=False)
    english_section = alias.get_parent()
    assert ArticlePage.objects.get(pk=alias.pk).listed_in_id == english_section.pk


@pytest.mark.django_db
def test_restricted_articles_and_sections_stay_out_of_public_listings(client, economy):
    home, section = economy["home"], economy["section"]
    private_article = economy["articles"][-1]
    PageViewRestriction.objects.create(page=private_article, restriction_type="login")
    assert private_article.title not in card_titles(soup_of(client.get(section.url)))
    assert private_article.title not in card_titles(soup_of(client.get(home.url)))

    PageViewRestriction.objects.create(page=section, restriction_type="login")
    front = card_titles(soup_of(client.get(home.url)))
    assert not set(front) & {article.title for article in economy["articles"]}
    tag_page = soup_of(client.get(archive_url(home, "tag", "اقتصاد")))
    assert card_titles(tag_page) == []

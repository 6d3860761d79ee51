"""The front page's one statement (home/front_page_query.py) answers as the ORM did.

The reference below is the ORM's reading of the same choice: the editors' featured slots in
their order, the choices still listed, the newest listed articles (one more for each choice)
and each live, public section's newest, read as cards newest first.
"""

from datetime import timedelta

import pytest
from django.utils import timezone
from wagtail.models import PageViewRestriction

from articles.cards import read_cards
from articles.listing import NEWEST_FIRST
from articles.models import ArticlePage, SectionPage
from home.front_page import FEATURED_SLOTS, LATEST_COUNT, PER_SECTION, build_front_page
from home.models import HomePageFeaturedArticle
from pagecache.store import request_scope
from tests.factories import add_listed_articles, make_article, make_section

pytestmark = pytest.mark.django_db


def orm_front_page(home) -> dict:
    """What the front page showed when the ORM chose its cards (before the statement)."""
    featured_ids = list(dict.fromkeys(slot.article_id for slot in home.featured_articles.all()))
    chosen_ids = [pk for pk in [home.lead_article_id, *featured_ids] if pk is not None]
    sections = list(SectionPage.objects.live().public().child_of(home))
    listed = ArticlePage.objects.listed_under(home)
    newest_count = 1 + FEATURED_SLOTS + LATEST_COUNT + len(chosen_ids)
    ids = set(listed.order_by(*NEWEST_FIRST).values_list("pk", flat=True)[:newest_count])
    ids |= set(listed.filter(pk__in=chosen_ids).values_list("pk", flat=True))
    for section in sections:
        in_section = ArticlePage.objects.listed_in_section(section).order_by(*NEWEST_FIRST)
        ids |= set(in_section.values_list("pk", flat=True)[:PER_SECTION])
    cards = read_cards(ArticlePage, list(ids))
    by_id = {article.pk: article for article in cards}
    lead = by_id.get(home.lead_article_id)
    featured = [by_id[pk] for pk in featured_ids if pk in by_id and by_id[pk] is not lead]
    featured = featured[:FEATURED_SLOTS]
    shown = {article.pk for article in [lead, *featured] if article is not None}
    newest = [article for article in cards if article.pk not in shown]
    if lead is None and newest:
        lead = newest.pop(0)
    while len(featured) < FEATURED_SLOTS and newest:
        featured.append(newest.pop(0))
    blocks = []
    for section in sections:
        in_section = [article.pk for article in cards if article.listed_in_id == section.pk]
        if in_section:
            blocks.append((section.pk, in_section[:PER_SECTION]))
    return {
        "lead": lead.pk if lead else None,
        "featured": [article.pk for article in featured],
        "latest": [article.pk for article in newest[:LATEST_COUNT]],
        "blocks": blocks,
        "sections": [section.pk for section in sections],
    }


def statement_front_page(home, preview=False) -> dict:
    front = build_front_page(home, preview=preview)
    for article in [*([front.lead] if front.lead else []), *front.featured, *front.latest]:
        assert "ordered_authors" in article.__dict__  # the cards' details came with them
    return {
        "lead": front.lead.pk if front.lead else None,
        "featured": [article.pk for article in front.featured],
        "latest": [article.pk for article in front.latest],
        "blocks": [
            (block.section.pk, [article.pk for article in block.articles])
            for block in front.section_blocks
        ],
        "sections": [section.pk for section in front.sections_by_path.values()],
    }


def assert_as_the_orm(home):
    home.refresh_from_db()
    with request_scope():
        expected = orm_front_page(home)
    with request_scope():
        assert statement_front_page(home) == expected
    return expected


@pytest.fixture
def newsroom(demo_site):
    home = demo_site["home"]
    economy = make_section(home, "اقتصاد وطني", "national-economy")
    start = timezone.now() - timedelta(days=3)
    articles = add_listed_articles(economy, 14, start=start)
    return {**demo_site, "economy": economy, "articles": articles}


def test_without_choices(newsroom, nothing_cached):
    front = assert_as_the_orm(newsroom["home"])
    assert front["lead"] is not None and len(front["featured"]) == FEATURED_SLOTS
    assert newsroom["economy"].pk in [pk for pk, _ in front["blocks"]]


def test_with_the_editors_choices_repeated_unlisted_and_more_than_the_slots(
    newsroom, nothing_cached
):
    """A lead also featured, a slot chosen twice, a chosen article since unpublished, more
    choices than slots, older than all the newest: each as the ORM chose it."""
    home, articles = newsroom["home"], newsroom["articles"]
    withdrawn = make_article(newsroom["economy"], title="سحب")
    withdrawn.unpublish()
    home.lead_article = articles[1]
    home.featured_articles = [
        HomePageFeaturedArticle(article=article)
        for article in [
            articles[3],
            withdrawn,
            articles[1],
            articles[0],
            articles[3],
            *articles[4:8],
        ]
    ]
    home.save_revision().publish()
    front = assert_as_the_orm(home)
    assert front["lead"] == articles[1].pk
    assert front["featured"] == [articles[3].pk, articles[0].pk, articles[4].pk, articles[5].pk]


def test_with_a_chosen_lead_alone(newsroom, nothing_cached):
    home = newsroom["home"]
    home.lead_article = newsroom["articles"][0]
    home.save_revision().publish()
    assert assert_as_the_orm(home)["lead"] == newsroom["articles"][0].pk


def test_private_sections_and_articles_are_left_out(newsroom, nothing_cached):
    home, articles = newsroom["home"], newsroom["articles"]
    PageViewRestriction.objects.create(page=newsroom["politics"], restriction_type="login")
    PageViewRestriction.objects.create(page=articles[-1], restriction_type="login")
    home.featured_articles = [HomePageFeaturedArticle(article=articles[-1])]
    home.save_revision().publish()
    front = assert_as_the_orm(home)
    assert newsroom["politics"].pk not in front["sections"]
    assert articles[-1].pk not in [front["lead"], *front["featured"], *front["latest"]]


def test_an_unpublished_section_is_not_shown(newsroom, nothing_cached):
    newsroom["economy"].unpublish()
    front = assert_as_the_orm(newsroom["home"])
    assert newsroom["economy"].pk not in front["sections"]


@pytest.mark.usefixtures("only_the_seed_article")
def test_a_home_page_with_one_article_and_one_without_any(demo_site, nothing_cached):
    assert assert_as_the_orm(demo_site["home"])["lead"] == demo_site["article"].pk
    ArticlePage.objects.filter(pk=demo_site["article"].pk).update(listed_in=None)
    assert assert_as_the_orm(demo_site["home"])["lead"] is None


def test_a_preview_shows_the_slots_being_edited_not_the_stored_ones(newsroom, nothing_cached):
    """The admin's preview draws the page as edited: its slots are not stored yet."""
    home, articles = newsroom["home"], newsroom["articles"]
    home.featured_articles = [HomePageFeaturedArticle(article=articles[9])]
    home.save_revision().publish()
    home.refresh_from_db()
    home.lead_article = articles[5]
    chosen = [articles[2], articles[2], articles[0], articles[5]]
    home.featured_articles = [HomePageFeaturedArticle(article=article) for article in chosen]
    with request_scope():
        expected = orm_front_page(home)
    with request_scope():
        assert statement_front_page(home, preview=True) == expected
    assert expected["lead"] == articles[5].pk
    assert expected["featured"][:2] == [articles[2].pk, articles[0].pk]

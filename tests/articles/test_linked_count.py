"""A tag's or an author's listed articles, counted link by link or all together, alike."""

import pytest
from django.db import connection
from wagtail.models import PageViewRestriction

from articles import linked_count
from articles.linked_count import count_linked
from articles.models import ArticlePage, ArticlePageAuthor, ArticlePageTag
from core.archives import archive_url
from home.models import HomePage
from tests.factories import AuthorFactory, add_listed_articles, make_section
from tests.html import soup_of, text_of

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("only_the_seed_article")]


@pytest.fixture
def climate(demo_site, nothing_cached):
    """Tagged and authored articles, and the articles a tag page must not count."""
    home = demo_site["home"]
    author = AuthorFactory(name="سلمى", slug="salma")
    section = make_section(home, "بيئة", "environment")
    listed = add_listed_articles(section, 5, tags=["المناخ"], authors=[author])
    add_listed_articles(section, 2, tags=["الماء"], authors=[author])  # another tag
    listed[0].unpublish()  # a withdrawn article keeps its tag
    private = make_section(home, "خاص", "private")
    add_listed_articles(private, 2, tags=["المناخ"], authors=[author])
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    # The same tag and author in another language's site: its own tag page counts them.
    french_home = HomePage.objects.get(depth=2, locale__language_code="fr")
    french = make_section(french_home, "Climat", "climat")
    add_listed_articles(french, 3, tags=["المناخ"], authors=[author])
    tag = ArticlePageTag.objects.filter(tag__name="المناخ").first().tag
    return {"home": home, "tag": tag, "author": author}


def tag_count(home, tag) -> int:
    listed = ArticlePage.objects.listed_under(home)
    return count_linked(listed, ArticlePageTag.objects.filter(tag=tag), "content_object")


def author_count(home, author) -> int:
    listed = ArticlePage.objects.listed_under(home)
    return count_linked(listed, ArticlePageAuthor.objects.filter(author=author), "page")


@pytest.mark.parametrize("few_links", [linked_count.FEW_LINKS, 1], ids=["one by one", "together"])
def test_both_ways_count_what_the_listing_lists(climate, monkeypatch, few_links):
    monkeypatch.setattr(linked_count, "FEW_LINKS", few_links)
    home, tag, author = climate["home"], climate["tag"], climate["author"]
    listed = ArticlePage.objects.listed_under(home)
    # Five tagged: one withdrawn, the private section's two and the French three not counted.
    assert tag_count(home, tag) == listed.filter(tagged_items__tag=tag).count() == 4
    assert author_count(home, author) == listed.filter(article_authors__author=author).count() == 6
    french_home = HomePage.objects.get(depth=2, locale__language_code="fr")
    assert tag_count(french_home, tag) == 3


def test_nothing_is_listed_under_a_private_home(climate):
    PageViewRestriction.objects.create(page=climate["home"], restriction_type="login")
    assert tag_count(climate["home"], climate["tag"]) == 0


def test_the_tag_and_author_pages_paginate_by_that_count(client, climate):
    home, author = climate["home"], climate["author"]
    add_listed_articles(home.get_children().get(slug="environment").specific, 9, authors=[author])
    page = soup_of(client.get(archive_url(home, "author", "salma")))  # 6 + 9 = 15 articles
    assert len(page.select(".article-card")) == 12
    second = soup_of(client.get(archive_url(home, "author", "salma") + "?page=2"))
    assert len(second.select(".article-card")) == 3
    assert not second.select("a[rel=next]")
    tag_page = soup_of(client.get(archive_url(home, "tag", climate["tag"].slug)))
    assert len(tag_page.select(".article-card")) == 4
    assert text_of(tag_page.h1) == "المناخ"


@pytest.mark.postgres
@pytest.mark.parametrize("few_links", [linked_count.FEW_LINKS, 1], ids=["one by one", "together"])
def test_postgresql_runs_only_the_way_chosen(climate, monkeypatch, few_links):
    """The statement relies on PostgreSQL leaving a CASE branch's subquery unrun."""
    if connection.vendor != "postgresql":
        pytest.skip("PostgreSQL's plan")
    monkeypatch.setattr(linked_count, "FEW_LINKS", few_links)
    statements = []

    def keep(execute, sql, params, many, context):
        statements.append((sql, params))
        return execute(sql, params, many, context)

    with connection.execute_wrapper(keep):
        tag_count(climate["home"], climate["tag"])
    # The listing's own conditions (sections, restrictions) are read first.
    [(sql, params)] = [statement for statement in statements if "CASE WHEN" in statement[0]]
    with connection.cursor() as cursor:
        cursor.execute("EXPLAIN (ANALYZE, COSTS OFF, TIMING OFF) " + sql, params)
        plan = [row[0] for row in cursor.fetchall()]
    # Three subqueries, each an InitPlan: the count of links, then one way of counting.
    aggregates = [line for line in plan if line.strip().startswith("->  Aggregate")]
    assert len(aggregates) == 3, plan
    assert "never executed" not in aggregates[0]
    one_by_one, together = aggregates[1], aggregates[2]
    if few_links > 1:
        assert "never executed" not in one_by_one and "never executed" in together, plan
    else:
        assert "never executed" in one_by_one and "never executed" not in together, plan

"""An article's tags and authors, read together, are what the ORM reads (articles/credits.py)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag

from articles.models import ArticlePage, ArticlePageAuthor
from tests.factories import AuthorFactory, make_article
from tests.html import soup_of, text_of

pytestmark = pytest.mark.django_db


def stored(article) -> ArticlePage:
    """The article as a request reads it: fresh from the database, nothing read yet."""
    return ArticlePage.objects.get(pk=article.pk)


def orm_credits(article) -> tuple[list, list]:
    fresh = stored(article)
    links = fresh.article_authors.all().select_related("author")
    return list(fresh.tags.all()), [link.author for link in links]


def fields_of(objects) -> list[dict]:
    return [
        {field.attname: getattr(item, field.attname) for field in item._meta.concrete_fields}
        for item in objects
    ]


@pytest.fixture
def credited_article(demo_site):
    first, second, third = AuthorFactory(name="ليلى"), AuthorFactory(), AuthorFactory(bio="")
    article = make_article(demo_site["politics"])
    # Signed in an order that is not the authors' creation order, as the editor's form sorts.
    article.article_authors = [
        ArticlePageAuthor(author=author, sort_order=place)
        for place, author in enumerate([third, first, second])
    ]
    # Tags whose names sort otherwise than the order they were given in.
    article.tags.add("ي-أخيرا", "أ-أولا", "م-وسط")
    article.save()
    return article


def test_tags_and_authors_are_the_orms_in_the_same_order(credited_article):
    tags, authors = orm_credits(credited_article)
    article = stored(credited_article)
    with CaptureQueriesContext(connection) as captured:
        assert fields_of(article.tag_list) == fields_of(tags)
        assert fields_of(article.ordered_authors) == fields_of(authors)
    assert len(captured) == 1
    assert [author.name for author in article.ordered_authors][1] == "ليلى"
    assert all(isinstance(tag, Tag) for tag in article.tag_list)


def test_an_article_without_tags_or_authors_has_empty_lists(demo_site):
    article = stored(make_article(demo_site["politics"]))
    with CaptureQueriesContext(connection) as captured:
        assert article.tag_list == []
        assert article.ordered_authors == []
    assert len(captured) == 1


def test_unsaved_tags_and_authors_are_shown_as_an_editor_left_them(credited_article):
    """A preview draws the editor's unsaved form: modelcluster keeps those rows in memory."""
    newcomer = AuthorFactory(name="كاتب جديد")
    article = stored(credited_article)
    article.article_authors = [ArticlePageAuthor(author=newcomer)]
    article.tags.set(["وسم-المسودة"])
    assert [author.name for author in article.ordered_authors] == ["كاتب جديد"]
    assert [tag.name for tag in article.tag_list] == ["وسم-المسودة"]


def test_a_draft_revision_shows_its_own_tags_and_authors(credited_article):
    newcomer = AuthorFactory(name="كاتبة المسودة")
    draft = stored(credited_article)
    draft.article_authors = [ArticlePageAuthor(author=newcomer)]
    draft.tags.set(["وسم-المسودة"])
    revision = draft.save_revision()  # saved as a draft: the live page keeps its credits
    as_drafted = revision.as_object()
    assert [author.name for author in as_drafted.ordered_authors] == ["كاتبة المسودة"]
    assert [tag.name for tag in as_drafted.tag_list] == ["وسم-المسودة"]
    assert len(stored(credited_article).ordered_authors) == 3


def test_the_article_page_shows_its_byline_and_tags_in_order(client, credited_article):
    page = soup_of(client.get(credited_article.url))
    tags, authors = orm_credits(credited_article)
    bylined = [text_of(name) for name in page.select(".article__byline .byline__author-name")]
    assert bylined == [author.name for author in authors]
    assert [text_of(link) for link in page.select(".tag-list a")] == [tag.name for tag in tags]

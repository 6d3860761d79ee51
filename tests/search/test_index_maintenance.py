"""The index follows the articles: publish, unpublish, delete, move, rename, rebuild."""

import io

import pytest
from django.core.management import call_command

from search.models import ArticleSearchEntry
from tests.factories import AuthorFactory, make_article, make_section
from tests.html import soup_of, text_of

# The demo's own stories would answer these searches too: they look for what the tests add.
pytestmark = pytest.mark.usefixtures("only_the_seed_article")


def result_titles(response):
    return [text_of(h) for h in soup_of(response).select(".search-results .search-result__title")]


def test_publishing_indexes_and_drafts_are_not_found(demo_site, search):
    draft = make_article(demo_site["politics"], title="الزعفران سرا", publish=False)

    assert result_titles(search("الزعفران")) == []
    draft.save_revision().publish()
    assert result_titles(search("الزعفران")) == ["الزعفران سرا"]


def test_republishing_an_edit_updates_the_entry(demo_site, search):
    article = make_article(demo_site["politics"], title="الزعفران")
    article.title = "الذهب"
    article.save_revision().publish()

    assert result_titles(search("الزعفران")) == []
    assert result_titles(search("الذهب")) == ["الذهب"]


def test_unpublishing_and_deleting_remove_the_entry(demo_site, search):
    article = demo_site["article"]
    article.unpublish()
    assert result_titles(search("داعش")) == []

    article.save_revision().publish()
    assert result_titles(search("داعش"))
    article.delete()
    assert result_titles(search("داعش")) == []
    assert not ArticleSearchEntry.objects.filter(page_id=article.pk).exists()


def test_moving_an_article_changes_its_section(demo_site, search):
    economy = demo_site["home"].get_children().get(slug="economy").specific
    demo_site["article"].move(economy, pos="last-child")

    assert result_titles(search("داعش", section=economy.pk))
    assert result_titles(search("داعش", section=demo_site["politics"].pk)) == []


def test_renaming_a_section_or_an_author_reindexes_their_articles(demo_site, search):
    section = make_section(demo_site["home"], "منوعات", "misc")
    author = AuthorFactory(name="سعاد")
    make_article(section, title="خبر", authors=[author])

    section.title = "متفرقات"
    section.save_revision().publish()
    author.name = "ليلى"
    author.save()

    assert result_titles(search("متفرقات")) == ["خبر"]
    assert result_titles(search("ليلى")) == ["خبر"]
    assert result_titles(search("سعاد")) == []


def test_rebuild_command_indexes_every_live_article(demo_site, search):
    ArticleSearchEntry.objects.all().delete()
    make_article(demo_site["politics"], title="مسودة", publish=False)

    call_command("rebuild_article_search", stdout=io.StringIO())

    # The seed article in Arabic and its French translation; the draft is left out.
    assert sorted(ArticleSearchEntry.objects.values_list("language_code", flat=True)) == [
        "ar",
        "fr",
    ]
    assert result_titles(search("داعش"))

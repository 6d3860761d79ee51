"""home/routing.py reads the page a URL names as the ORM's query did, in one query.

The reference is the query it replaced in ``HomePage.route``:
``model.objects.live().select_related(*related).get(url_path=...)``. Compared field by field,
with the related objects where ``select_related`` puts them: an article with its picture and
section, one without either, a section, and URLs naming nothing live.
"""

import pytest

from articles.models import ArticlePage, SectionPage
from home.routing import read_live_page
from tests.factories import make_article, make_image

pytestmark = pytest.mark.django_db

ARTICLE_RELATED = ("locale", "lead_image", "listed_in")


def orm_page(model, url_path, related):
    return model.objects.live().select_related(*related).filter(url_path=url_path).first()


def values(instance):
    return {
        field.attname: field.value_from_object(instance) for field in instance._meta.concrete_fields
    }


def assert_same(mine, theirs, related):
    assert type(mine) is type(theirs)
    assert values(mine) == values(theirs)
    assert mine.get_deferred_fields() == theirs.get_deferred_fields() == set()
    for name in related:
        # Already there, as select_related leaves it: reading it costs no query.
        assert name in mine._state.fields_cache
        mine_related, theirs_related = mine._state.fields_cache[name], getattr(theirs, name)
        if theirs_related is None:
            assert mine_related is None
        else:
            assert type(mine_related) is type(theirs_related)
            assert values(mine_related) == values(theirs_related)


@pytest.fixture
def articles(demo_site):
    politics = demo_site["politics"]
    pictured = make_article(politics, slug="pictured", lead_image=make_image("صورة"))
    plain = make_article(politics, slug="plain")
    # Live but listed nowhere, as an untranslated copy is.
    ArticlePage.objects.filter(pk=plain.pk).update(listed_in=None)
    return {"pictured": pictured, "plain": plain, "seed": demo_site["article"]}


@pytest.mark.parametrize("name", ["pictured", "plain", "seed"])
def test_an_article_is_read_as_the_orm_reads_it_in_one_query(
    articles, name, django_assert_num_queries
):
    url_path = articles[name].url_path
    expected = orm_page(ArticlePage, url_path, ARTICLE_RELATED)
    with django_assert_num_queries(1):
        page = read_live_page(ArticlePage, url_path, ARTICLE_RELATED)
        assert_same(page, expected, ARTICLE_RELATED)
    if name == "pictured":
        assert page.lead_image.title == "صورة" and page.listed_in.slug == "politics"
    if name == "plain":
        assert page.lead_image is None and page.listed_in is None


def test_a_section_is_read_as_the_orm_reads_it(demo_site):
    url_path = demo_site["politics"].url_path
    page = read_live_page(SectionPage, url_path, ("locale",))
    assert_same(page, orm_page(SectionPage, url_path, ("locale",)), ("locale",))
    assert page.locale.language_code == "ar"


def test_a_url_naming_nothing_live_names_no_page(articles):
    unpublished = articles["plain"]
    unpublished.unpublish()
    assert read_live_page(ArticlePage, unpublished.url_path, ARTICLE_RELATED) is None
    assert read_live_page(ArticlePage, "/nowhere/at-all/", ARTICLE_RELATED) is None

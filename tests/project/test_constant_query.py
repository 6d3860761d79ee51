"""core/constant_query.py gives what the ORM gives, compiled once.

Each constant query in use is compared with its queryset run by the ORM, field by field and
with the related objects where ``select_related`` puts them: the sites with their settings
(one saved, one never saved) and root pages, the home pages in every language, the pages
with a view restriction.
"""

import pytest
from django.db.models.sql.compiler import SQLCompiler
from wagtail.models import Page, PageViewRestriction, Site

from core.constant_query import ConstantQuery
from core.restrictions import RESTRICTIONS_QUERY
from core.site_directory import SITES_QUERY, _homes_query, site_relations
from home.models import HomePage

pytestmark = pytest.mark.django_db


def values(instance):
    return {
        field.attname: field.value_from_object(instance) for field in instance._meta.concrete_fields
    }


def assert_same_objects(mine, theirs, related):
    assert [type(obj) for obj in mine] == [type(obj) for obj in theirs]
    for ours, orm in zip(mine, theirs, strict=True):
        assert values(ours) == values(orm)
        assert ours.get_deferred_fields() == orm.get_deferred_fields()
        for path in related:
            ours_related, orm_related = ours, orm
            for name in path.split("__"):
                # Loaded with the row, as select_related leaves it (None when there is none).
                assert name in ours_related._state.fields_cache, path
                ours_related = ours_related._state.fields_cache[name]
                orm_related = orm_related._state.fields_cache.get(name)
                if orm_related is None:
                    assert ours_related is None, path
                    break
                assert type(ours_related) is type(orm_related), path
                assert values(ours_related) == values(orm_related), path


@pytest.fixture
def second_site(demo_site):
    """A site on the French tree, with none of its settings saved yet."""
    french_home = HomePage.objects.get(depth=2, locale__language_code="fr")
    return Site.objects.create(hostname="fr.example", port=80, root_page=french_home)


def test_the_sites_come_with_their_settings_and_root_pages_as_the_orm_reads_them(
    second_site, django_assert_num_queries
):
    expected = sorted(Site.objects.select_related(*site_relations()), key=lambda s: s.pk)
    with django_assert_num_queries(1):
        sites = SITES_QUERY.fetch()
    sites.sort(key=lambda site: site.pk)
    assert len(sites) == 2
    assert_same_objects(sites, expected, site_relations())


def test_the_home_pages_are_every_translation_of_the_sites_root_pages(
    second_site, django_assert_num_queries
):
    keys = {site.root_page.translation_key for site in Site.objects.select_related("root_page")}
    expected = sorted(
        HomePage.objects.filter(translation_key__in=keys).select_related("locale"),
        key=lambda home: home.path,
    )
    with django_assert_num_queries(1):
        homes = sorted(_homes_query(HomePage).fetch(), key=lambda home: home.path)
    assert {home.locale.language_code for home in homes} == {"ar", "fr", "en"}
    assert_same_objects(homes, expected, ["locale"])


def test_the_restricted_pages_follow_the_restrictions_in_the_database(demo_site):
    assert RESTRICTIONS_QUERY.fetch() == []
    politics = demo_site["politics"]
    PageViewRestriction.objects.create(page=politics, restriction_type="login")
    assert RESTRICTIONS_QUERY.fetch() == [(politics.pk, politics.path)]


def test_the_statement_is_compiled_once(demo_site, monkeypatch):
    query = ConstantQuery(Page, lambda: Page.objects.filter(depth=1).select_related("locale"))
    query.fetch()
    compiled = []
    original = SQLCompiler.as_sql
    monkeypatch.setattr(
        SQLCompiler, "as_sql", lambda self, *a, **k: compiled.append(1) or original(self, *a, **k)
    )
    (root,) = query.fetch()
    assert compiled == []
    assert root.depth == 1 and "locale" in root._state.fields_cache


@pytest.mark.parametrize(
    "make_queryset",
    [
        lambda: Page.objects.prefetch_related("locale"),
        lambda: Page.objects.values("pk"),
        lambda: Page.objects.values_list("pk", flat=True),
    ],
    ids=["prefetching", "values", "flat-values"],
)
def test_querysets_it_cannot_read_as_the_orm_would_are_refused(demo_site, make_queryset):
    with pytest.raises(ValueError, match="constant query"):
        ConstantQuery(Page, make_queryset).fetch()

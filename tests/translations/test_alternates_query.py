"""translations/alternates.py reads a page's translations as the ORM's query did, in one query.

The reference is the queryset it replaced in ``live_translations``:
``Page.objects.filter(translation_key__in=keys, live=True, alias_of__isnull=True)
.select_related("locale").only(*ADDRESS_FIELDS)``. Compared field by field, deferred fields
included, with the locale where ``select_related`` puts it: live translations, an untranslated
copy (an alias), a draft translation, and keys nothing has.
"""

import uuid

import pytest
from wagtail.models import Page

from translations.alternates import ADDRESS_FIELDS, read_live_versions

pytestmark = pytest.mark.django_db


def orm_versions(keys):
    return (
        Page.objects.filter(translation_key__in=keys, live=True, alias_of__isnull=True)
        .select_related("locale")
        .only(*ADDRESS_FIELDS)
    )


def described(page):
    return (
        type(page),
        {field.attname: page.__dict__.get(field.attname) for field in Page._meta.concrete_fields},
        page.get_deferred_fields(),
        page._state.db,
        page._state.adding,
        (page.locale.pk, page.locale.language_code, page.locale.get_deferred_fields()),
    )


def test_the_translations_are_read_as_the_orm_reads_them_in_one_query(
    demo_site, django_assert_num_queries
):
    article, politics, home = demo_site["article"], demo_site["politics"], demo_site["home"]
    # The French article back to a draft: a version that is not live is not linked to.
    french = Page.objects.get(translation_key=article.translation_key, locale__language_code="fr")
    Page.objects.filter(pk=french.pk).update(live=False)
    keys = [article.translation_key, politics.translation_key, home.translation_key, uuid.uuid4()]
    expected = sorted(orm_versions(keys), key=lambda page: page.pk)
    with django_assert_num_queries(1):
        mine = sorted(read_live_versions(keys), key=lambda page: page.pk)
    assert [described(page) for page in mine] == [described(page) for page in expected]
    languages = {(page.translation_key, page.locale.language_code) for page in mine}
    assert (article.translation_key, "fr") not in languages
    assert {(politics.translation_key, code) for code in ("ar", "fr", "en")} <= languages
    # Reading the locale costs nothing more: it came with its page.
    with django_assert_num_queries(0):
        assert {page.locale.language_code for page in mine} >= {"ar", "fr", "en"}


def test_no_key_reads_nothing(django_assert_num_queries):
    with django_assert_num_queries(0):
        assert read_live_versions([]) == []


def test_an_untranslated_copy_is_not_a_version(demo_site):
    article = demo_site["article"]
    copies = Page.objects.filter(translation_key=article.translation_key, alias_of__isnull=False)
    found = {page.pk for page in read_live_versions([article.translation_key])}
    assert found == {page.pk for page in orm_versions([article.translation_key])}
    assert not found & {page.pk for page in copies}

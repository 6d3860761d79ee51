"""A home page's sections, read by hand (articles/sections.py), are the ORM's."""

import pytest
from wagtail.models import PageViewRestriction

from articles.models import ArticlePage, SectionPage
from articles.sections import home_sections, live_sections, read_sections, section_ids
from core.restrictions import restricted_pages
from pagecache.snapshots import snapshots
from pagecache.store import request_scope
from tests.factories import make_section

pytestmark = pytest.mark.django_db


@pytest.fixture
def sections(demo_site):
    home = demo_site["home"]
    draft = make_section(home, "مسودة", "draft-section")
    draft.unpublish()
    private = make_section(home, "خاص", "private-section")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    return {**demo_site, "draft": draft, "private": private}


def test_the_statement_reads_what_the_orm_reads(sections, nothing_cached):
    home = sections["home"]
    assert read_sections(home) == snapshots(SectionPage.objects.child_of(home))
    assert len(read_sections(home)) > 2


def test_ids_take_every_section_and_pages_only_the_live_public_ones(sections, nothing_cached):
    home = sections["home"]
    with request_scope():
        assert section_ids(home) == list(
            SectionPage.objects.child_of(home).values_list("pk", flat=True)
        )
        assert {sections["draft"].pk, sections["private"].pk} <= set(section_ids(home))
        live = live_sections(home)
        expected = list(SectionPage.objects.live().public().child_of(home))
        assert [section.pk for section in live] == [section.pk for section in expected]
        assert sections["politics"].pk in [section.pk for section in live]
        for mine, theirs in zip(live, expected, strict=True):
            assert type(mine) is SectionPage and not mine._state.adding
            assert mine.__dict__ == {**theirs.__dict__, "_state": mine._state}
            assert mine.get_url() == theirs.get_url()


def test_one_query_for_ids_and_pages_and_each_request_its_own_pages(
    sections, nothing_cached, django_assert_num_queries
):
    home = sections["home"]
    with request_scope():
        restricted_pages()  # read once by every request, before its listings
        with django_assert_num_queries(1):
            section_ids(home)
            first = live_sections(home)
            home_sections(home)
        # A page is the request's own: writing on it changes no other's.
        first[0].title = "changed"
        assert live_sections(home)[0].title != "changed"
    assert ArticlePage.objects.listed_under(home).exists()

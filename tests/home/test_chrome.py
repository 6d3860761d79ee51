"""The menu and the footer list the home page's children, read together in one query."""

import pytest
from django.test import RequestFactory
from wagtail.models import PageViewRestriction

from core.restrictions import restricted_pages
from home.chrome import footer_information_pages, home_children, menu_sections
from home.models import InformationPage
from pagecache.store import request_scope

pytestmark = pytest.mark.django_db


@pytest.fixture
def nothing_cached(settings):
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    settings.CACHE_ENABLED = False


def add_information_page(home, slug, *, in_menu, in_footer):
    page = InformationPage(
        title=f"Page {slug}", slug=slug, show_in_menus=in_menu, show_in_footer=in_footer
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_menu_and_footer_cost_one_query_together(
    demo_site, nothing_cached, django_assert_num_queries
):
    home = demo_site["home"]
    request = RequestFactory().get(home.url)
    PageViewRestriction.objects.all().delete()
    with request_scope():
        # What every request has read before its menu: its site, the sites' root paths (page
        # URLs), the restricted pages (the page's own restriction check).
        home.get_url(request)
        restricted_pages()
        with django_assert_num_queries(1):
            menu = menu_sections(home, request)
            footer = footer_information_pages(home, request)
            home_children(home, request)
    assert demo_site["politics"].title in [entry["title"] for entry in menu]
    assert len(footer) == 4  # the demo's four information pages (about, contact, ...)


def test_each_list_takes_only_what_it_shows(demo_site, nothing_cached):
    home = demo_site["home"]
    footer_only = add_information_page(home, "footer-only", in_menu=False, in_footer=True)
    menu_only = add_information_page(home, "menu-only", in_menu=True, in_footer=False)
    hidden = add_information_page(home, "nowhere", in_menu=False, in_footer=False)
    private = add_information_page(home, "private", in_menu=True, in_footer=True)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    request = RequestFactory().get(home.url)
    with request_scope():
        menu = [entry["title"] for entry in menu_sections(home, request)]
        footer = [entry["title"] for entry in footer_information_pages(home, request)]
    assert menu_only.title in menu and footer_only.title not in menu
    assert footer_only.title in footer and menu_only.title not in footer
    assert hidden.title not in menu + footer
    assert private.title not in menu + footer
    # The editors' order: the tree's.
    sections = [
        entry for entry in menu_sections(home, request) if entry["title"] != menu_only.title
    ]
    assert [entry["path"] for entry in sections] == sorted(entry["path"] for entry in sections)

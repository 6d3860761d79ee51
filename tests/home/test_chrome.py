"""The menu, the footer and the breaking-news strip list the home page's tree: one query."""

import pytest
from django.test import RequestFactory
from django.utils import timezone, translation
from wagtail.models import Locale, Page, PageViewRestriction

from articles.models import ArticlePage
from core.restrictions import restricted_pages
from home.chrome import breaking_article, chrome_rows, footer_information_pages, menu_sections
from home.models import InformationPage
from pagecache.store import request_scope
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def add_information_page(home, slug, *, in_menu, in_footer):
    page = InformationPage(
        title=f"Page {slug}", slug=slug, show_in_menus=in_menu, show_in_footer=in_footer
    )
    home.add_child(instance=page)
    page.save_revision().publish()
    return page


def test_menu_footer_and_breaking_news_cost_one_query_together(
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
            breaking = breaking_article(home, request)
    assert demo_site["politics"].title in [entry["title"] for entry in menu]
    assert len(footer) == 4  # the demo's four information pages (about, contact, ...)
    assert breaking is None  # the demo has no recent breaking article


def test_each_list_takes_only_what_it_shows(demo_site, nothing_cached):
    """A page in the menu only, in the footer only, in neither or private, and a breaking
    article: each where it belongs, and the breaking article in no list."""
    home = demo_site["home"]
    footer_only = add_information_page(home, "footer-only", in_menu=False, in_footer=True)
    menu_only = add_information_page(home, "menu-only", in_menu=True, in_footer=False)
    hidden = add_information_page(home, "nowhere", in_menu=False, in_footer=False)
    private = add_information_page(home, "private", in_menu=True, in_footer=True)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    breaking = make_article(
        demo_site["politics"], title="عاجل", breaking_news=True, publication_date=timezone.now()
    )
    request = RequestFactory().get(home.url)
    with request_scope():
        menu = [entry["title"] for entry in menu_sections(home, request)]
        footer = [entry["title"] for entry in footer_information_pages(home, request)]
        strip = breaking_article(home, request)
    assert strip["pk"] == breaking.pk and strip["url"] == breaking.url
    assert breaking.title not in menu + footer
    assert menu_only.title in menu and footer_only.title not in menu
    assert footer_only.title in footer and menu_only.title not in footer
    assert hidden.title not in menu + footer
    assert private.title not in menu + footer
    # The editors' order: the tree's.
    sections = [
        entry for entry in menu_sections(home, request) if entry["title"] != menu_only.title
    ]
    assert [entry["path"] for entry in sections] == sorted(entry["path"] for entry in sections)


def test_the_statement_answers_as_the_orm_does(demo_site, nothing_cached):
    """home/chrome.py reads by hand what these querysets read: the same pages, the same order."""
    home = demo_site["home"]
    add_information_page(home, "footer-only", in_menu=False, in_footer=True)
    private = add_information_page(home, "private", in_menu=True, in_footer=True)
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    make_article(
        demo_site["politics"], title="older", breaking_news=True, publication_date=timezone.now()
    )
    newest = make_article(
        demo_site["politics"], title="newest", breaking_news=True, publication_date=timezone.now()
    )
    with request_scope():
        rows = chrome_rows(home)
        listed = [row for row in rows if row[-1] is None]
        menu = Page.objects.live().public().child_of(home).filter(show_in_menus=True, alias_of=None)
        footer = (
            InformationPage.objects.live()
            .public()
            .child_of(home)
            .filter(show_in_footer=True, alias_of=None)
        )
        expected = sorted(
            {*menu.values_list("pk", flat=True), *footer.values_list("pk", flat=True)}
        )
        assert sorted(row[0] for row in listed) == expected
        assert [row[3] for row in listed] == sorted(row[3] for row in listed)
        for pk, _title, _url_path, _path, in_menu, in_footer, _date in listed:
            assert in_menu == menu.filter(pk=pk).exists()
            assert in_footer == footer.filter(pk=pk).exists()
        (breaking,) = [row for row in rows if row[-1] is not None]
        orm = ArticlePage.objects.breaking_now().descendant_of(home).first()
        assert breaking[0] == orm.pk == newest.pk
        assert breaking[-1] == orm.publication_date


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_every_link_is_the_url_wagtail_gives(demo_site, nothing_cached, language):
    """The links are the home page's URL and the rest of each path, not Wagtail's get_url
    for each: the same addresses, an Arabic slug quoted as Wagtail's reverse() quotes it."""
    home = (
        demo_site["home"]
        if language == "ar"
        else demo_site["home"].get_translation(Locale.objects.get(language_code=language))
    )
    add_information_page(home, "من-نحن-بالتفصيل", in_menu=True, in_footer=True)
    breaking = make_article(
        demo_site["politics"], title="عاجل", breaking_news=True, publication_date=timezone.now()
    )
    request = RequestFactory().get(home.url)
    with request_scope(), translation.override(language):
        links = menu_sections(home, request) + footer_information_pages(home, request)
        strip = breaking_article(home, request)
        expected = {
            page.title: page.get_url(request) for page in home.get_children().live().specific()
        }
        breaking_url = breaking.get_url(request)
    assert len(links) >= 5
    assert "%D9%85%D9%86-" in "".join(link["url"] for link in links)  # the Arabic slug
    for link in links:
        assert link["url"] == expected[link["title"]]
    if language == "ar":
        assert strip["url"] == breaking_url

"""core/site_directory.py answers, from two queries, what Wagtail reads with six.

It copies Wagtail's rules: which site a host name and port mean (``get_site_for_hostname``),
the sites' root paths (``Site.get_site_root_paths``) and a site's settings (``for_site``).
These tests hold the copy to the original on several sites, so an upgrade that changes a rule
fails here (docs/upgrading.md).
"""

import inspect

import pytest
from wagtail.models import Page, Site
from wagtail.models.sites import get_site_for_hostname

from comments.models import CommentSettings
from core.site_directory import SiteDirectory, read_directory, site_directory
from home.branding import SiteIdentitySettings
from pagecache.store import request_scope

pytestmark = pytest.mark.django_db


@pytest.fixture
def several_sites(demo_site):
    """The demo site (default, port 80) and three more on the same tree, as hosts are often
    set up: a second host name, the same host on another port, and a host on two ports; and
    one on the French tree, so the sites' root paths differ and their order counts."""
    home = demo_site["home"]
    french_home = Page.objects.get(depth=2, locale__language_code="fr")
    Site.objects.create(hostname="fr.example", port=80, root_page=french_home)
    Site.objects.create(hostname="news.example", port=80, root_page=home, site_name="News")
    Site.objects.create(hostname="localhost", port=8080, root_page=home, site_name="Preview")
    Site.objects.create(hostname="two.example", port=8001, root_page=home)
    Site.objects.create(hostname="two.example", port=8002, root_page=home)
    return demo_site


CASES = [
    ("localhost", 80),
    ("localhost", 8080),
    ("localhost", 9999),
    ("news.example", 80),
    ("news.example", 443),
    ("two.example", 8001),
    ("two.example", 8002),
    ("two.example", 80),
    ("unknown.example", 80),
    ("unknown.example", None),
]


@pytest.mark.parametrize("hostname, port", CASES)
def test_the_site_for_a_host_is_wagtails(several_sites, hostname, port):
    directory = SiteDirectory(read_directory())
    try:
        expected = get_site_for_hostname(hostname, port).pk
    except Site.DoesNotExist:
        expected = None
    found = directory.site_for(hostname, port)
    assert (found.pk if found else None) == expected, (
        "Wagtail's get_site_for_hostname changed its answer: revisit core/site_directory.py "
        "(docs/upgrading.md)"
    )


def test_without_a_default_site_an_unknown_host_has_none(demo_site):
    Site.objects.update(is_default_site=False)
    assert SiteDirectory(read_directory()).site_for("unknown.example", 80) is None


def test_the_root_paths_are_wagtails_in_the_same_order(several_sites):
    directory = SiteDirectory(read_directory())
    paths, wagtails = directory.root_paths(), Site.get_site_root_paths()
    # Sites on the same root page and host name tie in Wagtail's order too (any order).
    assert sorted(paths) == sorted(wagtails), (
        "Wagtail's Site.get_site_root_paths changed: revisit core/site_directory.py"
    )
    ranks = [(path.root_path, path.root_url.split("//")[1].split(":")[0]) for path in paths]
    assert ranks == [
        (path.root_path, path.root_url.split("//")[1].split(":")[0]) for path in wagtails
    ]
    assert "get_translations" in inspect.getsource(Site.get_site_root_paths)


def test_the_site_comes_with_its_specific_home_page_and_settings(
    demo_site, django_assert_num_queries
):
    site = Site.objects.get(is_default_site=True)
    SiteIdentitySettings.for_site(site)
    CommentSettings.for_site(site)
    site.root_page.specific_class  # noqa: B018 -- a server process knows its content types
    with django_assert_num_queries(2):
        directory = SiteDirectory(read_directory())
    found = directory.site_for("localhost", 80)
    assert type(found.root_page) is type(demo_site["home"])  # the specific page routing needs
    assert found.root_page.pk == demo_site["home"].pk
    with django_assert_num_queries(0):
        settings = directory.settings_of(found)
        translations = {
            code: directory.translation_of(found.root_page, code).pk for code in ("ar", "fr", "en")
        }
    assert settings[SiteIdentitySettings].pk == SiteIdentitySettings.for_site(site).pk
    assert settings[CommentSettings].pk == CommentSettings.for_site(site).pk
    expected = {
        page.locale.language_code: page.pk
        for page in demo_site["home"].get_translations(inclusive=True)
    }
    assert translations == {code: expected[code] for code in translations}


def test_a_request_reads_the_directory_once(demo_site, settings, django_assert_num_queries):
    settings.CACHE_ENABLED = False
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    plain_page = Page.objects.get(pk=demo_site["article"].pk)
    with request_scope(), django_assert_num_queries(2):
        first = site_directory()
        assert site_directory() is first
        assert plain_page.get_url() == demo_site["article"].url


def test_a_page_is_served_with_the_site_of_its_host(client, several_sites, settings):
    settings.ALLOWED_HOSTS = ["*"]
    response = client.get(several_sites["home"].url, HTTP_HOST="news.example")
    assert response.status_code == 200
    assert response.wsgi_request._wagtail_site.site_name == "News"

"""core/site_root_paths.py replaces ``Page._get_site_root_paths``: page URLs start from it."""

import inspect

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, Site

from pagecache.store import request_scope

pytestmark = pytest.mark.django_db


def test_wagtail_builds_every_page_url_from_site_root_paths():
    source = inspect.getsource(Page.get_url_parts)
    assert "_get_site_root_paths" in source or "_get_relevant_site_root_paths" in source, (
        "Wagtail no longer works page URLs out from Page._get_site_root_paths: "
        "core/site_root_paths.py saves nothing (docs/upgrading.md)"
    )
    upstream = Page._get_site_root_paths.upstream
    assert "cache_object" in inspect.signature(upstream).parameters, (
        "Page._get_site_root_paths changed its signature: revisit core/site_root_paths.py "
        "(docs/upgrading.md)"
    )


def test_within_a_request_the_root_paths_are_read_once_for_every_page(settings, demo_site):
    """With nothing cached (DJANGO_CACHE=off), a request reads the sites as Wagtail would,
    once, however many page URLs it builds (they come with the site directory)."""
    settings.CACHES = {
        "default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }
    settings.CACHE_ENABLED = False
    article, section, home = demo_site["article"], demo_site["politics"], demo_site["home"]
    plain_page = Page.objects.get(pk=article.pk)  # not specific: Wagtail's own class
    with request_scope(), CaptureQueriesContext(connection) as captured:
        urls = [page.get_url() for page in (article, section, home, plain_page)]
    assert urls[0] == urls[3] and all(urls), urls
    with CaptureQueriesContext(connection) as wagtails:
        Site.get_site_root_paths()
    assert len(captured) == len(wagtails), [query["sql"] for query in captured.captured_queries]

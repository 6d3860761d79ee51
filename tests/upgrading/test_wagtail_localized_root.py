"""home/models.py answers ``HomePage.localized`` from the site directory: Wagtail routes from it."""

from unittest import mock

import pytest
from django.utils import translation
from wagtail.models import Locale, Page

from home.models import HomePage

pytestmark = pytest.mark.django_db


def test_wagtail_routes_every_request_from_the_site_roots_localized_page(client, demo_site):
    original = HomePage.localized
    calls = []

    def spying(page):
        calls.append(page.pk)
        return original.fget(page)

    french_home = Page.objects.get(
        translation_key=demo_site["home"].translation_key,
        locale=Locale.objects.get(language_code="fr"),
    )
    with mock.patch.object(HomePage, "localized", property(spying)):
        assert client.get(french_home.url).status_code == 200
    assert calls, (
        "Wagtail no longer routes through site.root_page.localized: the directory-backed "
        "HomePage.localized saves nothing (docs/upgrading.md)"
    )


def test_the_cached_answer_is_wagtails_answer(demo_site):
    home = demo_site["home"]
    for language in ("ar", "fr", "en"):
        with translation.override(language):
            assert home.localized.pk == super(HomePage, home).localized.pk, language

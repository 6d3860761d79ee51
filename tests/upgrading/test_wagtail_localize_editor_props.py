"""translations/static/translations/editor_direction.js reads wagtail-localize's editor props."""

import json

import pytest
from django.urls import reverse

from tests.html import soup_of

pytestmark = pytest.mark.django_db


def test_the_translation_editor_names_its_source_and_target_languages(
    client, django_user_model, demo_site
):
    from wagtail.models import Locale, Page

    french = Page.objects.get(
        translation_key=demo_site["article"].translation_key,
        locale=Locale.objects.get(language_code="fr"),
    )
    client.force_login(django_user_model.objects.create_superuser("chief", "c@example.com", "pw"))
    page = soup_of(client.get(reverse("wagtailadmin_pages:edit", args=[french.pk])))
    editor = page.select_one(".js-translation-editor")
    assert editor is not None, "wagtail-localize's editor lost .js-translation-editor"
    props = json.loads(editor["data-props"])
    assert props["sourceLocale"]["code"] == "ar", "revisit editor_direction.js (docs/upgrading.md)"
    assert props["locale"]["code"] == "fr"

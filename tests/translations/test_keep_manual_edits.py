"""wagtail-localize#876: restarting a synced translation keeps the edits made by hand."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import Translation

from tests.html import soup_of, text_of

pytestmark = pytest.mark.django_db

HAND_EDITED_HEADING = "Une stratégie sécuritaire résolument proactive"


def stop_syncing(admin_client, french_article):
    translation = Translation.objects.get(
        target_locale=french_article.locale, source__object_id=(french_article.translation_key)
    )
    edit_url = reverse("wagtailadmin_pages:edit", args=[french_article.pk])
    admin_client.post(
        reverse("wagtail_localize:stop_translation", args=[translation.pk]), {"next": edit_url}
    )
    translation.refresh_from_db()
    assert not translation.enabled
    return translation


def edit_first_heading_by_hand(french_article):
    page = Page.objects.get(pk=french_article.pk).specific
    first = page.body[0]
    first.value["heading"] = HAND_EDITED_HEADING
    page.save_revision().publish()


def first_heading(client, page):
    return text_of(soup_of(client.get(page.url)).select(".article__body h2")[0])


def test_restarting_the_sync_keeps_the_hand_made_edits(
    admin_client, french_article, django_capture_on_commit_callbacks
):
    stop_syncing(admin_client, french_article)
    edit_first_heading_by_hand(french_article)
    assert first_heading(admin_client, french_article) == f"1. {HAND_EDITED_HEADING}"

    edit_url = reverse("wagtailadmin_pages:edit", args=[french_article.pk])
    response = admin_client.post(edit_url, {"localize-restart-translation": "1"})
    assert response.status_code == 302
    translation = Translation.objects.get(
        target_locale=french_article.locale, source__object_id=french_article.translation_key
    )
    assert translation.enabled

    # Publishing from the translation editor rebuilds the page from the translation memory.
    with django_capture_on_commit_callbacks(execute=True):  # publication happens on commit
        assert admin_client.post(edit_url, {"action": "publish"}).status_code == 302
    assert first_heading(admin_client, french_article) == f"1. {HAND_EDITED_HEADING}"
    # The strings nobody touched keep their earlier translation.
    page = soup_of(admin_client.get(french_article.url))
    assert text_of(page.select(".article__body h2")[1]).startswith("2. Réhabiliter")

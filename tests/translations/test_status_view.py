"""The translation status report: which languages exist, are published, or are out of date."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext

from tests.factories import make_article
from tests.html import soup_of, text_of
from translations.status import OutdatedReason

# The demo's own stories would fill these listings: they count what the tests add.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("only_the_seed_article")]

STATUS_URL = reverse("translations_status")


def states(admin_client, article, **params):
    page = soup_of(admin_client.get(STATUS_URL, params))
    row = page.select_one(f'tr[data-article="{article.pk}"]')
    return {cell["data-language"]: cell for cell in row.select("td[data-language]")}


def in_admin_language(text):
    with translation.override("ar"):
        return gettext(str(text))


def reason(cell):
    return text_of(cell.select_one(".translation-status__reason"))


def edit_and_publish(article, **changes):
    for field, value in changes.items():
        setattr(article, field, value)
    article.save_revision().publish()


def test_report_shows_which_languages_exist_and_are_published(admin_client, demo_site):
    cells = states(admin_client, demo_site["article"])
    assert cells["fr"]["data-state"] == "published"
    assert cells["en"]["data-state"] == "missing"  # an untranslated copy is not a translation
    translate_link = cells["en"].select_one("a")
    assert translate_link["href"] == reverse(
        "wagtail_localize:submit_page_translation", args=[demo_site["article"].pk]
    )


def test_translation_is_out_of_date_after_the_arabic_source_is_edited_and_published(
    admin_client, demo_site, french_article, django_capture_on_commit_callbacks
):
    article = demo_site["article"]
    edit_and_publish(article, standfirst="مقدمة جديدة بعد التصحيح.")
    cells = states(admin_client, article)
    assert cells["fr"]["data-state"] == "outdated"
    assert reason(cells["fr"]) == in_admin_language(OutdatedReason.SOURCE_CHANGED.label)
    sync_link = cells["fr"].select_one("a")["href"]
    assert sync_link.startswith(reverse("wagtail_localize:update_translations", args=[1])[:-2])

    # "Sync translated pages" with publication: the translation is up to date again.
    # wagtail-localize publishes when the request's transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(sync_link, {"publish_translations": "on"})
    assert response.status_code == 302
    assert states(admin_client, article)["fr"]["data-state"] == "published"


def test_a_draft_edit_of_the_source_does_not_make_the_translation_stale(admin_client, demo_site):
    article = demo_site["article"]
    article.standfirst = "مسودة لم تنشر."
    article.save_revision()
    assert states(admin_client, article)["fr"]["data-state"] == "published"


def test_synced_but_unpublished_translation_is_out_of_date(admin_client, demo_site):
    article = demo_site["article"]
    edit_and_publish(article, standfirst="مقدمة جديدة.")
    sync_link = states(admin_client, article)["fr"].select_one("a")["href"]
    admin_client.post(sync_link, {})  # synced, but not published
    cell = states(admin_client, article)["fr"]
    assert cell["data-state"] == "outdated"
    assert reason(cell) == in_admin_language(OutdatedReason.SYNC_UNPUBLISHED.label)


def test_manual_translation_is_out_of_date_when_the_source_is_newer(
    admin_client, demo_site, french_article
):
    from wagtail_localize.models import Translation

    Translation.objects.filter(target_locale=french_article.locale).update(enabled=False)
    assert states(admin_client, demo_site["article"])["fr"]["data-state"] == "published"
    edit_and_publish(demo_site["article"], title="عنوان مصحح")
    cell = states(admin_client, demo_site["article"])["fr"]
    assert cell["data-state"] == "outdated"
    assert reason(cell) == in_admin_language(OutdatedReason.MANUAL_BEHIND.label)


def test_draft_translation(admin_client, demo_site, french_article):
    french_article.unpublish()
    assert states(admin_client, demo_site["article"])["fr"]["data-state"] == "draft"


def test_report_filters_by_section_and_refuses_an_unknown_one(admin_client, demo_site):
    economy = demo_site["home"].get_children().get(slug="economy")
    other = make_article(economy.specific, title="مقال اقتصادي", slug="economy-article")
    page = soup_of(admin_client.get(STATUS_URL, {"section": economy.pk}))
    assert [row["data-article"] for row in page.select("tr[data-article]")] == [str(other.pk)]

    response = admin_client.get(STATUS_URL, {"section": "999999"})
    assert response.status_code == 400
    # The message is in the editor's admin language (Arabic by default).
    assert text_of(soup_of(response).select_one('[role="alert"]')) == in_admin_language(
        "That section does not exist (any more)."
    )


def test_report_needs_an_admin_login(client, demo_site):
    response = client.get(STATUS_URL)
    assert response.status_code == 302
    assert "/login/" in response["Location"]


def test_report_is_in_the_reports_menu(admin_client, demo_site):
    page = admin_client.get(reverse("wagtailadmin_home")).content.decode()
    assert STATUS_URL in page


def test_report_queries_do_not_grow_with_the_number_of_articles(admin_client, demo_site):
    def count():
        with CaptureQueriesContext(connection) as queries:
            assert admin_client.get(STATUS_URL).status_code == 200
        return len(queries)

    count()
    few = count()
    for number in range(5):
        make_article(demo_site["politics"], title=f"مقال {number}", slug=f"bulk-{number}")
    assert count() == few

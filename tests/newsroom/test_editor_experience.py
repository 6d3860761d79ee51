"""The article editor: tabs and help in Arabic, comments, checks, preview sizes, revisions."""

import pytest
from django.urls import reverse
from django.utils import translation

from tests.html import soup_of, text_of
from tests.newsroom.conftest import article_form_data


@pytest.fixture
def edit_page(demo_site, section_editor, client_for):
    client = client_for(section_editor)
    response = client.get(reverse("wagtailadmin_pages:edit", args=(demo_site["article"].pk,)))
    assert response.status_code == 200
    return client, soup_of(response)


@pytest.mark.django_db
def test_editor_groups_fields_in_three_tabs_with_arabic_help(edit_page):
    _client, soup = edit_page
    assert soup.html["dir"] == "rtl"
    # Each tab carries an error counter, "( )" when empty.
    tabs = [text_of(tab).removesuffix("( )").strip() for tab in soup.select("[role=tab]")]
    with translation.override("ar"):
        expected = [translation.gettext(name) for name in ("Content", "Promote", "Settings")]
        help_text = translation.gettext(
            "The introductory paragraph shown under the title and in listings."
        )
    assert tabs[:3] == expected
    assert help_text != "The introductory paragraph shown under the title and in listings."
    assert help_text in text_of(soup)


@pytest.mark.django_db
def test_editor_has_comments_checks_and_phone_and_desktop_previews(edit_page):
    _client, soup = edit_page
    panels = {panel.get("data-side-panel") for panel in soup.select("[data-side-panel]")}
    assert {"comments", "checks", "preview"} <= panels
    widths = {
        size["value"]: int(size["data-device-width"]) for size in soup.select("[name=preview-size]")
    }
    assert widths["mobile"] <= 400
    assert widths["desktop"] >= 1200


@pytest.mark.django_db
def test_preview_renders_the_real_right_to_left_article(demo_site, section_editor, client_for):
    client = client_for(section_editor)
    article = demo_site["article"]
    preview_url = reverse("wagtailadmin_pages:preview_on_edit", args=(article.pk,))
    data = article_form_data(title="عنوان في المعاينة", slug=article.slug)
    assert client.post(preview_url, data).json()["is_valid"]
    preview = soup_of(client.get(preview_url))
    assert preview.html["dir"] == "rtl"
    assert preview.html["lang"] == "ar"
    assert text_of(preview.h1) == "عنوان في المعاينة"


@pytest.mark.django_db
def test_revisions_can_be_compared_and_reverted(demo_site, section_editor, client_for):
    client = client_for(section_editor)
    article = demo_site["article"]
    first = article.latest_revision
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    client.post(edit_url, article_form_data(title="عنوان معدل", slug=article.slug))
    article.refresh_from_db()
    second = article.latest_revision
    assert second.pk != first.pk

    compare = client.get(
        reverse("wagtailadmin_pages:revisions_compare", args=(article.pk, first.pk, second.pk))
    )
    assert compare.status_code == 200
    assert "عنوان معدل" in compare.content.decode()
    revert = client.get(reverse("wagtailadmin_pages:revisions_revert", args=(article.pk, first.pk)))
    assert revert.status_code == 200
    assert soup_of(revert).select_one("input[name=title]")["value"] == first.as_object().title

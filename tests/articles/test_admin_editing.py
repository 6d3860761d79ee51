"""Editors compose the seed article in the Wagtail admin, block by block, and preview it."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import rich_text, streamfield

from articles.models import ArticlePage
from demo.seed_article import load_seed_article
from tests.admin_forms import article_form
from tests.html import soup_of, text_of


def list_block(items):
    """ListBlock form data: like a stream, without block types."""
    data = {
        str(index): {"value": value, "deleted": "", "order": str(index), "id": ""}
        for index, value in enumerate(items)
    }
    data["count"] = str(len(items))
    return data


def section_form_data(section):
    content = []
    for child in section.content:
        if child["type"] == "paragraph":
            content.append(("paragraph", rich_text(child["value"])))
        else:
            content.append(
                (
                    "bullet_list",
                    {"ordered": "", "items": list_block(child["value"]["items"])},
                )
            )
    return (
        "headed_section",
        {
            "heading": section.heading,
            "unnumbered": "" if section.numbered else "on",
            "content": streamfield(content),
        },
    )


def seed_article_form_data(slug="seed-from-admin", **overrides):
    seed = load_seed_article()
    fields = {
        "title": seed.title,
        "slug": slug,
        "standfirst": seed.standfirst,
        "body": streamfield([section_form_data(section) for section in seed.sections]),
    }
    return article_form(**{**fields, **overrides})


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(user)
    return client


@pytest.mark.django_db
def test_editor_creates_and_publishes_the_seed_article_from_blocks(editor_client, demo_site):
    section = demo_site["politics"]
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))
    assert editor_client.get(add_url).status_code == 200

    response = editor_client.post(add_url, seed_article_form_data(**{"action-publish": "publish"}))
    assert response.status_code == 302, response.content.decode()[:2000]

    # The French and English trees get aliases of it (synchronised tree); this is the Arabic one.
    article = ArticlePage.objects.get(slug="seed-from-admin", locale=section.locale)
    assert article.live
    page = soup_of(editor_client.get(article.url))
    headings = [text_of(h2) for h2 in page.select(".article__body h2")]
    assert headings[0] == "1. الاستراتيجية الأمنية: نهج استباقي في مواجهة الإرهاب"
    assert headings[4].startswith("5. ")
    assert headings[5] == "خاتمة"
    assert len(page.select(".article__body li")) == 15
    assert text_of(page.select(".article__body li strong")[0]) == "الاستخبارات الدقيقة:"


@pytest.mark.django_db
def test_editor_previews_an_unsaved_article(editor_client, demo_site):
    section = demo_site["politics"]
    preview_url = reverse(
        "wagtailadmin_pages:preview_on_add", args=("articles", "articlepage", section.pk)
    )
    response = editor_client.post(preview_url, seed_article_form_data(slug="preview-only"))
    assert response.json()["is_valid"] is True

    preview = editor_client.get(preview_url)
    assert preview.status_code == 200
    page = soup_of(preview)
    assert page.find("html")["dir"] == "rtl"
    assert text_of(page.find("h1")) == "نهج المغرب في مكافحة الإرهاب والأمن الإقليمي"
    assert len(page.select(".article__body h2")) == 6
    assert not ArticlePage.objects.filter(slug="preview-only").exists()


@pytest.mark.django_db
def test_an_article_cannot_be_created_outside_a_section(editor_client, demo_site):
    home = demo_site["home"]
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", home.pk))
    response = editor_client.get(add_url)
    assert response.status_code in (302, 403)
    assert not ArticlePage.objects.child_of(home).exists()


@pytest.mark.django_db
def test_missing_standfirst_is_reported_and_nothing_typed_is_lost(editor_client, demo_site):
    section = demo_site["politics"]
    add_url = reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))
    response = editor_client.post(
        add_url, seed_article_form_data(standfirst="", **{"action-publish": "publish"})
    )
    assert response.status_code == 200
    form_page = soup_of(response)
    assert form_page.find("input", {"name": "title"})["value"] == load_seed_article().title
    assert not ArticlePage.objects.filter(slug="seed-from-admin").exists()

"""Editors choose the front page's lead story and featured articles in the admin."""

import pytest
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from home.models import HomePage
from tests.factories import make_article
from tests.html import soup_of, text_of


@pytest.fixture
def editor_client(client, django_user_model):
    editor = django_user_model.objects.create_superuser("editor", "editor@example.com", "pw")
    client.force_login(editor)
    return client


def home_form_data(home, lead, featured):
    return nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "intro": home.intro,
            "lead_article": lead.pk if lead else "",
            "featured_articles": inline_formset([{"article": article.pk} for article in featured]),
            "action-publish": "publish",
        }
    )


@pytest.mark.django_db
def test_editor_sets_the_lead_and_featured_articles_and_readers_see_them(
    editor_client, client, demo_site
):
    home = demo_site["home"]
    politics = demo_site["politics"]
    lead = make_article(politics, title="الخبر الرئيسي المختار")
    featured = [make_article(politics, title=f"مميز {index}") for index in range(2)]
    make_article(politics, title="أحدث مقال")

    edit_url = f"/admin/pages/{home.pk}/edit/"
    form = soup_of(editor_client.get(edit_url))
    assert form.select_one("[name=lead_article]") is not None
    response = editor_client.post(edit_url, home_form_data(home, lead, featured))
    assert response.status_code == 302, response.content.decode()[:2000]

    home = HomePage.objects.get(pk=home.pk)
    assert home.lead_article_id == lead.pk
    assert [slot.article_id for slot in home.featured_articles.all()] == [f.pk for f in featured]

    client.logout()
    page = soup_of(client.get(home.url))
    lead_title = page.select_one(".front-page__lead .article-card__title")
    assert text_of(lead_title) == "الخبر الرئيسي المختار"
    featured_titles = [
        text_of(title) for title in page.select(".front-page__featured .article-card__title")
    ]
    assert featured_titles[:3] == ["مميز 0", "مميز 1", "أحدث مقال"]


@pytest.mark.django_db
def test_the_lead_story_must_be_an_article(editor_client, demo_site):
    home = demo_site["home"]
    data = home_form_data(home, None, [])
    data["lead_article"] = str(demo_site["politics"].pk)
    response = editor_client.post(f"/admin/pages/{home.pk}/edit/", data)
    assert response.status_code == 200
    assert HomePage.objects.get(pk=home.pk).lead_article_id is None

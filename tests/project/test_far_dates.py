"""Issue 13, item 6: a date outside what the site can handle is a field message, never a 500.

``date_to=9999-12-31`` overflowed when the search added a day to it; a date in year 1 overflows
too, once turned into UTC. Every date field a person can type in is tried at both ends.
"""

import pytest
from django.urls import reverse

from tests.articles.test_admin_editing import seed_article_form_data
from tests.comments.conftest import make_comment, moderators_group
from tests.factories import UserFactory
from tests.html import soup_of, text_of

FAR_DATES = ["9999-12-31", "9999-12-30", "0001-01-01", "1000-01-01", "3000-06-15"]


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["date_from", "date_to"])
@pytest.mark.parametrize("far", FAR_DATES)
def test_search_dates_out_of_range_get_a_field_message_in_arabic(client, demo_site, field, far):
    response = client.get(reverse("article_search"), {"q": "الأمن", field: far})
    assert response.status_code == 400
    page = soup_of(response)
    message = text_of(page.select_one(f"#id_{field}").find_parent(class_="search-form__filter"))
    assert "أدخل تاريخاً بين 1900-01-01 و2100-12-31" in message
    assert page.select_one(f"#id_{field}")["value"] == far  # what was typed is kept


@pytest.mark.django_db
def test_search_dates_at_the_edges_of_the_range_are_accepted(client, demo_site):
    edges = {"date_from": "1900-01-01", "date_to": "2100-12-31"}
    response = client.get(reverse("article_search"), {"q": "الأمن", **edges})
    assert response.status_code == 200
    assert "مكافحة الإرهاب" in text_of(soup_of(response))


@pytest.fixture
def editor_client(client, django_user_model):
    user = django_user_model.objects.create_superuser("date-editor", "date@example.com", "pw")
    client.force_login(user)
    return client


@pytest.mark.django_db
@pytest.mark.parametrize("field", ["publication_date", "go_live_at", "expire_at"])
@pytest.mark.parametrize("far", ["9999-12-31 23:59", "0001-01-01 00:00"])
def test_article_dates_out_of_range_are_a_field_error_in_the_editor(
    editor_client, demo_site, field, far
):
    article = demo_site["article"]
    revisions = article.revisions.count()
    data = seed_article_form_data(slug=article.slug, **{field: far, "action-publish": "publish"})
    response = editor_client.post(reverse("wagtailadmin_pages:edit", args=[article.pk]), data)
    assert response.status_code == 200
    wrapper = soup_of(response).select_one(f"#id_{field}").find_parent(attrs={"data-field": True})
    # The errors as written in the markup.
    errors = " ".join(str(wrapper.select_one("[data-field-errors]") or wrapper).split())
    assert "أدخل تاريخاً بين 1900-01-01 و2100-12-31" in errors
    assert article.revisions.count() == revisions  # nothing saved, the form is shown again


@pytest.mark.django_db
@pytest.mark.parametrize("far", FAR_DATES)
def test_the_moderation_queue_date_filter_refuses_far_dates(client, demo_site, far):
    moderator = UserFactory(username="date-moderator")
    moderator.groups.add(moderators_group())
    make_comment(demo_site["article"], body="تعليق حديث")
    client.force_login(moderator)
    queue = reverse("wagtailsnippets_comments_readercomment:list")
    for field in ("created_at_from", "created_at_to"):
        response = client.get(queue, {field: far})
        assert response.status_code == 200, (field, far)

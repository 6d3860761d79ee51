"""Private sections stay private with the one-query restriction check."""

import pytest
from wagtail.models import PageViewRestriction

from tests.factories import make_article


@pytest.mark.django_db
def test_a_password_on_a_section_protects_its_articles(client, demo_site):
    section = demo_site["politics"]
    article = make_article(section, title="خاص")
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    response = client.get(article.url)
    assert response.status_code == 200
    assert "خاص" not in response.content.decode()
    assert b'name="password"' in response.content


@pytest.mark.django_db
def test_login_restriction_on_the_home_page_redirects_anonymous_readers(client, demo_site):
    PageViewRestriction.objects.create(
        page=demo_site["home"], restriction_type=PageViewRestriction.LOGIN
    )
    response = client.get(demo_site["article"].url)
    assert response.status_code == 302


@pytest.mark.django_db
def test_restrictions_of_the_original_apply_to_its_alias(client, demo_site):
    section = demo_site["politics"]
    alias = section.create_alias(update_slug="politics-alias")
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert list(alias.get_view_restrictions()) == list(section.get_view_restrictions())
    assert client.get(alias.url).status_code == 302

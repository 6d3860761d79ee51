"""core/mixins.py reads a page's view restrictions in one query, instead of Wagtail's two."""

import pytest
from wagtail.models import Page, PageViewRestriction

pytestmark = pytest.mark.django_db


def test_our_restrictions_include_every_one_wagtail_finds(demo_site, client):
    section, article = demo_site["politics"], demo_site["article"]
    PageViewRestriction.objects.create(
        page=section, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    wagtails = set(Page.get_view_restrictions(article).values_list("pk", flat=True))
    ours = set(article.get_view_restrictions().values_list("pk", flat=True))
    assert wagtails and wagtails <= ours, (
        "Wagtail finds restrictions our single-query lookup misses: revisit "
        "SingleQueryViewRestrictionsMixin (docs/upgrading.md)"
    )
    # Wagtail's serving still asks the page, so the restriction holds for readers.
    response = client.get(article.url)
    assert response.status_code == 200
    assert "password" in response.content.decode().lower()
    assert article.title not in response.content.decode()

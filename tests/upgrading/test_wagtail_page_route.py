"""home/models.py: ``HomePage.route`` finds sections and articles by ``url_path`` in one query."""

import pytest
from django.test import RequestFactory
from wagtail.models import Page

from articles.models import ArticlePage, SectionPage

pytestmark = pytest.mark.django_db


def test_one_query_routing_finds_what_wagtails_tree_walk_finds(demo_site):
    home = demo_site["home"]
    request = RequestFactory().get("/")
    pages = [
        *SectionPage.objects.live().child_of(home),
        *ArticlePage.objects.live().descendant_of(home),
    ]
    assert pages
    for page in pages:
        components = page.url_path[len(home.url_path) :].strip("/").split("/")
        ours = home.route(request, components)
        wagtails = Page.route(home, request, components)
        assert ours.page.pk == wagtails.page.pk == page.pk, (
            f"routing of {page.url_path} differs from Wagtail's: revisit HomePage.route "
            "(docs/upgrading.md)"
        )

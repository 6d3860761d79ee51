"""The archive addresses articles link to are the ones the home page serves."""

from urllib.parse import quote

import pytest

from core.archives import ARCHIVE_PATHS, archive_url
from home.models import HomePage


@pytest.mark.parametrize("route", sorted(ARCHIVE_PATHS))
def test_core_archive_paths_match_the_home_page_routes(route):
    for slug in ("newsroom", "المغرب"):
        expected = ARCHIVE_PATHS[route].format(slug=quote(slug))
        assert HomePage.get_resolver().reverse(route, slug) == expected


@pytest.mark.django_db
def test_an_author_archive_link_answers(client, demo_site):
    response = client.get(archive_url(demo_site["home"], "author", "newsroom"))
    assert response.status_code == 200

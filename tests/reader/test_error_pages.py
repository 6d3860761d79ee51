"""Error pages speak the reader's language and never need the database to say so."""

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from tests.html import soup_of, text_of


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("prefix", "heading", "direction"),
    [("ar", "الصفحة غير موجودة", "rtl"), ("fr", "Page introuvable", "ltr")],
)
def test_404_in_the_readers_language(client, demo_site, prefix, heading, direction):
    response = client.get(f"/{prefix}/no-such-page/")
    assert response.status_code == 404
    page = soup_of(response)
    assert page.html["lang"] == prefix and page.html["dir"] == direction
    assert text_of(page.h1) == heading
    assert page.select_one("meta[name=robots]")["content"] == "noindex"
    assert page.select_one("main#main") is not None
    assert page.select_one(".skip-link") is not None


@pytest.mark.parametrize(
    ("language", "heading", "direction"),
    [("ar", "حدث خطأ ما", "rtl"), ("fr", "Une erreur s\u2019est produite", "ltr")],
)
def test_500_in_the_readers_language_without_the_database(language, heading, direction):
    # No django_db mark: pytest-django makes any database access in this test an error.
    request = RequestFactory().get(f"/{language}/")
    with translation.override(language):
        response = server_error(request)
    assert response.status_code == 500
    page = soup_of(response)
    assert page.html["lang"] == language and page.html["dir"] == direction
    assert text_of(page.h1) == heading
    assert page.select_one("link[rel=stylesheet]")["href"] == "/static/css/site.css"


@pytest.mark.django_db
def test_an_exception_in_a_page_shows_the_500_page_in_arabic(client, demo_site, monkeypatch):
    from articles.models import ArticlePage

    def broken(self, request, *args, **kwargs):
        raise RuntimeError("the database went away")

    monkeypatch.setattr(ArticlePage, "get_context", broken)
    client.raise_request_exception = False
    response = client.get(demo_site["article"].url)
    assert response.status_code == 500
    assert text_of(soup_of(response).h1) == "حدث خطأ ما"

"""A lost database connection gives readers a short "try again" page, never a stack trace."""

import pytest
from django.db import OperationalError, ProgrammingError

from home.models import HomePage
from tests.html import soup_of, text_of


@pytest.mark.django_db
def test_lost_connection_answers_503_with_retry_after(client, demo_site, monkeypatch):
    def lose_connection(self, request, *args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    monkeypatch.setattr(HomePage, "get_context", lose_connection)
    response = client.get(demo_site["home"].url)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    page = soup_of(response)
    assert page.find("html")["dir"] == "rtl"
    assert text_of(page.find("h1")) == "الموقع غير متاح لحظياً"
    assert b"Traceback" not in response.content


@pytest.mark.django_db
def test_a_programming_error_is_not_disguised_as_an_outage(client, demo_site, monkeypatch):
    def broken_query(self, request, *args, **kwargs):
        raise ProgrammingError("column does not exist")

    monkeypatch.setattr(HomePage, "get_context", broken_query)
    client.raise_request_exception = False
    assert client.get(demo_site["home"].url).status_code == 500


def lose_every_query(execute, sql, params, many, context):
    raise OperationalError("server closed the connection unexpectedly")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("method", "url"),
    [
        ("get", "/"),
        ("get", "/favicon.ico"),
        ("get", "/apple-touch-icon.png"),
        ("get", "/no/such/page/"),
        ("get", "/media/missing.jpg"),
        ("get", "/ar/"),
        ("get", "/fr/"),
        ("get", "/ar/no-such-page/"),
        ("get", "/sitemap.xml"),
        ("get", "/ar/search/?q=x"),
        ("get", "/admin/login/"),
        ("post", "/admin/login/"),
        ("post", "/ar/comments/9/post/"),
    ],
)
def test_every_url_answers_503_while_the_database_is_down(client, demo_site, method, url):
    """Not only the pages: a 404 looked up in the redirects table fails outside any view."""
    from django.db import connection

    client.raise_request_exception = False
    with connection.execute_wrapper(lose_every_query):
        response = getattr(client, method)(url)
    assert response.status_code == 503
    assert response["Retry-After"] == "5"
    heading = "Le site est momentanément indisponible" if url.startswith("/fr/") else None
    assert text_of(soup_of(response).find("h1")) == (heading or "الموقع غير متاح لحظياً")


@pytest.mark.django_db
def test_other_server_errors_outside_a_view_stay_500(client, demo_site, monkeypatch):
    from wagtail.contrib.redirects.middleware import RedirectMiddleware

    def broken(self, request, response):
        raise ProgrammingError("column does not exist")

    monkeypatch.setattr(RedirectMiddleware, "process_response", broken)
    client.raise_request_exception = False
    assert client.get("/favicon.ico").status_code == 500

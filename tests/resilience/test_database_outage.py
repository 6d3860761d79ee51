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

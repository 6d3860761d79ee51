import pytest
from django.urls import reverse
from django.utils import translation


@pytest.fixture
def search_url():
    def url_for(language_code="ar", name="article_search"):
        with translation.override(language_code):
            return reverse(name)

    return url_for


@pytest.fixture
def search(client, search_url):
    """GETs the Arabic search page with the given parameters."""

    def run(q=None, language_code="ar", **params):
        if q is not None:
            params["q"] = q
        return client.get(search_url(language_code), params)

    return run

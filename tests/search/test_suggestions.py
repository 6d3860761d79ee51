"""Suggestions as the reader types, and the same folding in the admin's page search."""

from bs4 import BeautifulSoup
from django.urls import reverse

from tests.factories import UserFactory
from tests.html import text_of

SEED_TITLE = "نهج المغرب في مكافحة الإرهاب والأمن الإقليمي"


def test_suggestions_fold_the_typed_words_and_complete_the_last(demo_site, client, search_url):
    url = search_url(name="article_search_suggestions")

    for typed in ["مكافحه الار", "الإرها", "نهج"]:
        response = client.get(url, {"q": typed})
        assert response.status_code == 200
        assert response.json()["suggestions"] == [
            {"title": SEED_TITLE, "url": demo_site["article"].url}
        ], typed


def test_suggestions_for_nothing_or_nonsense_are_empty(demo_site, client, search_url):
    url = search_url(name="article_search_suggestions")

    for typed in ["", "\x00", "كرة القدم", "&|!:*"]:
        response = client.get(url, {"q": typed})
        assert response.status_code == 200
        assert response.json() == {"suggestions": []}


def test_search_page_loads_the_suggestions_script_and_works_without_it(demo_site, search):
    soup = BeautifulSoup(search("داعش").content, "html.parser")
    field = soup.select_one("#search-query")

    assert soup.select_one("script[src$='js/search.js']").has_attr("defer")
    assert field["data-search-suggestions-url"].endswith("/search/suggestions/")
    assert not soup.select("script:not([src])")
    assert soup.select(".search-result")


def test_admin_page_search_uses_the_same_folding(demo_site, client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))

    response = client.get(reverse("wagtailadmin_pages:search"), {"q": "الارهاب"})
    titles = [text_of(link) for link in BeautifulSoup(response.content, "html.parser").select("a")]

    assert response.status_code == 200
    assert any(SEED_TITLE in title for title in titles)

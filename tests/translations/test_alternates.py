"""hreflang links and the language switcher on every page type, in every language."""

from urllib.parse import urlsplit

import pytest
from wagtail.models import Page

from tests.html import soup_of, text_of

pytestmark = pytest.mark.django_db


def hreflangs(page):
    return {
        link["hreflang"]: link["href"] for link in page.select('link[rel="alternate"][hreflang]')
    }


def versions(demo_site, page):
    return {
        version.locale.language_code: version
        for version in Page.objects.filter(
            translation_key=page.translation_key, alias_of__isnull=True
        ).select_related("locale")
    }


def absolute(page):
    # The site's own address (its hostname in Sites), not whatever host the request came on.
    return page.get_full_url()


@pytest.mark.parametrize("page_name", ["home", "politics"])
@pytest.mark.parametrize("language", ["ar", "fr", "en"])
def test_home_and_section_pages_link_every_language_and_x_default(
    client, demo_site, page_name, language
):
    pages = versions(demo_site, demo_site[page_name])
    response = client.get(pages[language].url)
    assert response.status_code == 200
    links = hreflangs(soup_of(response))
    assert links == {
        "ar": absolute(pages["ar"]),
        "fr": absolute(pages["fr"]),
        "en": absolute(pages["en"]),
        "x-default": absolute(pages["ar"]),
    }


@pytest.mark.parametrize("language", ["ar", "fr"])
def test_article_links_only_its_real_translations(client, demo_site, language):
    pages = versions(demo_site, demo_site["article"])
    assert set(pages) == {"ar", "fr"}  # English is an untranslated copy
    links = hreflangs(soup_of(client.get(pages[language].url)))
    assert links == {
        "ar": absolute(pages["ar"]),
        "fr": absolute(pages["fr"]),
        "x-default": absolute(pages["ar"]),
    }


def test_hreflang_links_are_reciprocal_and_live(client, demo_site):
    links = hreflangs(soup_of(client.get(demo_site["article"].url)))
    for url in links.values():
        response = client.get(urlsplit(url).path)
        assert response.status_code == 200
        assert hreflangs(soup_of(response)) == links


def test_unpublished_translation_is_not_an_alternate(client, demo_site, french_article):
    french_article.unpublish()
    links = hreflangs(soup_of(client.get(demo_site["article"].url)))
    assert set(links) == {"ar", "x-default"}


def test_french_only_article_uses_french_as_x_default(client, demo_site, french_article):
    demo_site["article"].unpublish()
    links = hreflangs(soup_of(client.get(french_article.url)))
    assert links == {"fr": absolute(french_article), "x-default": absolute(french_article)}


def switcher_links(page):
    return {
        link["hreflang"]: link
        for link in page.select(".language-switcher a.language-switcher__link")
    }


def test_switcher_on_arabic_article(client, demo_site, french_article):
    links = switcher_links(soup_of(client.get(demo_site["article"].url)))
    assert list(links) == ["ar", "fr", "en"]
    assert links["ar"]["aria-current"] == "true"
    assert links["fr"]["href"] == french_article.url
    # No English translation yet: the English version of its section, which says so at the
    # top (the #not-translated note, shown by :target), and the link's title says so too.
    english_politics = Page.objects.get(
        translation_key=demo_site["politics"].translation_key, locale__language_code="en"
    )
    assert links["en"]["href"] == english_politics.url + "#not-translated"
    assert links["en"].get("title")
    english = soup_of(client.get(english_politics.url))
    note = english.select_one("#not-translated")
    assert "not available in this language" in text_of(note)
    assert [text_of(link) for link in links.values()] == ["العربيّة", "Français", "English"]
    assert [link["lang"] for link in links.values()] == ["ar", "fr", "en"]


def test_switcher_on_french_section_links_each_section(client, demo_site):
    pages = versions(demo_site, demo_site["politics"])
    links = switcher_links(soup_of(client.get(pages["fr"].url)))
    assert {code: link["href"] for code, link in links.items()} == {
        code: pages[code].url for code in ("ar", "fr", "en")
    }
    assert links["fr"]["aria-current"] == "true"
    assert "aria-current" not in links["ar"].attrs


def test_switcher_is_labelled_in_the_page_language(client, demo_site, french_article):
    arabic = soup_of(client.get(demo_site["article"].url))
    french = soup_of(client.get(french_article.url))
    assert arabic.select_one(".language-switcher")["aria-label"] == "اللغات"
    assert french.select_one(".language-switcher")["aria-label"] == "Langues"


def test_page_chrome_costs_the_same_queries_with_or_without_translations(
    fragments_off, client, demo_site, django_assert_max_num_queries
):
    from tests.factories import make_article

    lone = make_article(demo_site["politics"], title="مقال دون ترجمة", slug="lone")
    client.get(lone.url)
    with django_assert_max_num_queries(16):
        client.get(lone.url)


def test_views_outside_the_page_tree_link_their_other_language_paths(rf, demo_site):
    """Search or comment pages (other apps' views) get alternates from their language prefix."""
    from django.urls import ResolverMatch
    from django.utils import translation

    from translations.alternates import alternates, language_versions

    request = rf.get("/fr/search/?q=maroc")
    request.resolver_match = ResolverMatch(lambda request: None, (), {}, url_name="search")
    with translation.override("fr"):
        links = {link.hreflang: link.url for link in alternates(request, None)}
        switcher = {version.code: version.url for version in language_versions(request, None)}
    assert links == {
        "ar": "http://testserver/ar/search/",
        "fr": "http://testserver/fr/search/",
        "en": "http://testserver/en/search/",
        "x-default": "http://testserver/ar/search/",
    }
    assert switcher["ar"] == "/ar/search/?q=maroc"

"""No interface string in the wrong language on home, section and article pages.

The known strings come from the catalogues themselves: every template string's Arabic and
French translation, and its English original. A French or English page must show none of the
Arabic ones; an Arabic page none of the English originals; an English page none of the French.
"""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from wagtail.models import Locale, Page

from demo.translations import translate_page
from tests.html import soup_of

pytestmark = pytest.mark.django_db

PLACEHOLDER = re.compile(r"%\(\w+\)s|\{\{.*?\}\}")
SHORTEST_TELLING_TEXT = 4  # "By", "Page" or "، " prove nothing on their own


def template_strings(language) -> list[tuple[str, str]]:
    """(English original, translation) of every string the reader templates use."""
    catalogue = polib.pofile(
        str(Path(settings.BASE_DIR) / "locale" / language / "LC_MESSAGES" / "django.po")
    )
    return [
        (entry.msgid, entry.msgstr)
        for entry in catalogue
        if any(path.startswith("templates/") for path, _line in entry.occurrences)
    ]


def telling_pieces(text):
    return [
        piece.strip()
        for piece in PLACEHOLDER.split(text)
        if len(piece.strip()) >= SHORTEST_TELLING_TEXT
    ]


def reader_text(response) -> str:
    """What a reader sees or hears: the visible text and the accessible labels."""
    page = soup_of(response)
    for hidden in page.select("script, style"):
        hidden.decompose()
    labels = [
        element.get(attribute, "")
        for attribute in ("aria-label", "title", "alt", "placeholder")
        for element in page.select(f"[{attribute}]")
    ]
    return " ".join([page.body.get_text(" "), page.title.get_text(), *labels])


def foreign_strings(text, strings, *, use_original):
    found = []
    for original, translated in strings:
        if original == translated or not translated:
            continue
        for piece in telling_pieces(original if use_original else translated):
            if piece in text:
                found.append(piece)
    return found


def version(page, code):
    return Page.objects.get(
        translation_key=page.translation_key, locale=Locale.objects.get(language_code=code)
    )


@pytest.fixture
def pages_in_every_language(demo_site):
    # The demo has no English article: translate it here the same way the demo does.
    article = demo_site["article"]
    english = Locale.objects.get(language_code="en")
    catalogue = {
        entry.msgid: entry.msgid if entry.msgctxt == "slug" else f"English text {number}"
        for number, entry in enumerate(_article_po(article))
    }
    translate_page(article, english, catalogue)
    return {
        code: [version(demo_site[name], code) for name in ("home", "politics", "article")]
        for code in ("ar", "fr", "en")
    }


def _article_po(article):
    from wagtail_localize.models import TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(article.specific)
    return source.export_po()


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_arabic_interface_string_on_french_and_english_pages(
    client, pages_in_every_language, language
):
    arabic = template_strings("ar")
    assert arabic
    for page in pages_in_every_language[language]:
        response = client.get(page.url)
        assert response.status_code == 200
        assert foreign_strings(reader_text(response), arabic, use_original=False) == [], page.url


def test_no_english_original_on_arabic_and_french_pages(client, pages_in_every_language):
    for language in ("ar", "fr"):
        strings = template_strings(language)
        for page in pages_in_every_language[language]:
            text = reader_text(client.get(page.url))
            assert foreign_strings(text, strings, use_original=True) == [], page.url


def test_no_french_interface_string_on_english_pages(client, pages_in_every_language):
    french = template_strings("fr")
    for page in pages_in_every_language["en"]:
        text = reader_text(client.get(page.url))
        assert foreign_strings(text, french, use_original=False) == [], page.url


def test_each_page_speaks_its_language(client, pages_in_every_language):
    expected = {"ar": "العودة إلى الأعلى", "fr": "Retour en haut", "en": "Back to top"}
    for language, pages in pages_in_every_language.items():
        for page in pages:
            response = client.get(page.url)
            assert soup_of(response).html["lang"] == language
            assert expected[language] in reader_text(response), page.url


ARABIC_LETTERS = re.compile(r"[\u0600-\u06FF]+")
# Arabic that belongs on every page: the brand, the language's own name in the switcher, and
# content that has no translation model (authors and tags are shared by all languages).
ARABIC_EVERYWHERE = '[lang="ar"], .site-name, .byline__author, .tag-list'


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_arabic_letters_outside_content_on_french_and_english_pages(
    client, pages_in_every_language, language
):
    from wagtail.models import Site

    site_name = Site.objects.get(is_default_site=True).site_name
    for page in pages_in_every_language[language]:
        soup = soup_of(client.get(page.url))
        for element in soup.select(ARABIC_EVERYWHERE):
            element.decompose()
        text = soup.get_text(" ").replace(site_name, "")
        assert ARABIC_LETTERS.findall(text) == [], page.url


@pytest.mark.parametrize("language", ["fr", "en"])
def test_no_arabic_interface_string_on_the_search_page(client, demo_site, language):
    from django.urls import reverse
    from django.utils import translation

    arabic = template_strings("ar")
    with translation.override(language):
        url = reverse("article_search")
    for query in ("terrorisme", "zzzz-nothing-matches", ""):
        response = client.get(url, {"q": query})
        assert response.status_code == 200
        assert foreign_strings(reader_text(response), arabic, use_original=False) == [], query


@pytest.mark.parametrize("language", ["fr", "en"])
def test_comment_errors_speak_the_page_language(client, pages_in_every_language, language):
    from django.urls import reverse
    from django.utils import translation

    arabic = template_strings("ar")
    article = pages_in_every_language[language][2]
    with translation.override(language):
        url = reverse("comments:post", args=(article.pk,))
    response = client.post(url, {"name": "", "email": "not-an-address", "body": ""})
    assert response.status_code in (400, 403)
    assert soup_of(response).html["lang"] == language
    assert foreign_strings(reader_text(response), arabic, use_original=False) == []

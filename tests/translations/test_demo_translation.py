"""The demo's French seed article: made through wagtail-localize, read as French."""

import pytest
from wagtail.models import Locale, Page
from wagtail_localize.models import LocaleSynchronization, Translation, TranslationSource

from articles.models import ArticlePage
from tests.html import soup_of, text_of

pytestmark = pytest.mark.django_db


def section_headings(page):
    return [text_of(heading) for heading in page.select(".article__body h2")]


def test_french_article_was_made_with_wagtail_localize(demo_site, french_article):
    source = TranslationSource.objects.get(object_id=demo_site["article"].translation_key)
    assert source.locale.language_code == "ar"
    translation = Translation.objects.get(source=source, target_locale__language_code="fr")
    assert translation.enabled
    assert translation.get_progress()[0] == translation.get_progress()[1]  # every string done
    assert french_article.alias_of_id is None
    assert french_article.live


def test_french_article_renders_in_french_left_to_right(client, demo_site, french_article):
    response = client.get(french_article.url)
    assert response.status_code == 200
    assert french_article.url.startswith("/fr/")
    page = soup_of(response)
    assert page.html["lang"] == "fr"
    assert page.html["dir"] == "ltr"
    assert text_of(page.h1).startswith("L\u2019approche du Maroc")
    assert text_of(page.select_one(".skip-link")) == "Aller au contenu"


def test_french_article_keeps_the_sections_numbering_and_lists(client, demo_site, french_article):
    arabic = soup_of(client.get(demo_site["article"].url))
    french = soup_of(client.get(french_article.url))
    arabic_headings, french_headings = section_headings(arabic), section_headings(french)
    assert len(french_headings) == len(arabic_headings) == 6
    numbers = [heading.split(" ", 1)[0] for heading in french_headings[:5]]
    assert numbers == ["1.", "2.", "3.", "4.", "5."]
    assert french_headings[0] == (
        "1. La stratégie sécuritaire : une approche proactive face au terrorisme"
    )
    assert french_headings[5] == "Conclusion"  # unnumbered, as in Arabic
    assert len(french.select(".article__body li")) == len(arabic.select(".article__body li")) == 15
    leads = french.select(".article__body li strong")
    assert len(leads) == 9
    assert text_of(leads[0]) == "Un renseignement précis :"


def test_french_article_switcher_goes_back_to_the_arabic_page(client, demo_site, french_article):
    page = soup_of(client.get(french_article.url))
    arabic_link = page.select_one('.language-switcher a[hreflang="ar"]')
    assert arabic_link["href"] == demo_site["article"].url
    arabic = soup_of(client.get(arabic_link["href"]))
    assert arabic.html["lang"] == "ar"
    assert arabic.html["dir"] == "rtl"


def test_french_and_english_trees_are_synchronised_from_arabic(demo_site):
    arabic = Locale.objects.get(language_code="ar")
    for code in ("fr", "en"):
        sync = LocaleSynchronization.objects.get(locale__language_code=code)
        assert sync.sync_from == arabic
    for page in Page.objects.filter(locale=arabic, depth__gt=1):
        counterparts = Page.objects.filter(translation_key=page.translation_key)
        assert sorted(counterparts.values_list("locale__language_code", flat=True)) == [
            "ar",
            "en",
            "fr",
        ], page.title


def test_untranslated_copy_sends_readers_to_the_arabic_article(client, demo_site):
    english_copy = ArticlePage.objects.get(
        translation_key=demo_site["article"].translation_key, locale__language_code="en"
    )
    assert english_copy.alias_of_id == demo_site["article"].pk
    response = client.get(english_copy.url)
    assert response.status_code == 302
    assert response["Location"] == demo_site["article"].url


def english_translations():
    return ArticlePage.objects.filter(locale__language_code="en", alias_of__isnull=True)


def test_english_home_lists_no_untranslated_copies(client, demo_site):
    english_home = Page.objects.get(depth=2, locale__language_code="en")
    page = soup_of(client.get(english_home.url))
    assert page.html["lang"] == "en"
    titles = {text_of(card) for card in page.select(".article-card__title")}
    # The demo's English stories, and not one of the Arabic ones the English tree copies.
    assert titles == {article.title for article in english_translations()}
    assert len(titles) == 3
    assert [text_of(link) for link in page.select(".section-nav--wide a")] == [
        "Home",
        "Politics",
        "Economy",
        "Society",
        "Culture",
        "Sports",
    ]


def test_french_home_lists_the_french_article(client, demo_site, french_article):
    french_home = Page.objects.get(depth=2, locale__language_code="fr")
    page = soup_of(client.get(french_home.url))
    # The front page shows it as the lead story and again in its section's block; every card
    # is the French article, none the Arabic original or an untranslated copy.
    titles = {
        text_of(card.select_one(".article-card__title")) for card in page.select(".article-card")
    }
    french = ArticlePage.objects.filter(locale__language_code="fr", alias_of__isnull=True)
    assert french_article.title in titles
    assert titles == {article.title for article in french}


def test_demo_command_leaves_pages_editors_added_alone(demo_site, caplog):
    from demo.builder import build_demo_content
    from tests.factories import make_section

    make_section(demo_site["home"], "تكنولوجيا", "technology")
    society = demo_site["home"].get_children().get(slug="society").specific
    french_society = Page.objects.get(
        translation_key=society.translation_key, locale__language_code="fr"
    )
    french_society.delete()  # the demo would translate it again, but its Arabic title changed
    society.title = "مجتمعات"
    society.save_revision().publish()

    report = build_demo_content()

    assert report.created == []
    assert "not made" in caplog.text
    technology = Page.objects.filter(slug="technology")
    is_alias = {page.locale.language_code: page.alias_of_id is not None for page in technology}
    assert is_alias == {"ar": False, "fr": True, "en": True}  # synced, left untranslated

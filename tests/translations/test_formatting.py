"""Dates and numbers in the reader's language, with the site's choice of Arabic digits."""

import datetime

import pytest
from django.utils import timezone
from wagtail.models import Site

from tests.html import soup_of, text_of
from translations.models import ArabicDigits, NumberFormattingSettings

# The demo's own stories would fill these listings: they count what the tests add.
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("only_the_seed_article")]

PUBLISHED = timezone.make_aware(datetime.datetime(2026, 3, 14, 10, 0))


@pytest.fixture
def dated(demo_site, french_article):
    for article in (demo_site["article"], french_article):
        article.publication_date = PUBLISHED
        article.save_revision().publish()
    return demo_site


def byline_date(client, page):
    return text_of(soup_of(client.get(page.url)).select_one(".article__byline time"))


def section_numbers(client, page):
    return [text_of(number) for number in soup_of(client.get(page.url)).select(".section-number")]


def use_digits(digits):
    setting = NumberFormattingSettings.for_site(Site.objects.get(is_default_site=True))
    setting.arabic_digits = digits
    setting.save()


def test_dates_have_arabic_and_french_month_names(client, dated, french_article):
    assert byline_date(client, dated["article"]) == "14 مارس، 2026"
    assert byline_date(client, french_article) == "14 mars 2026"


def test_western_digits_are_the_default(client, dated):
    assert NumberFormattingSettings.for_site(Site.objects.get()).arabic_digits == "western"
    # Each number shows twice: in the table of contents and on the section's heading.
    assert section_numbers(client, dated["article"])[:5] == ["1.", "2.", "3.", "4.", "5."]


def test_eastern_digits_on_arabic_pages_when_the_site_asks(client, dated, french_article):
    use_digits(ArabicDigits.EASTERN)
    assert byline_date(client, dated["article"]) == "١٤ مارس، ٢٠٢٦"
    eastern_one_to_five = [f"{digit}." for digit in "\u0661\u0662\u0663\u0664\u0665"]
    assert section_numbers(client, dated["article"])[:5] == eastern_one_to_five
    footer = text_of(soup_of(client.get(dated["article"].url)).select_one(".site-footer"))
    assert str(timezone.now().year) not in footer
    # French pages keep Western digits.
    assert byline_date(client, french_article) == "14 mars 2026"
    assert section_numbers(client, french_article)[:5] == ["1.", "2.", "3.", "4.", "5."]


def test_eastern_digits_on_listing_cards(client, dated):
    use_digits(ArabicDigits.EASTERN)
    page = soup_of(client.get(dated["home"].url))
    assert text_of(page.select_one(".article-card time")) == "١٤ مارس، ٢٠٢٦"

"""What every page shares: the date bar, the masthead, the phone menu, the footer and feeds."""

from datetime import date

import pytest
from django.utils import timezone
from wagtail.models import Site

from tests.html import soup_of, text_of

pytestmark = pytest.mark.django_db


def test_date_bar_gives_today_in_the_gregorian_and_hijri_calendars(client, demo_site, settings):
    page = soup_of(client.get(demo_site["home"].url))
    bar = page.select_one(".date-bar")
    assert bar.time["datetime"] == timezone.localdate().isoformat()
    assert text_of(bar).endswith("هـ")


def test_hijri_date_is_umm_al_qura_with_arabic_and_french_month_names(rf):
    from django.utils import translation

    from translations.formatting import hijri_date

    request = rf.get("/")
    with translation.override("ar"):
        assert hijri_date(date(2026, 11, 30), request) == "20 جمادى الآخرة 1448 هـ"
        assert hijri_date(date(2026, 2, 19), request) == "2 رمضان 1447 هـ"
    with translation.override("fr"):
        assert hijri_date(date(2026, 11, 30), request) == "20 Joumada ath-thania 1448 H"
    assert hijri_date(date(2100, 1, 1), request) == ""  # beyond the Umm al-Qura tables


def test_date_bar_follows_the_digits_setting(client, demo_site):
    from translations.models import ArabicDigits, NumberFormattingSettings

    setting = NumberFormattingSettings.for_site(Site.objects.get(is_default_site=True))
    setting.arabic_digits = ArabicDigits.EASTERN
    setting.save()
    bar = text_of(soup_of(client.get(demo_site["home"].url)).select_one(".date-bar"))
    assert not any(digit in bar for digit in "0123456789")
    assert "١٤٤" in bar  # the Hijri year, 144x


def test_masthead_shows_the_built_in_emblem_until_a_logo_is_uploaded(client, demo_site):
    from home.branding import SiteIdentitySettings
    from tests.factories import make_image

    brand = soup_of(client.get(demo_site["home"].url)).select_one(".site-brand")
    assert brand.img["src"].endswith("img/logo.svg")
    assert text_of(brand.select_one(".site-name")) == "أخبار"

    identity = SiteIdentitySettings.for_site(Site.objects.get(is_default_site=True))
    identity.logo = make_image("شعار", 400, 120)
    identity.logo_shows_name = True
    identity.facebook_url = "https://facebook.example/akhbar"
    identity.save()
    page = soup_of(client.get(demo_site["home"].url))
    brand = page.select_one(".site-brand")
    assert "/media/images/" in brand.img["src"]
    assert brand.img["alt"] == "أخبار"  # the logo spells the name: it is its text
    assert brand.select_one(".site-name") is None
    social = page.select_one(".social-links a")
    assert social["href"] == "https://facebook.example/akhbar"
    assert text_of(social) == "Facebook"


def test_phone_menu_is_a_details_element_with_every_section(client, demo_site):
    page = soup_of(client.get(demo_site["politics"].url))
    menu = page.select_one("details.site-menu")
    assert text_of(menu.summary) == "الأقسام"
    wide = [text_of(a) for a in page.select(".section-nav--wide a")]
    assert [text_of(a) for a in menu.select("a")] == wide
    assert wide[0] == "الرئيسية" and "سياسة" in wide
    current = menu.select_one("a[aria-current]")
    assert text_of(current) == "سياسة" and current["aria-current"] == "page"


@pytest.mark.parametrize("page_name", ["home", "politics", "article"])
def test_feeds_are_linked_visibly_with_the_feed_icon(client, demo_site, page_name):
    page = soup_of(client.get(demo_site[page_name].url))
    feeds = page.select(".site-footer a.feed-link")
    hrefs = [a["href"] for a in feeds]
    assert demo_site["home"].url + "feed/" in hrefs
    assert demo_site["politics"].url + "feed/" in hrefs
    assert all(a.select_one("svg.feed-icon") for a in feeds)
    for href in hrefs[:2]:
        response = client.get(href)
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")


def test_section_page_links_its_own_feed_with_the_icon(client, demo_site):
    page = soup_of(client.get(demo_site["politics"].url))
    link = page.select_one(".listing-page__feed a")
    assert link["href"] == demo_site["politics"].url + "feed/"
    assert link.select_one("svg.feed-icon")


def test_article_links_its_section_feed(client, demo_site):
    page = soup_of(client.get(demo_site["article"].url))
    link = page.select_one(".article__footer a.feed-link")
    assert link["href"] == demo_site["politics"].url + "feed/"


def test_footer_lists_sections_and_says_who_owns_the_site(client, demo_site):
    footer = soup_of(client.get(demo_site["article"].url)).select_one(".site-footer")
    sections = [text_of(a) for a in footer.select("#footer-sections-title + ul a")]
    assert sections == ["سياسة", "اقتصاد", "مجتمع", "ثقافة", "رياضة"]
    assert "جميع الحقوق محفوظة" in text_of(footer.select_one(".site-footer__copyright"))

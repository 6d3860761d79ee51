"""Issue 13, item 5: no control character in any text breaks a feed, a page or a sitemap.

A vertical tab (Word's Shift+Enter) in one title made the home and section feeds answer 500 for
everyone. Every C0 and C1 control character is tried, in every kind of text: cleaned when saved,
and cleaned on the way out when it reached the database without a save (a bulk import).
"""

import re
import xml.etree.ElementTree as ElementTree
from urllib.parse import urlsplit

import pytest
from django.db import connection
from taggit.models import Tag
from taggit.utils import parse_tags

from articles.models import ArticlePage, Author
from tests.factories import AuthorFactory, make_article, make_image
from tests.reader.test_feeds_and_discovery import SITEMAP, parse_rss

# Every C0 control except tab, newline and carriage return, DEL, and every C1 control.
CONTROLS = "".join(
    chr(code) for code in [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
)
ANY_CONTROL = re.compile(f"[{re.escape(CONTROLS)}]")
ANY_CONTROL_BYTE = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]")


def sprinkled(text: str, controls: str = CONTROLS) -> str:
    """``text`` with a vertical tab between its words, then every control character."""
    return text.replace(" ", "\x0b") + controls


def storable(text: str) -> str:
    """``sprinkled`` with what the database can hold: PostgreSQL stores no NUL at all."""
    controls = CONTROLS.replace("\x00", "") if connection.vendor == "postgresql" else CONTROLS
    return sprinkled(text, controls)


def assert_clean_output(response):
    assert response.status_code == 200, response.status_code
    assert not ANY_CONTROL_BYTE.search(response.content)


def test_the_control_list_is_complete():
    assert len(CONTROLS) == 29 + 1 + 32


def test_the_quick_scan_finds_every_control_and_nothing_else():
    """The way out checks each page with ``has_control_bytes`` before cleaning anything: it
    must see every control character, in Arabic and French text, and no ordinary one."""
    from core.output import clean_bytes, has_control_bytes

    page = "<p>خاتمة « l\u2019été » 1\u00a0000</p>"
    for code in range(0x3000):  # every one- and two-byte character, and Arabic
        if 0xD800 <= code <= 0xDFFF:
            continue
        content = (page + chr(code) + page).encode()
        expected = bool(ANY_CONTROL_BYTE.search(content))
        assert has_control_bytes(content) is expected, hex(code)
        assert (clean_bytes(content) != content) is expected, hex(code)
    assert not has_control_bytes(page.encode())


@pytest.mark.django_db
def test_text_saved_with_control_characters_is_stored_without_them(demo_site):
    author = AuthorFactory(name=sprinkled("ليلى المراكشي"), bio=sprinkled("كاتبة في السياسة"))
    image = make_image(title=sprinkled("صورة الميناء"))
    article = make_article(
        demo_site["politics"],
        title=sprinkled("عنوان فيه فاصل"),
        standfirst=sprinkled("سطر أول ثم سطر ثان"),
        seo_title=sprinkled("عنوان للبحث"),
        search_description=sprinkled("وصف للبحث"),
        lead_image=image,
        lead_image_alt_text=sprinkled("وصف الصورة"),
        lead_image_caption=sprinkled("تعليق الصورة"),
        authors=[author],
    )
    # As the editor's tag field reads them (taggit's parser, settings.TAGGIT_TAGS_FROM_STRING).
    article.tags.add(*parse_tags(sprinkled("أمن إقليمي")))
    article.save_revision().publish()

    article = ArticlePage.objects.get(pk=article.pk)
    author.refresh_from_db()
    image.refresh_from_db()
    one_line = [
        article.title,
        article.draft_title,
        article.seo_title,
        article.lead_image_alt_text,
        article.lead_image_caption,
        author.name,
        image.title,
        *Tag.objects.values_list("name", flat=True),
    ]
    for text in [*one_line, article.standfirst, article.search_description, author.bio]:
        assert not ANY_CONTROL.search(text), repr(text)
    # A line-ending control keeps the words apart: a space in one-line text, a line break in
    # a paragraph.
    assert article.title.strip() == "عنوان فيه فاصل"
    assert author.name.strip() == "ليلى المراكشي"
    paragraph = "سطر أول ثم سطر ثان"
    assert article.standfirst.strip() == paragraph.replace(" ", "\n")
    assert not ANY_CONTROL.search(str(article.get_latest_revision().content))


@pytest.mark.django_db
def test_text_that_skipped_the_save_still_reaches_readers_without_them(client, demo_site):
    """What an importer writes straight to the database: feeds, pages and sitemap still work."""
    section = demo_site["politics"]
    author = AuthorFactory(name="كاتب")
    article = make_article(section, title="عنوان مؤقت", authors=[author])
    ArticlePage.objects.filter(pk=article.pk).update(
        title=storable("عنوان مستورد"),
        standfirst=storable("مقدمة مستوردة"),
        seo_title=storable("عنوان البحث"),
        search_description=storable("وصف البحث"),
    )
    Author.objects.filter(pk=author.pk).update(name=storable("كاتب مستورد"))

    home = demo_site["home"]
    for feed_url in (home.url + "feed/", section.url + "feed/"):
        response = client.get(feed_url)
        assert_clean_output(response)
        item = parse_rss(response).find("item")
        assert item.findtext("title").split() == ["عنوان", "مستورد"]
        assert "مستوردة" in item.findtext("description")

    for url in (home.url, section.url, ArticlePage.objects.get(pk=article.pk).url):
        assert_clean_output(client.get(url))
    index = client.get("/sitemap.xml")
    assert_clean_output(index)
    for location in ElementTree.fromstring(index.content).iter(f"{SITEMAP}loc"):
        sitemap = client.get(urlsplit(location.text).path)
        assert_clean_output(sitemap)
        ElementTree.fromstring(sitemap.content)

"""Section numbers come from the order of numbered sections, never from the editor."""

import pytest

from articles.numbering import heading_anchor
from tests.factories import make_article
from tests.html import soup_of, text_of


def section(heading, unnumbered=False):
    return {
        "type": "headed_section",
        "value": {
            "heading": heading,
            "unnumbered": unnumbered,
            "content": [{"type": "paragraph", "value": f"<p>عن {heading}</p>"}],
        },
    }


def headings(client, article):
    return [text_of(h2) for h2 in soup_of(client.get(article.url)).select(".article__body h2")]


@pytest.mark.django_db
def test_reordering_two_sections_renumbers_them(client, demo_site):
    article = make_article(
        demo_site["politics"], body=[section("الأمن"), section("الاقتصاد"), section("خاتمة", True)]
    )
    assert headings(client, article) == ["1. الأمن", "2. الاقتصاد", "خاتمة"]

    first, second, closing = article.body.raw_data
    article.body = [second, first, closing]
    article.save_revision().publish()

    assert headings(client, article) == ["1. الاقتصاد", "2. الأمن", "خاتمة"]


@pytest.mark.django_db
def test_an_unnumbered_section_between_numbered_ones_takes_no_number(client, demo_site):
    article = make_article(
        demo_site["politics"],
        body=[section("أولا"), section("استطراد", unnumbered=True), section("ثانيا")],
    )
    assert headings(client, article) == ["1. أولا", "استطراد", "2. ثانيا"]


@pytest.mark.django_db
def test_numbering_switched_off_for_the_whole_article(client, demo_site):
    article = make_article(
        demo_site["politics"], body=[section("أولا"), section("ثانيا")], number_sections=False
    )
    assert headings(client, article) == ["أولا", "ثانيا"]


@pytest.mark.django_db
def test_sections_with_the_same_heading_get_distinct_anchors(client, demo_site):
    article = make_article(demo_site["politics"], body=[section("خلفية"), section("خلفية")])
    ids = [h2["id"] for h2 in soup_of(client.get(article.url)).select(".article__body h2")]
    assert ids == ["section-خلفية", "section-خلفية-2"]


def test_anchor_keeps_arabic_letters_and_drops_tashkeel_and_punctuation():
    assert heading_anchor("الأمنُ: نهجٌ استباقي!", set()) == "section-الأمن-نهج-استباقي"


def test_anchor_of_a_heading_without_letters_is_still_valid():
    taken = set()
    assert heading_anchor("؟؟", taken) == "section-1"
    assert heading_anchor("!!", taken) == "section-1-2"

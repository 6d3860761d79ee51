"""The article card's markup, variant by variant, as readers have always received it.

The expected markup below was written from what the card's template drew before the card was
drawn in Python (articles/card_display.py): each variant a listing asks for, with and without
a picture, with no, one and two authors, and an untranslated Arabic headline on a French page.
Rendition addresses differ from run to run (the picture's file name); they are written here
as the rendition's filter spec in braces.
"""

import datetime

import pytest
from django.db import connection
from django.template import engines
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from wagtail.models import Locale

from articles.cards import read_cards
from articles.models import ArticlePage, SectionPage
from tests.factories import AuthorFactory, make_article, make_image

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("only_the_seed_article")]

PUBLISHED = timezone.make_aware(datetime.datetime(2026, 3, 14, 10, 5, 7))
LONG_STANDFIRST = " ".join(f"كلمة{number}" for number in range(1, 46))


@pytest.fixture
def cards(demo_site):
    politics = demo_site["politics"]
    french_politics = SectionPage.objects.get(
        translation_key=politics.translation_key, locale=Locale.objects.get(language_code="fr")
    )
    first = AuthorFactory(name="ليلى بنعلي", slug="leila-benali")
    second = AuthorFactory(name="Omar & <Co>", slug="عمر-و-شركاه")
    picture = make_image("مشهد", 1600, 900)
    made = {
        "two authors": make_article(
            politics,
            title='الانتخابات "المحلية" & النتائج',
            slug="local-elections",
            standfirst=LONG_STANDFIRST,
            authors=[first, second],
            publication_date=PUBLISHED,
            lead_image=picture,
        ),
        "no author": make_article(
            politics,
            title="خبر بلا صورة",
            slug="خبر-بلا-صورة",
            standfirst="مقدمة <قصيرة>.",
            publication_date=PUBLISHED,
        ),
        "one author": make_article(
            politics,
            title="خبر بكاتب واحد",
            slug="one-author",
            standfirst="مقدمة.",
            authors=[first],
            publication_date=PUBLISHED,
            lead_image=picture,
        ),
        "french": make_article(
            french_politics,
            title="عنوان لم يترجم بعد",
            slug="titre-non-traduit",
            standfirst="Un chapeau en français.",
            authors=[first],
            publication_date=PUBLISHED,
        ),
    }
    loaded = {card.pk: card for card in read_cards(ArticlePage, [a.pk for a in made.values()])}
    sections = {"ar": politics, "fr": french_politics}
    return {name: (loaded[article.pk], sections) for name, article in made.items()}


EXPECTED = {
    ("two authors", "default", "ar"): (
        '<article class="article-card">\n'
        '    <img alt="" class="article-card__image" height="180" sizes="(min-width:'
        ' 64rem) 22rem, (min-width: 48rem) 45vw, 100vw" src="{fill-320x180}"'
        ' srcset="{fill-320x180} 320w, {fill-640x360} 640w, {fill-960x540} 960w"'
        ' width="320">\n'
        '    <div class="article-card__text">\n'
        '        <p class="article-card__section"><a href="/ar/politics/">سياسة</a></p>\n'
        '        <h3 class="article-card__title"><a'
        ' href="/ar/politics/local-elections/">الانتخابات &quot;المحلية&quot; &amp;'
        " النتائج</a></h3>\n"
        '        <p class="article-card__standfirst">كلمة1 كلمة2 كلمة3 كلمة4 كلمة5 كلمة6'
        " كلمة7 كلمة8 كلمة9 كلمة10 كلمة11 كلمة12 كلمة13 كلمة14 كلمة15 كلمة16 كلمة17"
        " كلمة18 كلمة19 كلمة20 كلمة21 كلمة22 كلمة23 كلمة24 كلمة25 كلمة26 كلمة27 كلمة28"
        " كلمة29 كلمة30 كلمة31 كلمة32 كلمة33 كلمة34 كلمة35 كلمة36 كلمة37 كلمة38 كلمة39"
        " كلمة40 …</p>\n"
        '        <p class="article-card__meta"><span class="byline__authors">بقلم <a'
        ' class="byline__author" rel="author" href="/ar/authors/leila-benali/"><bdi'
        ' class="byline__author-name">ليلى بنعلي</bdi></a>، <a class="byline__author"'
        ' rel="author"'
        ' href="/ar/authors/%D8%B9%D9%85%D8%B1-%D9%88-%D8%B4%D8%B1%D9%83%D8%A7%D9%87/"><bdi'
        ' class="byline__author-name">Omar &amp; &lt;Co&gt;</bdi></a></span> · \n'
        '<time datetime="2026-03-14T10:05:07+00:00">14 مارس، 2026</time></p>\n'
        "    </div>\n"
        "</article>\n"
    ),
    ("two authors", "lead", "ar"): (
        '<article class="article-card article-card--lead">\n'
        '    <img alt="" class="article-card__image" fetchpriority="high" height="180"'
        ' sizes="(min-width: 72rem) 44rem, (min-width: 48rem) 62vw, 100vw"'
        ' src="{fill-320x180}" srcset="{fill-320x180} 320w, {fill-640x360} 640w,'
        ' {fill-960x540} 960w, {fill-1280x720} 1280w" width="320">\n'
        '    <div class="article-card__text">\n'
        '        <p class="article-card__section"><a href="/ar/politics/">سياسة</a></p>\n'
        '        <h3 class="article-card__title"><a'
        ' href="/ar/politics/local-elections/">الانتخابات &quot;المحلية&quot; &amp;'
        " النتائج</a></h3>\n"
        '        <p class="article-card__standfirst">كلمة1 كلمة2 كلمة3 كلمة4 كلمة5 كلمة6'
        " كلمة7 كلمة8 كلمة9 كلمة10 كلمة11 كلمة12 كلمة13 كلمة14 كلمة15 كلمة16 كلمة17"
        " كلمة18 كلمة19 كلمة20 كلمة21 كلمة22 كلمة23 كلمة24 كلمة25 كلمة26 كلمة27 كلمة28"
        " كلمة29 كلمة30 كلمة31 كلمة32 كلمة33 كلمة34 كلمة35 كلمة36 كلمة37 كلمة38 كلمة39"
        " كلمة40 …</p>\n"
        '        <p class="article-card__meta"><span class="byline__authors">بقلم <a'
        ' class="byline__author" rel="author" href="/ar/authors/leila-benali/"><bdi'
        ' class="byline__author-name">ليلى بنعلي</bdi></a>، <a class="byline__author"'
        ' rel="author"'
        ' href="/ar/authors/%D8%B9%D9%85%D8%B1-%D9%88-%D8%B4%D8%B1%D9%83%D8%A7%D9%87/"><bdi'
        ' class="byline__author-name">Omar &amp; &lt;Co&gt;</bdi></a></span> · \n'
        '<time datetime="2026-03-14T10:05:07+00:00">14 مارس، 2026</time></p>\n'
        "    </div>\n"
        "</article>\n"
    ),
    ("two authors", "lazy", "ar"): (
        '<article class="article-card">\n'
        '    <img alt="" class="article-card__image" decoding="async" height="180"'
        ' loading="lazy" sizes="(min-width: 64rem) 22rem, (min-width: 48rem) 45vw,'
        ' 100vw" src="{fill-320x180}" srcset="{fill-320x180} 320w, {fill-640x360} 640w,'
        ' {fill-960x540} 960w" width="320">\n'
        '    <div class="article-card__text">\n'
        '        <p class="article-card__section"><a href="/ar/politics/">سياسة</a></p>\n'
        '        <h3 class="article-card__title"><a'
        ' href="/ar/politics/local-elections/">الانتخابات &quot;المحلية&quot; &amp;'
        " النتائج</a></h3>\n"
        '        <p class="article-card__standfirst">كلمة1 كلمة2 كلمة3 كلمة4 كلمة5 كلمة6'
        " كلمة7 كلمة8 كلمة9 كلمة10 كلمة11 كلمة12 كلمة13 كلمة14 كلمة15 كلمة16 كلمة17"
        " كلمة18 كلمة19 كلمة20 كلمة21 كلمة22 كلمة23 كلمة24 كلمة25 كلمة26 كلمة27 كلمة28"
        " كلمة29 كلمة30 كلمة31 كلمة32 كلمة33 كلمة34 كلمة35 كلمة36 كلمة37 كلمة38 كلمة39"
        " كلمة40 …</p>\n"
        '        <p class="article-card__meta"><span class="byline__authors">بقلم <a'
        ' class="byline__author" rel="author" href="/ar/authors/leila-benali/"><bdi'
        ' class="byline__author-name">ليلى بنعلي</bdi></a>، <a class="byline__author"'
        ' rel="author"'
        ' href="/ar/authors/%D8%B9%D9%85%D8%B1-%D9%88-%D8%B4%D8%B1%D9%83%D8%A7%D9%87/"><bdi'
        ' class="byline__author-name">Omar &amp; &lt;Co&gt;</bdi></a></span> · \n'
        '<time datetime="2026-03-14T10:05:07+00:00">14 مارس، 2026</time></p>\n'
        "    </div>\n"
        "</article>\n"
    ),
    ("two authors", "featured", "ar"): (
        '<article class="article-card article-card--featured">\n'
        '    <img alt="" class="article-card__image" height="180" sizes="(min-width:'
        ' 64rem) 22rem, (min-width: 48rem) 45vw, 100vw" src="{fill-320x180}"'
        ' srcset="{fill-320x180} 320w, {fill-640x360} 640w, {fill-960x540} 960w"'
        ' width="320">\n'
        '    <div class="article-card__text">\n'
        '        <p class="article-card__section"><a href="/ar/politics/">سياسة</a></p>\n'
        '        <h3 class="article-card__title"><a'
        ' href="/ar/politics/local-elections/">الانتخابات &quot;المحلية&quot; &amp;'
        " النتائج</a></h3>\n"
        "        \n"
        '        <p class="article-card__meta"><span class="byline__authors">بقلم <a'
        ' class="byline__author" rel="author" href="/ar/authors/leila-benali/"><bdi'
        ' class="byline__author-name">ليلى بنعلي</bdi></a>، <a class="byline__author"'
        ' rel="author"'
        ' href="/ar/authors/%D8%B9%D9%85%D8%B1-%D9%88-%D8%B4%D8%B1%D9%83%D8%A7%D9%87/"><bdi'
        ' class="byline__author-name">Omar &amp; &lt;Co&gt;</bdi></a></span> · \n'
        '<time datetime="2026-03-14T10:05:07+00:00">14 مارس، 2026</time></p>\n'
        "    </div>\n"
        "</article>\n"
    ),
    ("two authors", "section box", "ar"): (
        '<article class="article-card">\n'
        '    <img alt="" class="article-card__image" decoding="async" height="180"'
        ' loading="lazy" sizes="(min-width: 64rem) 22rem, (min-width: 48rem) 45vw,'
        ' 100vw" src="{fill-320x180}" srcset="{fill-320x180} 320w, {fill-640x360} 640w,'
        ' {fill-960x540} 960w" width="320">\n'
        '    <div class="article-card__text">\n'
        "        \n"
        '        <h3 class="article-card__title"><a'
        ' href="/ar/politics/local-elections/">الانتخابات &quot;المحلية&quot; &amp;'
        " النتائج</a></h3>\n"
        "        \n"
        '        <p class="article-card__meta"><span class="byline__authors">بقلم <a'
        ' class="byline__author" rel="author" href="/ar/authors/leila-benali/"><bdi'
        ' class="byline__author-name">ليلى بنعلي</bdi></a>، <a class="byline__author"'
        ' rel="author"'
        ' href="/ar/authors/%D8%B9%D9%85%D8%B1-%D9%88-%D8%B4%D8%B1%D9%83%D8%A7%D9%87/"><bdi'
        ' class="byline__author-name">Omar &amp; &lt;Co&gt;</bdi></a></span> · \n'
        '<time datetime="2026-03-14T10:05:07+00:00">14 مارس، 2026</time></p>\n'
        "    </div>\n"
        "</article>\n"
    ),
    ("two authors", "related", "ar"): (
        '<article class="article-card">\n'
        '    <img alt="" class="article-card__image" height="180" sizes="(min-width:'
        ' 64rem) 22rem, (min-width: 48rem) 45vw, 100vw" src="{fill-320x180}"'
        ' srcset="{fill-320x180} 320w, {fill-640x360} 640w, {fill-960x540} 960w"'
        ' width="320">\n'
        '    <div class="article-card__text">\n'
        '        <p class="article-card__section"><a href="/ar/politics/">سياسة</a></p>\n'
        '        <h3 class="article-card__title"><a'
        ' href="/ar/politics/local-elections/">الانتخابات &quot;المحلية&quot; &amp;'
        " النتائج</a></h3>\n"
        "        \n"
        '        <p class="article-card__meta"><span class="byline__authors">بقلم <a'
        ' class="byline__author" rel="author" href="/ar/authors/leila-benali/"><bdi'
        ' class="byline__author-name">ليلى بنعلي</bdi></a>، <a class="byline__author"'
        ' rel="author"'
        ' href="/ar/authors/%D8%B9%D9%85%D8%B1-%D9%88-%D8%B4%D8%B1%D9%83%D8%A7%D9%87/"><bdi'
        ' class="byline__author-name">Omar &amp; &lt;Co&gt;</bdi></a></span> · \n'
        '<time datetime="2026-03-14T10:05:07+00:00">14 مارس، 2026</time></p>\n'
        "    </div>\n"
        "</article>\n"
    ),
    ("no author", "default", "ar"): (
        '<article class="article-card">\n'
        "    \n"
        '    <div class="article-card__text">\n'
        '        <p class="article-card__section"><a href="/ar/politics/">سياسة</a></p>\n'
        '        <h3 class="article-card__title"><a'
        ' href="/ar/politics/%D8%AE%D8%A8%D8%B1-%D8%A8%D9%84%D8%A7-%D8%B5%D9%88%D8%B1%D8%A9/">خبر'
        " بلا صورة</a></h3>\n"
        '        <p class="article-card__standfirst">مقدمة &lt;قصيرة&gt;.</p>\n'
        '        <p class="article-card__meta">\n'
        '<time datetime="2026-03-14T10:05:07+00:00">14 مارس، 2026</time></p>\n'
        "    </div>\n"
        "</article>\n"
    ),
    ("no author", "section box", "ar"): (
        '<article class="article-card">\n'
        "    \n"
        '    <div class="article-card__text">\n'
        "        \n"
        '        <h3 class="article-card__title"><a'
        ' href="/ar/politics/%D8%AE%D8%A8%D8%B1-%D8%A8%D9%84%D8%A7-%D8%B5%D9%88%D8%B1%D8%A9/">خبر'
        " بلا صورة</a></h3>\n"
        "        \n"
        '        <p class="article-card__meta">\n'
        '<time datetime="2026-03-14T10:05:07+00:00">14 مارس، 2026</time></p>\n'
        "    </div>\n"
        "</article>\n"
    ),
    ("one author", "lazy", "ar"): (
        '<article class="article-card">\n'
        '    <img alt="" class="article-card__image" decoding="async" height="180"'
        ' loading="lazy" sizes="(min-width: 64rem) 22rem, (min-width: 48rem) 45vw,'
        ' 100vw" src="{fill-320x180}" srcset="{fill-320x180} 320w, {fill-640x360} 640w,'
        ' {fill-960x540} 960w" width="320">\n'
        '    <div class="article-card__text">\n'
        '        <p class="article-card__section"><a href="/ar/politics/">سياسة</a></p>\n'
        '        <h3 class="article-card__title"><a href="/ar/politics/one-author/">خبر'
        " بكاتب واحد</a></h3>\n"
        '        <p class="article-card__standfirst">مقدمة.</p>\n'
        '        <p class="article-card__meta"><span class="byline__authors">بقلم <a'
        ' class="byline__author" rel="author" href="/ar/authors/leila-benali/"><bdi'
        ' class="byline__author-name">ليلى بنعلي</bdi></a></span> · \n'
        '<time datetime="2026-03-14T10:05:07+00:00">14 مارس، 2026</time></p>\n'
        "    </div>\n"
        "</article>\n"
    ),
    ("french", "default", "fr"): (
        '<article class="article-card">\n'
        "    \n"
        '    <div class="article-card__text">\n'
        '        <p class="article-card__section"><a'
        ' href="/fr/politics/">Politique</a></p>\n'
        '        <h3 class="article-card__title" lang="ar" dir="rtl"><a'
        ' href="/fr/politics/titre-non-traduit/">عنوان لم يترجم بعد</a></h3>\n'
        '        <p class="article-card__standfirst">Un chapeau en français.</p>\n'
        '        <p class="article-card__meta"><span class="byline__authors">Par <a'
        ' class="byline__author" rel="author" href="/fr/authors/leila-benali/"><bdi'
        ' class="byline__author-name">ليلى بنعلي</bdi></a></span> · \n'
        '<time datetime="2026-03-14T10:05:07+00:00">14 mars 2026</time></p>\n'
        "    </div>\n"
        "</article>\n"
    ),
}


CALLS = {
    "default": "",
    "lead": ' variant="lead"',
    "lazy": " lazy=True",
    "featured": ' variant="featured" compact=True',
    "section box": " hide_section=True lazy=True compact=True",
    "related": " compact=True",
}


def render(card, sections, call: str, language: str = "ar", *, known=True, request=None) -> str:
    """The card as a listing of ``language`` draws it; ``known``: the listing knows its section."""
    template = engines["django"].from_string(
        "{% load card_tags %}{% article_card article" + CALLS[call] + " %}"
    )
    section = sections[language]
    sections_by_path = {section.path: section} if known else {}
    with translation.override(language):
        html = template.render(
            {"article": card, "page": section, "sections_by_path": sections_by_path},
            request or RequestFactory().get(f"/{language}/"),
        )
    return html


def draw(card, sections, call: str, language: str = "ar", **options) -> str:
    """The card's markup, each rendition's address written as its spec in braces."""
    html = render(card, sections, call, language, **options)
    if card.lead_image is not None:
        for rendition in card.lead_image.renditions.all():
            html = html.replace(rendition.url, "{" + rendition.filter_spec + "}")
    return html


@pytest.mark.parametrize(("name", "call", "language"), list(EXPECTED))
def test_each_variant_of_the_card_is_drawn_as_before(cards, name, call, language):
    card, sections = cards[name]
    assert draw(card, sections, call, language) == EXPECTED[name, call, language]


def test_a_cards_link_is_the_one_wagtail_gives(cards):
    for name in ("two authors", "no author", "french"):
        card, sections = cards[name]
        language = card.locale.language_code
        with translation.override(language):
            expected = card.get_url(request=RequestFactory().get(f"/{language}/"))
        for known in (True, False):  # below the section's URL, or Wagtail's own
            html = draw(card, sections, "default", language, known=known)
            assert f'<a href="{expected}">' in html


def test_only_the_sizes_a_card_draws_are_read_with_it(cards):
    """A picture's other sizes (the article's own, the shared link's, the admin's thumbnails)
    stay in the database: a card draws from the three it shows, and asks for nothing more."""
    card, sections = cards["one author"]
    card.lead_image.get_renditions(
        "fill-320x180", "fill-640x360", "fill-960x540", "width-800", "fill-1200x630", "max-165x165"
    )
    again = read_cards(ArticlePage, [card.pk])[0]
    assert sorted(r.filter_spec for r in again.lead_image.prefetched_renditions) == [
        "fill-320x180",
        "fill-640x360",
        "fill-960x540",
    ]
    with CaptureQueriesContext(connection) as drawing:
        html = render(again, sections, "default")
    assert not [query for query in drawing if "wagtailimages_rendition" in query["sql"]]
    for rendition in card.lead_image.renditions.filter(filter_spec__startswith="fill-"):
        if rendition.filter_spec != "fill-1200x630":
            assert f"{rendition.url} {rendition.width}w" in html


def test_missing_renditions_are_made_once_and_then_read_with_the_cards(cards):
    card, sections = cards["one author"]
    assert card.lead_image.renditions.count() == 0
    draw(card, sections, "default")
    assert sorted(card.lead_image.renditions.values_list("filter_spec", flat=True)) == [
        "fill-320x180",
        "fill-640x360",
        "fill-960x540",
    ]
    again = read_cards(ArticlePage, [card.pk])[0]
    assert len(again.lead_image.prefetched_renditions) == 3


def test_a_listings_cards_are_drawn_without_a_query(cards, django_assert_num_queries):
    request = RequestFactory().get("/ar/")
    arabic = [cards[name][0].pk for name in ("two authors", "no author", "one author")]
    sections = cards["two authors"][1]
    for card in read_cards(ArticlePage, arabic):  # the renditions made, the site found
        render(card, sections, "lead", request=request)
    read = read_cards(ArticlePage, arabic)
    with django_assert_num_queries(0):
        for card in read:
            for call in CALLS:
                render(card, sections, call, request=request)

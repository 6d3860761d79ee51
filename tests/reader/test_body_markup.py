"""The article's body drawn in Python (translations/body_display.py) is what its blocks'
templates draw, character for character.

The reference is the loop the article template had before, each block through its own
template (``{% include_block %}``), which those templates still serve for block previews.
The body here has every block and every variant the Python drawing takes over: numbered and
unnumbered sections, a section with a title only, paragraphs with bold, italic, a link and
characters to escape, bullet lists numbered and not, with and without lead-ins, and blocks
it leaves to their templates (quote, sub-heading, table) at the top and inside sections.
It is drawn in Arabic, with Western and Eastern digits, and in French, where the
untranslated Arabic texts carry their language and direction.
"""

import pytest
from django.template import engines
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Site

from tests.factories import make_article
from translations.models import ArabicDigits, NumberFormattingSettings

pytestmark = pytest.mark.django_db

REFERENCE = (
    "{% load wagtailcore_tags %}"
    "{% for item in page.numbered_body %}\n"
    "            {% include_block item.block with number=item.number anchor=item.anchor %}\n"
    "        {% endfor %}"
)
DRAWN = "{% load body_tags %}{% article_body page.numbered_body %}"


def section(heading, content, unnumbered=False):
    return {
        "type": "headed_section",
        "value": {"heading": heading, "unnumbered": unnumbered, "content": content},
    }


def paragraph(html):
    return {"type": "paragraph", "value": html}


def bullets(items, ordered=False):
    return {
        "type": "bullet_list",
        "value": {
            "ordered": ordered,
            "items": [{"lead": lead, "text": text} for lead, text in items],
        },
    }


BODY = [
    paragraph(
        '<p>مقدمة <b>مهمة</b> و<i>مائلة</i> مع <a href="https://example.com/?a=1&amp;b=2">رابط</a>.</p>'
    ),
    {"type": "quote", "value": {"text": "الأمن مسؤولية\nمشتركة", "attribution": "مسؤول"}},
    section(
        "الاستراتيجية الأمنية: نهج <استباقي> & فعال",
        [
            paragraph("<p>اعتمد المغرب سياسة استباقية تعتمد على:</p>"),
            bullets(
                [("الاستخبارات الدقيقة", "تفكيك الخلايا قبل أن تتحرك."), ("", "بند بلا عنوان <b>")]
            ),
            {"type": "sub_heading", "value": {"level": "h3", "text": "التعاون مع دول الساحل"}},
            bullets([("أولاً", "خطوة"), ("ثانياً", "خطوة & أخرى")], ordered=True),
        ],
    ),
    section("Section written in French", [paragraph("<p>Un paragraphe en français.</p>")]),
    section("قسم بلا محتوى", []),
    {
        "type": "table",
        "value": {
            "caption": "الخلايا",
            "first_row_is_header": True,
            "rows": [["السنة", "العدد"], ["2024", "9"]],
        },
    },
    section("خاتمة", [paragraph("<p>في الختام.</p>")], unnumbered=True),
    bullets([("خلاصة", "نص")]),
]


@pytest.fixture
def article(demo_site):
    return make_article(demo_site["politics"], slug="body-markup", body=BODY)


def draw(source, article, language, path):
    request = RequestFactory().get(path)
    with translation.override(language):
        return engines["django"].from_string(source).render({"page": article, "request": request})


@pytest.mark.parametrize("language", ["ar", "fr"])
@pytest.mark.parametrize("digits", [ArabicDigits.WESTERN, ArabicDigits.EASTERN])
def test_the_body_is_drawn_as_its_blocks_templates_draw_it(article, language, digits):
    settings = NumberFormattingSettings.for_site(Site.objects.get(is_default_site=True))
    settings.arabic_digits = digits
    settings.save()
    path = f"/{language}/politics/body-markup/"
    expected = draw(REFERENCE, article, language, path)
    drawn = draw(DRAWN, article, language, path)
    assert drawn == expected
    # What makes the comparison worth making is in the drawing.
    assert drawn.count('<section class="article-section"') == 4
    assert "&lt;استباقي&gt; &amp; فعال" in drawn
    assert '<ol class="bullet-list">' in drawn and '<blockquote class="quote__text">' in drawn
    if language == "fr":
        assert ' lang="ar" dir="rtl"' in drawn
    if language == "ar" and digits == ArabicDigits.EASTERN:
        assert '<span class="section-number">\u0661.</span>' in drawn  # Eastern Arabic one


def test_the_seed_article_page_draws_its_body_through_the_python_drawing(client, demo_site):
    response = client.get(demo_site["article"].url)
    html = response.content.decode()
    assert html.count('<section class="article-section"') == 6
    assert '<span class="section-number">1.</span>' in html
